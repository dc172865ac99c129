/**
 * What a language costs: the multicultural example (organizations/tabunka-center.yaml)
 * copied `documents` times in one language only, rendered and printed, for Japanese (the
 * baseline), English, Simplified Chinese (the largest font hoshin ships), Korean and
 * Vietnamese (Latin with stacked diacritics). Reported: render time per page, PDF time per
 * document (browser start included, so every language pays it alike), and the PDF's size.
 */
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadOrganizations } from "../pipeline/load.js";
import { renderSite } from "../pipeline/eleventy.js";
import type { BrowserExecutable } from "../print/find-browser.js";
import { PdfCache } from "../print/cache.js";
import { printPdfs } from "../print/print-site.js";
import type { BenchContext } from "./context.js";
import { median, ms } from "./stats.js";
import { languageVariant } from "./synthetic.js";

const LANGUAGES = ["ja", "en", "zh-Hans", "ko", "vi"] as const;

interface LanguageFigures {
  renderPerPage: number;
  pdfPerDocument: number;
  pdfBytes: number;
}

export async function benchLanguages(context: BenchContext, browser: BrowserExecutable, documents: number): Promise<void> {
  const figures = new Map<string, LanguageFigures>();
  for (const lang of LANGUAGES) figures.set(lang, await measure(context, browser, lang, documents));
  const base = figures.get("ja")!;
  console.log(`Languages, ${documents} copies of the multicultural example in one language each (median of ${context.runs}):`);
  for (const [lang, figure] of figures) {
    const ratio = (value: number, against: number) => `${(value / against).toFixed(2)}×`;
    console.log(
      `  ${lang.padEnd(7)} render ${ms(figure.renderPerPage)} a page (${ratio(figure.renderPerPage, base.renderPerPage)}), ` +
        `PDF ${ms(figure.pdfPerDocument)} a document (${ratio(figure.pdfPerDocument, base.pdfPerDocument)}), ` +
        `${(figure.pdfBytes / 1024).toFixed(0)} KB a PDF (${ratio(figure.pdfBytes, base.pdfBytes)})`,
    );
  }
  console.log("  baseline: ja, in the same run");
}

async function measure(context: BenchContext, browser: BrowserExecutable, lang: string, documents: number): Promise<LanguageFigures> {
  const work = path.join(context.work, "languages", lang);
  const input = path.join(work, "organizations");
  await mkdir(input, { recursive: true });
  const variant = await languageVariant(path.join(context.repo, "organizations"), "tabunka-center.yaml", [lang], "tabunka");
  await Promise.all(Array.from({ length: documents }, (_, index) => variant.write(path.join(input, `org-${String(index).padStart(4, "0")}${variant.extension}`))));
  const { organizations } = await loadOrganizations(input);
  const pages = organizations.flatMap((o) => o.pages);
  const render: number[] = [];
  const print: number[] = [];
  let bytes = 0;
  for (let run = 0; run < context.runs; run++) {
    const site = path.join(work, `site-${run}`);
    const started = performance.now();
    await renderSite(organizations, { outDir: site, pdf: true });
    render.push((performance.now() - started) / pages.length);
    const result = await printPdfs(pages, { siteDir: site, pathPrefix: "/", browser, cache: new PdfCache(path.join(work, `cache-${run}`)), producer: "hoshin bench" });
    print.push(result.milliseconds / result.printed);
    bytes = await pdfBytes(site);
  }
  return { renderPerPage: median(render), pdfPerDocument: median(print), pdfBytes: bytes / pages.length };
}

async function pdfBytes(site: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".pdf")) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
