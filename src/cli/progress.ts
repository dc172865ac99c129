/**
 * Progress of a long stage. On a terminal: one line redrawn in place with the count, the
 * item at hand and the time left. Elsewhere (CI logs): nothing until the stage's summary,
 * which the command prints as one plain line.
 */
import { performance } from "node:perf_hooks";
import type { StageProgress } from "../print/print-site.js";

export function terminalProgress(stage: string, write: (text: string) => void, interactive: boolean): StageProgress {
  if (!interactive) return { start() {}, advance() {}, finish() {} };
  let total = 0;
  let done = 0;
  let started = 0;
  return {
    start(count) {
      total = count;
      started = performance.now();
    },
    advance(label) {
      done++;
      const elapsed = performance.now() - started;
      const left = Math.round(((elapsed / done) * (total - done)) / 1000);
      write(`\r\x1b[K${stage} ${done}/${total}  ${label}  ~${left} s left`);
    },
    finish() {
      if (total > 0) write("\r\x1b[K");
    },
  };
}
