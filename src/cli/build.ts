/** `hoshin build`: validate everything first; only then render, print and publish. */
import { performance } from "node:perf_hooks";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnostics, type ReportFormat } from "../diagnostics/format.js";
import { assertSafeOutputFolder, publishAtomically } from "../build/publish.js";
import { defaultArchiveDir } from "../build/load.js";
import { findBrowser } from "../pdf/find-browser.js";
import { PdfCache, defaultCacheDir } from "../pdf/cache.js";
import type { PdfStageResult } from "../pdf/print-site.js";
import { packageInfo } from "../package-info.js";
import { UsageError } from "../errors.js";
import { organizationsOfShard, parseShard, trimToShard } from "../build/shard.js";
import { loadInput } from "./load-or-refuse.js";
import { plural, type Output } from "./output.js";
import { terminalProgress } from "./progress.js";

export interface BuildCommandOptions {
  input: string;
  out: string;
  pdf: boolean;
  siteUrl?: string;
  pathPrefix?: string;
  /** Folder of archived versions; default `archive` beside the input folder. */
  archive?: string;
  /** `i/n`: build shard i of n (a CI matrix job). */
  shard?: string;
  format: ReportFormat;
  /** An incomplete policy is an error: nothing is published. */
  strict?: boolean;
}

export async function runBuild(command: BuildCommandOptions, output: Output): Promise<number> {
  const started = performance.now();
  const options = { ...command, ...publicAddress(command) };
  const shard = command.shard === undefined ? undefined : parseShard(command.shard);
  assertSafeOutputFolder(options.out, options.input, process.cwd(), options.archive ?? defaultArchiveDir(options.input));
  const result = await loadInput(options.input, { archive: options.archive, strict: options.strict });
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
  // Before anything is written: a missing browser should cost the user no time.
  const browser = options.pdf ? await findBrowser() : undefined;
  // Every file is validated whatever the shard, so each shard's report is complete.
  const built = organizationsOfShard(result.organizations, shard);
  const pages = built.flatMap((o) => o.pages);
  let pdfs: PdfStageResult | undefined;
  // Ctrl-C (or a cancelled CI job) stops the build between steps and leaves the old site;
  // a second Ctrl-C, with the handler gone, ends the process at once.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  // Loaded only now: Eleventy and Playwright take most of a second to import, which check,
  // --help and every refused build would otherwise pay.
  const { renderSite } = await import("../build/eleventy.js");
  const buildInto = async (staging: string): Promise<void> => {
    await renderSite(result.organizations, {
      outDir: staging,
      pathPrefix: options.pathPrefix,
      pdf: options.pdf,
      siteUrl: options.siteUrl,
      only: shard ? new Set(built.map((o) => o.slug)) : undefined,
    });
    if (browser && !stop.signal.aborted) {
      const { printPdfs } = await import("../pdf/print-site.js");
      pdfs = await printPdfs(pages, {
        siteDir: staging,
        pathPrefix: options.pathPrefix,
        browser,
        cache: new PdfCache(defaultCacheDir()),
        producer: `hoshin ${packageInfo.version}`,
        siteUrl: options.siteUrl,
        progress: terminalProgress("hoshin: PDF", (text) => output.err(text), output.interactive),
        signal: stop.signal,
      });
    }
    if (shard && !stop.signal.aborted) await trimToShard(staging, result.organizations, shard);
  };
  try {
    await publishAtomically(options.out, buildInto, stop.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (options.format === "text") {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const what = shard
      ? `shard ${shard.index}/${shard.count}: ${built.length} of ${plural(result.organizations.length, "organization")}`
      : plural(result.organizations.length, "organization");
    output.out(`hoshin: built ${what} (${plural(pages.length, "policy page")}) into ${options.out}/ in ${seconds} s\n`);
    if (pdfs) output.out(`hoshin: ${describePdfStage(pdfs)}\n`);
  }
  return 0;
}

/** The published address, checked, and the path prefix it implies unless one is given. */
export function publicAddress({ siteUrl, pathPrefix }: { siteUrl?: string; pathPrefix?: string }): { siteUrl?: string; pathPrefix: string } {
  if (siteUrl === undefined) return { pathPrefix: pathPrefix ?? "/" };
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new UsageError(`hoshin: --site-url \`${siteUrl}\` is not a web address; write it in full, e.g. https://example.org/policies/`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`hoshin: --site-url \`${siteUrl}\` must start with https:// or http://`);
  }
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { siteUrl: base, pathPrefix: pathPrefix ?? new URL(base).pathname };
}

function describePdfStage({ printed, reused, milliseconds, bytes }: PdfStageResult): string {
  const size = `${(bytes / 1024).toFixed(0)} KB in all`;
  if (printed === 0 && reused === 0) return "PDF: no policy pages, nothing to print";
  if (printed === 0) return `PDF: all ${reused} up to date, nothing printed (${size})`;
  const each = Math.round(milliseconds / printed);
  const upToDate = reused ? `, ${reused} up to date` : "";
  return `PDF: printed ${plural(printed, "document")} in ${(milliseconds / 1000).toFixed(2)} s (${each} ms each)${upToDate}, ${size}`;
}
