/**
 * Markdown with YAML front matter: the front matter parsed as YAML where it stands (so its
 * positions are the file's), the text after it kept as the body with the line it starts on.
 */
import type { LineIndex, Parsed, Reporter } from "./plumbing.js";
import { parseYaml } from "./yaml.js";

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

export function parseMarkdown(text: string, lines: LineIndex, report: Reporter): Parsed | undefined {
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

