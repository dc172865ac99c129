/** The one place diagnostics become text (or JSON). */
import type { Diagnostic } from "./diagnostic.js";

export type ReportFormat = "text" | "json";

/**
 * `file:line:column  path  message (hint)` — one line per problem, so editors and CI
 * annotations can jump to it. A problem with the whole file has no line or column.
 */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const severity = d.severity === "warning" ? "warning: " : "";
  const hint = d.hint ? ` (${d.hint})` : "";
  return `${where}  ${d.path || "-"}  ${severity}${d.message}${hint}`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const parts = [`${errors} error${errors === 1 ? "" : "s"}`];
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return `${parts.join(", ")} in ${files} file${files === 1 ? "" : "s"}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: ReportFormat): string {
  if (format === "json") {
    return `${JSON.stringify({ diagnostics, summary: summarize(diagnostics) }, null, 2)}\n`;
  }
  if (diagnostics.length === 0) return "";
  return `${diagnostics.map(formatDiagnosticLine).join("\n")}\n\n${summarize(diagnostics)}\n`;
}
