/**
 * `locateText`: where a character of a string value was written, in every way YAML and JSON
 * can write a string. Each case holds a marker written once in its file: its true line and
 * column are found in the file's text and compared with what the parser says.
 */
import { describe, expect, it } from "vitest";

import { parseOrganizationText } from "../../src/parse/parse.js";
import type { DataPath, SourceFile, SourceFormat } from "../../src/parse/source.js";

const MARKER = "[申込](javascript:x)";
const PATH: DataPath = ["customSections", 0, "body"];

function parse(text: string, format: SourceFormat = "yaml"): SourceFile {
  const file = { absolutePath: `/tmp/org.${format}`, file: `organizations/org.${format}`, slug: "org", format };
  const result = parseOrganizationText(file, new TextEncoder().encode(text));
  expect(result.diagnostics).toEqual([]);
  if (!result.source) throw new Error("did not parse");
  return result.source;
}

/** Where `needle` (the marker, unless it is written otherwise) is in the file, counted as an editor counts. */
function written(text: string, needle = MARKER): { line: number; column: number } {
  const offset = text.lastIndexOf(needle);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

const yamlWith = (body: string) =>
  `languages: [ja]\norganization:\n  name: センター\npolicy:\n  enacted: 2020-09-02\ncustomSections:\n  - title: 申込み\n    body: ${body}\n`;

/** The marker written with an escape for its `[`: the file does not hold it as the value does. */
const ESCAPED = MARKER.replace("[", "\\x5B");

const CASES: ReadonlyArray<[string, string, string?]> = [
  ["plain", yamlWith(`申込みは ${MARKER} から`)],
  ["single-quoted, with a doubled quote", yamlWith(`'it''s ${MARKER}'`)],
  ["double-quoted, with escapes before it", yamlWith(`"改行\\nタブ\\t\\u3042\\x41\\U0001F600 ${MARKER}"`)],
  ["double-quoted, the marker opening with an escape", yamlWith(`"\\U0001F600 ${ESCAPED}"`), ESCAPED],
  ["a `|` block, below an empty line", yamlWith(`|\n      一行目\n\n        字下げ ${MARKER}\n`)],
  ["a `|-` block whose header's comment quotes the marker", yamlWith(`|- # ${MARKER}\n      ${MARKER}\n`)],
  ["a `|2` block (indentation given)", yamlWith(`|2\n        字下げ ${MARKER}\n`)],
  ["a folded `>` block", yamlWith(`>\n      一行目\n      二行目 ${MARKER}\n`)],
  ["plain over two lines", yamlWith(`一行目\n      二行目 ${MARKER}`)],
  ["through an alias", `${yamlWith(`&body "本文 ${MARKER}"`)}  - title: 再掲\n    body: *body\n`],
];

describe("locateText", () => {
  it.each(CASES)("finds the character in a YAML %s scalar", (_style, text, needle) => {
    const source = parse(text);
    const value = (source.data as { customSections: Array<{ body: string }> }).customSections[0]!.body;
    expect(source.locateText!(PATH, value.indexOf(MARKER))).toEqual(written(text, needle));
  });

  it("finds it in a JSON string past escaped quotes and line breaks", () => {
    const text = `{"languages": ["ja"], "organization": {"name": "センター"}, "policy": {"enacted": "2020-09-02"},\n "customSections": [{"title": "申込み",\n  "body": "\\"引用\\"\\n\\u3042\\\\ ${MARKER.replace("[", "\\u005b")}"}]}\n`;
    const source = parse(text, "json");
    const value = (source.data as { customSections: Array<{ body: string }> }).customSections[0]!.body;
    expect(source.locateText!(PATH, value.indexOf(MARKER))).toEqual(written(text, MARKER.replace("[", "\\u005b")));
  });

  it("maps every character of a `|` block onto the same character of the file", () => {
    const text = yamlWith(`|\n      ## 見出し\n\n      - 項目 ${MARKER}\n        続き\n`);
    const source = parse(text);
    const value = (source.data as { customSections: Array<{ body: string }> }).customSections[0]!.body;
    const lines = text.split("\n");
    for (let index = 0; index < value.length; index++) {
      if (value[index] === "\n") continue;
      const at = source.locateText!(PATH, index)!;
      expect(lines[at.line - 1]![at.column - 1], `character ${index}`).toBe(value[index]);
    }
  });

  it("says nothing when the source cannot tell: an escape makes a second copy of the text", () => {
    const source = parse(yamlWith(`"一行目\n      \\x5B申込](javascript:x) と ${MARKER}"`));
    const value = (source.data as { customSections: Array<{ body: string }> }).customSections[0]!.body;
    expect(value.split(MARKER).length - 1).toBe(2);
    expect(source.locateText!(PATH, value.indexOf(MARKER))).toBeUndefined();
    expect(source.locateText!(PATH, value.lastIndexOf(MARKER))).toBeUndefined();
  });

  it("says nothing for what is not a string, or not there", () => {
    const source = parse(yamlWith(`本文 ${MARKER}`));
    expect(source.locateText!(["policy", "enacted"], 0)).toEqual({ line: 5, column: 12 });
    expect(source.locateText!(["organization"], 0)).toBeUndefined();
    expect(source.locateText!(["customSections", 3, "body"], 0)).toBeUndefined();
    expect(source.locateText!(PATH, 10_000)).toBeUndefined();
  });
});
