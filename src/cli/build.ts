/** `hoshin build`: validate everything first; only then render, print and publish. */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { cacheRoot } from "../cache/cache-dir.js";
import type { IncrementalRenderResult } from "../pipeline/incremental.js";
import { PageStore, pageKeys, renderInputs } from "../pipeline/page-store.js";
import type { RenderOptions } from "../pipeline/eleventy.js";
import { hoshinFingerprint } from "../cache/fingerprint.js";
import { PublishedSites, siteKey } from "../cache/up-to-date.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnostics, type ReportFormat } from "../diagnostics/format.js";
import { assertSafeOutputFolder, publishAtomically } from "../publish/publish.js";
import { defaultArchiveDir } from "../pipeline/load.js";
import { fileIdentity, findBrowser, type BrowserExecutable } from "../print/find-browser.js";
import { PdfCache, defaultCacheDir } from "../print/cache.js";
import type { PdfStageResult } from "../print/print-site.js";
import { packageInfo } from "../model/package-info.js";
import { UsageError } from "../diagnostics/errors.js";
import { organizationsOfShard, parseShard, trimToShard, type Shard } from "../publish/shard.js";
import { startRenderWorkers } from "../pipeline/parallel-render.js";
import { checkedDataStore, loadInput } from "./load-or-refuse.js";
import { withSpoolFolder } from "../pipeline/model-spool.js";
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
  /** Folder of languages the site adds; default `languages` beside the input folder. */
  languages?: string;
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
  // The models wait on disk between loading and rendering: memory does not grow with them.
  return withSpoolFolder((spool) => buildWithSpool({ ...options, shard, started, spool }, output));
}

async function buildWithSpool(
  options: Omit<BuildCommandOptions, "shard"> & { pathPrefix: string; shard?: Shard; started: number; spool: string },
  output: Output,
): Promise<number> {
  const { shard, started } = options;
  const checked = checkedDataStore();
  const result = await loadInput(options.input, {
    archive: options.archive,
    languagesDir: options.languages,
    strict: options.strict,
    store: checked,
    spool: options.spool,
  });
  // JSON is always a whole document, even with nothing to report, so scripts can parse stdout.
  if (result.diagnostics.length || options.format === "json") {
    const report = formatDiagnostics(result.diagnostics, options.format);
    if (options.format === "json") output.out(report);
    else output.err(report);
  }
  if (hasErrors(result.diagnostics)) {
    output.err(`hoshin: nothing was built; ${options.out}/ is unchanged\n`);
    await checked.settled();
    return 1;
  }
  // Before anything is written: a missing browser should cost the user no time.
  const browser = options.pdf ? await findBrowser() : undefined;
  // Every file is validated whatever the shard, so each shard's report is complete.
  const built = organizationsOfShard(result.spooled, (o) => o.listing.slug, shard);
  const pages = built.flatMap((o) => o.listing.pages);
  const render: RenderOptions = {
    outDir: options.out,
    pathPrefix: options.pathPrefix,
    pdf: options.pdf,
    siteUrl: options.siteUrl,
    only: shard ? new Set(built.map((o) => o.listing.slug)) : undefined,
    languages: result.languages.length ? result.languages : undefined,
  };
  const pageStore = new PageStore(path.join(cacheRoot(), "pages"));
  const keys = await pageKeys(pageStore, result.spooled, render);
  const sites = new PublishedSites(path.join(cacheRoot(), "sites"));
  const key = await wholeSiteKey(keys, render, shard, browser);
  if (await sites.isCurrent(options.out, key)) {
    // A file can change without changing its organization (a comment): its checks are kept.
    await checked.settled();
    if (options.format === "text") {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      output.out(`hoshin: nothing changed since the last build; ${options.out}/ is up to date (${describeBuilt(result.spooled.length, built.length, pages.length, shard)}, checked in ${seconds} s)\n`);
    }
    return 0;
  }
  let pdfs: PdfStageResult | undefined;
  // Ctrl-C (or a cancelled CI job) stops the build between steps and leaves the old site;
  // a second Ctrl-C, with the handler gone, ends the process at once.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  // Loaded only now: Eleventy and Playwright take most of a second to import, which check,
  // --help and every refused build would otherwise pay.
  // Threads for the parts of the render start loading Eleventy while this thread does too.
  startRenderWorkers(await pageStore.missing(built.map((o) => keys.get(o.listing.slug)!)));
  const { renderIncrementally } = await import("../pipeline/incremental.js");
  let rendering: IncrementalRenderResult | undefined;
  const buildInto = async (staging: string): Promise<void> => {
    rendering = await renderIncrementally(result.spooled, { ...render, outDir: staging, store: pageStore, keys });
    if (browser && !stop.signal.aborted) {
      const { printPdfs } = await import("../print/print-site.js");
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
    if (shard && !stop.signal.aborted) await trimToShard(staging, new Set(result.spooled.map((o) => o.listing.slug)), shard);
  };
  try {
    await publishAtomically(options.out, buildInto, stop.signal);
    await sites.record(options.out, key);
    // The caches were written while the build went on; done now, they are tidied.
    await Promise.all([checked.settled(), pageStore.settled()]);
    await Promise.all([checked.prune(), pageStore.prune()]);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (options.format === "text") {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const unchanged = rendering?.restored ? `; ${rendering.restored} unchanged, taken from the cache` : "";
    output.out(`hoshin: built ${describeBuilt(result.spooled.length, built.length, pages.length, shard)} into ${options.out}/ in ${seconds} s${unchanged}\n`);
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

/**
 * Everything the published site is made from: each organization's page key (its model and
 * the render options), the options, the shard, the browser that prints, and hoshin itself.
 */
async function wholeSiteKey(
  pageKeys: ReadonlyMap<string, string>,
  render: RenderOptions,
  shard: Shard | undefined,
  browser: BrowserExecutable | undefined,
): Promise<string> {
  return siteKey({
    hoshin: await hoshinFingerprint(),
    organizations: [...pageKeys],
    render: renderInputs(render),
    shard: shard ?? null,
    browser: browser ? { path: browser.path, identity: browser.identity ?? (await fileIdentity(browser.path)) } : null,
  });
}

/** `1000 organizations (1715 policy pages)`, or for a shard `shard 2/4: 250 of 1000 organizations (…)`. */
function describeBuilt(all: number, built: number, pages: number, shard: Shard | undefined): string {
  const what = shard ? `shard ${shard.index}/${shard.count}: ${built} of ${plural(all, "organization")}` : plural(all, "organization");
  return `${what} (${plural(pages, "policy page")})`;
}

function describePdfStage({ printed, reused, milliseconds, bytes }: PdfStageResult): string {
  const size = `${(bytes / 1024).toFixed(0)} KB in all`;
  if (printed === 0 && reused === 0) return "PDF: no policy pages, nothing to print";
  if (printed === 0) return `PDF: all ${reused} up to date, nothing printed (${size})`;
  const each = Math.round(milliseconds / printed);
  const upToDate = reused ? `, ${reused} up to date` : "";
  return `PDF: printed ${plural(printed, "document")} in ${(milliseconds / 1000).toFixed(2)} s (${each} ms each)${upToDate}, ${size}`;
}
