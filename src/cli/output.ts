/** Where a command writes, so tests can run the CLI in-process and read what it said. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Set by the command that ran; 0 unless it failed. */
  exitCode: number;
  /** A person watching a terminal (not CI, not a pipe): progress may be redrawn in place. */
  interactive: boolean;
}

export function processOutput(): Output {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    exitCode: 0,
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
  };
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
