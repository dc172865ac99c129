/**
 * How many parts to split a stage's work into on this machine: one per core, at most four,
 * and none so small that starting a worker thread (importing the stage's libraries, about
 * half a second) costs more than it saves.
 */
import os from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";

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
 * A worker thread's script, and the limits of its heap. V8 lets a heap grow towards its
 * limit before it collects hard, and the default limit is a quarter of the machine's
 * memory: a stage whose live data is small says so here (see render-worker.ts).
 */
export interface WorkerScript {
  url: URL;
  resourceLimits?: ResourceLimits;
}

/**
 * The heap of a part that holds one chunk of a stage's work, not all of it (a render part,
 * a checking part that spools its models). Their live data stays under 200 MiB at 10,000
 * organizations; uncapped, V8 let each heap grow past 400 MiB before collecting, and the
 * cap makes it collect sooner. Measured at 10,000 organizations: see docs/benchmarks.md.
 */
export const PART_HEAP_MB = 512;

/** Worker threads started ahead of their part, by script and limits: each waits for its data. */
const started = new Map<string, Worker[]>();

const startedKey = (script: WorkerScript): string => `${script.url.href} ${JSON.stringify(script.resourceLimits ?? {})}`;

function newWorker(script: WorkerScript): Worker {
  return new Worker(script.url, { resourceLimits: script.resourceLimits });
}

/**
 * Starts `threads` threads that a stage will hand its parts to, so that they load the
 * stage's libraries while this thread is still busy with what comes before. The script
 * must take its part as its first message (see `runWorker`).
 */
export function startWorkers(script: WorkerScript, threads: number): void {
  const waiting = started.get(startedKey(script)) ?? [];
  started.set(startedKey(script), waiting);
  while (waiting.length < threads) {
    const worker = newWorker(script);
    // A thread nobody hands a part to must not keep the process alive.
    worker.unref();
    waiting.push(worker);
  }
}

/** Ends the threads started ahead that were not needed after all. */
export async function stopStartedWorkers(): Promise<void> {
  const unused = [...started.values()].flat();
  started.clear();
  await Promise.all(unused.map((worker) => worker.terminate()));
}

/**
 * Runs a worker thread on `part` (sent as its first message) and resolves with the one
 * message it sends back. A thread started ahead for the script is used if there is one;
 * either way it runs beside whatever the caller does meanwhile.
 */
export async function runWorker<T>(script: WorkerScript, part: unknown): Promise<T> {
  let result: { value: T } | undefined;
  await streamFromWorker<T>(script, part, (message) => (result = { value: message }), () => result !== undefined);
  return result!.value;
}

/**
 * Runs a worker thread on `part` that sends what it makes as it goes, in as many messages
 * as it likes, so that it need not hold all of it until it ends: each is handed to
 * `receive`. Resolves when the thread has ended and `finished()` says everything came. A
 * thread that reaches its heap's cap is a part cut too large, a bug: the error says so.
 */
export function streamFromWorker<T>(script: WorkerScript, part: unknown, receive: (message: T) => void, finished: () => boolean): Promise<void> {
  const worker = started.get(startedKey(script))?.shift() ?? newWorker(script);
  worker.ref();
  const name = script.url.pathname.split("/").pop();
  return new Promise((resolve, reject) => {
    worker.on("message", receive);
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") return reject(error);
      const cap = script.resourceLimits?.maxOldGenerationSizeMb;
      reject(new Error(`hoshin: a worker thread (${name}) used up its heap (${cap ? `${cap} MiB` : "V8's default limit"}): hoshin gave it too large a part of the build`, { cause: error }));
    });
    worker.once("exit", (code) => {
      if (finished()) resolve();
      else reject(new Error(`hoshin: a worker thread (${name}) stopped with exit code ${code} before it finished`));
    });
    worker.postMessage(part);
  });
}
