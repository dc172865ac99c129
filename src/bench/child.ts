/**
 * Runs a command as the user would, in a process of its own, and measures it: wall time,
 * CPU time and peak memory of the Node process, and (on Linux) the peak of the whole process tree — Node
 * and the browser it starts — sampled from /proc.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const PROBE = fileURLToPath(new URL("./probe.js", import.meta.url));

export interface Measured {
  milliseconds: number;
  /** CPU time of the Node process (all its threads), which a busy machine disturbs less than wall time. */
  cpuMilliseconds: number;
  /** Peak resident memory of the Node process, in bytes. */
  nodePeakRss: number;
  /** Peak memory of the process and its descendants (see treeMemory); undefined off Linux. */
  treePeakRss?: number;
  stdout: string;
}

export async function measureNode(script: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; probeFile: string }): Promise<Measured> {
  await rm(options.probeFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", PROBE, script, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, HOSHIN_BENCH_PROBE_FILE: options.probeFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  let treePeakRss: number | undefined;
  const sample = () => {
    const rss = treeMemory(child.pid);
    if (rss !== undefined) treePeakRss = Math.max(treePeakRss ?? 0, rss);
  };
  const sampler = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const milliseconds = performance.now() - started;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${path.basename(script)} ${args.join(" ")} exited with ${code}:\n${stderr}`);
  const probe = JSON.parse(await readFile(options.probeFile, "utf8")) as { peakRss: number; cpuMilliseconds: number };
  return {
    milliseconds,
    cpuMilliseconds: probe.cpuMilliseconds,
    nodePeakRss: probe.peakRss,
    treePeakRss: treePeakRss === undefined ? undefined : Math.max(treePeakRss, probe.peakRss),
    stdout,
  };
}

/**
 * Memory of a process and all its descendants, from /proc; undefined where there is none.
 * Each process counts its share of the pages it shares with others (its proportional set
 * size): the browser's processes share most of theirs, and summing their resident sizes
 * would count those pages once per process.
 */
function treeMemory(root: number | undefined): number | undefined {
  if (root === undefined || process.platform !== "linux") return undefined;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  let names: string[];
  try {
    names = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const name of names) {
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const pid = Number(name);
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      // Kernel threads and zombies have no VmRSS line.
      rss.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  if (!rss.has(root)) return undefined;
  let total = 0;
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.pop() as number;
    total += proportionalSize(pid) ?? rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function proportionalSize(pid: number): number | undefined {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const kibibytes = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    return kibibytes === undefined ? undefined : Number(kibibytes) * 1024;
  } catch {
    return undefined;
  }
}
