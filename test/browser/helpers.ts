/**
 * Shared by the browser tests: the example site built once, served as-is from loopback,
 * and a real headless Chromium to look at it with. Not a test file itself (no `.test.ts`).
 *
 * The server here is deliberately not src/print/print-server.ts: that one swaps in the
 * print fonts, while these tests must see exactly the files a visitor would get.
 */
import { readFile, readdir, rm } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { chromium, type Browser, type Page, type Request } from "playwright-core";
import sirv from "sirv";

import { listenOnLoopback } from "../../src/print/print-server.js";
import { CHROMIUM_ARGS } from "../../src/print/print-site.js";
import { REPO, buildSite } from "../helpers/site.js";

/** The fast headless build of Chromium that hoshin itself prefers for printing. */
export const CHROMIUM = "/usr/bin/chromium-headless-shell";

export interface ExampleSite {
  /** The built site on disk. */
  dir: string;
  /** `http://127.0.0.1:PORT`, serving `dir` as a static host would. */
  origin: string;
  /** `/`: the list of every organization. */
  index: string;
  /** `/<slug>/<lang>/`: every policy page, each language. */
  policies: string[];
  /** `/<slug>/changes/<date>/<lang>/` and `/<slug>/versions/<date>/<lang>/`: change pages and archived versions. */
  history: string[];
  /** `/<slug>/`: the short addresses that send visitors on to the authoritative language. */
  redirects: Redirect[];
  /** `/<slug>/external-transmission/<lang>/`: the external-transmission tables' pages of their own. */
  transmission: string[];
  /** `/<slug>/external-transmission/`: their short addresses. */
  transmissionRedirects: Redirect[];
  /** Every `.html` file of the site, relative to `dir`. */
  htmlFiles: string[];
  /**
   * What the server answered, request by request: it also sees what the browser asks for on
   * its own (a favicon, say), which never shows as a request of the page.
   */
  served: Served[];
  close(): Promise<void>;
}

export interface Served {
  url: string;
  status: number;
}

export interface Redirect {
  url: string;
  /** Where the page sends its visitor. */
  target: string;
}

/** Builds `organizations/` into a temporary folder (with PDF links, as `hoshin build` does) and serves it. */
export async function exampleSite(): Promise<ExampleSite> {
  const dir = await buildSite(path.join(REPO, "organizations"));
  const htmlFiles = (await readdir(dir, { recursive: true }))
    .filter((file) => file.endsWith(".html"))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
  const policies: string[] = [];
  const history: string[] = [];
  const redirects: Redirect[] = [];
  const transmission: string[] = [];
  const transmissionRedirects: Redirect[] = [];
  for (const file of htmlFiles) {
    const parts = file.split("/");
    if (parts[1] === "external-transmission") {
      if (parts.length === 4 && parts[3] === "index.html") transmission.push(`/${parts.slice(0, 3).join("/")}/`);
      if (parts.length === 3 && parts[2] === "index.html") transmissionRedirects.push(await redirectOf(dir, file));
      continue;
    }
    if (parts.length === 3 && parts[2] === "index.html") policies.push(`/${parts[0]}/${parts[1]}/`);
    if (parts.length === 5 && ["changes", "versions"].includes(parts[1]!) && parts[4] === "index.html") {
      history.push(`/${parts.slice(0, 4).join("/")}/`);
    }
  }
  for (const file of htmlFiles) {
    const parts = file.split("/");
    if (parts.length !== 2 || parts[1] !== "index.html") continue;
    redirects.push(await redirectOf(dir, file));
  }
  if (!htmlFiles.includes("index.html")) throw new Error("the example site has no index.html");

  const server = await serve(dir);
  return {
    dir,
    origin: server.origin,
    index: "/",
    policies,
    history,
    redirects,
    transmission,
    transmissionRedirects,
    htmlFiles,
    served: server.served,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A short address and where it sends visitors, read from the built page itself: its markup is under test. */
async function redirectOf(dir: string, file: string): Promise<Redirect> {
  const url = `/${file.replace(/index\.html$/, "")}`;
  const html = await readFile(path.join(dir, file), "utf8");
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html);
  if (!refresh) throw new Error(`${url} has no meta refresh`);
  return { url, target: refresh[1]! };
}

/** A static server for `dir` on 127.0.0.1 and a free port: what any plain web host does. */
async function serve(dir: string): Promise<{ origin: string; served: Served[]; close(): Promise<void> }> {
  const files = sirv(dir, { dev: false, etag: false, dotfiles: false });
  const served: Served[] = [];
  const server = http.createServer((request, response) => {
    response.on("finish", () => served.push({ url: request.url ?? "", status: response.statusCode }));
    files(request, response, () => {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    });
  });
  return { ...(await listenOnLoopback(server)), served };
}

/** The headless shell, with the flags hoshin prints with. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What happened on the network and in the console while a page loaded. */
export interface LoadRecord {
  /** Every URL the page asked for, in order (the document itself included). */
  requests: string[];
  /** Requests that got no answer, or an HTTP error. */
  failures: string[];
  /** Console errors and warnings (Chromium reports blocked loads here) and uncaught exceptions. */
  console: string[];
  /** `securitypolicyviolation` events, as `directive blocked-uri`. */
  violations: string[];
  /** Requests asked for and not yet answered (or failed). */
  pending: Set<Request>;
}

/**
 * A fresh context and page that records everything a page load does. CSP violations are
 * caught by a listener installed before any page script could run, and reported through a
 * binding, so ones during a redirect are not lost with the document they happened in.
 */
export async function recordingPage(browser: Browser): Promise<{ page: Page; record: LoadRecord }> {
  const context = await browser.newContext();
  const record: LoadRecord = { requests: [], failures: [], console: [], violations: [], pending: new Set() };
  await context.exposeBinding("__hoshinViolation", (_source, violation: string) => {
    record.violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __hoshinViolation(violation: string): void }).__hoshinViolation;
      void report(`${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on("request", (request) => {
    record.requests.push(request.url());
    record.pending.add(request);
  });
  page.on("requestfinished", (request) => record.pending.delete(request));
  page.on("requestfailed", (request) => {
    record.pending.delete(request);
    record.failures.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) record.failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") record.console.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => record.console.push(`exception: ${error.message}`));
  return { page, record };
}

/** Opens `url` and waits until it has loaded, fonts too (and, given its record, every request is answered). */
export async function load(page: Page, url: string, record?: LoadRecord): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await settled(page, record);
}

/**
 * Waits until the page now loading (after a redirect, say) has its fonts, and every request
 * in `record` has had its answer. Counted, not guessed from a quiet moment on the network,
 * so a busy machine makes it slower, never wrong.
 */
export async function settled(page: Page, record?: LoadRecord): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const deadline = Date.now() + 30_000;
  while (record?.pending.size) {
    if (Date.now() > deadline) throw new Error(`no answer to ${[...record.pending].map((request) => request.url()).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs `task` for every item, a few at a time (one browser serves them all), and reports
 * every failure, not only the first.
 */
export async function eachPage<T>(items: readonly T[], task: (item: T) => Promise<void>, concurrency = 4): Promise<void> {
  const queue = [...items];
  const errors: unknown[] = [];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await task(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, errors.map((error) => (error as Error).message).join("\n\n"));
}
