/**
 * Parse stage: bytes of one organization file → plain data plus a way back to positions.
 *
 * Everything a user can get wrong in a file becomes a diagnostic, never an exception: the
 * check command must be able to list every broken file in one run. Positions are kept as
 * offsets into the decoded text and turned into line/column only when asked, so the same
 * code serves YAML, JSON and the YAML front matter of Markdown files.
 */

import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";

import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node as JsonNode, type ParseError } from "jsonc-parser";
import type { Document, Node as YamlNode } from "yaml";

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiscoveredFile } from "../discover/discover.js";
import { quickYaml } from "./quick-yaml.js";
import { oneLine, type DataPath, type MarkdownBody, type Position, type SourceFile } from "./source.js";
import { offsetInScalar, type ScalarSource, type ScalarStyle } from "./text-position.js";
import { describeFsError } from "../diagnostics/fs-error.js";

const require = createRequire(import.meta.url);

type YamlLibrary = typeof import("yaml");
let yamlLibrary: YamlLibrary | undefined;

/**
 * yaml, loaded when first needed (it takes about 50 ms): for the files the quick read
 * leaves, and for positions. A build whose files have nothing to report never loads it.
 */
function yaml(): YamlLibrary {
  return (yamlLibrary ??= require("yaml") as YamlLibrary);
}

export interface ParseResult {
  source?: SourceFile;
  diagnostics: Diagnostic[];
}

const MiB = 1024 * 1024;

export const LIMITS: { maxFileBytes: number; maxAliases: number; maxDepth: number } = {
  maxFileBytes: 1 * MiB,
  // Anchors are rare in hand-written policies; a document full of them is most likely a
  // "billion laughs" expansion bomb.
  maxAliases: 100,
  // A policy needs about six levels (contacts › item › hours › note › ja). The parsers
  // recurse once per level: a few hundred `[` in a row (a file well under the size limit)
  // overflow the stack, which in yaml can even abort the process. Refused before parsing.
  maxDepth: 100,
};

/** How far into a file we look for NUL bytes: enough to catch images, PDFs and spreadsheets. */
const BINARY_SNIFF_BYTES = 8192;

const ENCODING_HINT = "save the file as UTF-8; in most editors: File › Save with Encoding › UTF-8";
const EMPTY_HINT = "copy an example from organizations/ and fill it in";

export async function parseOrganizationFile(file: DiscoveredFile): Promise<ParseResult> {
  const read = await readOrganizationFile(file);
  return "refused" in read ? read.refused : parseOrganizationText(file, read.bytes);
}

/** The file's bytes, or why it cannot be parsed: unreadable, or over the size limit. */
export async function readOrganizationFile(file: DiscoveredFile): Promise<{ bytes: Uint8Array } | { refused: ParseResult }> {
  try {
    // Check the size before reading, so a stray multi-gigabyte file costs nothing.
    const info = await stat(file.absolutePath);
    if (info.size > LIMITS.maxFileBytes) return { refused: refuse(tooLarge(file, info.size)) };
    return { bytes: await readFile(file.absolutePath) };
  } catch (error) {
    return {
      refused: refuse(
        wholeFile(file, "file-unreadable", `file cannot be read (${describeFsError(error)})`,
          "check that the file exists and that you may read it"),
      ),
    };
  }
}

/** Pure: the same checks as `parseOrganizationFile`, on bytes already in memory. */
export function parseOrganizationText(file: DiscoveredFile, bytes: Uint8Array): ParseResult {
  if (bytes.length > LIMITS.maxFileBytes) return refuse(tooLarge(file, bytes.length));

  const decoded = decodeText(file, bytes);
  if (typeof decoded !== "string") return refuse(decoded);
  if (decoded.trim() === "") return refuse(wholeFile(file, "file-empty", "file is empty", EMPTY_HINT));

  const lines = new LineIndex(decoded);
  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (code, message, offset, hint, severity = "error") => {
    const position = offset === undefined ? { line: 0, column: 0 } : lines.position(offset);
    const diagnostic: Diagnostic = { code, severity, file: file.file, ...position, path: "", message };
    if (hint !== undefined) diagnostic.hint = hint;
    diagnostics.push(diagnostic);
  };

  const parsed =
    file.format === "json"
      ? parseJson(decoded, lines, report)
      : file.format === "md"
        ? parseMarkdown(decoded, lines, report)
        : parseYaml(decoded, 0, lines, report, "file is empty");
  if (!parsed || diagnostics.some((d) => d.severity === "error")) return { diagnostics };

  const shape = describeNonObject(parsed.data, file.format === "json");
  if (shape) {
    report("data-not-object", shape, parsed.topOffset);
    return { diagnostics };
  }

  const root = parsed.rootPosition ?? { line: 1, column: 1 };
  const source: SourceFile = {
    absolutePath: file.absolutePath,
    file: file.file,
    slug: file.slug,
    format: file.format,
    data: parsed.data,
    locate(path: DataPath, part: "key" | "value" = "value"): Position {
      const offset = parsed.find(path, part);
      return offset === undefined ? { ...root } : lines.position(offset);
    },
    locateText(path: DataPath, index: number): Position | undefined {
      const scalar = parsed.scalar(path);
      const value = valueAt(parsed.data, path);
      if (!scalar || typeof value !== "string") return undefined;
      const offset = offsetInScalar(decoded, scalar, value, index);
      return offset === undefined ? undefined : lines.position(offset);
    },
  };
  if (parsed.body) source.body = parsed.body;
  return { source, diagnostics };
}

// ---------------------------------------------------------------------------------------
// Shared plumbing

type Reporter = (
  code: string,
  message: string,
  /** Offset into the decoded text; undefined for the whole file (line 0, column 0). */
  offset?: number,
  hint?: string,
  severity?: Diagnostic["severity"],
) => void;

/** Offset of a path's key or value; undefined means the document root. */
type OffsetFinder = (path: DataPath, part: "key" | "value") => number | undefined;

interface Parsed {
  data: unknown;
  find: OffsetFinder;
  /** How the string at a path is written, for positions inside it; undefined when it is no string. */
  scalar: (path: DataPath) => ScalarSource | undefined;
  /** Where the top-level value starts, for `data-not-object`. */
  topOffset: number;
  /** Where the empty path points, when not line 1, column 1. */
  rootPosition?: Position;
  body?: MarkdownBody;
}

function refuse(diagnostic: Diagnostic): ParseResult {
  return { diagnostics: [diagnostic] };
}

function wholeFile(file: DiscoveredFile, code: string, message: string, hint?: string): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: "error", file: file.file, line: 0, column: 0, path: "", message };
  if (hint !== undefined) diagnostic.hint = hint;
  return diagnostic;
}

/**
 * Line starts of a text, for offset → line/column by binary search. Columns count UTF-16
 * code units, as editors do; a `\r` before `\n` simply ends its line.
 */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

interface Step<N> {
  node: N | undefined;
  /** Present when the step went through a property (not an array index). */
  keyOffset?: number;
  valueOffset: number;
}

/**
 * Walk a path through any tree. A missing segment stops the walk at the deepest node that
 * exists, pointing at its key when it is a property: "hours has no close" is best shown on
 * the line that says `hours:`.
 */
function findOffset<N>(
  root: N | undefined,
  path: DataPath,
  part: "key" | "value",
  child: (node: N, segment: string | number) => Step<N> | undefined,
): number | undefined {
  let last: Step<N> | undefined;
  let node = root;
  for (const segment of path) {
    const next = node === undefined ? undefined : child(node, segment);
    if (!next) return last && (last.keyOffset ?? last.valueOffset);
    last = next;
    node = next.node;
  }
  if (!last) return undefined;
  return part === "key" ? (last.keyOffset ?? last.valueOffset) : last.valueOffset;
}

/** The node at the end of a path, or undefined when the path does not exist. */
function findNode<N>(root: N | undefined, path: DataPath, child: (node: N, segment: string | number) => Step<N> | undefined): N | undefined {
  let node = root;
  for (const segment of path) node = node === undefined ? undefined : child(node, segment)?.node;
  return node;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function duplicateHint(lines: LineIndex, firstOffset: number): string {
  return `remove one of them; the first is on line ${lines.position(firstOffset).line}`;
}

/** `Array.prototype.findLast` is ES2023; the project targets ES2022. */
function findLast<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    if (predicate(item)) return item;
  }
  return undefined;
}

function describeNonObject(data: unknown, json: boolean): string | undefined {
  if (typeof data === "object" && data !== null && !Array.isArray(data)) return undefined;
  const what = Array.isArray(data)
    ? json ? "an array" : "a list"
    : data === null
      ? "an empty value (null)"
      : typeof data === "string"
        ? "a string"
        : typeof data === "boolean"
          ? "true or false"
          : "a number";
  return json
    ? `the file must contain an object with keys ("organization", "policy", …), not ${what}`
    : `the file must contain a mapping of keys (organization:, policy:, …), not ${what}`;
}

// ---------------------------------------------------------------------------------------
// Bytes → text

function tooLarge(file: DiscoveredFile, size: number): Diagnostic {
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
function decodeText(file: DiscoveredFile, bytes: Uint8Array): string | Diagnostic {
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

// ---------------------------------------------------------------------------------------
// YAML

// Core schema (YAML 1.2): dates and `yes`/`no` stay strings, which validation expects.
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false } as const;

/** Hints for the YAML mistakes people actually make in hand-written files. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: "indent with spaces, not tabs",
  BLOCK_AS_IMPLICIT_KEY: "put the value in quotes when it contains `: `",
  MULTIPLE_DOCS: "an organization file holds one YAML document; remove the extra `---` line",
};

/**
 * Parse YAML that starts at `base` in the decoded text (0 for a .yaml file, after the
 * opening `---` for Markdown front matter), so every offset reported is a file offset.
 */
function parseYaml(
  text: string,
  base: number,
  lines: LineIndex,
  report: Reporter,
  emptyMessage: string,
): Parsed | undefined {
  const deep = tooDeepYaml(text);
  if (deep !== undefined) {
    reportTooDeep(report, base + deep);
    return undefined;
  }
  const quick = quickYaml(text, LIMITS);
  if (quick !== undefined) return locatedWhenAsked(quick, text, base);

  const doc = yaml().parseDocument(text, YAML_OPTIONS);

  // yaml's position for a repeated key is the end of whatever came before it: after an empty
  // value (`policy:` then `policy:`) that is the previous line. The repeats are found here.
  // Looked for only when yaml found some: a walk of the whole document, for every file, costs.
  const duplicates = doc.errors.some((error) => error.code === "DUPLICATE_KEY") ? duplicateKeys(doc) : [];
  for (const error of doc.errors) {
    if (error.code === "DUPLICATE_KEY") {
      const duplicate = duplicates.shift();
      if (duplicate) {
        report("yaml-duplicate-key", `key \`${oneLine(duplicate.name)}\` appears twice`, base + duplicate.offset,
          duplicateHint(lines, base + duplicate.firstOffset));
      } else {
        // A repeated key that is itself a mapping or list: rare enough to point where yaml does.
        report("yaml-duplicate-key", "a key appears twice in the same mapping", atText(text, base, error.pos[0]));
      }
    } else {
      report("yaml-syntax", yamlMessage(error.code, error.message), atText(text, base, error.pos[0]), YAML_HINTS[error.code]);
    }
  }
  for (const warning of doc.warnings) {
    report("yaml-warning", cleanYamlMessage(warning.message), atText(text, base, warning.pos[0]), undefined, "warning");
  }
  if (doc.errors.length > 0) return undefined;

  const contents = doc.contents;
  if (contents === null) {
    // Only comments, or a bare `---`.
    report("file-empty", emptyMessage, undefined, EMPTY_HINT);
    return undefined;
  }
  if (!checkKeysAndAliases(doc, base, report)) return undefined;

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message) && /excessive/i.test(message)) reportTooManyAliases(report);
    else report("yaml-syntax", cleanYamlMessage(message));
    return undefined;
  }

  return {
    data,
    topOffset: base + (contents.range?.[0] ?? 0),
    find: (path, part) => findOffset<YamlNode>(contents, path, part, yamlChild(doc, text, base)),
    scalar: (path) => yamlScalar(doc, findNode<YamlNode>(contents, path, yamlChild(doc, text, base)), base),
  };
}

/**
 * A file the quick read took: its data now, its positions from yaml only when a message
 * needs one (most files never do).
 */
function locatedWhenAsked(data: Record<string, unknown>, text: string, base: number): Parsed {
  let doc: Document | undefined;
  const parsed = () => (doc ??= yaml().parseDocument(text, YAML_OPTIONS));
  return {
    data,
    get topOffset() {
      return base + (parsed().contents?.range?.[0] ?? 0);
    },
    find: (path, part) => {
      const full = parsed();
      return findOffset<YamlNode>(full.contents ?? undefined, path, part, yamlChild(full, text, base));
    },
    scalar: (path) => {
      const full = parsed();
      return yamlScalar(full, findNode<YamlNode>(full.contents ?? undefined, path, yamlChild(full, text, base)), base);
    },
  };
}

/**
 * Keys must be names. `? [a, b]` is valid YAML, but `toJS` can only turn it into the text
 * "[ a, b ]", and says so with a Node.js warning on the user's terminal.
 *
 * Aliases are checked by hand before `toJS`: it would throw on an unknown anchor, and its own
 * limit multiplies alias counts, so a flat list of 150 aliases would pass or fail by luck.
 *
 * One walk of the document for both: walks are most of the cost of a file with no problem.
 */
function checkKeysAndAliases(doc: Document, base: number, report: Reporter): boolean {
  const { isNode, isScalar, visit } = yaml();
  let aliases = 0;
  let ok = true;
  visit(doc, {
    Pair(_key, pair) {
      if (pair.key === null || isScalar(pair.key)) return;
      report("yaml-syntax", "a key must be a name, not a list, a mapping or an alias",
        base + (isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0), "write the key as plain text, e.g. `name:`");
      ok = false;
    },
    Alias(_key, alias) {
      aliases += 1;
      if (!alias.resolve(doc)) {
        report("yaml-syntax", `alias \`*${oneLine(alias.source)}\` has no anchor \`&${oneLine(alias.source)}\` before it`,
          base + (alias.range?.[0] ?? 0), "define the anchor (&name) before using the alias (*name)");
        ok = false;
      }
    },
  });
  if (aliases > LIMITS.maxAliases) {
    reportTooManyAliases(report);
    return false;
  }
  return ok;
}

function reportTooDeep(report: Reporter, offset: number): void {
  report("data-too-deep", `the data is nested too deeply: more than ${LIMITS.maxDepth} levels of brackets or indentation`, offset,
    "an organization file needs only a few levels; look for a `[` or `{` that is never closed, or lines indented too far");
}

/**
 * Where the YAML first goes more than `LIMITS.maxDepth` levels deep, or undefined: counted on
 * the lexer's tokens, which cost nothing like a parse and stop at the first excess. Flow
 * levels (`[`, `{`) are counted exactly; a block level is counted per column of indentation
 * and per `-`, `?` or `:` on the line. That is within a factor of two of the truth for any
 * layout, and yaml overflows only at several hundred levels.
 */
function tooDeepYaml(text: string): number | undefined {
  // Lexing costs a fifth of parsing; a bound read off the characters spares it for every
  // ordinary file.
  if (depthBound(text) <= LIMITS.maxDepth) return undefined;
  const leadingSpace = /[ \t]*/y;
  let offset = 0;
  let lineStart = 0;
  let countedLine = -1;
  let indent = 0;
  let indicators = 0;
  let flow = 0;
  let blockAtFlowStart = 0;
  const { CST, Lexer } = yaml();
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer's own markers (document, scalar, flow end) are not characters of the text.
    if (type === "doc-mode" || type === "scalar" || type === "flow-error-end") continue;
    const opensFlow = type === "flow-map-start" || type === "flow-seq-start";
    const blockIndicator = flow === 0 && (type === "seq-item-ind" || type === "explicit-key-ind" || type === "map-value-ind");
    if (opensFlow || blockIndicator) {
      if (countedLine !== lineStart) {
        countedLine = lineStart;
        indicators = 0;
        leadingSpace.lastIndex = lineStart;
        indent = leadingSpace.exec(text)?.[0].length ?? 0;
      }
      let depth: number;
      if (blockIndicator) {
        indicators += 1;
        depth = indent + indicators;
      } else {
        if (flow === 0) blockAtFlowStart = indent + indicators;
        flow += 1;
        depth = blockAtFlowStart + flow;
      }
      if (depth > LIMITS.maxDepth) return offset;
    } else if (type === "flow-map-end" || type === "flow-seq-end") {
      flow = Math.max(0, flow - 1);
    }
    const newline = token.lastIndexOf("\n");
    if (newline !== -1) lineStart = offset + newline + 1;
    offset += token.length;
  }
  return undefined;
}

/**
 * A bound on the depth tooDeepYaml measures, never below it: a line's block depth is its
 * indentation plus its indicators (each one of - ? :), and flow collections (each opened by
 * [ or {) add at most one level apiece to the line they start on.
 */
function depthBound(text: string): number {
  let deepestLine = 0;
  let flowOpeners = 0;
  let line = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Lines as tooDeepYaml counts them: a lone \r does not end one.
    if (code === 10 /* \n */) {
      deepestLine = Math.max(deepestLine, line);
      line = 0;
      leading = true;
      continue;
    }
    if (leading && (code === 32 || code === 9)) {
      line++;
      continue;
    }
    leading = false;
    if (code === 45 /* - */ || code === 63 /* ? */ || code === 58 /* : */) line++;
    else if (code === 91 /* [ */ || code === 123 /* { */) flowOpeners++;
  }
  return Math.max(deepestLine, line) + flowOpeners;
}

/** Where the JSON first opens more than `LIMITS.maxDepth` levels, or undefined (see `tooDeepYaml`). */
function tooDeepJson(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth += 1;
      if (depth > LIMITS.maxDepth) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

function reportTooManyAliases(report: Reporter): void {
  report("yaml-aliases", `too many YAML aliases (more than ${LIMITS.maxAliases})`, undefined,
    "write the values out instead of using anchors (&) and aliases (*)");
}

/**
 * Every key that repeats an earlier key of the same mapping, in the order of the text (the
 * order in which yaml reports them), compared as yaml compares them: `1` and `"1"` differ.
 */
function duplicateKeys(doc: Document): Array<{ name: string; offset: number; firstOffset: number }> {
  const { isScalar, visit } = yaml();
  const found: Array<{ name: string; offset: number; firstOffset: number }> = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const first = seen.get(pair.key.value);
        if (first === undefined) seen.set(pair.key.value, pair.key.range[0]);
        else found.push({ name: String(pair.key.value), offset: pair.key.range[0], firstOffset: first });
      }
    },
  });
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * A yaml error offset as a file offset. At the very end of the text it is moved back onto the
 * last character: "expected" there would land on the empty line after the last newline.
 */
function atText(text: string, base: number, offset: number): number {
  return base + Math.min(offset, text.trimEnd().length);
}

function yamlMessage(code: string, message: string): string {
  if (code === "MULTIPLE_DOCS") return "the file contains more than one YAML document";
  return cleanYamlMessage(message);
}

/** yaml's messages are sentences for developers; ours are lower-case, one line, no period. */
function cleanYamlMessage(message: string): string {
  const first = oneLine((message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "").trim().replace(/\.$/, ""));
  // Keep capitals of acronyms ("YAML", "JSON"); lower-case an ordinary first word.
  return /^[A-Z][a-z]/.test(first) ? first.charAt(0).toLowerCase() + first.slice(1) : first;
}

function yamlChild(doc: Document, text: string, base: number) {
  const { isAlias, isMap, isNode, isScalar, isSeq } = yaml();
  return (node: YamlNode, segment: string | number): Step<YamlNode> | undefined => {
    // Descend through an alias into its anchor: that is where the text of the value is.
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(target)) {
      // The last match, as `toJS` keeps the last value (duplicates are refused anyway).
      const pair = findLast(target.items, (item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isScalar(pair.key)) return undefined;
      const keyOffset = base + (pair.key.range?.[0] ?? 0);
      const value = isNode(pair.value) ? pair.value : undefined;
      // `hours:` with nothing after it has an empty null value; its key is the useful place.
      const empty = !value?.range || (isScalar(value) && value.value === null && value.source === "");
      return { node: value, keyOffset, valueOffset: empty || !value?.range ? keyOffset : base + value.range[0] };
    }
    if (isSeq(target) && typeof segment === "number") {
      const item = target.items[segment];
      if (!isNode(item) || !item.range) return undefined;
      // `- ` with nothing after it: its dash is the useful place, not the end of the line.
      const empty = isScalar(item) && item.value === null && item.source === "";
      return { node: item, valueOffset: base + (empty ? dashBefore(text, item.range[0]) : item.range[0]) };
    }
    return undefined;
  };
}

const YAML_STYLES: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: "plain",
  QUOTE_SINGLE: "single",
  QUOTE_DOUBLE: "double",
  BLOCK_LITERAL: "literal",
  BLOCK_FOLDED: "folded",
};

function yamlScalar(doc: Document, node: YamlNode | undefined, base: number): ScalarSource | undefined {
  const { isAlias, isScalar } = yaml();
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isScalar(target) || typeof target.value !== "string" || !target.range) return undefined;
  const style = YAML_STYLES[target.type ?? ""];
  return style && { style, start: base + target.range[0], end: base + target.range[1] };
}

/** The offset of the `-` that opens the empty sequence item ending at `offset`. */
function dashBefore(text: string, offset: number): number {
  let at = Math.min(offset, text.length) - 1;
  while (at > 0 && (text[at] === " " || text[at] === "\t")) at--;
  return text[at] === "-" ? at : offset;
}

// ---------------------------------------------------------------------------------------
// JSON

function parseJson(text: string, lines: LineIndex, report: Reporter): Parsed | undefined {
  const deep = tooDeepJson(text);
  if (deep !== undefined) {
    reportTooDeep(report, deep);
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    // Only the first: jsonc-parser's recovery turns one mistake into a cascade of
    // "value expected" that would send the user looking in the wrong places.
    const { message, offset, hint } = jsonError(text, first);
    // "expected" at the very end would land on the empty line after the last newline.
    report("json-syntax", message, Math.min(offset, text.trimEnd().length), hint);
    return undefined;
  }
  if (!root) {
    report("file-empty", "file is empty", undefined, EMPTY_HINT);
    return undefined;
  }
  reportJsonDuplicates(root, lines, report);

  let data: unknown;
  try {
    // JSON.parse, not jsonc's getNodeValue: it makes `__proto__` an own property.
    data = JSON.parse(text);
  } catch (error) {
    report("json-syntax", error instanceof Error ? error.message : String(error));
    return undefined;
  }
  return {
    data,
    topOffset: root.offset,
    find: (path, part) => findOffset<JsonNode>(root, path, part, jsonChild),
    scalar: (path) => {
      const node = findNode<JsonNode>(root, path, jsonChild);
      return node?.type === "string" ? { style: "json", start: node.offset, end: node.offset + node.length } : undefined;
    },
  };
}

function jsonError(text: string, error: ParseError): { message: string; offset: number; hint?: string } {
  const token = text.slice(error.offset, error.offset + error.length);
  switch (printParseErrorCode(error.error)) {
    case "PropertyNameExpected":
    case "ValueExpected": {
      const comma = trailingComma(text, error.offset);
      if (comma !== undefined) {
        return { message: "trailing comma is not allowed in JSON", offset: comma, hint: "remove the comma after the last item" };
      }
      const what = printParseErrorCode(error.error) === "ValueExpected" ? "value expected" : "property name expected";
      return { message: what, offset: error.offset };
    }
    case "InvalidSymbol":
      return {
        message: `unexpected \`${oneLine(token.length > 20 ? `${token.slice(0, 20)}…` : token)}\``,
        offset: error.offset,
        hint: token.startsWith("'")
          ? "JSON strings and names take double quotes (\"), not single quotes"
          : "in JSON, names and strings need double quotes; true, false and null are lower-case",
      };
    case "InvalidCommentToken":
      return {
        message: "comments are not allowed in JSON",
        offset: error.offset,
        hint: "remove the comment, or write the file in YAML, which allows # comments",
      };
    case "InvalidCharacter": {
      // jsonc reports the whole string; point at the control character itself.
      const inside = token.search(/[\u0000-\u001f]/);
      return {
        message: "control character (such as a tab or line break) inside a string",
        offset: error.offset + Math.max(inside, 0),
        hint: "write a tab as \\t and a line break as \\n",
      };
    }
    case "CommaExpected":
      // jsonc points at the next token; the comma belongs right after the previous one.
      return { message: "comma expected", offset: text.slice(0, error.offset).trimEnd().length };
    case "CloseBraceExpected":
      return { message: "closing brace `}` expected", offset: error.offset };
    case "CloseBracketExpected":
      return { message: "closing bracket `]` expected", offset: error.offset };
    case "UnexpectedEndOfString":
      return { message: "string is not closed: `\"` expected", offset: error.offset };
    case "EndOfFileExpected":
      return { message: "end of file expected: there is more after the data", offset: error.offset };
    default:
      return { message: readableCode(printParseErrorCode(error.error)), offset: error.offset };
  }
}

/** Offset of the comma in `, }` / `, ]` just before `offset`, if that is what is there. */
function trailingComma(text: string, offset: number): number | undefined {
  const closer = text.charAt(offset);
  if (closer !== "}" && closer !== "]") return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text.charAt(i))) i -= 1;
  return text.charAt(i) === "," ? i : undefined;
}

/** "ColonExpected" → "colon expected". */
function readableCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function reportJsonDuplicates(node: JsonNode, lines: LineIndex, report: Reporter): void {
  if (node.type === "object") {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key) {
        const name = String(key.value);
        const first = seen.get(name);
        if (first === undefined) seen.set(name, key.offset);
        else report("json-duplicate-key", `key \`${oneLine(name)}\` appears twice`, key.offset, duplicateHint(lines, first));
      }
      if (value) reportJsonDuplicates(value, lines, report);
    }
  } else if (node.type === "array") {
    for (const item of node.children ?? []) reportJsonDuplicates(item, lines, report);
  }
}

function jsonChild(node: JsonNode, segment: string | number): Step<JsonNode> | undefined {
  if (node.type === "object") {
    // The last match, as JSON.parse keeps the last value.
    const property = findLast(node.children ?? [], (p) => p.children?.[0]?.value === String(segment));
    const [key, value] = property?.children ?? [];
    if (!key) return undefined;
    return { node: value, keyOffset: key.offset, valueOffset: value?.offset ?? key.offset };
  }
  if (node.type === "array" && typeof segment === "number") {
    const item = node.children?.[segment];
    return item ? { node: item, valueOffset: item.offset } : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Markdown with YAML front matter

/** A delimiter line of front matter: `---`, maybe with trailing spaces, and its line break. */
const DELIMITER = /^---[ \t]*(\r?\n|$)/;
const CLOSING = /\n---[ \t]*(\r?\n|$)/g;

/**
 * Where a Markdown file's front matter runs: from the line after the opening `---` to the
 * first line that is `---` itself, keeping its own last line break (YAML text ends with one,
 * and a block text kept to its last line break, `|+`, would lose one without it). A line that
 * only begins with `---` (`----`, `---x:`) is YAML's to judge, not the closing line.
 */
export function frontMatterRange(text: string): { start: number; end: number; closing?: RegExpExecArray } | undefined {
  const opening = DELIMITER.exec(text);
  if (!opening) return undefined;
  const start = opening[0].length;
  CLOSING.lastIndex = start - 1;
  const closing = opening[1] === "" ? null : CLOSING.exec(text);
  return closing ? { start, end: closing.index + 1, closing } : { start, end: -1 };
}

function parseMarkdown(text: string, lines: LineIndex, report: Reporter): Parsed | undefined {
  const range = frontMatterRange(text);
  if (!range) {
    report("md-front-matter-missing", "Markdown organization file has no front matter", undefined,
      "start the file with a line `---`, the organization's data in YAML, and another `---`");
    return undefined;
  }

  const { start: frontStart, end: frontEnd, closing } = range;
  if (!closing) {
    // Shown on the opening `---`: it is the line that lacks its partner.
    report("md-front-matter-unclosed", "front matter has no closing `---` line", 0,
      "end the organization's data with a line `---`; the Markdown text goes after it");
    return undefined;
  }

  const parsed = parseYaml(text.slice(frontStart, frontEnd), frontStart, lines, report, "front matter is empty");
  if (!parsed) return undefined;

  const bodyOffset = closing.index + closing[0].length;
  const body = text.slice(bodyOffset);
  if (body.trim() !== "") {
    parsed.body = { text: body, line: lines.position(bodyOffset).line };
  }
  parsed.rootPosition = { line: 2, column: 1 };
  return parsed;
}

