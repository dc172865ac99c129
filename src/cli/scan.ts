/**
 * `hoshin scan <paths...> --org <slug>`: read the organization's website as files, report
 * what it sends elsewhere against what its policy declares, and with `--write` add the
 * catalogue entries it lacks. Exit 0 when everything found is declared, 1 when something is
 * not (or the organization's data has errors), 2 for a usage mistake.
 */
import path from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnostics, type ReportFormat } from "../diagnostics/format.js";
import { UsageError } from "../diagnostics/errors.js";
import { formatScanReport, scanSite, SiteInputError, writeEntries, SCANNED_EXTENSIONS } from "../scan/scan.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { loadInput } from "./load-or-refuse.js";
import type { Output } from "./output.js";

export interface ScanCommandOptions {
  org: string;
  input: string;
  archive?: string;
  siteHost?: string[];
  format: ReportFormat;
  write?: boolean;
}

const HOST = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export async function runScan(paths: readonly string[], options: ScanCommandOptions, output: Output): Promise<number> {
  const bad = (options.siteHost ?? []).find((host) => !HOST.test(host.toLowerCase()));
  if (bad !== undefined) throw new UsageError(`hoshin: --site-host \`${bad}\` is not a host name (for instance static.example.org, or .example.org for every host under it)`);

  const result = await loadInput(options.input, { archive: options.archive });
  const source = result.sources.get(options.org);
  const problems = result.diagnostics.filter((d) => (source ? d.file === source.file : path.parse(d.file).name === options.org));
  if (hasErrors(problems)) {
    output.out(formatDiagnostics(problems, options.format));
    output.err(`hoshin: fix ${problems[0]!.file} first: hoshin scan compares the site with a data file that passes hoshin check\n`);
    return 1;
  }
  if (!source) {
    const match = closestMatch(options.org, result.sources.keys());
    const hint = match ? ` (did you mean \`${match}\`?)` : ` (the slug is the file name without its extension)`;
    throw new UsageError(`hoshin: there is no organization \`${options.org}\` in ${options.input}${hint}`);
  }

  let report;
  try {
    report = await scanSite({ paths, source, siteHosts: options.siteHost });
  } catch (error) {
    if (error instanceof SiteInputError) throw new UsageError(`hoshin: ${error.message}`, { cause: error });
    throw error;
  }
  if (report.files === 0) {
    throw new UsageError(`hoshin: no file to read in ${paths.join(", ")}: hoshin scan reads the website's ${SCANNED_EXTENSIONS.join(", ")} files`);
  }

  const missing = [...new Set(report.undeclared.flatMap((group) => (group.id ? [group.id] : [])))];
  const written = options.write ? missing : [];
  if (written.length) await writeEntries(source.absolutePath, source.format, written);

  output.out(formatScanReport(options.write ? { ...report, written } : report, options.format));
  const left = report.undeclared.filter((group) => !group.id || !written.includes(group.id));
  return left.length ? 1 : 0;
}
