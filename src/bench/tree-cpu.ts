/**
 * CPU time of this process's descendants (the browser and its helpers), sampled from
 * /proc while they run: when the browser closes, most of its renderers' time never reaches
 * this process's count of its children's time (measured: 9 of about 60 ms per document),
 * so their counters are read while they live. Linux only; elsewhere, undefined.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture. */
const MS_PER_TICK = 10;
/** Often enough to lose little of a process that exits between samples; cheap enough not to matter. */
const SAMPLE_MS = 100;

export interface TreeCpuSampler {
  /** Stops sampling; milliseconds of CPU the descendants used since the start. */
  stop(): number | undefined;
}

export function sampleDescendantsCpu(): TreeCpuSampler {
  if (process.platform !== "linux") return { stop: () => undefined };
  const before = descendantTimes();
  const latest = new Map(before);
  const sample = () => {
    for (const [pid, ms] of descendantTimes()) latest.set(pid, Math.max(ms, latest.get(pid) ?? 0));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let total = 0;
      for (const [pid, ms] of latest) total += ms - (before.get(pid) ?? 0);
      return total;
    },
  };
}

/** Milliseconds of CPU (user and system) of each living descendant of this process, by pid. */
function descendantTimes(): Map<number, number> {
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  for (const name of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      // Fields after the command name, which may itself contain spaces and parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(name), Number(fields[1]));
      times.set(Number(name), (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK);
    } catch {
      // The process ended while we looked.
    }
  }
  const descendants = new Map<number, number>();
  const isDescendant = (pid: number, seen = 0): boolean => {
    const parent = parents.get(pid);
    if (parent === undefined || parent === 0 || seen > 64) return false;
    return parent === process.pid || isDescendant(parent, seen + 1);
  };
  for (const [pid, ms] of times) if (isDescendant(pid)) descendants.set(pid, ms);
  return descendants;
}
