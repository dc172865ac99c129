/**
 * `npm run bench`: how fast hoshin builds, in figures, each beside a baseline measured in
 * the same run on the same machine. Not a test: it asserts nothing, it reports. Each
 * measurement is a module of its own (html, rebuild, pdf, dev-edit, languages, scale); see docs/benchmarks.md.
 *
 * Settings, by environment variable:
 *   BENCH_ORGANIZATIONS  synthetic organizations to build (default 1000)
 *   BENCH_RUNS           runs of each measurement; the median is reported (default 3)
 *   BENCH_ONLY           a comma-separated subset of: html, rebuild, pdf, dev, languages, scale (default all)
 *   BENCH_PDF_DOCUMENTS  documents printed by the PDF stage measurement (default 200)
 *   BENCH_LANGUAGE_DOCUMENTS  documents of each language in the languages measurement (default 40)
 *   BENCH_TABS           browser tabs for the PDF stage (default: hoshin's own choice)
 *   BENCH_SCALE_SIZES    organizations of each scale build, comma-separated (default 1000,3000,10000)
 *   BENCH_SCALE_PDF      0 leaves the build with PDFs out of the scale measurement (default 1)
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findBrowser } from "../print/find-browser.js";
import type { BenchContext } from "./context.js";
import { benchHtmlBuild } from "./html.js";
import { benchPdfStage } from "./pdf.js";
import { benchRebuild } from "./rebuild.js";
import { writeSyntheticOrganizations } from "./synthetic.js";
import { benchDevEdit } from "./dev-edit.js";
import { benchLanguages } from "./languages.js";
import { benchScale } from "./scale.js";
import { median, ms } from "./stats.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const MEASUREMENTS = ["html", "rebuild", "pdf", "dev", "languages", "scale"] as const;

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${raw}: give a whole number of at least 1`);
  return value;
}

function scaleSizes(): number[] {
  const raw = process.env.BENCH_SCALE_SIZES ?? "1000,3000,10000";
  const sizes = raw.split(",").map((size) => Number(size.trim()));
  if (!sizes.length || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`BENCH_SCALE_SIZES=${raw}: give whole numbers of at least 1, comma-separated, smallest first`);
  }
  return sizes.sort((a, b) => a - b);
}

function selectedMeasurements(): ReadonlySet<string> {
  const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim()).filter(Boolean);
  if (!only?.length) return new Set(MEASUREMENTS);
  const unknown = only.filter((name) => !(MEASUREMENTS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown measurement ${unknown.join(", ")}; choose from ${MEASUREMENTS.join(", ")}`);
  return new Set(only);
}

async function main(): Promise<void> {
  const count = setting("BENCH_ORGANIZATIONS", 1000);
  const runs = setting("BENCH_RUNS", 3);
  const documents = setting("BENCH_PDF_DOCUMENTS", 200);
  const tabs = process.env.BENCH_TABS ? setting("BENCH_TABS", 3) : undefined;
  const selected = selectedMeasurements();
  const languageDocuments = setting("BENCH_LANGUAGE_DOCUMENTS", 40);
  const browser = ["pdf", "rebuild", "languages", "scale"].some((name) => selected.has(name)) ? await findBrowser() : undefined;
  console.log(`hoshin bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  if (browser) console.log(`browser: ${browser.path}`);
  const work = await mkdtemp(path.join(os.tmpdir(), "hoshin-bench-"));
  try {
    const organizations = path.join(work, "organizations");
    await writeSyntheticOrganizations(path.join(REPO, "organizations"), organizations, count);
    const context: BenchContext = { repo: REPO, cli: path.join(REPO, "bin", "hoshin.js"), work, organizations, count, runs };
    if (selected.has("html")) await benchHtmlBuild(context);
    if (selected.has("rebuild")) await benchRebuild(context);
    if (selected.has("pdf") && browser) await benchPdfStage(context, browser, { documents, tabs });
    if (selected.has("dev")) {
      const dev = await benchDevEdit(path.join(REPO, "organizations"), count);
      console.log(`dev, ${dev.organizations} organizations, save → page updated (median of ${dev.edits.length}): ${ms(median(dev.edits))}`);
      console.log(`  edits: ${dev.edits.map(ms).join(", ")}; of which the rebuild itself: ${dev.rebuilds.map(ms).join(", ")}`);
      console.log(`  baseline, the full build at start: ${ms(dev.fullBuild)}; target < 300 ms`);
    }
    if (selected.has("languages") && browser) await benchLanguages(context, browser, languageDocuments);
    if (selected.has("scale")) await benchScale(context, { sizes: scaleSizes(), pdf: process.env.BENCH_SCALE_PDF !== "0" && browser !== undefined });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
