/**
 * Worker threads (workers/parts.ts): a part that outgrows its heap's cap is named as such,
 * and a thread that sends its work as it goes is heard out to the end.
 */
import { describe, expect, it } from "vitest";
import { runWorker, streamFromWorker } from "../../dist/workers/parts.js";

const HOARD = new URL("../fixtures/workers/hoard.mjs", import.meta.url);
const COUNT = new URL("../fixtures/workers/count.mjs", import.meta.url);

describe("a worker thread with a capped heap", () => {
  it("says a part used up its heap, with the cap, instead of a bare exit code", async () => {
    const failure = runWorker({ url: HOARD, resourceLimits: { maxOldGenerationSizeMb: 16 } }, {});
    await expect(failure).rejects.toThrow(/a worker thread \(hoard\.mjs\) used up its heap \(16 MiB\): hoshin gave it too large a part of the build/);
    await expect(failure).rejects.toMatchObject({ cause: { code: "ERR_WORKER_OUT_OF_MEMORY" } });
  }, 30_000);
});

describe("a worker thread that sends its work as it goes", () => {
  it("hands over every message in order, then resolves when the thread has ended", async () => {
    const received: number[] = [];
    await streamFromWorker<number>({ url: COUNT }, { upTo: 500 }, (number) => received.push(number), () => received.length === 500);
    expect(received).toEqual(Array.from({ length: 500 }, (_, number) => number));
  });

  it("says so when the thread ends before everything came", async () => {
    const received: number[] = [];
    const stream = streamFromWorker<number>({ url: COUNT }, { upTo: 500, stopAfter: 20 }, (number) => received.push(number), () => received.length === 500);
    await expect(stream).rejects.toThrow(/a worker thread \(count\.mjs\) stopped with exit code 0 before it finished/);
    expect(received).toHaveLength(20);
  });
});
