/**
 * How many parts to split a stage's work into on this machine: one per core, at most four,
 * and none so small that starting a worker thread (importing the stage's libraries, about
 * half a second) costs more than it saves.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";

const MIN_ITEMS_PER_PART = 150;
const MAX_PARTS = 4;

export function partsFor(count: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, MAX_PARTS, Math.floor(count / MIN_ITEMS_PER_PART)));
}

/** `items` dealt out in turn into `parts` lists, so long and short items spread evenly. */
export function dealOut<T>(items: readonly T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, part) => items.filter((_item, index) => index % parts === part));
}

/**
 * Runs a worker thread on `workerData` and resolves with the one message it sends. The
 * thread starts before this returns, so the caller's own part runs beside it.
 */
export function runWorker<T>(script: URL, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    let result: { value: T } | undefined;
    worker.once("message", (message: T) => (result = { value: message }));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (result) resolve(result.value);
      else reject(new Error(`hoshin: a worker thread (${script.pathname.split("/").pop()}) stopped with exit code ${code} before it finished`));
    });
  });
}
