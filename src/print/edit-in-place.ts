/**
 * A PDF as Chromium writes it, finished by editing its bytes where they stand: the
 * document information replaced and the loopback links rebased, every other byte kept.
 *
 * Chromium's PDF writer (Skia) lays every file out one way: the objects, one classic
 * cross-reference table of fixed-width rows, a trailer naming the catalog and the
 * information dictionary. An edit moves only the objects after it, so the table is written
 * again with their new offsets and nothing else needs reading. Parsing and writing the
 * whole tagged PDF again (pdf-lib) cost about a tenth of the CPU of the PDF stage.
 *
 * Anything not in that layout — another writer, a newer one — is refused (undefined), and
 * the caller falls back to pdf-lib.
 */
import type { LinkRebase } from "./link-rebase.js";

export interface InPlaceEdits {
  /** The new document information dictionary, serialized: `<</Title <FEFF…> …>>`. */
  info: string;
  links: LinkRebase;
  /** The language the catalog must already state (Chromium takes it from `<html lang>`). */
  lang: string;
}

/** A cross-reference row as Skia writes it: offset, generation, kind, space, newline. */
const ROW = /^(\d{10}) (\d{5}) ([nf]) \n$/;
const ROW_LENGTH = 20;
const TAIL = /startxref\n(\d+)\n%%EOF\n$/;
const TRAILER = /^trailer\n<<\/Size (\d+)\n\/Root (\d+) 0 R\n\/Info (\d+) 0 R>>\n$/;

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function editChromiumPdf(printed: Uint8Array, edits: InPlaceEdits): Uint8Array | undefined {
  // latin1: one character per byte, so string positions are byte offsets.
  const text = Buffer.from(printed.buffer, printed.byteOffset, printed.byteLength).toString("latin1");
  const tail = TAIL.exec(text.slice(-48));
  if (!tail || !text.startsWith("%PDF-")) return undefined;
  const xrefAt = Number(tail[1]);
  const head = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt, xrefAt + 32));
  if (!head) return undefined;
  const count = Number(head[1]);
  const rowsAt = xrefAt + head[0].length;
  const trailer = TRAILER.exec(text.slice(rowsAt + count * ROW_LENGTH, text.length - tail[0].length));
  if (!trailer || Number(trailer[1]) !== count) return undefined;

  // Offsets by object number; undefined for free rows, which are written back as they were.
  const rows: string[] = [];
  const offsets: (number | undefined)[] = [];
  for (let number = 0; number < count; number++) {
    const row = ROW.exec(text.slice(rowsAt + number * ROW_LENGTH, rowsAt + (number + 1) * ROW_LENGTH));
    if (!row) return undefined;
    rows.push(row[0]);
    if (row[3] === "f") offsets.push(undefined);
    else if (row[2] !== "00000" || Number(row[1]) >= xrefAt) return undefined;
    else offsets.push(Number(row[1]));
  }
  const starts = offsets.filter((offset): offset is number => offset !== undefined).sort((a, b) => a - b);
  /** Where object `number` starts and ends (the next object, or the table). */
  const extent = (number: number): { start: number; end: number } | undefined => {
    const start = offsets[number];
    if (start === undefined || !text.startsWith(`${number} 0 obj\n`, start)) return undefined;
    const end = starts.find((offset) => offset > start) ?? xrefAt;
    return text.slice(start, end).endsWith("\nendobj\n") ? { start, end } : undefined;
  };

  const info = extent(Number(trailer[3]));
  const catalog = extent(Number(trailer[2]));
  if (!info || !catalog) return undefined;
  // What pdf-lib used to set on the catalog, Chromium states already; checked, not trusted.
  const catalogText = text.slice(catalog.start, catalog.end);
  if (!/^[A-Za-z0-9-]+$/.test(edits.lang) || !catalogText.includes(`/Lang (${edits.lang})`)) return undefined;
  if (!catalogText.includes("/DisplayDocTitle true")) return undefined;

  const changes: Edit[] = [{ start: info.start, end: info.end, text: `${trailer[3]} 0 obj\n${edits.info}\nendobj\n` }];
  // Skia writes URIs as literal strings; a hex one could hide a loopback link from this search.
  if (text.includes("/URI <")) return undefined;
  const from = `/URI ${literalString(edits.links.from).slice(0, -1)}`;
  const to = `/URI ${literalString(edits.links.to).slice(0, -1)}`;
  for (let at = text.indexOf(from); at !== -1; at = text.indexOf(from, at + from.length)) {
    changes.push({ start: at, end: at + from.length, text: to });
  }
  changes.sort((a, b) => a.start - b.start);

  const parts: string[] = [];
  let copied = 0;
  for (const change of changes) {
    if (change.start < copied) return undefined;
    parts.push(text.slice(copied, change.start), change.text);
    copied = change.end;
  }
  parts.push(text.slice(copied, xrefAt));
  /** How far everything at or after `offset` moved. */
  const shift = (offset: number): number =>
    changes.reduce((moved, change) => (change.start < offset ? moved + change.text.length - (change.end - change.start) : moved), 0);

  parts.push(head[0]);
  offsets.forEach((offset, number) => {
    parts.push(offset === undefined ? rows[number]! : `${String(offset + shift(offset)).padStart(10, "0")} 00000 n \n`);
  });
  parts.push(text.slice(rowsAt + count * ROW_LENGTH, text.length - tail[0].length));
  parts.push(`startxref\n${xrefAt + shift(xrefAt)}\n%%EOF\n`);
  return Buffer.from(parts.join(""), "latin1");
}

/**
 * A PDF literal string, escaped as Skia escapes one: backslash and parentheses escaped,
 * bytes outside printable ASCII in octal (UTF-8 first).
 */
export function literalString(value: string): string {
  let out = "(";
  for (const byte of Buffer.from(value, "utf8")) {
    if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += (byte === 0x5c || byte === 0x28 || byte === 0x29 ? "\\" : "") + String.fromCharCode(byte);
  }
  return `${out})`;
}
