/** `hoshin build`: validate everything first; only then render and publish. */
import { performance } from "node:perf_hooks";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnostics, type ReportFormat } from "../diagnostics/format.js";
import { assertSafeOutputFolder, publishAtomically } from "../build/publish.js";
import { loadInput } from "./load-or-refuse.js";
import { plural, type Output } from "./output.js";

export interface BuildCommandOptions {
  input: string;
  out: string;
  pdf: boolean;
  pathPrefix: string;
  format: ReportFormat;
}

export async function runBuild(options: BuildCommandOptions, output: Output): Promise<number> {
  const started = performance.now();
  assertSafeOutputFolder(options.out, options.input, process.cwd());
  const result = await loadInput(options.input);
  // JSON is always a whole document, even with nothing to report, so scripts can parse stdout.
  if (result.diagnostics.length || options.format === "json") {
    const report = formatDiagnostics(result.diagnostics, options.format);
    if (options.format === "json") output.out(report);
    else output.err(report);
  }
  if (hasErrors(result.diagnostics)) {
    output.err(`hoshin: nothing was built; ${options.out}/ is unchanged\n`);
    return 1;
  }
  const pages = result.organizations.reduce((sum, o) => sum + o.pages.length, 0);
  // Loaded only now: Eleventy takes most of a second to import, which check, --help and
  // every refused build would otherwise pay.
  const { renderSite } = await import("../build/eleventy.js");
  await publishAtomically(options.out, (staging) =>
    renderSite(result.organizations, { outDir: staging, pathPrefix: options.pathPrefix }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (options.format === "text") {
    output.out(
      `hoshin: built ${plural(result.organizations.length, "organization")} (${plural(pages, "policy page")}) into ${options.out}/ in ${seconds} s\n`,
    );
  }
  return 0;
}
