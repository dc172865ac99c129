/**
 * Parse stage: bytes of one organization file → plain data plus a way back to positions.
 *
 * Everything a user can get wrong in a file becomes a diagnostic, never an exception: the
 * check command must be able to list every broken file in one run. Positions are kept as
 * offsets into the decoded text and turned into line/column only when asked, so the same
 * code serves YAML, JSON and the YAML front matter of Markdown files.
 */
import { readFile, stat } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiscoveredFile } from "../discover/discover.js";
import { describeFsError } from "../diagnostics/fs-error.js";
import type { DataPath, Position, SourceFile } from "./source.js";
import { offsetInScalar } from "./text-position.js";
import { EMPTY_HINT, LIMITS, LineIndex, refuse, valueAt, wholeFile, type ParseResult, type Reporter } from "./plumbing.js";
import { decodeText, tooLarge } from "./text.js";
import { parseYaml } from "./yaml.js";
import { parseJson } from "./json.js";
import { frontMatterRange, parseMarkdown } from "./front-matter.js";

export { LIMITS, type ParseResult } from "./plumbing.js";
export { YAML_OPTIONS } from "./yaml.js";
export { frontMatterRange };

export async function parseOrganizationFile(file: DiscoveredFile, kind?: DataKind): Promise<ParseResult> {
  const read = await readOrganizationFile(file);
  return "refused" in read ? read.refused : parseOrganizationText(file, read.bytes, kind);
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

/** What kind of data file is parsed, for the messages of an empty file or one that is no mapping. */
export interface DataKind {
  emptyHint: string;
  /** Its first keys, as a reader would recognise them: `organization, policy`. */
  keys: string;
}
const ORGANIZATION: DataKind = { emptyHint: EMPTY_HINT, keys: "organization, policy" };

/** Pure: the same checks as `parseOrganizationFile`, on bytes already in memory. */
export function parseOrganizationText(file: DiscoveredFile, bytes: Uint8Array, kind: DataKind = ORGANIZATION): ParseResult {
  if (bytes.length > LIMITS.maxFileBytes) return refuse(tooLarge(file, bytes.length));

  const decoded = decodeText(file, bytes);
  if (typeof decoded !== "string") return refuse(decoded);
  if (decoded.trim() === "") return refuse(wholeFile(file, "file-empty", "file is empty", kind.emptyHint));

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

  const shape = describeNonObject(parsed.data, file.format === "json", kind.keys);
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


function describeNonObject(data: unknown, json: boolean, keys: string): string | undefined {
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
    ? `the file must contain an object with keys (${keys.split(", ").map((key) => `"${key}"`).join(", ")}, …), not ${what}`
    : `the file must contain a mapping of keys (${keys.split(", ").map((key) => `${key}:`).join(", ")}, …), not ${what}`;
}

// The stage's interface beyond parsing one file: what a parsed file is, the archive of
// published versions, Markdown bodies by language, and which sections are material.
export { formatDataPath, oneLine, type DataPath, type MarkdownBody, type Position, type SourceFile, type SourceFormat } from "./source.js";
export { readArchive, snapshotSource, SNAPSHOT_FILE, type Archive, type ArchivedVersion, type Snapshot } from "./archive.js";
export { splitMarkdownBody, type BodyProblem, type BodySection, type SplitBody } from "./body.js";
export { MATERIAL_SECTIONS, isMaterialSection, materialDifferences, type MaterialSection } from "./material.js";
