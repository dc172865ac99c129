/**
 * How hoshin grows with the number of organizations, measured: cold HTML builds of 1,000,
 * 3,000 and 10,000 synthetic organizations (each run as a command of its own), a line fitted
 * through them to 100,000, and at the largest size:
 * - plain Eleventy building as many Markdown pages of the same size, the same-run baseline
 *   of time and memory;
 * - the build as a matrix of four shards, each measured, merged and compared byte for byte
 *   with the single build;
 * - the full build with PDFs from an empty cache, then again with nothing changed.
 * Sizes by BENCH_SCALE_SIZES (default 1000,3000,10000); BENCH_SCALE_PDF=0 leaves out the
 * build with PDFs, which prints every page of the largest size (about ten minutes here).
 */
import { cp, readFile, readdir } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";
import { CACHE_DIR_ENV } from "../cache/cache-dir.js";
import { measureNode, type Measured } from "./child.js";
import type { BenchContext } from "./context.js";
import { policyPages } from "./html.js";
import { ELEVENTY_CLI, writePlainEleventySite } from "./plain-eleventy.js";
import { mebibytes, seconds } from "./stats.js";
import { writeSyntheticOrganizations } from "./synthetic.js";

const GIB = 1024 ** 3;
/**
 * "Memory flat in the number of organizations past the first few hundred", as a number: the
 * largest build's peak at most this much above the smallest's (1,000 by default), so that
 * ten times the organizations costs no more than the noise between runs of one size.
 */
const FLAT = 0.1;
const SHARDS = 4;

export interface ScaleSettings {
  sizes: readonly number[];
  pdf: boolean;
}

interface Point {
  count: number;
  measured: Measured;
}

export async function benchScale(context: BenchContext, { sizes, pdf }: ScaleSettings): Promise<void> {
  const points: Point[] = [];
  let largest: { input: string; out: string } | undefined;
  console.log(`Scale: cold HTML builds (hoshin build --no-pdf, empty cache, one run each):`);
  for (const count of sizes) {
    const input = path.join(context.work, `scale-${count}`);
    await writeSyntheticOrganizations(path.join(context.repo, "organizations"), input, count);
    const out = path.join(context.work, `scale-${count}-site`);
    const measured = await build(context, input, out, `scale-${count}-cache`, ["--no-pdf"]);
    points.push({ count, measured });
    console.log(`  ${count} organizations: ${seconds(measured.milliseconds)}, CPU ${seconds(measured.cpuMilliseconds)}, peak memory ${mebibytes(measured.nodePeakRss)}`);
    largest = { input, out };
  }
  const first = points[0]!;
  const last = points.at(-1)!;
  const growth = last.measured.milliseconds / first.measured.milliseconds;
  const size = last.count / first.count;
  console.log(`  time, ${last.count} against ${first.count}: ${growth.toFixed(2)}× for ${size}× the organizations; target ≤ ${size}× (${verdict(growth <= size)})`);
  console.log(`  peak memory at ${last.count}: ${mebibytes(last.measured.nodePeakRss)}; target < 1 GiB (${verdict(last.measured.nodePeakRss < GIB)})`);
  if (points.length >= 2) {
    const more = last.measured.nodePeakRss / first.measured.nodePeakRss - 1;
    console.log(
      `  memory flat: the peak at ${last.count} is ${percent(more)} the peak at ${first.count}; target at most ${FLAT * 100} % above (${verdict(more <= FLAT)})`,
    );
    const time = fit(points.map((p) => [p.count, p.measured.milliseconds]));
    const memory = fit(points.map((p) => [p.count, p.measured.nodePeakRss]));
    console.log(`  fitted line: ${seconds(time.slope * 1000)} and ${mebibytes(memory.slope * 1000)} more per 1,000 organizations`);
    console.log(`  by that line, 100,000 organizations: ${seconds(time.at(100_000))}, peak memory ${mebibytes(memory.at(100_000))}`);
  }
  if (!largest) return;
  await plainEleventyBaseline(context, largest.out);
  await shards(context, largest, last.count);
  if (pdf) await withPdfs(context, largest.input, last.count);
}

function build(context: BenchContext, input: string, out: string, cache: string, extra: string[]): Promise<Measured> {
  return measureNode(context.cli, ["build", ...extra, "--input", input, "--out", out], {
    cwd: context.repo,
    env: { [CACHE_DIR_ENV]: path.join(context.work, cache), CI: "1" },
    probeFile: path.join(context.work, "probe.json"),
  });
}

const verdict = (met: boolean) => (met ? "met" : "not met");
const percent = (fraction: number) => `${Math.abs(fraction * 100).toFixed(0)} % ${fraction < 0 ? "below" : "above"}`;

/** Least squares through the points: `at(n)` is the line's value at n. */
export function fit(points: ReadonlyArray<readonly [number, number]>): { slope: number; at(n: number): number } {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  const slope = variance === 0 ? 0 : covariance / variance;
  return { slope, at: (x) => meanY + slope * (x - meanX) };
}

async function plainEleventyBaseline(context: BenchContext, site: string): Promise<void> {
  const { pages, averageBytes } = await policyPages(site);
  const plain = path.join(context.work, "scale-plain-eleventy");
  await writePlainEleventySite(plain, pages, averageBytes);
  const measured = await measureNode(path.join(context.repo, ELEVENTY_CLI), ["--input=.", `--output=${path.join(context.work, "scale-plain-site")}`, "--quiet"], {
    cwd: plain,
    probeFile: path.join(context.work, "probe.json"),
  });
  console.log(`  baseline, plain Eleventy, ${pages} Markdown pages of ${(averageBytes / 1024).toFixed(1)} KB: ${seconds(measured.milliseconds)}, peak memory ${mebibytes(measured.nodePeakRss)}`);
}

/** The largest size as a matrix of shards, each on this machine in turn, merged as a CI merge job copies them. */
async function shards(context: BenchContext, largest: { input: string; out: string }, count: number): Promise<void> {
  console.log(`Sharded: ${count} organizations as ${SHARDS} shards (--shard i/${SHARDS} --no-pdf, each from an empty cache):`);
  const merged = path.join(context.work, "scale-merged");
  for (let index = 1; index <= SHARDS; index++) {
    const out = path.join(context.work, `scale-shard-${index}`);
    const measured = await build(context, largest.input, out, `scale-shard-${index}-cache`, ["--no-pdf", "--shard", `${index}/${SHARDS}`]);
    console.log(`  ${measured.stdout.trim().replace(/^hoshin: built /, "").replace(/ into .*/, "")}: ${seconds(measured.milliseconds)}, peak memory ${mebibytes(measured.nodePeakRss)}`);
    await cp(out, merged, { recursive: true });
  }
  const same = (await treeDigest(merged)) === (await treeDigest(largest.out));
  console.log(`  the merged shards ${same ? "equal" : "DIFFER FROM"} the single build, byte for byte`);
}

async function withPdfs(context: BenchContext, input: string, count: number): Promise<void> {
  const out = path.join(context.work, "scale-pdf-site");
  const cold = await build(context, input, out, "scale-pdf-cache", []);
  console.log(`Full build with PDFs, ${count} organizations, from an empty cache: ${seconds(cold.milliseconds)}`);
  console.log(`  ${cold.stdout.trim().split("\n").join("\n  ")}`);
  const browser = cold.treePeakRss ? `, with the browser ${mebibytes(cold.treePeakRss)} (proportional set size)` : "";
  console.log(`  peak memory: hoshin (Node) ${mebibytes(cold.nodePeakRss)}${browser}; target < 1.3 GiB (${verdict(cold.nodePeakRss < 1.3 * GIB)})`);
  const again = await build(context, input, out, "scale-pdf-cache", []);
  console.log(`No-change rebuild with PDFs, ${count} organizations: ${seconds(again.milliseconds)}, peak memory ${mebibytes(again.nodePeakRss)}; target < 5 s (${verdict(again.milliseconds < 5000)})`);
  console.log(`  baseline, the cold build above: ${seconds(cold.milliseconds)}`);
}

/** One hash of every file's path and bytes under `dir`: equal digests mean byte-identical trees. */
async function treeDigest(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(dir, file))).update("\0");
  return hash.digest("hex");
}
