/**
 * The PDF stage for a number of documents (default 200), in ms per document, against the
 * cost of printing a one-line page in the same browser (the floor no policy can beat).
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { loadOrganizations } from "../pipeline/load.js";
import { renderSite } from "../pipeline/eleventy.js";
import type { BrowserExecutable } from "../print/find-browser.js";
import { PdfCache } from "../print/cache.js";
import { printPdfs } from "../print/print-site.js";
import { startPrintServer } from "../print/print-server.js";
import { sampleDescendantsCpu } from "./tree-cpu.js";
import type { BenchContext } from "./context.js";
import { median, ms } from "./stats.js";

export async function benchPdfStage(context: BenchContext, browser: BrowserExecutable, options: { documents: number; tabs?: number }): Promise<void> {
  const work = path.join(context.work, "pdf");
  const { organizations } = await loadOrganizations(context.organizations);
  const pages = organizations.flatMap((o) => o.pages).slice(0, options.documents);
  if (pages.length < options.documents) {
    console.log(`PDF: only ${pages.length} documents in ${context.count} organizations; set BENCH_ORGANIZATIONS higher for ${options.documents}`);
  }
  const site = path.join(work, "site");
  await renderSite(organizations, { outDir: site, pdf: true });

  const perDocument: number[] = [];
  const cpu: { node: number; browser: number | undefined }[] = [];
  for (let run = 0; run < context.runs; run++) {
    const cache = new PdfCache(path.join(work, `cache-${run}`));
    const browserCpu = sampleDescendantsCpu();
    const nodeCpu = process.cpuUsage();
    const result = await printPdfs(pages, { siteDir: site, pathPrefix: "/", browser, cache, producer: "hoshin bench", tabs: options.tabs });
    const { user, system } = process.cpuUsage(nodeCpu);
    const browserMs = browserCpu.stop();
    perDocument.push(result.milliseconds / result.printed);
    cpu.push({ node: (user + system) / 1000 / result.printed, browser: browserMs === undefined ? undefined : browserMs / result.printed });
  }
  const floor = await onePagePrintFloor(browser.path, work);
  console.log(`PDF, ${pages.length} documents, browser start included (median of ${context.runs}): ${ms(median(perDocument))} per document`);
  console.log(`  runs: ${perDocument.map(ms).join(", ")}`);
  // CPU time moves far less than wall time when other work shares the machine.
  const nodeCpu = ms(median(cpu.map((run) => run.node)));
  const browserCpu = cpu.map((run) => run.browser);
  if (browserCpu.every((value): value is number => value !== undefined)) {
    const all = ms(median(cpu.map((run, index) => run.node + browserCpu[index]!)));
    console.log(`  CPU per document (median of ${context.runs}): ${all} in all, Node ${nodeCpu}, browser ${ms(median(browserCpu))}`);
  } else {
    console.log(`  CPU per document (median of ${context.runs}): Node ${nodeCpu}`);
  }
  console.log(`  baseline, page.pdf() of a one-line page in the same browser: ${ms(floor)} per document`);
}

/** The cheapest print there is: a one-line page, already loaded, printed again and again. */
async function onePagePrintFloor(executablePath: string, work: string): Promise<number> {
  const dir = path.join(work, "floor");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
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
