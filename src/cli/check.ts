/** `hoshin check`: validate only, report every problem, exit 1 if any is an error. */
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnostics, type ReportFormat } from "../diagnostics/format.js";
import { withSpoolFolder } from "../pipeline/model-spool.js";
import { checkedDataStore, loadInput } from "./load-or-refuse.js";
import { plural, type Output } from "./output.js";

export async function runCheck(
  options: { input: string; archive?: string; languages?: string; format: ReportFormat; strict?: boolean },
  output: Output,
): Promise<number> {
  const store = checkedDataStore();
  // Loaded as a build loads, with the models left on disk: a check reports, and holds no model.
  const result = await withSpoolFolder(async (spool) => {
    const loaded = await loadInput(options.input, { archive: options.archive, languagesDir: options.languages, strict: options.strict, store, spool });
    await store.settled();
    return loaded;
  });
  const failed = hasErrors(result.diagnostics);
  if (options.format === "json") {
    output.out(formatDiagnostics(result.diagnostics, "json"));
  } else {
    output.out(formatDiagnostics(result.diagnostics, "text"));
    if (!failed) {
      output.out(`hoshin: ${plural(result.fileCount, "organization file")} checked, no errors\n`);
    }
  }
  return failed ? 1 : 0;
}
