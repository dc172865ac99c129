/**
 * The one seed of every property test, so that a test run never passes or fails by chance.
 *
 * Every fast-check property in test/ runs through `assertProperty`, which gives fast-check
 * the suite's seed: `HOSHIN_TEST_SEED` when it is set, `DEFAULT_SEED` otherwise. The same
 * seed generates the same values in every run, on every machine, whichever files or tests
 * are run, since each property starts from the seed afresh. A property that fails throws a
 * message with the seed, the path and the counterexample fast-check shrank to, and the
 * command that runs it again; a counterexample found is then kept as a plain test in
 * regressions.test.ts.
 *
 * `HOSHIN_TEST_RUNS_FACTOR` multiplies every property's number of runs, to explore further
 * on a fast machine (`HOSHIN_TEST_SEED=7 HOSHIN_TEST_RUNS_FACTOR=10 npx vitest run …`).
 * Not a test file itself.
 */
import path from "node:path";

import fc from "fast-check";
import { expect } from "vitest";

/** Any fixed integer would do: it is the seed CI and `npm test` run with. */
export const DEFAULT_SEED = 16;

const REPO = path.resolve(import.meta.dirname, "../..");

/** A seed from the environment's text: a whole number fast-check takes as it is (32 bits). */
export function seedFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_SEED;
  const seed = Number(value.trim());
  if (!/^[+-]?\d+$/.test(value.trim()) || !Number.isSafeInteger(seed) || seed !== (seed | 0)) {
    throw new Error(`HOSHIN_TEST_SEED=${JSON.stringify(value)} is not a seed: give a whole number from -2147483648 to 2147483647`);
  }
  return seed;
}

/** How many times each property's own number of runs: a whole number from 1. */
export function runsFactorFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const factor = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(factor) || factor < 1) {
    throw new Error(`HOSHIN_TEST_RUNS_FACTOR=${JSON.stringify(value)} is not a factor: give a whole number from 1`);
  }
  return factor;
}

export const SEED = seedFrom(process.env.HOSHIN_TEST_SEED);
export const RUNS_FACTOR = runsFactorFrom(process.env.HOSHIN_TEST_RUNS_FACTOR);

export interface PropertyOptions {
  /** The runs the property makes in a normal test run (times `HOSHIN_TEST_RUNS_FACTOR`). */
  numRuns: number;
}

/** The parameters `fc.assert` or `fc.check` is given: the suite's seed, the runs asked for. */
export function propertyOptions<Ts>({ numRuns }: PropertyOptions): fc.Parameters<Ts> {
  return { seed: SEED, numRuns: numRuns * RUNS_FACTOR };
}

/**
 * `fc.assert` with the suite's seed. On failure it throws fast-check's report (seed, path,
 * counterexample, the error the property met) with the command that runs it again.
 */
export function assertProperty<Ts>(property: fc.IAsyncProperty<Ts>, options: PropertyOptions): Promise<void>;
export function assertProperty<Ts>(property: fc.IProperty<Ts>, options: PropertyOptions): void;
export function assertProperty<Ts>(property: fc.IRawProperty<Ts>, options: PropertyOptions): Promise<void> | void {
  const where = currentTest();
  const parameters = propertyOptions<Ts>(options);
  if (property.isAsync()) {
    return (fc.check(property as fc.IAsyncProperty<Ts>, parameters) as Promise<fc.RunDetails<Ts>>).then((out) => report(out, where));
  }
  report(fc.check(property as fc.IProperty<Ts>, parameters) as fc.RunDetails<Ts>, where);
}

interface TestPlace {
  file?: string;
  name?: string;
}

function currentTest(): TestPlace {
  const state = expect.getState();
  const place: TestPlace = {};
  if (state.testPath) place.file = path.relative(REPO, state.testPath).split(path.sep).join("/");
  // Vitest names a test "describe > test"; `-t` matches the test's own name within it.
  const name = state.currentTestName?.split(" > ").at(-1);
  if (name) place.name = name;
  return place;
}

function report<Ts>(out: fc.RunDetails<Ts>, where: TestPlace): void {
  if (!out.failed) return;
  // fast-check leaves the property's own error out of its report; it is the cause, shown
  // in full below the report, and its first line is given here.
  const error = out.errorInstance instanceof Error ? out.errorInstance.message : out.errorInstance;
  const message = [
    `property failed with HOSHIN_TEST_SEED=${out.seed} (counterexample path "${out.counterexamplePath ?? ""}")`,
    fc.defaultReportMessage(out),
    ...(error === null || error === undefined ? [] : [`The property's error: ${String(error).split("\n")[0]}`]),
    "",
    `Run it again: ${rerunCommand(out.seed, where)}`,
    "Then keep the counterexample as a plain test in test/robustness/regressions.test.ts.",
  ].join("\n");
  throw new Error(message, { cause: out.errorInstance ?? undefined });
}

/** The shell command that runs the same property with the same values. */
export function rerunCommand(seed: number, where: TestPlace): string {
  const factor = RUNS_FACTOR === 1 ? "" : ` HOSHIN_TEST_RUNS_FACTOR=${RUNS_FACTOR}`;
  const file = where.file ? ` ${where.file}` : "";
  const test = where.name ? ` -t ${shellQuote(escapeRegExp(where.name))}` : "";
  return `HOSHIN_TEST_SEED=${seed}${factor} npx vitest run${file}${test}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}
