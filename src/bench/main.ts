/**
 * `npm run bench`: how fast hoshin builds, in figures, each beside a baseline measured in
 * the same run on the same machine. Not a test: it asserts nothing, it reports.
 *
 *   PDF: the print stage for N documents (default 200), in ms per document, against the
 *   cost of printing a one-line page in the same browser (the floor no policy can beat).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { loadOrganizations } from "../build/load.js";
import { renderSite } from "../build/eleventy.js";
import { findBrowser } from "../pdf/find-browser.js";
import { PdfCache } from "../pdf/cache.js";
import { printPdfs } from "../pdf/print-site.js";
import { startPrintServer } from "../pdf/print-server.js";
import { writeSyntheticOrganizations } from "./synthetic.js";
import { benchDevEdit } from "./dev-edit.js";

const EXAMPLES = fileURLToPath(new URL("../../organizations/", import.meta.url));
const documents = Number(process.env.BENCH_PDF_DOCUMENTS ?? 200);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const tabs = process.env.BENCH_TABS ? Number(process.env.BENCH_TABS) : undefined;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const browser = await findBrowser();
  console.log(`hoshin bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  console.log(`browser: ${browser.path}`);
  const work = await mkdtemp(path.join(os.tmpdir(), "hoshin-bench-"));
  try {
    // Two languages for most organizations: enough organizations for the documents wanted.
    await writeSyntheticOrganizations(EXAMPLES, path.join(work, "organizations"), Math.ceil(documents / 2));
    const { organizations } = await loadOrganizations(path.join(work, "organizations"));
    const pages = organizations.flatMap((o) => o.pages).slice(0, documents);
    const site = path.join(work, "site");
    await renderSite(organizations, { outDir: site, pdf: true });

    const perDocument: number[] = [];
    for (let run = 0; run < runs; run++) {
      const cache = new PdfCache(path.join(work, `cache-${run}`));
      const result = await printPdfs(pages, { siteDir: site, pathPrefix: "/", browser, cache, producer: "hoshin bench", tabs });
      perDocument.push(result.milliseconds / result.printed);
    }
    const floor = await onePagePrintFloor(browser.path, work);
    console.log(`PDF, ${pages.length} documents, browser start included (median of ${runs}): ${ms(median(perDocument))} per document`);
    console.log(`  runs: ${perDocument.map(ms).join(", ")}`);
    console.log(`  baseline, page.pdf() of a one-line page in the same browser: ${ms(floor)} per document`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const dev = await benchDevEdit(EXAMPLES);
  console.log(`dev, ${dev.organizations} organizations, save → page updated (median of ${dev.edits.length}): ${ms(median(dev.edits))}`);
  console.log(`  edits: ${dev.edits.map(ms).join(", ")}; baseline, the full build at start: ${ms(dev.fullBuild)}`);
}

/** The cheapest print there is: a one-line page, already loaded, printed again and again. */
async function onePagePrintFloor(executablePath: string, work: string): Promise<number> {
  const dir = path.join(work, "floor");
  await rm(dir, { recursive: true, force: true });
  await import("node:fs/promises").then((fs) => fs.mkdir(dir, { recursive: true }));
  await writeFile(path.join(dir, "index.html"), "<!doctype html><title>floor</title><p>One line.</p>");
  const server = await startPrintServer(dir, "/");
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await page.pdf();
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
