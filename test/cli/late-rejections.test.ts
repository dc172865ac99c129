import { describe, expect, it } from "vitest";

import { holdingLateRejections } from "../../src/cli/late-rejections.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("rejections handled late (as Eleventy's passthrough copy is)", () => {
  it("reach the code that handles them, and the work's own error is the one thrown", async () => {
    const work = holdingLateRejections(async () => {
      const copy = Promise.reject(new Error("ENOSPC: no space left on device, write"));
      await tick(); // the templates render meanwhile; nothing handles `copy` yet
      await copy;
    });
    await expect(work).rejects.toThrow("ENOSPC");
  });

  it("one never handled is the work's error, not a crash", async () => {
    const never = new Error("nobody listens");
    const work = holdingLateRejections(async () => {
      void Promise.reject(never);
      await tick();
      return "done";
    });
    await expect(work).rejects.toBe(never);
  });

  it("without any, the work's result comes back", async () => {
    await expect(holdingLateRejections(async () => 42)).resolves.toBe(42);
  });
});
