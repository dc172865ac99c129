/**
 * Loaded with `node --import` into a process the benchmark measures: at exit, writes the
 * process's peak resident memory and the CPU time it used to the file named by
 * HOSHIN_BENCH_PROBE_FILE, as JSON.
 */
import { writeFileSync } from "node:fs";

const file = process.env.HOSHIN_BENCH_PROBE_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    // maxRSS is in kibibytes, CPU times in microseconds.
    writeFileSync(file, JSON.stringify({ peakRss: usage.maxRSS * 1024, cpuMilliseconds: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
