/**
 * `hoshin scan --write`: adds an entry for each catalogue service found and not declared to
 * the organization's data file, in the file's own format, as a line of text inserted where the
 * list of entries ends. Everything else in the file (comments, quoting, order) stays as it was
 * written; the file is replaced whole (write, then rename), so a failure leaves it untouched.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { applyEdits, modify, parse as parseJsonc } from "jsonc-parser";
import { isMap, isSeq, parseDocument } from "yaml";
import { frontMatterRange } from "../parse/parse.js";
import type { SourceFormat } from "../parse/parse.js";

/** Returns the file's new text with `{ catalogue: id }` entries added for `ids`, in order. */
export function withEntries(text: string, format: SourceFormat, ids: readonly string[]): string {
  if (!ids.length) return text;
  if (format === "json") return jsonWithEntries(text, ids);
  if (format === "yaml") return yamlWithEntries(text, ids);
  const range = frontMatterRange(text);
  if (!range || range.end < 0) throw new Error("the Markdown file's front matter is not where it was when it was checked");
  return text.slice(0, range.start) + yamlWithEntries(text.slice(range.start, range.end), ids) + text.slice(range.end);
}

export async function writeEntries(file: string, format: SourceFormat, ids: readonly string[]): Promise<void> {
  const text = await readFile(file, "utf8");
  const updated = withEntries(text, format, ids);
  const temporary = `${file}.${process.pid}.hoshin-scan.tmp`;
  try {
    await writeFile(temporary, updated, { flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function jsonWithEntries(text: string, ids: readonly string[]): string {
  const data = parseJsonc(text) as { externalTransmission?: { entries?: unknown[] } };
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const formattingOptions = {
    insertSpaces: !indent.includes("\t"),
    tabSize: indent.includes("\t") ? 1 : indent.length,
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
  let out = text;
  if (!data.externalTransmission) {
    return applyEdits(out, modify(out, ["externalTransmission"], { entries: ids.map((id) => ({ catalogue: id })) }, { formattingOptions }));
  }
  for (const id of ids) {
    out = applyEdits(out, modify(out, ["externalTransmission", "entries", -1], { catalogue: id }, { formattingOptions, isArrayInsertion: true }));
  }
  return out;
}

function yamlWithEntries(text: string, ids: readonly string[]): string {
  const doc = parseDocument(text);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const section = doc.get("externalTransmission", true);
  if (section === undefined) {
    const unit = indentUnit(text);
    const lines = ["externalTransmission:", `${unit}entries:`, ...ids.map((id) => `${unit}${unit}- catalogue: ${id}`)];
    const separator = text === "" || text.endsWith("\n") ? "" : eol;
    return `${text}${separator}${lines.join(eol)}${eol}`;
  }
  const entries = isMap(section) ? section.get("entries", true) : undefined;
  if (!isSeq(entries) || !entries.range || !entries.items.length) throw new Error("`externalTransmission.entries` is not the list it was when the file was checked");
  if (entries.flow) {
    // `entries: [ … ]`: the new entries go after the last one, on its line.
    const end = lastItemEnd(entries.items.at(-1)) + 1;
    return `${text.slice(0, end)}, ${ids.map((id) => `{ catalogue: ${id} }`).join(", ")}${text.slice(end)}`;
  }
  const dash = entries.range[0];
  const indent = text.slice(text.lastIndexOf("\n", dash - 1) + 1, dash);
  const last = lastItemEnd(entries.items.at(-1));
  const lineEnd = text.indexOf("\n", last);
  const insertAt = lineEnd === -1 ? text.length : lineEnd + 1;
  const before = lineEnd === -1 ? eol : "";
  const lines = ids.map((id) => `${indent}- catalogue: ${id}${eol}`).join("");
  return text.slice(0, insertAt) + before + lines + text.slice(insertAt);
}

/** Where the last entry's own text ends (its value, not the comments or blank lines after it). */
function lastItemEnd(item: unknown): number {
  const range = (item as { range?: [number, number, number] } | undefined)?.range;
  if (!range) throw new Error("the last entry of `externalTransmission.entries` has no position");
  return Math.max(range[0], range[1] - 1);
}

/** The file's indentation step: the indentation of its first indented line, or two spaces. */
function indentUnit(text: string): string {
  return /\n( +)\S/.exec(text)?.[1] ?? "  ";
}
