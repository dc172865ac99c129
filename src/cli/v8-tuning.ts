/**
 * How the command line tunes V8 before it loads anything else. V8 counts down a budget in
 * each function as it runs and, when the budget runs out, has the function compiled
 * again with optimizations (by TurboFan, on a background thread). A build runs most of its
 * code (Eleventy, Nunjucks, markdown-it, the clause library) briefly and once in each
 * worker thread, so at V8's default budget much of that optimizing is paid for and barely
 * used: it was a third of a build's CPU time. A larger budget optimizes only the code that
 * runs long. Measured in `npm run bench`, 1,000 organizations, cold, HTML only: 9.95 s and
 * 16.8 s of CPU against 11.91 s and 20.9 s, the same peak memory, the same output byte for
 * byte; at 10,000, 6 % less CPU (see docs/benchmarks.md).
 *
 * Only the command line does this: V8's flags are the whole process's, and a program that
 * uses hoshin as a library keeps its own. A budget the user set themselves on node's
 * command line (`node --interrupt-budget=… bin/hoshin.js`; Node does not take V8's tiering
 * flags in NODE_OPTIONS) is left alone.
 */
import v8 from "node:v8";

export const INTERRUPT_BUDGET = 1_000_000;

/** Whether the user gave V8 an interrupt budget themselves, on node's command line. */
export function interruptBudgetSetByUser(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg));
}

/**
 * Sets V8's interrupt budget for this process and the worker threads it starts later,
 * unless the user set one; says whether it did.
 */
export function tuneV8(execArgv: readonly string[] = process.execArgv): boolean {
  if (interruptBudgetSetByUser(execArgv)) return false;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
