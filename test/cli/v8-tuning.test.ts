/**
 * The command line's V8 tuning (src/cli/v8-tuning.ts): it reaches the worker threads a
 * build starts after it, and it gives way to a budget the user set.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { interruptBudgetSetByUser } from "../../src/cli/v8-tuning.js";
import { REPO } from "./helpers.js";

const PROBE = path.join(REPO, "test", "fixtures", "v8-tuning", "probe.mjs");
/**
 * V8's default budget optimizes the probe's function after 10,000–20,000 calls; hoshin's
 * after 150,000–200,000. Maglev (on by default from Node 22) tiers up by a count of its own,
 * so the probe turns it off and watches TurboFan, which the budget governs.
 */
const CALLS = 50_000;

function probe(nodeFlags: string[]): { tuned: boolean; optimized: boolean } {
  const stdout = execFileSync(process.execPath, ["--allow-natives-syntax", "--no-concurrent-recompilation", "--no-maglev", ...nodeFlags, PROBE, String(CALLS)], {
    encoding: "utf8",
  });
  return JSON.parse(stdout);
}

describe("V8 tuning", () => {
  it("raises the interrupt budget of worker threads started after it, so briefly run code stays unoptimized", () => {
    expect(probe([])).toEqual({ tuned: true, optimized: false });
  });

  it("leaves a budget given on node's command line alone", () => {
    expect(probe(["--interrupt-budget=67584"])).toEqual({ tuned: false, optimized: true });
  });

  it("recognises the user's budget in either spelling, and only that flag", () => {
    expect(interruptBudgetSetByUser(["--interrupt-budget=100"])).toBe(true);
    expect(interruptBudgetSetByUser(["--max-old-space-size=4096", "--interrupt_budget=100"])).toBe(true);
    expect(interruptBudgetSetByUser(["--interrupt-budget-for-feedback-allocation=940"])).toBe(false);
    expect(interruptBudgetSetByUser([])).toBe(false);
  });
});
