import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Templates hold markup, loops and ids; every word a reader sees comes from the wording
 * catalogue (wording/<lang>.yaml) or the clause library. This reads every template as a
 * reader's text would be read and lists, by file and line, any word written in it.
 *
 * Not read: templates/new/ (the starter data file `hoshin new` writes, whose comments
 * speak to the operator in the language of hoshin's messages, and whose examples are the
 * data a user replaces) and templates/dev/ (the `hoshin dev` overlay, a tool message like
 * the CLI's, never published).
 */
const TEMPLATES = path.resolve("templates");
const NOT_READ = new Set(["new", "dev"]);

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return dir === TEMPLATES && NOT_READ.has(entry.name) ? [] : templates(full);
    return [full];
  });
}

/** A word: any letter of Japanese or Chinese script, or two Latin words in a row. */
const WORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[A-Za-z]{2,}[ \u00a0]+[A-Za-z]{2,}/u;
/** Attributes a reader (or a screen reader) is given as text. */
const TEXT_ATTRIBUTES = /\s(?:alt|title|aria-label|aria-description|placeholder|label)\s*=\s*"([^"{]*)"/g;

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Blanks `match` out of `text`, keeping line breaks, so later positions keep their lines. */
function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => match.replace(/[^\n]/g, " "));
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

export function wordsIn(file: string, source: string): Finding[] {
  const found: Finding[] = [];
  const note = (index: number, text: string) => found.push({ file: path.relative(TEMPLATES, file), line: lineOf(source, index), text: text.trim() });
  // Front matter is Eleventy's settings (pagination, permalinks), not page text.
  let text = blank(source, /^---\n[\s\S]*?\n---\n/);
  text = blank(text, /\{#[\s\S]*?#\}/g);
  // Inside {{ }} and {% %}: only ids and markup may be quoted.
  for (const tag of text.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)) {
    for (const literal of tag[0].matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) {
      const value = literal[1] ?? literal[2] ?? "";
      // A word chosen inline (`"item" if n == 1 else "items"`) is wording too; ids have dots.
      const before = tag[0].slice(0, literal.index);
      const after = tag[0].slice(literal.index + literal[0].length);
      const inline = (/^\s*if\b/.test(after) || /\belse\s*$/.test(before)) && !/(?:==|!=)\s*$/.test(before);
      const chosen = inline && /\p{L}{2,}/u.test(value) && !value.includes(".");
      if (WORDS.test(value) || chosen) note(tag.index + literal.index, value);
    }
  }
  text = blank(text, /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g);
  if (file.endsWith(".css")) {
    for (const content of text.matchAll(/content\s*:\s*("[^"]*"|'[^']*')/g)) if (/\p{L}/u.test(content[1]!)) note(content.index, content[1]!);
    return found;
  }
  for (const attribute of text.matchAll(TEXT_ATTRIBUTES)) if (/\p{L}/u.test(attribute[1]!)) note(attribute.index, attribute[0]);
  text = blank(text, /<(script|style)\b[\s\S]*?<\/\1>/g);
  text = blank(text, /<[^>]*>/g);
  text = blank(text, /&[a-z]+;|&#x?[0-9a-f]+;/gi);
  for (const run of text.matchAll(/[^\s]+(?:[ \t]+[^\s]+)*/g)) if (WORDS.test(run[0])) note(run.index, run[0]);
  return found;
}

describe("the templates", () => {
  const files = templates(TEMPLATES);

  it("are read, every page, partial, section and stylesheet", () => {
    expect(files.filter((file) => file.endsWith(".njk")).length).toBeGreaterThan(30);
    expect(files.some((file) => file.endsWith(".css"))).toBe(true);
  });

  it("hold no word a reader sees: those come from the wording catalogue or the clause library", () => {
    const found = files.flatMap((file) => wordsIn(file, readFileSync(file, "utf8")));
    expect(found.map(({ file, line, text }) => `${file}:${line}: ${text}`)).toEqual([]);
  });

  it("would be caught writing one, in text, in an attribute, in a quoted string or in CSS", () => {
    const page = path.join(TEMPLATES, "pages", "example.njk");
    expect(wordsIn(page, "<p>\n  Contact us</p>")).toEqual([{ file: "pages/example.njk", line: 2, text: "Contact us" }]);
    expect(wordsIn(page, "<p>お問い合わせ</p>")).toHaveLength(1);
    expect(wordsIn(page, "<p>{{ 'ui.contents' | hoshinSay(lang) }}</p>")).toEqual([]);
    expect(wordsIn(page, "<p>{{ 'ja text' if ja else 'en text' }}</p>")).toHaveLength(2);
    expect(wordsIn(page, '<p>{{ "目次" if ja }}</p>')).toHaveLength(1);
    expect(wordsIn(page, '<p>{{ "item" if n == 1 else "items" }}</p>')).toHaveLength(2);
    expect(wordsIn(page, '<p>{{ ("ui.one" if n == 1 else "ui.many") | hoshinSay(lang) }}</p>')).toEqual([]);
    expect(wordsIn(page, '<img alt="Logo" src="x.png">')).toHaveLength(1);
    expect(wordsIn(page, '<img alt="{{ \'ui.logo\' | hoshinText(lang) }}" src="x.png">')).toEqual([]);
    expect(wordsIn(page, "{# a comment says what it likes #}<p>（</p>")).toEqual([]);
    expect(wordsIn(path.join(TEMPLATES, "assets", "x.css"), 'a::after { content: "new"; }')).toHaveLength(1);
  });
});
