import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import type { DiscoveredFile } from "../../src/discover/discover.js";
import { LIMITS, parseOrganizationFile, parseOrganizationText } from "../../src/parse/parse.js";
import type { SourceFile } from "../../src/parse/source.js";

const fixtures = fileURLToPath(new URL("../fixtures/data/parse/", import.meta.url));

function discovered(absolutePath: string): DiscoveredFile {
  const ext = path.extname(absolutePath);
  return {
    absolutePath,
    file: `organizations/${path.basename(absolutePath)}`,
    slug: path.basename(absolutePath, ext),
    format: ext === ".json" ? "json" : ext === ".md" ? "md" : "yaml",
  };
}

const fixture = (name: string): DiscoveredFile => discovered(path.join(fixtures, name));

async function parsed(name: string): Promise<SourceFile> {
  const result = await parseOrganizationFile(fixture(name));
  expect(result.diagnostics).toEqual([]);
  if (!result.source) throw new Error(`${name} did not parse`);
  return result.source;
}

/** The diagnostics of a file that must be refused, without the fields every one shares. */
async function refusal(name: string) {
  const result = await parseOrganizationFile(fixture(name));
  expect(result.source).toBeUndefined();
  for (const d of result.diagnostics) {
    expect(d.file).toBe(`organizations/${name}`);
    expect(d.path).toBe("");
  }
  return result.diagnostics.map(({ code, severity, line, column, message, hint }) => ({ code, severity, line, column, message, hint }));
}

const ENCODING_HINT = "save the file as UTF-8; in most editors: File › Save with Encoding › UTF-8";
const EMPTY_HINT = "copy an example from organizations/ and fill it in";

describe("parseOrganizationFile: refusals", () => {
  it.each([
    ["empty.yaml", "file is empty"],
    ["whitespace.json", "file is empty"],
    ["comments-only.yaml", "file is empty"],
    ["md-empty-front-matter.md", "front matter is empty"],
  ])("%s → file-empty", async (name, message) => {
    expect(await refusal(name)).toEqual([{ code: "file-empty", severity: "error", line: 0, column: 0, message, hint: EMPTY_HINT }]);
  });

  it("file-binary", async () => {
    expect(await refusal("binary.yaml")).toEqual([
      {
        code: "file-binary",
        severity: "error",
        line: 0,
        column: 0,
        message: "file is binary, not text",
        hint: "organization files are plain text (YAML, JSON or Markdown); check that this is the right file",
      },
    ]);
  });

  it("file-encoding: Shift_JIS is named, at the first byte that is not UTF-8", async () => {
    expect(await refusal("shift-jis.yaml")).toEqual([
      { code: "file-encoding", severity: "error", line: 2, column: 9, message: "file is saved as Shift_JIS, not UTF-8", hint: ENCODING_HINT },
    ]);
  });

  it("file-encoding: other bytes are just not UTF-8", async () => {
    // "  name: Caf" then Latin-1 é.
    expect(await refusal("latin-1.yaml")).toEqual([
      { code: "file-encoding", severity: "error", line: 2, column: 12, message: "file is not valid UTF-8", hint: ENCODING_HINT },
    ]);
  });

  it("file-encoding: UTF-16 is named rather than called binary", async () => {
    expect(await refusal("utf-16.yaml")).toEqual([
      { code: "file-encoding", severity: "error", line: 0, column: 0, message: "file is saved as UTF-16, not UTF-8", hint: ENCODING_HINT },
    ]);
  });

  it("file-too-large: checked before reading", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-parse-"));
    try {
      const big = path.join(dir, "big.yaml");
      await writeFile(big, new Uint8Array(Math.round(2.3 * 1024 * 1024)).fill(0x20));
      const result = await parseOrganizationFile(discovered(big));
      expect(result).toEqual({
        diagnostics: [
          {
            code: "file-too-large",
            severity: "error",
            file: "organizations/big.yaml",
            line: 0,
            column: 0,
            path: "",
            message: "file is 2.3 MiB; the limit is 1 MiB",
            hint: "an organization file should be a few kilobytes; check that this is the right file",
          },
        ],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("file-too-large: a byte over the limit is never shown as the limit itself", () => {
    const result = parseOrganizationText(fixture("big.yaml"), new Uint8Array(LIMITS.maxFileBytes + 1));
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["file-too-large", "file is 1.1 MiB; the limit is 1 MiB"]]);
    // Exactly at the limit is allowed through (and here found empty).
    const atLimit = parseOrganizationText(fixture("big.yaml"), new Uint8Array(LIMITS.maxFileBytes).fill(0x20));
    expect(atLimit.diagnostics.map((d) => d.code)).toEqual(["file-empty"]);
  });

  it("file-unreadable", async () => {
    const result = await parseOrganizationFile(fixture("vanished.yaml"));
    expect(result).toEqual({
      diagnostics: [
        {
          code: "file-unreadable",
          severity: "error",
          file: "organizations/vanished.yaml",
          line: 0,
          column: 0,
          path: "",
          message: "file cannot be read (it no longer exists)",
          hint: "check that the file exists and that you may read it",
        },
      ],
    });
  });

  it("yaml-syntax: every error, with yaml's own message, at its position", async () => {
    expect(await refusal("yaml-syntax.yaml")).toEqual([
      {
        code: "yaml-syntax",
        severity: "error",
        line: 2,
        column: 9,
        message: "nested mappings are not allowed in compact mappings",
        hint: "put the value in quotes when it contains `: `",
      },
      { code: "yaml-syntax", severity: "error", line: 4, column: 1, message: "tabs are not allowed as indentation", hint: "indent with spaces, not tabs" },
    ]);
  });

  it("yaml-syntax: a second document", async () => {
    expect(await refusal("yaml-multiple-documents.yaml")).toEqual([
      {
        code: "yaml-syntax",
        severity: "error",
        line: 3,
        column: 1,
        message: "the file contains more than one YAML document",
        hint: "an organization file holds one YAML document; remove the extra `---` line",
      },
    ]);
  });

  it("yaml-syntax: an alias without its anchor", async () => {
    expect(await refusal("yaml-unresolved-alias.yaml")).toEqual([
      {
        code: "yaml-syntax",
        severity: "error",
        line: 2,
        column: 9,
        message: "alias `*center` has no anchor `&center` before it",
        hint: "define the anchor (&name) before using the alias (*name)",
      },
    ]);
  });

  it("yaml-duplicate-key: at the second key", async () => {
    expect(await refusal("yaml-duplicate-key.yaml")).toEqual([
      {
        code: "yaml-duplicate-key",
        severity: "error",
        line: 5,
        column: 3,
        message: "key `purposes` appears twice",
        hint: "remove one of them; the first is on line 2",
      },
    ]);
  });

  it.each(["yaml-aliases.yaml", "yaml-alias-bomb.yaml"])("yaml-aliases: %s", async (name) => {
    expect(await refusal(name)).toEqual([
      {
        code: "yaml-aliases",
        severity: "error",
        line: 0,
        column: 0,
        message: "too many YAML aliases (more than 100)",
        hint: "write the values out instead of using anchors (&) and aliases (*)",
      },
    ]);
  });

  it("json-syntax: trailing comma, at the comma", async () => {
    expect(await refusal("json-trailing-comma.json")).toEqual([
      {
        code: "json-syntax",
        severity: "error",
        line: 3,
        column: 37,
        message: "trailing comma is not allowed in JSON",
        hint: "remove the comma after the last item",
      },
    ]);
  });

  it("json-syntax: comments", async () => {
    expect(await refusal("json-comment.json")).toEqual([
      {
        code: "json-syntax",
        severity: "error",
        line: 2,
        column: 3,
        message: "comments are not allowed in JSON",
        hint: "remove the comment, or write the file in YAML, which allows # comments",
      },
    ]);
  });

  it("json-syntax: single quotes", async () => {
    expect(await refusal("json-single-quotes.json")).toEqual([
      {
        code: "json-syntax",
        severity: "error",
        line: 2,
        column: 3,
        message: "unexpected `'languages'`",
        hint: "JSON strings and names take double quotes (\"), not single quotes",
      },
    ]);
  });

  it("json-syntax: a missing comma is placed where the comma goes", async () => {
    expect(await refusal("json-missing-comma.json")).toEqual([
      { code: "json-syntax", severity: "error", line: 2, column: 22, message: "comma expected", hint: undefined },
    ]);
  });

  it("json-syntax: an unclosed object is reported after the last character, not on a phantom line", async () => {
    expect(await refusal("json-unclosed.json")).toEqual([
      { code: "json-syntax", severity: "error", line: 5, column: 4, message: "closing brace `}` expected", hint: undefined },
    ]);
  });

  it("json-syntax: a tab inside a string", () => {
    const result = parseOrganizationText(fixture("tab.json"), new TextEncoder().encode('{\n  "name": "多文化\tセンター"\n}\n'));
    expect(result.diagnostics.map(({ code, line, column, message }) => ({ code, line, column, message }))).toEqual([
      { code: "json-syntax", line: 2, column: 15, message: "control character (such as a tab or line break) inside a string" },
    ]);
  });

  it("json-duplicate-key: at the second key", async () => {
    expect(await refusal("json-duplicate-key.json")).toEqual([
      {
        code: "json-duplicate-key",
        severity: "error",
        line: 5,
        column: 5,
        message: "key `purposes` appears twice",
        hint: "remove one of them; the first is on line 3",
      },
    ]);
  });

  it("md-front-matter-missing", async () => {
    expect(await refusal("md-no-front-matter.md")).toEqual([
      {
        code: "md-front-matter-missing",
        severity: "error",
        line: 0,
        column: 0,
        message: "Markdown organization file has no front matter",
        hint: "start the file with a line `---`, the organization's data in YAML, and another `---`",
      },
    ]);
  });

  it("md-front-matter-unclosed: on the opening line", async () => {
    expect(await refusal("md-unclosed.md")).toEqual([
      {
        code: "md-front-matter-unclosed",
        severity: "error",
        line: 1,
        column: 1,
        message: "front matter has no closing `---` line",
        hint: "end the organization's data with a line `---`; the Markdown text goes after it",
      },
    ]);
  });

  it("yaml-syntax in front matter: positions are in the whole .md file", async () => {
    expect(await refusal("md-yaml-syntax.md")).toEqual([
      {
        code: "yaml-syntax",
        severity: "error",
        line: 3,
        column: 9,
        message: "nested mappings are not allowed in compact mappings",
        hint: "put the value in quotes when it contains `: `",
      },
    ]);
  });

  it.each([
    ["list.yaml", 1, 1, "the file must contain a mapping of keys (organization:, policy:, …), not a list"],
    ["string.yaml", 1, 1, "the file must contain a mapping of keys (organization:, policy:, …), not a string"],
    ["json-array.json", 1, 1, 'the file must contain an object with keys ("organization", "policy", …), not an array'],
    ["md-list.md", 2, 1, "the file must contain a mapping of keys (organization:, policy:, …), not a list"],
  ])("data-not-object: %s", async (name, line, column, message) => {
    expect(await refusal(name)).toEqual([{ code: "data-not-object", severity: "error", line, column, message, hint: undefined }]);
  });
});

describe("parseOrganizationFile: warnings", () => {
  it("yaml-warning: an unknown tag is reported, the file still parses", async () => {
    const result = await parseOrganizationFile(fixture("yaml-unknown-tag.yaml"));
    expect(result.diagnostics).toEqual([
      {
        code: "yaml-warning",
        severity: "warning",
        file: "organizations/yaml-unknown-tag.yaml",
        line: 2,
        column: 9,
        path: "",
        message: "unresolved tag: !ja",
      },
    ]);
    expect(result.source?.data).toEqual({ organization: { name: "センター" } });
  });
});

describe("YAML, block style", () => {
  it("keeps dates as strings and empty values as null", async () => {
    const source = await parsed("block.yaml");
    expect(source).toMatchObject({
      file: "organizations/block.yaml",
      slug: "block",
      format: "yaml",
      absolutePath: path.join(fixtures, "block.yaml"),
    });
    expect(source.body).toBeUndefined();
    expect(source.data).toEqual({
      languages: ["ja", "en"],
      organization: { name: { ja: "多文化共生センター", en: "Multicultural Center" }, established: "2004-04-01" },
      policy: {
        purposes: [
          { id: "consultation", text: "相談への対応" },
          { id: "newsletter", text: "ニュースレターの送付" },
        ],
      },
      contacts: [{ department: "事務局", hours: { days: ["mon", "tue", "wed"], open: "09:00" }, note: null }],
    });
  });

  it("locates values and keys", async () => {
    const source = await parsed("block.yaml");
    expect(source.locate(["organization", "name", "ja"])).toEqual({ line: 5, column: 9 });
    expect(source.locate(["organization", "name", "ja"], "key")).toEqual({ line: 5, column: 5 });
    expect(source.locate(["organization", "established"])).toEqual({ line: 7, column: 16 });
    expect(source.locate(["languages", 1])).toEqual({ line: 2, column: 17 });
    expect(source.locate(["policy", "purposes", 1])).toEqual({ line: 12, column: 7 });
    expect(source.locate(["policy", "purposes", 1], "key")).toEqual({ line: 12, column: 7 });
    expect(source.locate(["policy", "purposes", 1, "text"])).toEqual({ line: 13, column: 13 });
    expect(source.locate(["policy", "purposes", 1, "text"], "key")).toEqual({ line: 13, column: 7 });
    expect(source.locate(["contacts", 0, "hours", "days", 2])).toEqual({ line: 17, column: 24 });
  });

  it("points an empty value at its key", async () => {
    const source = await parsed("block.yaml");
    expect(source.locate(["contacts", 0, "note"])).toEqual({ line: 19, column: 5 });
  });

  it("points an empty list item at its dash, also when the file was cut short after it", () => {
    // Found by the damaged-bytes property: a file cut after `- ` pointed past the visible line.
    for (const text of ["purposes:\n  - \n  - 相談\n", "purposes:\n  - "]) {
      const result = parseOrganizationText(fixture("cut.yaml"), new TextEncoder().encode(text));
      expect(result.source?.data).toEqual({ purposes: text.includes("相談") ? [null, "相談"] : [null] });
      expect(result.source?.locate(["purposes", 0])).toEqual({ line: 2, column: 3 });
    }
  });

  it("resolves a missing path to the deepest existing ancestor", async () => {
    const source = await parsed("block.yaml");
    expect(source.locate(["contacts", 0, "hours", "close"])).toEqual({ line: 16, column: 5 });
    expect(source.locate(["contacts", 0, "hours", "close"], "key")).toEqual({ line: 16, column: 5 });
    expect(source.locate(["policy", "purposes", 5, "id"])).toEqual({ line: 9, column: 3 });
    expect(source.locate(["organization", "established", "year"])).toEqual({ line: 7, column: 3 });
    expect(source.locate(["website"])).toEqual({ line: 1, column: 1 });
    expect(source.locate([])).toEqual({ line: 1, column: 1 });
  });

  it("strips a UTF-8 BOM, which editors do not count as a column either", async () => {
    const source = await parsed("bom.yaml");
    expect(source.data).toEqual({ organization: { name: "センター" } });
    expect(source.locate(["organization", "name"])).toEqual({ line: 2, column: 9 });
    expect(source.locate(["organization"], "key")).toEqual({ line: 1, column: 1 });
  });

  it("handles CRLF line endings", () => {
    const result = parseOrganizationText(fixture("crlf.yaml"), new TextEncoder().encode("organization:\r\n  name: 多文化\r\n  phone: 03-0000-0000\r\n"));
    expect(result.source?.data).toEqual({ organization: { name: "多文化", phone: "03-0000-0000" } });
    expect(result.source?.locate(["organization", "phone"])).toEqual({ line: 3, column: 10 });
  });
});

describe("YAML, flow style", () => {
  it("locates inside flow mappings and sequences, counting Japanese as one column each", async () => {
    const source = await parsed("flow.yaml");
    expect(source.locate(["organization", "name", "en"], "key")).toEqual({ line: 2, column: 38 });
    expect(source.locate(["organization", "name", "en"])).toEqual({ line: 2, column: 42 });
    expect(source.locate(["organization", "established"], "key")).toEqual({ line: 2, column: 67 });
    expect(source.locate(["organization", "established"])).toEqual({ line: 2, column: 80 });
    expect(source.locate(["policy", "purposes", 0, "text"])).toEqual({ line: 3, column: 46 });
    expect(source.locate(["policy", "purposes", 1])).toEqual({ line: 3, column: 51 });
    // Missing under an array item: the item itself.
    expect(source.locate(["policy", "purposes", 1, "text"])).toEqual({ line: 3, column: 51 });
  });
});

describe("JSON", () => {
  it("parses and locates", async () => {
    const source = await parsed("organization.json");
    expect(source.data).toEqual({
      languages: ["ja", "en"],
      organization: { name: { ja: "多文化共生センター", en: "Multicultural Center" } },
      contacts: [{ department: "事務局", hours: { open: "09:00" } }],
    });
    expect(source.locate(["languages", 1])).toEqual({ line: 2, column: 23 });
    expect(source.locate(["organization", "name", "en"], "key")).toEqual({ line: 4, column: 34 });
    expect(source.locate(["organization", "name", "en"])).toEqual({ line: 4, column: 40 });
    expect(source.locate(["contacts", 0])).toEqual({ line: 7, column: 5 });
    expect(source.locate(["contacts", 0, "hours"])).toEqual({ line: 7, column: 37 });
    expect(source.locate(["contacts", 0, "hours", "close"])).toEqual({ line: 7, column: 28 });
    expect(source.locate([])).toEqual({ line: 1, column: 1 });
  });

  it("keeps __proto__ as data, not as a prototype", () => {
    const result = parseOrganizationText(fixture("proto.json"), new TextEncoder().encode('{"__proto__": {"polluted": true}}'));
    const data = result.source?.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(["__proto__"]);
  });
});

describe("Markdown front matter", () => {
  it("parses the front matter and keeps the body with its line", async () => {
    const source = await parsed("organization.md");
    expect(source.data).toEqual({ languages: ["ja"], organization: { name: "多文化共生センター" } });
    expect(source.body).toEqual({ text: "\n## 当センターについて\n\n本文です。\n", line: 6 });
  });

  it("locates in whole-file lines", async () => {
    const source = await parsed("organization.md");
    expect(source.locate(["organization", "name"])).toEqual({ line: 4, column: 9 });
    expect(source.locate(["organization", "name"], "key")).toEqual({ line: 4, column: 3 });
    expect(source.locate(["languages", 0])).toEqual({ line: 2, column: 13 });
    expect(source.locate(["organization", "address"])).toEqual({ line: 3, column: 1 });
    expect(source.locate(["website"])).toEqual({ line: 2, column: 1 });
    expect(source.locate([])).toEqual({ line: 2, column: 1 });
  });

  it("omits a blank body", async () => {
    const source = await parsed("no-body.md");
    expect(source.body).toBeUndefined();
    expect(source.data).toEqual({ languages: ["ja"] });
  });
});

describe("parseOrganizationText", () => {
  it("gives the same result as reading the file", async () => {
    const file = fixture("block.yaml");
    const fromText = parseOrganizationText(file, await readFile(file.absolutePath));
    const fromFile = await parseOrganizationFile(file);
    expect(fromText.diagnostics).toEqual(fromFile.diagnostics);
    expect(fromText.source?.data).toEqual(fromFile.source?.data);
  });
});
