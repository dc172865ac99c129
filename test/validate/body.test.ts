/**
 * Problems in the Markdown body of a `.md` organization file (its extra sections), placed
 * on the file's own lines: the front matter above them is counted.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { splitMarkdownBody } from "../../src/parse/body.js";
import { fixtureFiles, loadFixtureFolder, type Case, type FixtureFolder } from "./fixtures.js";

const SECTION_HEADING_HINT = "start each extra section with a `## Heading` line";

const CASES: readonly Case[] = [
  [
    "text before the first heading",
    "text-before-heading.md",
    [
      {
        code: "body-text-before-heading",
        line: 9,
        column: 1,
        path: "(body)",
        message: "text before the first section heading",
        hint: SECTION_HEADING_HINT,
      },
    ],
  ],
  [
    "text between `# ja` and its first section, which would otherwise be dropped",
    "text-under-language-heading.md",
    [
      {
        code: "body-text-before-heading",
        line: 13,
        column: 1,
        path: "(body)",
        message: "text under `# ja` before its first section heading",
        hint: SECTION_HEADING_HINT,
      },
    ],
  ],
  [
    "a `# fr` language heading",
    "language-heading.md",
    [
      {
        code: "body-language-heading",
        line: 23,
        column: 1,
        path: "(body)",
        message: "`# fr` is not a language heading",
        hint: "divide the body with `# ja` and `# en`, and start each extra section with `## Heading`",
      },
    ],
  ],
  [
    "a `# en` heading when only `ja` is declared",
    "language-undeclared.md",
    [
      {
        code: "language-undeclared",
        line: 15,
        column: 1,
        path: "(body)",
        message: "sections in `en`, but `languages` does not include `en`",
        hint: "add `en` to `languages`, or remove these sections",
      },
    ],
  ],
  [
    "mismatched section counts, placed at the heading of the language that lacks one",
    "sections-mismatch.md",
    [
      {
        code: "body-sections-mismatch",
        line: 21,
        column: 1,
        path: "(body)",
        message: "the body has 2 sections in `ja` and 1 section in `en`",
        hint: "every extra section needs a version in each language; add the missing one under `# en`",
      },
    ],
  ],
  [
    "a bilingual body with no language headings: one problem, not a count mismatch",
    "no-language-headings.md",
    [
      {
        code: "body-language-missing",
        line: 11,
        column: 1,
        path: "(body)",
        message: "sections without a language heading",
        hint: "divide the body with `# ja` and `# en` headings, each above that language's sections",
      },
    ],
  ],
  [
    "a section before the first language heading",
    "section-before-language.md",
    [
      {
        code: "body-language-missing",
        line: 11,
        column: 1,
        path: "(body)",
        message: "section before any language heading",
        hint: "put `# ja` or `# en` above the sections of that language",
      },
    ],
  ],
];

describe("body diagnostics", () => {
  let folder: FixtureFolder;
  beforeAll(async () => {
    folder = await loadFixtureFolder("body");
  });

  it.each(CASES)("%s (%s)", (_title, file, expected) => {
    expect(folder.diagnosticsOf(file)).toEqual(folder.expected(file, expected));
  });

  it("has a case for every fixture, and every case has its fixture", () => {
    expect(CASES.map(([, file]) => file).sort()).toEqual(fixtureFiles("body"));
  });
});

describe("splitMarkdownBody", () => {
  it("a one-language body needs no language heading; a stray `# Title` is told to use `##`", () => {
    const body = { text: "## 写真の掲載\n\n同意を得て掲載します。\n\n# 子どもの個人情報\n\n保護者の同意を得ます。\n", line: 8 };
    expect(splitMarkdownBody(body, ["ja"])).toEqual({
      sections: { ja: [{ title: "写真の掲載", markdown: "同意を得て掲載します。", line: 8 }] },
      problems: [
        {
          code: "body-language-heading",
          line: 12,
          message: "`# 子どもの個人情報` is not a language heading",
          hint: "start each extra section with two #: `## Heading`",
        },
      ],
    });
  });

  it("a language with no sections at all is named, and the count is placed at the first heading", () => {
    const body = { text: "# ja\n\n## 写真の掲載\n\n同意を得て掲載します。\n", line: 10 };
    expect(splitMarkdownBody(body, ["ja", "en"]).problems).toEqual([
      {
        code: "body-sections-mismatch",
        line: 10,
        message: "the body has 1 section in `ja` and 0 sections in `en`",
        hint: "every extra section needs a version in each language; add the missing one under `# en`",
      },
    ]);
  });
});
