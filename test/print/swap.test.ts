/**
 * print-site.ts loads one page per tab and swaps every later policy into that document
 * (`showPolicy`), claiming this prints the same bytes as a fresh navigation. Checked here:
 * every example printed by `printPdfs` in one tab (one navigation, nine swaps) against the
 * same page printed the plain way — its own navigation, its own inline rules for paper, no swap —
 * and finished by the same `finalizePdf`.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadOrganizations } from "../../src/pipeline/load.js";
import type { PolicyPage } from "../../src/model/policy.js";
import { PdfCache } from "../../src/print/cache.js";
import { finalizePdf } from "../../src/print/finalize.js";
import { findBrowser } from "../../src/print/find-browser.js";
import { startPrintServer } from "../../src/print/print-server.js";
import { printPdfs, type PdfStageResult, CHROMIUM_ARGS } from "../../src/print/print-site.js";
import { REPO, buildSite } from "../helpers/site.js";

const PRODUCER = "hoshin test";
/** As print-site.ts launches it. */

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Each page printed as a browser prints it after opening it: no document reused. */
async function printFresh(site: string, pages: readonly PolicyPage[]): Promise<Map<string, Uint8Array>> {
  const server = await startPrintServer(site, "/");
  const browser = await chromium.launch({ executablePath: (await findBrowser()).path, args: CHROMIUM_ARGS });
  const printed = new Map<string, Uint8Array>();
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const queue = [...pages];
    const worker = async () => {
      for (let page = queue.shift(); page; page = queue.shift()) {
        const tab = await context.newPage();
        await tab.emulateMedia({ media: "print" });
        const response = await tab.goto(`${server.origin}${page.url}`, { waitUntil: "load" });
        expect(response?.ok(), page.url).toBe(true);
        await tab.evaluate(() => document.fonts.ready);
        const description = await tab.evaluate(() => {
          const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? "";
          return { title: document.title, author: meta("author"), subject: meta("description"), lang: document.documentElement.lang };
        });
        const raw = await tab.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        printed.set(
          page.url,
          await finalizePdf(raw, { ...description, date: page.lastRevised }, PRODUCER, { from: `${server.origin}/`, to: "/" }),
        );
        await tab.close();
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await browser.close();
    await server.close();
  }
  return printed;
}

/** The rendered examples, without PDFs: every test here prints or serves them itself. */
let site: string;
beforeAll(async () => {
  site = await buildSite(path.join(REPO, "organizations"));
  folders.push(site);
});

describe("a policy swapped into a loaded tab", () => {
  let order: PolicyPage[];
  let fresh: Map<string, Uint8Array>;
  let result: PdfStageResult;

  beforeAll(async () => {
    const { organizations } = await loadOrganizations(path.join(REPO, "organizations"));
    // Reversed, so each page follows another than in a build: en after ja, long after short.
    order = organizations.flatMap((o) => o.pages).reverse();
    expect(order).toHaveLength(16);
    fresh = await printFresh(site, order);
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), "hoshin-pdf-test-cache-"));
    folders.push(cacheDir);
    result = await printPdfs(order, {
      siteDir: site,
      pathPrefix: "/",
      browser: await findBrowser(),
      cache: new PdfCache(cacheDir),
      producer: PRODUCER,
      tabs: 1,
    });
  });

  it("is printed, not copied from a cache", () => {
    expect(result).toMatchObject({ printed: 16, reused: 0 });
  });

  it("prints the same bytes as a fresh navigation, for every example", async () => {
    const differ: string[] = [];
    for (const [index, page] of order.entries()) {
      const swapped = await readFile(path.join(site, page.pdfUrl));
      const reference = fresh.get(page.url)!;
      expect(reference.length).toBeGreaterThan(10_000);
      if (Buffer.compare(swapped, reference) !== 0) {
        differ.push(`${page.url} (after ${order[index - 1]?.url ?? "nothing"}): ${swapped.length} vs ${reference.length} bytes`);
      }
    }
    expect(differ).toEqual([]);
  });
});

describe("the loopback print server", () => {
  it("serves the site under its path prefix, on 127.0.0.1 only, with the print fonts in place of the web fonts", async () => {
    const server = await startPrintServer(site, "/policies/", ["ja", "en"]);
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${server.origin}/policies/tabunka-center/ja/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("特定非営利活動法人 多文化共生支援センター");
      expect((await fetch(`${server.origin}/tabunka-center/ja/`)).status).toBe(404);
      // Files are looked up as they are asked for; dot files are not served, however spelled.
      await writeFile(path.join(site, ".hidden.txt"), "not for the browser");
      expect((await fetch(`${server.origin}/policies/.hidden.txt`)).status).toBe(404);
      expect((await fetch(`${server.origin}/policies/%2Ehidden.txt`)).status).toBe(404);
      const css = await (await fetch(`${server.origin}/policies/assets/hoshin/fonts.css`)).text();
      expect(css).toContain("/__hoshin-print/NotoSansJP-400.ttf");
      expect(css).toContain("/__hoshin-print/NotoSansJP-700.ttf");
      expect([...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1])).toEqual([
        "/__hoshin-print/NotoSansJP-400.ttf",
        "/__hoshin-print/NotoSansJP-700.ttf",
      ]);
      for (const weight of [400, 700]) {
        const font = await fetch(`${server.origin}/__hoshin-print/NotoSansJP-${weight}.ttf`);
        expect(font.status).toBe(200);
        expect(font.headers.get("content-type")).toBe("font/ttf");
        // A TrueType file: sfnt version 0x00010000.
        expect([...new Uint8Array(await font.arrayBuffer()).slice(0, 4)]).toEqual([0, 1, 0, 0]);
      }
    } finally {
      await server.close();
    }
  });

  it("serves, for pages in another script, that script's family too, and the rule that picks it", async () => {
    const server = await startPrintServer(site, "/", ["ja", "ko"]);
    try {
      const css = await (await fetch(`${server.origin}/assets/hoshin/fonts.css`)).text();
      expect([...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1])).toEqual([
        "/__hoshin-print/NotoSansJP-400.ttf",
        "/__hoshin-print/NotoSansJP-700.ttf",
        "/__hoshin-print/NotoSansKR-400.ttf",
        "/__hoshin-print/NotoSansKR-700.ttf",
      ]);
      expect(css).toMatch(/:lang\(ko\) \{\n  font-family: "Noto Sans KR", "Noto Sans JP",/);
      const font = await fetch(`${server.origin}/__hoshin-print/NotoSansKR-700.ttf`);
      expect([...new Uint8Array(await font.arrayBuffer()).slice(0, 4)]).toEqual([0, 1, 0, 0]);
    } finally {
      await server.close();
    }
  });
});
