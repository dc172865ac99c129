/**
 * What changed in a section between two versions: both rendered by the same templates,
 * reduced to the text a reader sees, and compared word by word (Japanese words found by
 * the ICU word segmenter, since Japanese puts no spaces between them).
 */
import { diffWords } from "diff";
import { Parser } from "htmlparser2";

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface SectionDiff {
  changed: boolean;
  parts: DiffPart[];
}

/** Elements after which a reader sees a new line. */
const BLOCKS = new Set(["p", "li", "h3", "h4", "dt", "dd", "tr", "div", "br", "ul", "ol", "dl", "table", "address"]);

export function sectionText(html: string): string {
  const lines: string[] = [""];
  const parser = new Parser(
    {
      ontext: (text) => {
        lines[lines.length - 1] += text;
      },
      onclosetag: (name) => {
        if (BLOCKS.has(name)) lines.push("");
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return lines
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

const segmenters = new Map<string, Intl.Segmenter>();

export function sectionDiff(beforeHtml: string, afterHtml: string, lang: string): SectionDiff {
  const before = sectionText(String(beforeHtml ?? ""));
  const after = sectionText(String(afterHtml ?? ""));
  if (before === after) return { changed: false, parts: [{ value: after }] };
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: "word" })));
  const parts: DiffPart[] = [];
  for (const { value, added, removed } of diffWords(before, after, { intlSegmenter: segmenter })) {
    // A line break that ends an insertion or deletion is shown after the mark, not inside it.
    const text = added || removed ? value.replace(/\n+$/, "") : value;
    if (text) parts.push({ value: text, ...(added ? { added } : {}), ...(removed ? { removed } : {}) });
    if (text !== value) parts.push({ value: value.slice(text.length) });
  }
  return { changed: true, parts };
}
