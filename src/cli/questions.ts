/** Questions asked in the terminal (`hoshin new`), one line each. */
import { createInterface } from "node:readline/promises";
import { InterruptedError } from "../diagnostics/errors.js";
import type { Ask } from "./new.js";

export function terminalQuestions(): { ask: Ask; close(): void } {
  // Questions go to stderr, like progress: stdout stays the command's result.
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  // Ctrl-C or Ctrl-D while a question waits: stop, with nothing written.
  const stopped = new AbortController();
  terminal.on("SIGINT", () => stopped.abort());
  terminal.on("close", () => stopped.abort());
  return {
    ask: async (question) => {
      try {
        return (await terminal.question(question, { signal: stopped.signal })).trim();
      } catch (error) {
        if (stopped.signal.aborted) throw new InterruptedError("\nhoshin: stopped; nothing was written");
        throw error;
      }
    },
    close: () => terminal.close(),
  };
}
