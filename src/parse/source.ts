/** What the parse stage hands on: a file's data plus a way back to positions in it. */
import type { SourceFormat } from "../discover/discover.js";

export type { SourceFormat };

export type DataPath = ReadonlyArray<string | number>;

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface MarkdownBody {
  text: string;
  /** 1-based line of the file on which `text` starts. */
  line: number;
}

export interface SourceFile {
  /** Absolute path. */
  absolutePath: string;
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  /** Taken from the file name; the page URL. */
  slug: string;
  format: SourceFormat;
  /** The parsed data, untouched (validation comes next). */
  data: unknown;
  /** The Markdown body of a `.md` file, if any. */
  body?: MarkdownBody;
  /**
   * Where a data path sits in the file. `key` points at a property's name (for unknown
   * keys), `value` at its value. A path that does not exist resolves to its nearest
   * existing ancestor, so a missing property points at the object that lacks it.
   */
  locate(path: DataPath, part?: "key" | "value"): Position;
  /**
   * Where the character at `index` of the string at `path` was written: the file's own line
   * and column, past quotes, escapes and indentation. Undefined when the source does not tell
   * for certain (a folded line, a snapshot that kept no positions); `locate` then gives the
   * value's start.
   */
  locateText?(path: DataPath, index: number): Position | undefined;
}

/** `contacts[0].hours.close` */
export function formatDataPath(path: DataPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${oneLine(segment)}` : oneLine(segment);
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * The user's text (a key, a value, an id) as it is quoted in a diagnostic. A diagnostic is one
 * line, so line breaks and other control characters in the text are shown (`a\nb`), not made;
 * a key pasted with a line break in it would otherwise split the report in two.
 */
export function oneLine(text: string): string {
  return text.replace(
    /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => ESCAPES[c] ?? `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}
