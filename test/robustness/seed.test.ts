import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_SEED, SEED, assertProperty, rerunCommand, seedFrom } from "./seed.js";

describe("the suite's one seed", () => {
  it("is fixed unless HOSHIN_TEST_SEED is set, and only a whole 32-bit number is taken", () => {
    expect(seedFrom(undefined)).toBe(DEFAULT_SEED);
    expect(seedFrom(" ")).toBe(DEFAULT_SEED);
    expect(seedFrom("-267128705")).toBe(-267128705);
    expect(() => seedFrom("1.5")).toThrow(/not a seed/);
    expect(() => seedFrom("4294967296")).toThrow(/not a seed/);
    expect(SEED).toBe(seedFrom(process.env.HOSHIN_TEST_SEED));
  });

  it("a failing property names the seed, the counterexample and the command that runs it again", () => {
    let message = "";
    try {
      assertProperty(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n < 500), { numRuns: 200 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`HOSHIN_TEST_SEED=${SEED}`);
    expect(message).toMatch(/Counterexample: \[500\]/);
    expect(message).toContain("npx vitest run test/robustness/seed.test.ts -t");
  });

  it("the same seed gives the same values on every run", () => {
    const seen = (): number[] => fc.sample(fc.integer(), { seed: SEED, numRuns: 5 });
    expect(seen()).toEqual(seen());
    expect(rerunCommand(7, { file: "test/x.test.ts", name: "a (b)" })).toBe("HOSHIN_TEST_SEED=7 npx vitest run test/x.test.ts -t 'a \\(b\\)'");
  });
});
