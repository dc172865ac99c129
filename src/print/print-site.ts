/**
 * The PDF stage: every policy page of the staging site printed beside itself, by one
 * browser with a few tabs, from a loopback server. Pages whose inputs are unchanged are
 * copied from the cache instead of printed.
 */
import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BrowserContext } from "playwright-core";
import type { ListedPage } from "../model/listing.js";
import { mapInBatches } from "../workers/batches.js";
import { EnvironmentError } from "../diagnostics/errors.js";
import { fileIdentity, type BrowserExecutable } from "./find-browser.js";
import type { PdfCache } from "./cache.js";
import { finalizePdf, type PdfDescription } from "./finalize.js";
import type { LinkRebase } from "./link-rebase.js";
import { printAssetsFingerprint, startPrintServer } from "./print-server.js";

const require = createRequire(import.meta.url);

/** Progress of a long stage; the CLI decides how (or whether) to show it. */
export interface StageProgress {
  start(total: number): void;
  advance(label: string): void;
  finish(): void;
}

export interface PdfStageOptions {
  siteDir: string;
  pathPrefix: string;
  browser: BrowserExecutable;
  cache: PdfCache;
  /** Written into each PDF's Producer: `hoshin 0.1.0`. */
  producer: string;
  /** Where the site is published (`https://example.org/policies/`), for links in the PDFs. */
  siteUrl?: string;
  /** Stops printing between documents (Ctrl-C); the stage then returns what it did. */
  signal?: AbortSignal;
  /** Pages printed at once; default one more than the cores (so a core is never idle while a
   * tab waits for the browser), at most four. */
  tabs?: number;
  progress?: StageProgress;
}

export interface PdfStageResult {
  printed: number;
  reused: number;
  milliseconds: number;
  /** Total size of the PDFs written. */
  bytes: number;
}

/**
 * Flags for a sandboxed CI machine with no network: no updates, no sync, no GPU. Low-end
 * device mode keeps Blink's caches small: each tab's renderer holds about 110 MB instead of
 * 170 MB (1,000 organizations printed with 1.1 GB in all, not 1.3), and prints the same
 * bytes at the same speed.
 */
export const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-low-end-device-mode",
];

/** Pages looked up in the cache at once: enough to keep the disk busy, few enough for file handles. */
const CACHE_BATCH = 32;

/** What the stage needs of a policy page: where it is and its PDF goes, its language and date. */
export type PrintedPage = Pick<ListedPage, "slug" | "lang" | "url" | "pdfUrl" | "lastRevised">;

interface PrintJob {
  page: PrintedPage;
  key: string;
  output: string;
}

export async function printPdfs(pages: readonly PrintedPage[], options: PdfStageOptions): Promise<PdfStageResult> {
  const started = performance.now();
  const shared = await sharedFingerprint(options);
  const jobs: PrintJob[] = [];
  let reused = 0;
  let bytes = 0;
  // Pages are looked up a batch at a time: on a rebuild with nothing to print, reading and
  // hashing thousands of pages one after another was most of the stage.
  const lookedUp = await mapInBatches(pages, CACHE_BATCH, async (page) => {
    const output = path.join(options.siteDir, page.pdfUrl);
    const key = await cacheKey(shared, page, options.siteDir);
    const size = (await options.cache.restore(key, output)) ? (await stat(output)).size : undefined;
    return { job: { page, key, output }, size };
  });
  for (const { job, size } of lookedUp) {
    if (size === undefined) jobs.push(job);
    else {
      reused++;
      bytes += size;
    }
  }
  if (jobs.length > 0) bytes += await printJobs(jobs, options);
  await options.cache.prune();
  return { printed: jobs.length, reused, milliseconds: performance.now() - started, bytes };
}

async function printJobs(jobs: PrintJob[], options: PdfStageOptions): Promise<number> {
  // Playwright takes a third of a second to load: a build with every PDF up to date skips it.
  // Required, not imported: an ESM import makes Node scan its 3.6 MB bundle for export
  // names before running it, another 0.2–0.3 s of CPU.
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const server = await startPrintServer(options.siteDir, options.pathPrefix, jobs.map((job) => job.page.lang));
  const prefix = options.pathPrefix.replace(/\/$/, "");
  const links = linkRebase(server.origin, prefix, options.siteUrl);
  let browser;
  try {
    // hoshin handles Ctrl-C itself (it stops between documents and cleans up); Playwright's
    // own handler would kill the browser under a print in flight.
    browser = await chromium.launch({
      executablePath: options.browser.path,
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await server.close();
    throw new EnvironmentError(
      `hoshin: could not start the browser at ${options.browser.path} to print PDFs (${firstLine(error)})`,
      { cause: error },
    );
  }
  const sizes: number[] = [];
  options.progress?.start(jobs.length);
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    let next = 0;
    const tabs = options.tabs ?? Math.min(4, os.availableParallelism() + 1);
    const worker = async () => {
      const tab = await context.newPage();
      let loaded = false;
      for (let job = jobs[next++]; job && !options.signal?.aborted; job = jobs[next++]) {
        const url = `${server.origin}${prefix}${job.page.url}`;
        if (!loaded) {
          // One real navigation per tab loads the stylesheets and decodes the fonts once;
          // every policy after that is swapped into this document (see showPolicy).
          await openTab(tab, url, job);
          loaded = true;
        }
        sizes.push(await printOne(tab, job, `${prefix}${job.page.url}`, links, options));
        options.progress?.advance(`${job.page.slug} (${job.page.lang})`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(tabs, jobs.length) }, worker));
  } finally {
    options.progress?.finish();
    await browser.close();
    await server.close();
  }
  return sizes.reduce((sum, size) => sum + size, 0);
}

type Tab = Awaited<ReturnType<BrowserContext["newPage"]>>;

/**
 * Nobody looks at these tabs: with the body skipped on screen, the browser lays each policy
 * out for paper only, and paints no frames of it. Skipped, not removed (display: none):
 * Chromium lays a page out for paper twice per print (to count the pages, then to print
 * them) and returns to the screen in between, and a body with no box on screen would throw
 * away the boxes and shaped text of the first pass; skipped content keeps them.
 */
const OFF_SCREEN_CSS = "@media screen { body { content-visibility: hidden !important; } }";

async function openTab(tab: Tab, url: string, job: PrintJob): Promise<void> {
  try {
    // Skipped from the first navigation on, so the first page is not laid out and painted
    // for the screen either (about a third of the cost of opening a tab).
    await tab.addInitScript(adoptOffScreenSheet, OFF_SCREEN_CSS);
    const response = await tab.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`the page answered ${response?.status() ?? "nothing"}`);
    // With nothing laid out on screen, nothing promises the faces were asked for: load them
    // now, once per tab (document.fonts.ready does not wait for a face never requested).
    await tab.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())));
  } catch (error) {
    throw new EnvironmentError(`hoshin: printing ${job.page.url} to PDF failed (${firstLine(error)})`, { cause: error });
  }
}

async function printOne(tab: Tab, job: PrintJob, address: string, links: LinkRebase, options: PdfStageOptions): Promise<number> {
  try {
    const html = await readFile(pageFile(options.siteDir, job.page), "utf8");
    const description = await tab.evaluate(showPolicy, { html, address, offScreenCss: OFF_SCREEN_CSS });
    const printed = await tab.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const pdf = await finalizePdf(printed, { ...description, date: job.page.lastRevised } satisfies PdfDescription, options.producer, links);
    await options.cache.store(job.key, pdf, job.output);
    return pdf.length;
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`hoshin: printing ${job.page.url} to PDF failed (${firstLine(error)})`, { cause: error });
  }
}

/** Runs in the tab as its document starts: the body off screen from the first paint. */
function adoptOffScreenSheet(offScreenCss: string): void {
  const offScreen = new CSSStyleSheet();
  offScreen.replaceSync(offScreenCss);
  document.adoptedStyleSheets = [offScreen];
}

/**
 * Runs in the tab: makes the loaded document into the given policy page — its address,
 * language, title, running header and body — and says how the page describes itself, for
 * the PDF's metadata. Every policy page shares one layout and one set of stylesheets, so
 * this prints the same bytes as a fresh navigation (checked by test/pdf), at a third of
 * the cost: no new document, no fonts decoded again.
 */
async function showPolicy({ html, address, offScreenCss }: { html: string; address: string; offScreenCss: string }) {
  const next = new DOMParser().parseFromString(html, "text/html");
  history.replaceState(null, "", address);
  document.documentElement.lang = next.documentElement.lang;
  document.title = next.title;
  // The running header comes from each page's own <style media="print">, which this
  // document's Content-Security-Policy would refuse (its hash is another page's): a
  // constructed sheet with the same rules takes its place, and the first page's goes.
  for (const style of document.querySelectorAll('style[media="print"]')) style.remove();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(next.querySelector('style[media="print"]')?.textContent ?? "");
  // The body stays off screen (OFF_SCREEN_CSS, same sheet as the first navigation's).
  const offScreen = new CSSStyleSheet();
  offScreen.replaceSync(offScreenCss);
  document.adoptedStyleSheets = [offScreen, sheet];
  document.body.replaceWith(document.adoptNode(next.body));
  await document.fonts.ready;
  const meta = (name: string) => next.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? "";
  return { title: next.title, author: meta("author"), subject: meta("description"), lang: next.documentElement.lang };
}

/**
 * Where links printed against the loopback server must point. A custom section may link to
 * the host's own pages outside the prefix (`/forms/` beside a site under `/policies/`), so
 * the whole origin is rebased: onto the root of the published address when it is known (and
 * ends in the prefix, as the address `--site-url` gives), else onto the root path, which PDF
 * viewers in a browser resolve against the PDF's own address.
 */
function linkRebase(origin: string, prefix: string, siteUrl: string | undefined): LinkRebase {
  if (siteUrl === undefined) return { from: `${origin}/`, to: "/" };
  const published = new URL(siteUrl);
  if (published.pathname === `${prefix}/`) return { from: `${origin}/`, to: `${published.origin}/` };
  return { from: `${origin}${prefix}/`, to: siteUrl };
}

function pageFile(siteDir: string, page: PrintedPage): string {
  return path.join(siteDir, page.url, "index.html");
}

/** What every PDF of this run depends on: hoshin, the browser binary, print fonts, the stylesheet. */
async function sharedFingerprint(options: PdfStageOptions): Promise<string> {
  return [
    // 2: links outside the path prefix rebased too (see linkRebase).
    "hoshin-pdf/2",
    options.producer,
    options.siteUrl ?? "",
    options.pathPrefix,
    options.browser.identity ?? (await fileIdentity(options.browser.path)),
    printAssetsFingerprint(),
    await readFile(path.join(options.siteDir, "assets", "hoshin", "hoshin.css"), "utf8"),
  ].join("\n");
}


async function cacheKey(shared: string, page: PrintedPage, siteDir: string): Promise<string> {
  const hash = createHash("sha256").update(shared);
  // The page carries its running header (its <style media="print">).
  hash.update(await readFile(pageFile(siteDir, page)));
  hash.update(`\n${page.lastRevised ?? ""}`);
  return hash.digest("hex");
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
