/**
 * A problem found in the user's input, as data. Every stage that can find problems
 * (discover, parse, validate) returns these; one formatter renders them.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `schema-unknown-key`. */
  code: string;
  severity: Severity;
  /** The file, as the user would type it (relative to the working directory). */
  file: string;
  /** 1-based line and column in the user's file; 0 when the problem is about the whole file. */
  line: number;
  column: number;
  /** Dotted data path (`contacts[0].hours.close`), or "" for the file itself. */
  path: string;
  message: string;
  /** How to fix it, when we can say: "did you mean `purposes`?". */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order: by file, then position, then code — so reports and goldens never shuffle. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.path.localeCompare(b.path) ||
      a.code.localeCompare(b.code),
  );
}
