/**
 * Whole builds with PDFs of every synthetic organization, as `hoshin build` runs them:
 * - from nothing (every PDF printed);
 * - again with nothing changed (the site is up to date: nothing is rendered or printed);
 * - after editing one organization (one organization rendered, its PDFs printed);
 * - into an empty output folder with the cache of the builds before, as a CI job with a
 *   restored cache and a fresh checkout does (nothing rendered or printed, all written).
 * Reports time and peak memory of each.
 */
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CACHE_DIR_ENV } from "../cache/cache-dir.js";
import { measureNode, type Measured } from "./child.js";
import type { BenchContext } from "./context.js";
import { setAside } from "./set-aside.js";
import { mebibytes, median, range, seconds } from "./stats.js";

export async function benchRebuild(context: BenchContext): Promise<void> {
  const out = path.join(context.work, "full-site");
  const build = (): Promise<Measured> =>
    measureNode(context.cli, ["build", "--input", context.organizations, "--out", out], {
      cwd: context.repo,
      env: { [CACHE_DIR_ENV]: path.join(context.work, "build-cache"), CI: "1" },
      probeFile: path.join(context.work, "probe.json"),
    });
  const first = await build();
  console.log(`Full build with PDFs, ${context.count} organizations, from an empty cache: ${seconds(first.milliseconds)}, CPU (Node) ${seconds(first.cpuMilliseconds)}`);
  console.log(`  ${summary(first.stdout)}`);
  console.log(`  peak memory: hoshin (Node) ${mebibytes(first.nodePeakRss)}${first.treePeakRss ? `, with the browser ${mebibytes(first.treePeakRss)} (proportional set size)` : ""} (target < 1 GiB)`);

  const report = (what: string, runs: Measured[], target = "") => {
    const times = runs.map((m) => m.milliseconds);
    const cpu = runs.map((m) => m.cpuMilliseconds);
    console.log(`${what}, ${context.count} organizations (median of ${runs.length}): ${seconds(median(times))} (runs ${range(times, seconds)}${target}), CPU ${seconds(median(cpu))} (runs ${range(cpu, seconds)})`);
    console.log(`  ${summary(runs.at(-1)?.stdout ?? "")}`);
    console.log(`  peak memory: hoshin (Node) ${mebibytes(Math.max(...runs.map((m) => m.nodePeakRss)))}`);
  };

  const unchanged: Measured[] = [];
  for (let run = 0; run < context.runs; run++) unchanged.push(await build());
  report("No-change rebuild with PDFs", unchanged, "; target < 5 s");

  // Each run changes one purpose of the first organization: its pages and PDFs differ.
  const edited: Measured[] = [];
  const file = await firstOrganizationFile(context.organizations);
  const original = await readFile(file, "utf8");
  for (let run = 0; run < context.runs; run++) {
    await writeFile(file, original.replace(/("ja": "|ja: )/, `$1改訂${run + 1}：`));
    edited.push(await build());
  }
  await writeFile(file, original);
  report("Rebuild with PDFs after editing one organization", edited);

  const fresh: Measured[] = [];
  for (let run = 0; run < context.runs; run++) {
    await setAside(out, context.work);
    fresh.push(await build());
  }
  report("Build with PDFs into an empty folder, cache kept (a CI job with its cache restored)", fresh);
}

async function firstOrganizationFile(dir: string): Promise<string> {
  const name = (await readdir(dir)).sort()[0];
  if (!name) throw new Error(`no organization files in ${dir}`);
  return path.join(dir, name);
}

/** The CLI's lines about the build and the PDF stage. */
function summary(stdout: string): string {
  return stdout.trim().split("\n").join("\n  ");
}
