/**
 * Links the page may not carry, refused at their own line and column, and raw HTML (shown
 * as text) warned about: in custom sections of YAML and JSON files, and in `.md` bodies.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { hasErrors } from "../../src/diagnostics/diagnostic.js";
import { fixtureFiles, loadFixtureFolder, type Case, type Expected, type FixtureFolder } from "./fixtures.js";

const ALLOWED =
  "a policy may link to https:, http:, mailto: and tel: addresses, or to a page of this site: a path such as `/forms/`, a `#section` or a `?query`";
const SCRIPT = { code: "link-not-allowed", hint: `link to the page or form itself; ${ALLOWED}` };
const FILE = { code: "link-not-allowed", hint: `publish the file on the site or the web and link to its address; ${ALLOWED}` };
const RUNS = "is not allowed: it would run a script, not open a page";
const INSIDE = "is not allowed: it holds a whole file inside the page";
const LOCAL = "is not allowed: it points at a file on one computer, which readers cannot open";
const OTHER_SITE = "is not allowed: an address starting with `//` names another site without saying how to reach it";
const MAP_HINT = `write the whole address: \`https://maps.example.com/center\`; ${ALLOWED}`;
const AS_TEXT = "is shown on the page as text: HTML is not read in Markdown here";
const LITERALLY = "to show a `<` as it is, write `\\<`";
const html = (line: number, column: number, path: string, shown: string, instead: string): Expected => ({
  code: "markdown-raw-html",
  severity: "warning",
  line,
  column,
  path,
  message: `raw HTML \`${shown}\` ${AS_TEXT}`,
  hint: `${instead}; ${LITERALLY}`,
});

const CASES: readonly Case[] = [
  [
    "a `|` block in each language: a script link, a data: image inside a list, a vbscript autolink",
    "custom-section-literal.yaml",
    [
      { ...SCRIPT, line: 14, column: 12, path: "customSections[0].body.ja", message: `link to \`javascript:alert(1)\` ${RUNS}` },
      { ...FILE, line: 16, column: 15, path: "customSections[0].body.ja", message: `image from \`data:image/png;base64,iVBORw0KGgo=\` ${INSIDE}` },
      { ...SCRIPT, line: 19, column: 16, path: "customSections[0].body.en", message: `link to \`vbscript:msgbox("hi")\` ${RUNS}` },
    ],
  ],
  [
    "a tab written as an entity, a capital scheme in spaces, a file: link and `//host` in a folded `>` block",
    "custom-section-obfuscated.yaml",
    [
      { ...SCRIPT, line: 8, column: 19, path: "customSections[0].body", message: `link to \`java\\tscript:alert(1)\` ${RUNS}` },
      { ...SCRIPT, line: 8, column: 56, path: "customSections[0].body", message: `link to \`JavaScript:void(0)\` ${RUNS}` },
      { ...FILE, line: 11, column: 11, path: "customSections[1].body", message: `link to \`file:///C:/Users/share/資料.pdf\` ${LOCAL}` },
      { code: "link-not-allowed", line: 12, column: 11, path: "customSections[1].body", message: `link to \`//maps.example.com/center\` ${OTHER_SITE}`, hint: MAP_HINT },
    ],
  ],
  [
    "JSON strings, escapes and all: a reference definition and a data: image",
    "custom-section.json",
    [
      { ...SCRIPT, line: 9, column: 64, path: "customSections[0].body.ja", message: `link definition for \`VBScript:msgbox\` ${RUNS}` },
      {
        ...FILE,
        line: 10,
        column: 66,
        path: "customSections[0].body.en",
        message: `image from \`data:text/html,<script>alert(1)</script>\` ${INSIDE}`,
      },
    ],
  ],
  [
    "where the source cannot tell (an escape makes a second copy of the link), the text's start and the place in the text",
    "custom-section-escaped.yaml",
    [
      { ...SCRIPT, line: 8, column: 11, path: "customSections[0].body", message: `link to \`javascript:apply()\` ${RUNS} (line 1, column 6 of the text)` },
      { ...SCRIPT, line: 8, column: 11, path: "customSections[0].body", message: `link to \`javascript:apply()\` ${RUNS} (line 1, column 37 of the text)` },
    ],
  ],
  [
    "a `.md` body: inline, reference (at its definition), table cell, autolink and list item, each on its line",
    "body-links.md",
    [
      { ...SCRIPT, line: 15, column: 4, path: "(body)", message: `link to \`JavaScript:alert(document.cookie)\` ${RUNS}` },
      { ...FILE, line: 18, column: 1, path: "(body)", message: `link definition for \`data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\` ${INSIDE}` },
      { ...SCRIPT, line: 26, column: 12, path: "(body)", message: `link to \`vbscript:msgbox\` ${RUNS}` },
      { ...FILE, line: 27, column: 11, path: "(body)", message: `link to \`file:///srv/forms/apply.pdf\` ${LOCAL}` },
      { code: "link-not-allowed", line: 30, column: 8, path: "(body)", message: `link to \`//maps.example.com/center\` ${OTHER_SITE}`, hint: MAP_HINT },
    ],
  ],
  ["every kind of link a policy may have, and text that only looks like one", "allowed.md", []],
  [
    "raw HTML in a `.md` body: inline tags (a closing tag with its opening one), a comment, a block",
    "raw-html.md",
    [
      html(9, 9, "(body)", "<b>", "write bold text as `**text**`"),
      html(9, 32, "(body)", "<br>", "for a line break, end the line with a backslash `\\`; for a new paragraph, leave an empty line"),
      html(10, 12, "(body)", '<a href="https://example.org/form">', "write a link as `[text](https://…)`"),
      html(12, 1, "(body)", "<!-- 2024年に見直し -->", "Markdown here keeps no comments: delete it"),
      html(14, 1, "(body)", '<div class="note">', "Markdown has no such markup: remove the tag and keep the text"),
    ],
  ],
  [
    "raw HTML in a custom section, in each language",
    "raw-html-custom-section.yaml",
    [
      html(14, 12, "customSections[0].body.ja", "<strong>", "write bold text as `**text**`"),
      html(16, 49, "customSections[0].body.en", "<br>", "for a line break, end the line with a backslash `\\`; for a new paragraph, leave an empty line"),
    ],
  ],
];

describe("link and raw HTML diagnostics", () => {
  let folder: FixtureFolder;
  beforeAll(async () => {
    folder = await loadFixtureFolder("links");
  });

  it.each(CASES)("%s (%s)", (_title, file, expected) => {
    expect(folder.diagnosticsOf(file)).toEqual(folder.expected(file, expected));
  });

  it("has a case for every fixture, and every case has its fixture", () => {
    expect(CASES.map(([, file]) => file).sort()).toEqual(fixtureFiles("links"));
  });

  it("reports each link once", () => {
    const said = folder.result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(said.filter((line, index) => said.indexOf(line) !== index)).toEqual([]);
  });

  it("makes raw HTML a warning only: those files are no reason to stop a build", () => {
    for (const file of ["raw-html.md", "raw-html-custom-section.yaml", "allowed.md"]) {
      expect(hasErrors(folder.diagnosticsOf(file)), file).toBe(false);
    }
  });
});
