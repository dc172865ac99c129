/** Worker threads with a capped heap (workers/parts.ts): a part that outgrows its cap is named as such. */
import { describe, expect, it } from "vitest";
import { runWorker } from "../../dist/workers/parts.js";

const HOARD = new URL("../fixtures/workers/hoard.mjs", import.meta.url);

describe("a worker thread with a capped heap", () => {
  it("says a part used up its heap, with the cap, instead of a bare exit code", async () => {
    const failure = runWorker({ url: HOARD, resourceLimits: { maxOldGenerationSizeMb: 16 } }, {});
    await expect(failure).rejects.toThrow(/a worker thread \(hoard\.mjs\) used up its heap \(16 MiB\): hoshin gave it too large a part of the build/);
    await expect(failure).rejects.toMatchObject({ cause: { code: "ERR_WORKER_OUT_OF_MEMORY" } });
  }, 30_000);
});
