/**
 * Every kind of bad file a person can leave in the input folder, one at a time, next to good
 * ones, through `hoshin build` as a user runs it: the build is refused with one exact line
 * about that file, no stack trace, and the site built before is left byte for byte. The few
 * files that are fine (a UTF-8 BOM, a name full of markup, stray non-organization files)
 * build, and markup stays text.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LIMITS } from "../../src/parse/parse.js";
import {
  DIAGNOSTIC_LINE,
  hashTree,
  hoshin,
  htmlFiles,
  makeProject,
  read,
  removeProjects,
  splitReport,
  tags,
} from "../cli/helpers.js";

const PARSE_FIXTURES = path.resolve(import.meta.dirname, "../fixtures/data/parse");

/** A line of a stack trace: what a user must never see for a mistake in their own data. */
const STACK_LINE = /^\s+at /m;

const copies: string[] = [];
afterAll(async () => {
  await removeProjects();
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A project with the valid fixtures, already built: the "old site" every row must leave alone. */
let built: string;
let oldSite: Record<string, string>;
beforeAll(async () => {
  built = await makeProject(["valid"]);
  const first = await hoshin(["build", "--no-pdf"], { cwd: built });
  expect(first.code, first.stderr).toBe(0);
  oldSite = await hashTree(path.join(built, "_site"));
  expect(Object.keys(oldSite).length).toBeGreaterThan(5);
});

/** A copy of the built project, so that rows run side by side without meeting. */
async function copyOfBuilt(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-robust-cli-"));
  copies.push(dir);
  await cp(built, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

const fixture = (name: string) => readFile(path.join(PARSE_FIXTURES, name));

const VALID_YAML = "languages: [en]\norganization:\n  name: Lantern Books\n";
const VALID_JSON = '{ "languages": ["en"], "organization": { "name": "Lantern Books" } }\n';

/** The billion laughs: nine levels of nine aliases each, some 387 million `lol`s if expanded. */
function billionLaughs(): string {
  const lines = [VALID_YAML.trimEnd(), `lol0: &lol0 [${Array(9).fill('"lol"').join(", ")}]`];
  for (let level = 1; level <= 8; level++) {
    lines.push(`lol${level}: &lol${level} [${Array(9).fill(`*lol${level - 1}`).join(", ")}]`);
  }
  return `${lines.join("\n")}\n`;
}

interface Row {
  kind: string;
  /** The files added to `organizations/`, by name. */
  files: () => Promise<Record<string, string | Uint8Array>>;
  /** Extra setup in the project folder (links and the like). */
  setup?: (project: string) => Promise<void>;
  /** The file the report must name. */
  file: string;
  /** The one diagnostic line the build must print for it. */
  line: string;
}

const ROWS: Row[] = [
  {
    kind: "invalid YAML",
    files: async () => ({ "bad-yaml.yaml": "languages: [en]\norganization:\n  name: Open Lab: Tokyo\n" }),
    file: "organizations/bad-yaml.yaml",
    line: "organizations/bad-yaml.yaml:3:9  -  nested mappings are not allowed in compact mappings (put the value in quotes when it contains `: `)",
  },
  {
    kind: "invalid JSON, at the parser's line",
    files: async () => ({ "bad-json.json": '{\n  "languages": ["en"],\n  "organization": { "name": "X" }\n  "purposes": ["a"]\n}\n' }),
    file: "organizations/bad-json.json",
    line: "organizations/bad-json.json:3:34  -  comma expected",
  },
  {
    kind: "an empty file",
    files: async () => ({ "empty.yaml": "" }),
    file: "organizations/empty.yaml",
    line: "organizations/empty.yaml  -  file is empty (copy an example from organizations/ and fill it in)",
  },
  {
    kind: "a binary file",
    files: async () => ({ "logo.json": await fixture("binary.yaml") }),
    file: "organizations/logo.json",
    line: "organizations/logo.json  -  file is binary, not text (organization files are plain text (YAML, JSON or Markdown); check that this is the right file)",
  },
  {
    kind: "a Shift_JIS file",
    files: async () => ({ "sjis.yaml": await fixture("shift-jis.yaml") }),
    file: "organizations/sjis.yaml",
    line: "organizations/sjis.yaml:2:9  -  file is saved as Shift_JIS, not UTF-8 (save the file as UTF-8; in most editors: File › Save with Encoding › UTF-8)",
  },
  {
    kind: "an unknown key, with did-you-mean",
    files: async () => ({ "typo.yaml": `${VALID_YAML}purpose:\n  - Answering questions\n` }),
    file: "organizations/typo.yaml",
    line: "organizations/typo.yaml:4:1  purpose  unknown key `purpose` (did you mean `purposes`?)",
  },
  {
    kind: "a value of the wrong type",
    files: async () => ({ "wrong-type.yaml": "languages: en\norganization:\n  name: X\n" }),
    file: "organizations/wrong-type.yaml",
    line: 'organizations/wrong-type.yaml:1:12  languages  must be a list, not `en` (for example ["ja","en"])',
  },
  {
    kind: "an impossible time (closing before opening)",
    files: async () => ({
      "late.yaml": `${VALID_YAML}contacts:\n  - department: Desk\n    hours:\n      days: [mon]\n      open: "18:00"\n      close: "09:00"\n`,
    }),
    file: "organizations/late.yaml",
    line: "organizations/late.yaml:9:14  contacts[0].hours.close  closing time 09:00 is not after opening time 18:00 (use the 24-hour clock: 6 p.m. is 18:00)",
  },
  {
    kind: "an impossible date (2020-02-30)",
    files: async () => ({ "leap.yaml": `${VALID_YAML}policy:\n  enacted: 2020-02-30\n` }),
    file: "organizations/leap.yaml",
    line: "organizations/leap.yaml:5:12  policy.enacted  `2020-02-30` is not a real date (February 2020 has 29 days)",
  },
  {
    kind: "a missing required field",
    files: async () => ({ "nameless.yaml": "languages: [en]\norganization:\n  kind: npo\n" }),
    file: "organizations/nameless.yaml",
    line: "organizations/nameless.yaml:2:1  organization.name  `name` is required in `organization` (add `name:` — The organization's full name.)",
  },
  {
    kind: "two files with one slug",
    files: async () => ({ "lantern.yaml": VALID_YAML, "lantern.json": VALID_JSON }),
    file: "organizations/lantern.yaml",
    line: "organizations/lantern.yaml  -  slug `lantern` is already used by organizations/lantern.json (each organization needs its own file name; rename or remove one)",
  },
  {
    kind: "a symbolic link leading outside the input folder",
    files: async () => ({}),
    setup: async (project) => {
      await writeFile(path.join(project, "elsewhere.yaml"), VALID_YAML);
      await symlink(path.join("..", "elsewhere.yaml"), path.join(project, "organizations", "linked.yaml"));
    },
    file: "organizations/linked.yaml",
    line: "organizations/linked.yaml  -  symbolic link leads outside the input folder (to ../elsewhere.yaml) (copy the file into the input folder instead)",
  },
  {
    kind: "a YAML alias bomb (billion laughs)",
    files: async () => ({ "laughs.yaml": billionLaughs() }),
    file: "organizations/laughs.yaml",
    line: "organizations/laughs.yaml  -  too many YAML aliases (more than 100) (write the values out instead of using anchors (&) and aliases (*))",
  },
  {
    kind: "a file over the size limit",
    files: async () => ({ "huge.yaml": `${VALID_YAML}# ${"x".repeat(LIMITS.maxFileBytes)}\n` }),
    file: "organizations/huge.yaml",
    line: "organizations/huge.yaml  -  file is 1.1 MiB; the limit is 1 MiB (an organization file should be a few kilobytes; check that this is the right file)",
  },
  {
    kind: "a field over the length limit",
    files: async () => ({ "long.yaml": `${VALID_YAML}policy:\n  introduction: ${"あ".repeat(20001)}\n` }),
    file: "organizations/long.yaml",
    line: "organizations/long.yaml:5:17  policy.introduction  is too long (20001 characters; the limit is 20000) (shorten it, and check that nothing was pasted twice)",
  },
  // Found by test/robustness/damaged-data.test.ts: these crashed the build (a stack trace and
  // exit 3 for JSON, an out-of-memory abort for YAML) before data-too-deep existed.
  {
    kind: "JSON nested far too deep",
    files: async () => ({ "deep.json": "[".repeat(100_000) }),
    file: "organizations/deep.json",
    line: "organizations/deep.json:1:101  -  the data is nested too deeply: more than 100 levels of brackets or indentation (an organization file needs only a few levels; look for a `[` or `{` that is never closed, or lines indented too far)",
  },
  {
    kind: "YAML nested far too deep",
    files: async () => ({ "deep.yaml": `${VALID_YAML}extra: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n` }),
    file: "organizations/deep.yaml",
    line: "organizations/deep.yaml:4:107  -  the data is nested too deeply: more than 100 levels of brackets or indentation (an organization file needs only a few levels; look for a `[` or `{` that is never closed, or lines indented too far)",
  },
];

describe.concurrent("a bad file refuses the build and leaves the old site byte for byte", () => {
  it.each(ROWS.map((row) => [row.kind, row] as const))("%s", async (_kind, row) => {
    const project = await copyOfBuilt();
    for (const [name, content] of Object.entries(await row.files())) {
      await writeFile(path.join(project, "organizations", name), content);
    }
    await row.setup?.(project);

    const result = await hoshin(["build", "--no-pdf"], { cwd: project });

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(row.file);
    expect(result.stderr).not.toMatch(STACK_LINE);
    const { lines, rest } = splitReport(result.stderr);
    // Exactly one problem, worded exactly so; the good files beside it are not mentioned.
    expect(lines).toEqual([row.line]);
    expect(row.line).toMatch(DIAGNOSTIC_LINE);
    expect(rest[0]).toBe("1 error in 1 file");
    expect(await hashTree(path.join(project, "_site"))).toEqual(oldSite);
    expect((await readdir(project)).filter((name) => name.startsWith(".hoshin-"))).toEqual([]);
  });
});

/**
 * What a build said besides the matters the one-line organizations here do not state (no
 * address, no security measures…): those warnings are test/validate/completeness's to prove.
 */
function withoutCompletenessWarnings(stderr: string): string[] {
  return splitReport(stderr).lines.filter((line) => !/  warning: the policy does not state /.test(line));
}

describe.concurrent("files that are fine build", () => {
  it("a UTF-8 file with a byte order mark", async () => {
    const project = await copyOfBuilt();
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf]);
    const text = new TextEncoder().encode("languages: [ja]\norganization:\n  name: ちょうちん書房\n");
    await writeFile(path.join(project, "organizations", "chochin.yaml"), Uint8Array.from([...bom, ...text]));
    const result = await hoshin(["build", "--no-pdf"], { cwd: project });
    expect(withoutCompletenessWarnings(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    const page = await read(path.join(project, "_site"), "chochin/ja/index.html");
    expect(page).toContain(">ちょうちん書房<");
    expect(page).not.toContain("\ufeff");
  });

  it("a name with <script>alert(1)</script>: built, and shown escaped, never as a tag", async () => {
    const project = await copyOfBuilt();
    await writeFile(
      path.join(project, "organizations", "script.yaml"),
      'languages: [en, ja]\norganization:\n  name:\n    en: <script>alert(1)</script>\n    ja: "<img src=x onerror=alert(2)>"\n',
    );
    const result = await hoshin(["build", "--no-pdf"], { cwd: project });
    expect(withoutCompletenessWarnings(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    const site = path.join(project, "_site");
    const pages = (await htmlFiles(site)).filter((file) => file === "index.html" || file.startsWith("script/"));
    expect(pages).toEqual(["index.html", "script/en/index.html", "script/index.html", "script/ja/index.html"]);
    for (const file of pages) {
      const html = await read(site, file);
      expect(html, file).not.toMatch(/<script|<img/i);
      for (const tag of tags(html)) expect(Object.keys(tag.attributes), file).not.toContain("onerror");
    }
    expect(await read(site, "script/en/index.html")).toContain(">&lt;script&gt;alert(1)&lt;/script&gt;<");
    expect(await read(site, "script/ja/index.html")).toContain(">&lt;img src=x onerror=alert(2)&gt;<");
  });

  it("stray files (README.md, .DS_Store, notes.txt~, photo.png): built; only photo.png is mentioned, as a warning", async () => {
    const project = await copyOfBuilt();
    const organizations = path.join(project, "organizations");
    await writeFile(path.join(organizations, "README.md"), "# Our policies\n\nOne file per organization.\n");
    await writeFile(path.join(organizations, ".DS_Store"), Uint8Array.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
    await writeFile(path.join(organizations, "notes.txt~"), "draft\n");
    await writeFile(path.join(organizations, "photo.png"), await fixture("binary.yaml"));
    const result = await hoshin(["build", "--no-pdf"], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(STACK_LINE);
    const { lines } = splitReport(result.stderr);
    expect(lines).toEqual([
      "organizations/photo.png  -  warning: not an organization file, ignored (organization files end in .yaml, .yml, .json or .md)",
    ]);
    expect(result.stdout).toMatch(/^hoshin: built 3 organizations /);
    // The same site as before: the stray files added nothing and broke nothing.
    expect(await hashTree(path.join(project, "_site"))).toEqual(oldSite);
  });
});
