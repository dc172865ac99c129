/**
 * The links and the raw HTML in a Markdown text, each with where it starts in that text.
 * markdown-it finds them, as the page will read them; it keeps only block lines, so two
 * small hooks add the rest: every inline token remembers where the inline parser stood when
 * it was made, and every link reference definition is recorded with its line.
 */
import MarkdownIt from "markdown-it";
import reference from "markdown-it/lib/rules_block/reference.mjs";
import type { RuleBlock } from "markdown-it/lib/parser_block.mjs";
import type Token from "markdown-it/lib/token.mjs";
import type { Nesting } from "markdown-it/lib/token.mjs";

export interface MarkdownFinding {
  /** `link` `[a](b)`, `image` `![a](b)`, `autolink` `<b>`, `definition` `[a]: b`; `html` raw HTML. */
  kind: "link" | "image" | "autolink" | "definition" | "html";
  /** The address as markdown-it hands it to the page; for `html`, the HTML itself. */
  text: string;
  /** 0-based line and column in the text, and the offset they make. */
  line: number;
  column: number;
  index: number;
}

interface ScanEnv {
  references?: Record<string, { href: string; title: string }>;
  definitions: Array<{ line: number; href: string }>;
}

/** Where the inline parser stood when each token was made: for a link, just after its `[`. */
const inlinePosition = new WeakMap<Token, number>();

/**
 * A reader that keeps every link, allowed or not (the page's renderer turns a refused one
 * into text, which is what hides it), with linkify off: a bare address in the text is text
 * the user did not mark as a link, and stays text whatever it says.
 */
function reader(html: boolean): MarkdownIt {
  const md = new MarkdownIt({ html, linkify: false, typographer: false });
  md.validateLink = () => true;
  md.inline.State = class extends md.inline.State {
    override push(type: string, tag: string, nesting: Nesting): Token {
      const token = super.push(type, tag, nesting);
      inlinePosition.set(token, this.pos);
      return token;
    }
  };
  md.block.ruler.at("reference", recordDefinitions);
  return md;
}

/**
 * markdown-it's rule for `[label]: address`, run against an empty table of references so
 * that each definition it reads shows itself, a repeated label too (the first one counts,
 * as markdown-it has it).
 */
const recordDefinitions: RuleBlock = (state, startLine, endLine, silent) => {
  if (silent) return reference(state, startLine, endLine, silent);
  const env = state.env as ScanEnv;
  const known = env.references ?? {};
  env.references = {};
  const matched = reference(state, startLine, endLine, silent);
  const found = env.references;
  env.references = known;
  for (const [label, definition] of Object.entries(found)) {
    known[label] ??= definition;
    env.definitions.push({ line: startLine, href: definition.href });
  }
  return matched;
};

let readers: { links: MarkdownIt; html: MarkdownIt } | undefined;

export function scanMarkdown(markdown: string): MarkdownFinding[] {
  readers ??= { links: reader(false), html: reader(true) };
  const lines = markdown.split(/\r\n?|\n/);
  const starts: number[] = [];
  for (let start = 0, line = 0; line < lines.length; line++) {
    starts.push(start);
    start += (lines[line]?.length ?? 0) + (markdown.startsWith("\r\n", start + (lines[line]?.length ?? 0)) ? 2 : 1);
  }
  const findings: MarkdownFinding[] = [];
  const found = (kind: MarkdownFinding["kind"], text: string, line: number, column: number) =>
    findings.push({ kind, text, line, column, index: (starts[line] ?? 0) + column });

  // Links: read as the page reads them, raw HTML off (an HTML block would hide the links in it).
  const env: ScanEnv = { definitions: [] };
  walkInline(readers.links.parse(markdown, env), lines, (token, at, content, place, siblings) => {
    if (token.type === "image") {
      // Shown only when it is written inline: a reference image takes the definition's address, checked there.
      if (content[at + 2 + token.content.length + 1] === "(") place("image", token.attrGet("src") ?? "", at);
    } else if (token.type === "link_open" && token.markup === "autolink") {
      place("autolink", token.attrGet("href") ?? "", at);
    } else if (token.type === "link_open") {
      // The parser stood at the label's `]` when it closed the link (links do not nest: the next close is this one's).
      const close = siblings.slice(siblings.indexOf(token)).find((sibling) => sibling.type === "link_close");
      const labelEnd = (close && inlinePosition.get(close)) ?? at;
      if (content[labelEnd + 1] === "(") place("link", token.attrGet("href") ?? "", at - 1);
    }
  }, found);
  for (const definition of env.definitions) {
    const text = lines[definition.line] ?? "";
    found("definition", definition.href, definition.line, Math.max(0, text.indexOf("[")));
  }

  // Raw HTML: as a reader that took HTML would take it.
  const opened = new Set<string>();
  const html = (text: string, line: number, column: number) => {
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(text);
    // A closing tag after its opening one is the same piece of HTML: one warning for the pair.
    if (tag?.[1] === "/" && opened.has(tag[2]!.toLowerCase())) return;
    if (tag && !tag[1]) opened.add(tag[2]!.toLowerCase());
    found("html", text, line, column);
  };
  const blocks = readers.html.parse(markdown, { definitions: [] } satisfies ScanEnv);
  for (const block of blocks) {
    if (block.type !== "html_block" || !block.map) continue;
    const text = lines[block.map[0]] ?? "";
    html(block.content.trim(), block.map[0], Math.max(0, text.search(/</)));
  }
  walkInline(blocks, lines, (token, at, _content, place) => {
    if (token.type === "html_inline") place("html", token.content, at);
  }, (_kind, text, line, column) => html(text, line, column));

  return findings.sort((a, b) => a.index - b.index);
}

type Visit = (
  token: Token,
  /** Where the parser stood, in the inline content. */
  at: number,
  content: string,
  place: (kind: MarkdownFinding["kind"], text: string, offset: number) => void,
  siblings: Token[],
) => void;

/**
 * Each inline token of each block, with a way to turn an offset in the block's inline
 * content into a line and column of the text. The content is the block's lines less what
 * the block took (indentation, `>`, list markers, `#`), so each of its lines is the end of a
 * line of the text: found there from the right (a list marker `1.` cannot hide `1`), or, in
 * a table row, from the left cell by cell.
 */
function walkInline(
  tokens: Token[],
  lines: string[],
  visit: Visit,
  found: (kind: MarkdownFinding["kind"], text: string, line: number, column: number) => void,
): void {
  let map: [number, number] | null = null;
  const rowCursor = new Map<number, number>();
  tokens.forEach((token, index) => {
    map = token.map ?? map;
    if (token.type !== "inline" || !token.children || !map) return;
    const first = map[0];
    const cell = tokens[index - 1]?.type === "td_open" || tokens[index - 1]?.type === "th_open";
    const contentLines = token.content.split("\n");
    const starts = lineStartsIn(contentLines);
    const cellAt = cell ? cellStart(lines[first] ?? "", token.content, rowCursor, first) : undefined;
    const place = (kind: MarkdownFinding["kind"], text: string, offset: number) => {
      let k = starts.length - 1;
      while (k > 0 && (starts[k] ?? 0) > offset) k--;
      const line = first + k;
      const source = lines[line] ?? "";
      const column = offset - (starts[k] ?? 0);
      const ownLine = contentLines[k] ?? "";
      const from = cellAt ?? locateLine(source, ownLine);
      found(kind, text, line, from === undefined ? Math.max(0, source.search(/\S/)) : from + column);
    };
    for (const child of token.children) {
      const at = inlinePosition.get(child);
      if (at !== undefined) visit(child, at, token.content, place, token.children);
    }
  });
}

/** Where a line of inline content starts in its line of the text; undefined when it is not found there. */
function locateLine(source: string, content: string): number | undefined {
  const at = source.lastIndexOf(content);
  if (at !== -1) return at;
  // A tab in the indentation is given to the block as spaces.
  const trimmed = content.trimStart();
  const inner = source.lastIndexOf(trimmed);
  return inner === -1 ? undefined : inner - (content.length - trimmed.length);
}

function cellStart(source: string, content: string, rowCursor: Map<number, number>, line: number): number | undefined {
  const at = source.indexOf(content, rowCursor.get(line) ?? 0);
  if (at === -1) return undefined;
  rowCursor.set(line, at + content.length);
  return at;
}

function lineStartsIn(contentLines: string[]): number[] {
  const starts: number[] = [];
  let start = 0;
  for (const line of contentLines) {
    starts.push(start);
    start += line.length + 1;
  }
  return starts;
}
