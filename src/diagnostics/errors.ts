/**
 * Errors that end a command, each with the exit code the CLI contract gives it.
 * Anything else that escapes is a bug in hoshin, reported as such (exit 3).
 */
import type { Diagnostic } from "./diagnostic.js";

export abstract class HoshinError extends Error {
  abstract readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The data is wrong: the diagnostics say where and how to fix it. Exit 1. */
export class DataError extends HoshinError {
  readonly exitCode = 1;
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    super(`hoshin: ${errors} problem${errors === 1 ? "" : "s"} in the organization data`);
  }
}

/** The command line is wrong (unknown option, missing folder, unsafe output path). Exit 2. */
export class UsageError extends HoshinError {
  readonly exitCode = 2;
}

/** The user stopped the build (Ctrl-C, or a CI job cancelled): 128 + SIGINT, as shells expect. */
export class InterruptedError extends HoshinError {
  readonly exitCode = 130;
}

/** Something outside hoshin failed that the user can fix (disk full, permissions). Exit 1. */
export class EnvironmentError extends HoshinError {
  readonly exitCode = 1;
}
