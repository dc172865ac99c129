/**
 * Shared by the robustness tests: writing data as organization files, the rules every
 * diagnostic must keep, and what "shown escaped" means in a page. Not a test file itself.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { stringify } from "yaml";

import type { DiscoveredFile } from "../../src/discover/discover.js";
import type { SourceFormat } from "../../src/parse/source.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnosticLine } from "../../src/diagnostics/format.js";

export const REPO = path.resolve(import.meta.dirname, "../..");

const folders: string[] = [];

/** A fresh folder under the system temp folder, removed by `removeFolders`. */
export async function tempFolder(prefix = "hoshin-robust-"): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

export async function removeFolders(): Promise<void> {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** What `discoverOrganizations` would have said about a file of that name and format. */
export function discovered(slug: string, format: SourceFormat): DiscoveredFile {
  const ext = format === "yaml" ? "yaml" : format;
  return { absolutePath: path.join(os.tmpdir(), `${slug}.${ext}`), file: `organizations/${slug}.${ext}`, slug, format };
}

/**
 * The data as the text of an organization file; a Markdown file gets it as front matter.
 * Lines are never folded (`lineWidth: 0`): yaml 2.9 folds a long double-quoted string
 * between the two halves of a UTF-16 surrogate pair (`𠮷`, `😀`), which UTF-8 cannot hold.
 */
export function serialize(data: unknown, format: SourceFormat, body = ""): string {
  if (format === "json") return `${JSON.stringify(data, null, 2)}\n`;
  const yaml = stringify(data, { lineWidth: 0 });
  return format === "md" ? `---\n${yaml}---\n${body}` : yaml;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The text a diagnostic's line and column count in, or undefined if the bytes are not UTF-8. */
function decoded(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The contract of a diagnostic, whatever the input: it names the file, has a stable code,
 * says something on exactly one line, and points inside the file (never at the phantom
 * line after the last newline, never past the end of a line). `lines` are the file's lines,
 * when its bytes are UTF-8.
 */
export function diagnosticProblems(d: Diagnostic, file: string, lines?: readonly string[]): string[] {
  const problems: string[] = [];
  const line = formatDiagnosticLine(d);
  if (d.file !== file) problems.push(`names ${d.file}, not ${file}`);
  if (d.severity !== "error" && d.severity !== "warning") problems.push(`severity ${String(d.severity)}`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(d.code)) problems.push(`code ${JSON.stringify(d.code)}`);
  if (!d.message || d.message.trim() === "") problems.push("no message");
  if (/[\r\n\u2028\u2029]/.test(line)) problems.push(`spans several lines: ${JSON.stringify(line)}`);
  if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(line.replace(/`[^`]*`/g, ""))) problems.push(`shows a program value: ${line}`);
  if (d.line === 0) {
    if (d.column !== 0) problems.push(`line 0 but column ${d.column}`);
  } else {
    if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 1 || d.column < 1) {
      problems.push(`position ${d.line}:${d.column}`);
    }
    if (lines) {
      const shown = lines[d.line - 1];
      if (shown === undefined) problems.push(`line ${d.line} is past the last line (${lines.length})`);
      else if (d.column > shown.replace(/\r$/, "").length + 1) {
        problems.push(`column ${d.column} is past the end of line ${d.line} (${shown.length} characters)`);
      }
    }
  }
  return problems;
}

/** Every rule broken by any of the diagnostics, each prefixed with its line as shown. */
export function allProblems(diagnostics: readonly Diagnostic[], file: string, bytes?: Uint8Array): string[] {
  const text = bytes && decoded(bytes);
  // The BOM is not a column, as editors count; the lines are those of the text without
  // trailing blank lines, which an editor shows as nothing at all. The last line keeps its
  // own trailing spaces: a value written there (`languages: \v`) is at a column of it.
  const lines = text?.replace(/^\ufeff/, "").replace(/(\n[^\S\n]*)+$/, "").split("\n");
  return diagnostics.flatMap((d) => diagnosticProblems(d, file, lines).map((p) => `${formatDiagnosticLine(d)}: ${p}`));
}

// ---------------------------------------------------------------------------------------
// Pages

/** As Nunjucks' autoescape writes text into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (c) => ({ "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" })[c] ?? c);
}

/**
 * What must never be in a page built from data full of markup: a tag or an event attribute
 * that came from the data, or the trace of a Nunjucks expression that was evaluated.
 */
export function markupProblems(html: string): string[] {
  const problems: string[] = [];
  const tag = /<(b|i|script|img|svg)[\s>/]/i.exec(html);
  if (tag) problems.push(`a <${tag[1]}> tag: …${html.slice(Math.max(0, tag.index - 40), tag.index + 40)}…`);
  const events = startTags(html).flatMap((attributes) => attributes.filter((name) => name.startsWith("on")));
  if (events.length) problems.push(`event attributes: ${events.join(", ")}`);
  if (/\s(href|src)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push("a javascript: link");
  for (const name of ["style", "title"]) {
    const opened = html.match(new RegExp(`<${name}[\\s>]`, "gi"))?.length ?? 0;
    const closed = html.match(new RegExp(`</${name}>`, "gi"))?.length ?? 0;
    if (closed !== opened) problems.push(`${closed} </${name}> for ${opened} <${name}>`);
  }
  if (html.includes("NJKEVAL")) problems.push("a Nunjucks expression from the data was evaluated");
  for (const match of html.matchAll(/NJKIF/g)) {
    if (!html.slice(0, match.index).endsWith("{% if true %}")) problems.push("a Nunjucks tag from the data was evaluated");
  }
  return problems;
}

/**
 * The attribute names of every start tag, read as a browser would: quoted values are skipped
 * whole, so ` onload=` escaped inside a `content="…"` is not taken for an attribute.
 */
function startTags(html: string): string[][] {
  const found: string[][] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const names = [...(tag[1] ?? "").matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)].map((m) => (m[1] ?? "").toLowerCase());
    found.push(names);
  }
  return found;
}
