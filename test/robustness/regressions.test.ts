/**
 * Cases the robustness properties (and the exploring around them) found, kept as plain
 * tests: each crashed hoshin or gave a wrong diagnostic before it was fixed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it, vi } from "vitest";

import { LIMITS, parseOrganizationText } from "../../src/parse/parse.js";
import type { SourceFormat } from "../../src/parse/source.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateOrganization } from "../../src/validate/index.js";
import { allProblems, discovered, serialize } from "./support.js";

/** parse → validate in memory; the diagnostics without `file` and `severity` (always this file, "error"). */
function check(format: SourceFormat, text: string) {
  const file = discovered("found", format);
  const bytes = new TextEncoder().encode(text);
  const parsed = parseOrganizationText(file, bytes);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...(parsed.source ? validateOrganization(parsed.source) : [])];
  // Whatever else is asserted: one line each, inside the file.
  expect(allProblems(diagnostics, file.file, bytes)).toEqual([]);
  return diagnostics.map(({ file: _file, severity, ...rest }) => {
    expect(severity).toBe("error");
    return rest;
  });
}

const VALID = "languages: [en]\norganization:\n  name: X\n";
const TOO_DEEP = {
  code: "data-too-deep",
  path: "",
  message: "the data is nested too deeply: more than 100 levels of brackets or indentation",
  hint: "an organization file needs only a few levels; look for a `[` or `{` that is never closed, or lines indented too far",
};

describe("data nested far too deep: a diagnostic, not a stack overflow", () => {
  // Before: jsonc-parser threw RangeError out of the parse stage (exit 3 with a stack trace).
  it("JSON: 100,000 `[`", () => {
    expect(check("json", "[".repeat(100_000))).toEqual([{ ...TOO_DEEP, line: 1, column: 101 }]);
  });

  it("JSON: deep inside an otherwise good object, with brackets in strings not counted", () => {
    const text = `{"languages": ["en"], "organization": {"name": "[[[[{{{{"}, "x": ${"[".repeat(200)}${"]".repeat(200)}}\n`;
    // The object is level 1, so the 100th `[` (column 65 + 100) is the 101st level.
    expect(check("json", text)).toEqual([{ ...TOO_DEEP, line: 1, column: 165 }]);
  });

  it("JSON: exactly the limit is fine for the parser (the schema then speaks)", () => {
    const depth = LIMITS.maxDepth - 1;
    const text = `{"languages": ["en"], "organization": {"name": "X"}, "x": ${"[".repeat(depth)}${"]".repeat(depth)}}`;
    expect(check("json", text).map((d) => d.code)).toEqual(["schema-unknown-key"]);
  });

  // Before: yaml caught its own stack overflow and reported "maximum call stack size exceeded"
  // hundreds of times; a second such file in the same run aborted Node.js (out of memory in
  // the regular-expression compiler, exit 134).
  it.each([
    ["flow brackets", `${VALID}x: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`, 4, 103],
    ["unclosed flow brackets", "[".repeat(1000), 1, 101],
    ["block sequences on one line", "- ".repeat(1000), 1, 201],
    ["ever deeper indentation", Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}a:`).join("\n"), 101, 102],
  ])("YAML: %s", (_what, text, line, column) => {
    for (let i = 0; i < 3; i++) expect(check("yaml", text)).toEqual([{ ...TOO_DEEP, line, column }]);
  });

  it("YAML in Markdown front matter: positions are in the whole file", () => {
    // `x:` is level 1, so the 100th `{` (column 3 + 4 × 99 + 1) is the 101st.
    expect(check("md", `---\n${VALID}x: ${"{a: ".repeat(200)}\n---\n`)).toEqual([{ ...TOO_DEEP, line: 5, column: 400 }]);
  });

  it("YAML: brackets in quoted text, comments and block text are not levels", () => {
    const text = `${VALID}policy:\n  introduction: "${"[".repeat(300)}" # ${"{".repeat(300)}\n  title: |\n    ${"[".repeat(300)}\n`;
    expect(check("yaml", text)).toEqual([]);
  });

  it("YAML: a long Markdown body in block text does not count as indentation", () => {
    const body = Array.from({ length: 200 }, (_, i) => `      ${"- ".repeat(i % 5)}line ${i}`).join("\n");
    const sections = Array.from({ length: 60 }, (_, i) => `  - title: T${i}\n    body: |\n${body}\n`).join("");
    expect(check("yaml", `${VALID}customSections:\n${sections}`)).toEqual([]);
  });
});

describe("YAML duplicate keys", () => {
  // Before: after an empty value yaml points at the end of the line before, so hoshin said
  // `key \`\n\` appears twice` on the first line, with no hint.
  it("after an empty value: named, on the repeated key, with the first one's line", () => {
    expect(check("yaml", "languages: [en]\npolicy:\npolicy:\n  enacted: 2020-01-01\norganization:\n  name: X\n")).toEqual([
      {
        code: "yaml-duplicate-key",
        line: 3,
        column: 1,
        path: "",
        message: "key `policy` appears twice",
        hint: "remove one of them; the first is on line 2",
      },
    ]);
  });

  it("several, nested and at the top, each on its repeated key", () => {
    const text = "languages: [en]\norganization:\n  name:\n  name: X\nlanguages:\n";
    expect(check("yaml", text).map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
      "4:3 key `name` appears twice",
      "5:1 key `languages` appears twice",
    ]);
  });
});

describe("a diagnostic is one line, whatever the user's text holds", () => {
  // Before: a key or value with a line break in it split the report line in two.
  it("an unknown key with a line break, in the message and in the path", () => {
    expect(check("yaml", `${VALID}contacts:\n  - department: D\n    "note\\nx": 1\n`)).toEqual([
      {
        code: "schema-unknown-key",
        line: 6,
        column: 5,
        path: "contacts[0].note\\nx",
        message: "unknown key `note\\nx`",
        hint: "did you mean `note`?",
      },
    ]);
  });

  it("JSON: a key with a line separator (U+2028), which JSON allows unescaped", () => {
    const [d] = check("json", '{"languages": ["en"], "organization": {"name": "X", "na\u2028me": 1}}');
    expect(d?.message).toBe("unknown key `na\\u2028me`");
    expect(d?.path).toBe("organization.na\\u2028me");
  });

  it("semantic checks quote the value on one line too", () => {
    const text = `${VALID}requests:\n  kinds: [disclosure]\n  contact: "desk\\n2"\ncontacts:\n  - id: desk\n    department: D\n`;
    expect(check("yaml", text).find((d) => d.code === "contact-unknown")?.message).toBe("no contact point has the id `desk\\n2`");
  });

  it("a duplicated key with a tab in its name", () => {
    expect(check("yaml", `${VALID}"a\\tb": 1\n"a\\tb": 2\n`)[0]?.message).toBe("key `a\\tb` appears twice");
  });
});

describe("positions stay inside the file", () => {
  // Before: an error at the very end of a YAML file was placed on the empty line after the
  // last newline (line 5 of a four-line file), as JSON errors already were not.
  it("an unclosed quote: on the last line, not after it", () => {
    expect(check("yaml", 'languages: [en]\norganization:\n  name: "unclosed\n  kind: npo\n\n\n')).toEqual([
      { code: "yaml-syntax", line: 4, column: 12, path: "", message: 'missing closing "quote' },
    ]);
  });

  it("the same in Markdown front matter", () => {
    expect(check("md", '---\nlanguages: [en]\norganization:\n  name: "X\n---\nbody\n')).toEqual([
      { code: "yaml-syntax", line: 4, column: 11, path: "", message: 'missing closing "quote' },
    ]);
  });
});

describe("a mapping or list used as a key", () => {
  // Before: valid YAML, turned into the key "[ a, b ]" with a Node.js warning on the user's
  // terminal, and the unknown key placed at line 1.
  it("is refused where it is written, without a warning on the terminal", () => {
    const warn = vi.spyOn(process, "emitWarning");
    try {
      expect(check("yaml", `${VALID}? [a, b]\n: c\n`)).toEqual([
        {
          code: "yaml-syntax",
          line: 4,
          column: 3,
          path: "",
          message: "a key must be a name, not a list, a mapping or an alias",
          hint: "write the key as plain text, e.g. `name:`",
        },
      ]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe("text kept whole through a file and back (found by the valid-data property)", () => {
  const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/data/round-trip");
  const read = (name: string, format: SourceFormat) => {
    const parsed = parseOrganizationText(discovered(name.replace(/\..*$/, ""), format), readFileSync(path.join(FIXTURES, name)));
    expect(parsed.diagnostics).toEqual([]);
    return parsed.source!.data as { organization: { name: string }; policy: { introduction?: string; revisions?: { summary: string }[] } };
  };

  // Before: the closing `---` took the front matter's last line break with it, and a block
  // text kept to its last line break (`|+`) came back one line break short.
  it("Markdown: front matter ending in a kept block text (`|+`) keeps every line break", () => {
    expect(read("keep-chomped.md", "md").policy.introduction).toBe("We keep our last line break.\n\n");
  });

  it("Markdown: a revision summary with a blank line keeps it", () => {
    expect(read("blank-line-summary.md", "md").policy.revisions![0]!.summary).toBe("line one\n\nline two");
  });

  it("the same texts written by the tests' serializer come back whole, in every format", () => {
    for (const summary of ["line one\n\nline two", "line one\n\n", "a\n\n\nb\n"]) {
      const data = { languages: ["en"], organization: { name: "X" }, policy: { enacted: "2024-01-01", revisions: [{ date: "2025-01-01", summary }] } };
      for (const format of ["yaml", "json", "md"] as const) {
        const parsed = parseOrganizationText(discovered("x", format), new TextEncoder().encode(serialize(data, format)));
        expect(parsed.source?.data, `${format}: ${JSON.stringify(summary)}`).toEqual(data);
      }
    }
  });

  // Before: yaml 2.9 folded this long quoted name between the two halves of a surrogate pair
  // (seed -267128705), and the file held U+FFFD where 𐀀 was. Every YAML hoshin or its tests
  // write is written unfolded (`lineWidth: 0`).
  it("a long name of characters outside the BMP, as the file holds it and as the serializer writes it", () => {
    const name = "[link](javascript:alert(1))#𐀀###𐀀𐀀𐀀𐀀#𐀀𐀀𐀀#𐀀##𐀀𐀀𐀀𐀀#𐀀#𐀀𐀀𐀀𐀀#𐀀";
    expect(read("long-astral.yaml", "yaml").organization.name).toBe(name);
    const data = { languages: ["en"], organization: { name: name.repeat(4) } };
    for (const format of ["yaml", "md"] as const) {
      const parsed = parseOrganizationText(discovered("x", format), new TextEncoder().encode(serialize(data, format)));
      expect(parsed.source?.data).toEqual(data);
    }
  });
});

describe("a value at the end of the last line (found by the damaged-bytes property, seed 16)", () => {
  // The file was cut short after a vertical tab; the diagnostics point at it, past the space
  // before it, and the test's own reading of the file's lines had trimmed both away.
  it("is pointed at inside its line", () => {
    const found = check("yaml", "languages: \v");
    const atTheTab = found.filter(({ path }) => path === "languages").map(({ code, line, column }) => [code, line, column]);
    expect(atTheTab).toEqual([
      ["schema-type", 1, 12],
      ["text-control-character", 1, 12],
    ]);
  });
});
