/**
 * A whole build with PDFs of every synthetic organization, as `hoshin build` runs it: once
 * from nothing (every PDF printed), then again with nothing changed (every PDF up to date,
 * none printed). Reports time and peak memory of each.
 */
import path from "node:path";
import { CACHE_DIR_ENV } from "../cache-dir.js";
import { measureNode, type Measured } from "./child.js";
import type { BenchContext } from "./context.js";
import { mebibytes, median, range, seconds } from "./stats.js";

export async function benchRebuild(context: BenchContext): Promise<void> {
  const out = path.join(context.work, "full-site");
  const build = (): Promise<Measured> =>
    measureNode(context.cli, ["build", "--input", context.organizations, "--out", out], {
      cwd: context.repo,
      env: { [CACHE_DIR_ENV]: path.join(context.work, "pdf-cache"), CI: "1" },
      probeFile: path.join(context.work, "probe.json"),
    });
  const first = await build();
  console.log(`Full build with PDFs, ${context.count} organizations, from an empty PDF cache: ${seconds(first.milliseconds)}, CPU (Node) ${seconds(first.cpuMilliseconds)}`);
  console.log(`  ${summary(first.stdout)}`);
  console.log(`  peak memory: hoshin (Node) ${mebibytes(first.nodePeakRss)}${first.treePeakRss ? `, with the browser ${mebibytes(first.treePeakRss)} (proportional set size)` : ""} (target < 1 GiB)`);

  const again: Measured[] = [];
  for (let run = 0; run < context.runs; run++) again.push(await build());
  const times = again.map((m) => m.milliseconds);
  const cpu = again.map((m) => m.cpuMilliseconds);
  console.log(`No-change rebuild with PDFs, ${context.count} organizations (median of ${context.runs}): ${seconds(median(times))} (runs ${range(times, seconds)}; target < 5 s), CPU ${seconds(median(cpu))} (runs ${range(cpu, seconds)})`);
  console.log(`  ${summary(again.at(-1)?.stdout ?? "")}`);
  console.log(`  peak memory: hoshin (Node) ${mebibytes(Math.max(...again.map((m) => m.nodePeakRss)))}`);
}

/** The CLI's own line about the PDF stage (printed or up to date). */
function summary(stdout: string): string {
  return stdout.split("\n").find((line) => line.startsWith("hoshin: PDF")) ?? stdout.trim();
}
