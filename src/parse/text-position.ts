/**
 * Where a character of a text value was written in its file. A YAML or JSON string is not
 * its source: quotes, escapes (`\n`, `\u3042`), indentation and folded line breaks stand
 * between the two. A problem found inside a text (a link in a custom section's Markdown) is
 * placed on its own line and column when that can be told exactly, and not placed at all
 * (the caller falls back to the value's start) when it cannot.
 */

/** How a string scalar is written: YAML's five styles, and a JSON string. */
export type ScalarStyle = "plain" | "single" | "double" | "literal" | "folded" | "json";

export interface ScalarSource {
  style: ScalarStyle;
  /** Offsets of the scalar's source in the file text, `[start, end)`: from its first quote or `|` on. */
  start: number;
  end: number;
}

/**
 * The file offset of `value[index]`, where `value` is the decoded scalar; undefined when the
 * source does not tell. A position is only given when it is certain.
 */
export function offsetInScalar(text: string, scalar: ScalarSource, value: string, index: number): number | undefined {
  if (index < 0 || index >= value.length) return undefined;
  const raw = text.slice(scalar.start, scalar.end);
  const oneLine = !/[\r\n]/.test(raw.trimEnd());
  let at: number | undefined;
  if (scalar.style === "literal") at = literalOffset(raw, value, index);
  else if (oneLine && scalar.style === "plain") at = index;
  else if (oneLine && scalar.style === "single") at = quotedOffset(raw, index, singleQuotedLength);
  else if (oneLine && (scalar.style === "double" || scalar.style === "json")) at = quotedOffset(raw, index, escapeLength);
  // Every way is checked against the value: an escape stands for its character; anything else is itself.
  if (at !== undefined && (raw[at] === value[index] || (raw[at] === "\\" && scalar.style !== "literal"))) return scalar.start + at;
  const found = searchOffset(raw, value, index);
  return found === undefined ? undefined : scalar.start + found;
}

/** A `|` block: each line of the value is a line of the source below the header, less the indentation. */
function literalOffset(raw: string, value: string, index: number): number | undefined {
  const header = raw.indexOf("\n");
  // An explicit indentation indicator (`|2`) counts from the parent's indentation, which the slice does not hold.
  if (header === -1 || /\d/.test(raw.slice(0, header))) return undefined;
  const lines = raw.slice(header + 1).split("\n");
  const indent = (lines.find((line) => line.trim() !== "") ?? "").search(/[^ ]/);
  if (indent < 0) return undefined;
  const before = value.slice(0, index);
  const line = before.split("\n").length - 1;
  const column = index - (before.lastIndexOf("\n") + 1);
  let offset = header + 1;
  for (let k = 0; k < line; k++) offset += (lines[k]?.length ?? 0) + 1;
  return line < lines.length ? offset + indent + column : undefined;
}

/** A one-line quoted scalar: walk past the opening quote, one source piece per character of the value. */
function quotedOffset(raw: string, index: number, pieceLength: (raw: string, at: number) => { length: number; units: number }): number | undefined {
  let units = 0;
  for (let at = 1; at < raw.length - 1; ) {
    if (units === index) return at;
    const piece = pieceLength(raw, at);
    if (units + piece.units > index) return undefined;
    units += piece.units;
    at += piece.length;
  }
  return undefined;
}

function singleQuotedLength(raw: string, at: number): { length: number; units: number } {
  return { length: raw.startsWith("''", at) ? 2 : 1, units: 1 };
}

/** JSON's and YAML's double-quoted escapes; `\U0001F600` stands for two UTF-16 units. */
function escapeLength(raw: string, at: number): { length: number; units: number } {
  if (raw[at] !== "\\") return { length: 1, units: 1 };
  const kind = raw[at + 1];
  if (kind === "u") return { length: 6, units: 1 };
  if (kind === "x") return { length: 4, units: 1 };
  if (kind === "U") return { length: 10, units: Number.parseInt(raw.slice(at + 2, at + 10), 16) > 0xffff ? 2 : 1 };
  return { length: 2, units: 1 };
}

/**
 * Any other style (folded, or quoted over several lines): the text at `index` up to its first
 * space, quote or backslash is looked for in the source. It is certain when the source holds
 * that text exactly as often as the value does: each occurrence in the source is then one in
 * the value, in the same order.
 */
function searchOffset(raw: string, value: string, index: number): number | undefined {
  const snippet = /^[^\s"'\\]+/.exec(value.slice(index))?.[0];
  if (!snippet) return undefined;
  const inValue = occurrences(value, snippet);
  const inSource = occurrences(raw, snippet);
  const which = inValue.indexOf(index);
  return inValue.length === inSource.length && which !== -1 ? inSource[which] : undefined;
}

function occurrences(text: string, snippet: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(snippet); at !== -1; at = text.indexOf(snippet, at + 1)) found.push(at);
  return found;
}
