/**
 * What the parse stage's readers share: the result and limits, whole-file diagnostics, the
 * line index that turns an offset into line and column, and walking a data path through
 * any parsed tree (YAML's nodes or JSON's) to the offset of a key or value.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiscoveredFile } from "../discover/discover.js";
import type { DataPath, MarkdownBody, Position, SourceFile } from "./source.js";
import type { ScalarSource } from "./text-position.js";

export interface ParseResult {
  source?: SourceFile;
  diagnostics: Diagnostic[];
}

export const MiB = 1024 * 1024;

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

export const EMPTY_HINT = "copy an example from organizations/ and fill it in";

export type Reporter = (
  code: string,
  message: string,
  /** Offset into the decoded text; undefined for the whole file (line 0, column 0). */
  offset?: number,
  hint?: string,
  severity?: Diagnostic["severity"],
) => void;

/** Offset of a path's key or value; undefined means the document root. */
export type OffsetFinder = (path: DataPath, part: "key" | "value") => number | undefined;

export interface Parsed {
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

export function refuse(diagnostic: Diagnostic): ParseResult {
  return { diagnostics: [diagnostic] };
}

export function wholeFile(file: DiscoveredFile, code: string, message: string, hint?: string): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: "error", file: file.file, line: 0, column: 0, path: "", message };
  if (hint !== undefined) diagnostic.hint = hint;
  return diagnostic;
}

/**
 * Line starts of a text, for offset → line/column by binary search. Columns count UTF-16
 * code units, as editors do; a `\r` before `\n` simply ends its line.
 */
export class LineIndex {
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

export interface Step<N> {
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
export function findOffset<N>(
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
export function findNode<N>(root: N | undefined, path: DataPath, child: (node: N, segment: string | number) => Step<N> | undefined): N | undefined {
  let node = root;
  for (const segment of path) node = node === undefined ? undefined : child(node, segment)?.node;
  return node;
}

export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

export function duplicateHint(lines: LineIndex, firstOffset: number): string {
  return `remove one of them; the first is on line ${lines.position(firstOffset).line}`;
}

/** `Array.prototype.findLast` is ES2023; the project targets ES2022. */
export function findLast<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    if (predicate(item)) return item;
  }
  return undefined;
}

export function reportTooDeep(report: Reporter, offset: number): void {
  report("data-too-deep", `the data is nested too deeply: more than ${LIMITS.maxDepth} levels of brackets or indentation`, offset,
    "an organization file needs only a few levels; look for a `[` or `{` that is never closed, or lines indented too far");
}
