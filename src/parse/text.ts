/**
 * Bytes → text: a file too large, not UTF-8 (with the position of the first bad byte, as
 * an editor counts it), or binary is refused as a whole, before any parser sees it.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiscoveredFile } from "../discover/discover.js";
import type { Position } from "./source.js";
import { LIMITS, MiB, wholeFile } from "./plumbing.js";

/** How far into a file we look for NUL bytes: enough to catch images, PDFs and spreadsheets. */
const BINARY_SNIFF_BYTES = 8192;

const ENCODING_HINT = "save the file as UTF-8; in most editors: File › Save with Encoding › UTF-8";

export function tooLarge(file: DiscoveredFile, size: number): Diagnostic {
  return wholeFile(
    file,
    "file-too-large",
    `file is ${formatFileSize(size)}; the limit is ${formatLimit(LIMITS.maxFileBytes)}`,
    "an organization file should be a few kilobytes; check that this is the right file",
  );
}

/** One decimal, but never rounded down to the limit: "1.0 MiB; the limit is 1 MiB" reads as a bug. */
function formatFileSize(bytes: number): string {
  const nearest = Math.round((bytes / MiB) * 10) / 10;
  const shown = nearest * MiB <= LIMITS.maxFileBytes ? Math.ceil((bytes / MiB) * 10) / 10 : nearest;
  return `${shown.toFixed(1)} MiB`;
}

function formatLimit(bytes: number): string {
  return `${Number((bytes / MiB).toFixed(2))} MiB`;
}

/** The text (BOM stripped), or the diagnostic that explains why there is none. */
export function decodeText(file: DiscoveredFile, bytes: Uint8Array): string | Diagnostic {
  // Checked before the NUL sniff: UTF-16 text is full of NULs but is not "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return wholeFile(file, "file-encoding", "file is saved as UTF-16, not UTF-8", ENCODING_HINT);
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return wholeFile(file, "file-binary", "file is binary, not text",
      "organization files are plain text (YAML, JSON or Markdown); check that this is the right file");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const message = decodes(bytes, "shift_jis")
      ? "file is saved as Shift_JIS, not UTF-8"
      : "file is not valid UTF-8";
    const bad = firstInvalidUtf8(bytes);
    const position = bad === -1 ? { line: 0, column: 0 } : bytePosition(bytes, bad);
    return { ...wholeFile(file, "file-encoding", message, ENCODING_HINT), ...position };
  }
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Either the bytes are not in that encoding, or this Node lacks the ICU data for it.
    return false;
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const trailing = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (trailing === 0) return i;
    // The second byte's range is narrower after some leads: no overlongs, surrogates or > U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= trailing; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += trailing + 1;
  }
  return -1;
}

/** Line and column of a byte offset, counting the valid UTF-8 before it in UTF-16 units. */
function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // The default decoder drops a leading BOM, which editors do not count as a column either.
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
