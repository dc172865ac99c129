/**
 * The HTML build (`hoshin build --no-pdf`) of every synthetic organization, from an empty
 * cache into an empty folder, beside plain Eleventy building as many Markdown pages of the
 * same average size, each run as a command of its own. The two alternate, so a busy
 * machine slows both alike.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { CACHE_DIR_ENV } from "../cache/cache-dir.js";
import { measureNode, type Measured } from "./child.js";
import { ELEVENTY_CLI, writePlainEleventySite } from "./plain-eleventy.js";
import { setAside } from "./set-aside.js";
import { mebibytes, median, range, seconds } from "./stats.js";
import type { BenchContext } from "./context.js";

export async function benchHtmlBuild(context: BenchContext): Promise<void> {
  const out = path.join(context.work, "html-site");
  const cache = path.join(context.work, "html-cache");
  // From nothing every time: no output folder, and no cache of checked data or pages.
  const hoshinBuild = async (): Promise<Measured> => {
    await setAside(out, context.work);
    await setAside(cache, context.work);
    return measureNode(context.cli, ["build", "--no-pdf", "--input", context.organizations, "--out", out], {
      cwd: context.repo,
      env: { [CACHE_DIR_ENV]: cache },
      probeFile: path.join(context.work, "probe.json"),
    });
  };
  // The first build warms the disk cache and tells how large a policy page is.
  await hoshinBuild();
  const { pages, averageBytes } = await policyPages(out);
  const plain = path.join(context.work, "plain-eleventy");
  const plainOut = path.join(context.work, "plain-eleventy-site");
  await writePlainEleventySite(plain, pages, averageBytes);
  const plainBuild = async (): Promise<Measured> => {
    await setAside(plainOut, context.work);
    return measureNode(path.join(context.repo, ELEVENTY_CLI), ["--input=.", `--output=${plainOut}`, "--quiet"], {
      cwd: plain,
      probeFile: path.join(context.work, "probe.json"),
    });
  };
  await plainBuild();

  const hoshin: Measured[] = [];
  const baseline: Measured[] = [];
  for (let run = 0; run < context.runs; run++) {
    hoshin.push(await hoshinBuild());
    baseline.push(await plainBuild());
  }
  const report = (name: string, runs: Measured[], extra = "") => {
    const wall = runs.map((m) => m.milliseconds);
    const cpu = runs.map((m) => m.cpuMilliseconds);
    console.log(`  ${name}: ${seconds(median(wall))} (runs ${range(wall, seconds)}), CPU ${seconds(median(cpu))} (runs ${range(cpu, seconds)})${extra}`);
  };
  const ratios = (measure: (m: Measured) => number) => {
    const each = hoshin.map((m, run) => measure(m) / measure(baseline[run] as Measured));
    const ofMedians = median(hoshin.map(measure)) / median(baseline.map(measure));
    return `${ofMedians.toFixed(2)} (runs ${range(each, (r) => r.toFixed(2))})`;
  };
  console.log(`HTML build, ${context.count} organizations, ${pages} policy pages (median of ${context.runs}):`);
  report("hoshin build --no-pdf", hoshin, `, peak memory ${mebibytes(Math.max(...hoshin.map((m) => m.nodePeakRss)))}`);
  report(`baseline, plain Eleventy, ${pages} Markdown pages of ${(averageBytes / 1024).toFixed(1)} KB in a Nunjucks layout`, baseline);
  console.log(`  ratio: wall time ${ratios((m) => m.milliseconds)}, CPU time ${ratios((m) => m.cpuMilliseconds)}; target ≤ 1.0`);
}

/** How many policy pages a built site has (`<slug>/<lang>/index.html`) and their average size. */
export async function policyPages(site: string): Promise<{ pages: number; averageBytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(site, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "assets") continue;
    for (const lang of await readdir(path.join(site, entry.name))) {
      const html = await readFile(path.join(site, entry.name, lang, "index.html")).catch(() => undefined);
      if (!html) continue;
      pages++;
      bytes += html.length;
    }
  }
  return { pages, averageBytes: Math.round(bytes / pages) };
}
