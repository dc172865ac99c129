/** What the parse stage hands on: a file's data plus a way back to positions in it. */

export type DataPath = ReadonlyArray<string | number>;
export type SourceFormat = "yaml" | "json" | "md";

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
}

/** `contacts[0].hours.close` */
export function formatDataPath(path: DataPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
