/**
 * The quick read must give exactly what yaml gives, or step aside: every YAML text in the
 * repository (examples, fixtures, the archive, the scaffolds) and the cases where the two
 * parsers are known to part.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

import { LIMITS, YAML_OPTIONS } from "../../src/parse/parse.js";
import { quickYaml } from "../../src/parse/quick-yaml.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));

/** yaml's reading, as the full parse takes it: data only when there is no error or warning. */
function fullRead(text: string): { data?: unknown; problems: string[] } {
  const doc = parseDocument(text, YAML_OPTIONS);
  const problems = [...doc.errors, ...doc.warnings].map((problem) => problem.code);
  if (problems.length > 0) return { problems };
  try {
    return { data: doc.toJS({ maxAliasCount: LIMITS.maxAliases }), problems };
  } catch (error) {
    return { problems: [String(error)] };
  }
}

async function* yamlTexts(dir: string): AsyncGenerator<{ file: string; text: string }> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlTexts(file);
    else if (/\.ya?ml$/.test(entry.name)) yield { file, text: await readFile(file, "utf8") };
    else if (entry.name.endsWith(".md")) {
      const text = await readFile(file, "utf8");
      if (text.startsWith("---")) yield { file, text: matter(text, { engines: { yaml: () => ({}) } }).matter };
    }
  }
}

describe("quickYaml", () => {
  it("reads every YAML text in the repository as yaml does, or leaves it to yaml", async () => {
    let read = 0;
    let left = 0;
    for (const folder of ["organizations", "archive", "test/fixtures", "templates"]) {
      for await (const { file, text } of yamlTexts(path.join(repo, folder))) {
        const quick = quickYaml(text, LIMITS);
        if (quick === undefined) {
          left++;
          continue;
        }
        read++;
        const full = fullRead(text);
        expect(full.problems, file).toEqual([]);
        expect(quick, file).toEqual(full.data);
      }
    }
    // Most files take the quick way: the test would prove nothing if none did.
    expect(read).toBeGreaterThan(50);
    expect(left).toBeGreaterThan(0);
  });

  it("takes every example organization", async () => {
    for await (const { file, text } of yamlTexts(path.join(repo, "organizations"))) {
      expect(quickYaml(text, LIMITS), file).toBeDefined();
    }
  });

  const alike: Record<string, string> = {
    "numbers of the core schema": "a: 017\nb: 0o17\nc: 0x1F\nd: +12\ne: .5\nf: 1.\ng: 1e3\nh: -0.5E-2\n",
    "what the core schema leaves as text": "a: 1_000\nb: 0b101\nc: +0x1\nd: yes\ne: 2024-01-01\nf: 0o8\ng: 12e\n",
    "booleans and nulls": "a: true\nb: False\nc: ~\nd: null\ne:\n",
    "keys that are numbers or booleans": "1.0: a\n0x10: b\ntrue: c\n",
    "block scalars": "a: |\n  x\n\n  y\nb: >-\n  x\n\n   y\n  z\nc: |+\n  keep\n\n",
    "Windows line ends": "a: |\r\n  x\r\n  y\r\nb: c\r\n",
    "a byte order mark": "\uFEFFa: b\n",
    "quoted strings and escapes": "a: 'it''s'\nb: \"\\t\\u00e9\\x41\\U0001F600\"\nc: \"x\\\n  y\"\nd: 'x\n  y'\n",
    "aliases to a scalar and to a collection": "a: &s x\nb: *s\nc: &m [1, 2]\nd: *m\n",
    "flow collections with trailing commas": "a: [1, 2,]\nb: {c: 1,}\n",
    "merge keys stay keys": "<<: {b: 1}\n",
    "a document end marker": "a: b\n...\n",
    "Japanese text": "名前: 一般社団法人\u3000テスト\nnote: 「個人情報」の保護（第1条）\n",
  };
  for (const [name, text] of Object.entries(alike)) {
    it(`reads ${name} as yaml does`, () => {
      const quick = quickYaml(text, LIMITS);
      expect(quick).toBeDefined();
      expect(quick).toEqual(fullRead(text).data);
    });
  }

  const parting: Record<string, string> = {
    "a null key (yaml names it \"\", js-yaml \"null\")": "~: a\n",
    "an empty key": "outer:\n  : a\n",
    "a directive (yaml 1.1 reads `yes` as true)": "%YAML 1.1\n---\na: yes\n",
    "an explicit tag yaml does not resolve the same way": "a: !!float 1\n",
    "a local tag (yaml warns)": "a: !local x\n",
    "an anchor ending in a colon (yaml warns)": "a: &x: b\n",
    "aliases inside an anchored collection (yaml weighs them)": "a: &s x\nb: &m [*s, *s]\nc: [*m, *m]\n",
    "a complex key": "? [a, b]\n: c\n",
    "a duplicate key": "a: 1\na: 2\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "a list at the top": "- a\n",
    "a scalar at the top": "just text\n",
    "nothing but a comment": "# empty\n",
    "an alias with no anchor": "a: *nope\n",
    "a syntax error": "a: [1\n",
  };
  for (const [name, text] of Object.entries(parting)) {
    it(`leaves ${name} to yaml`, () => {
      expect(quickYaml(text, LIMITS)).toBeUndefined();
    });
  }

  it("leaves more aliases than the limit to yaml, and takes as many as the limit", () => {
    const aliases = (count: number) => `a: &x 1\nb: [${Array.from({ length: count }, () => "*x").join(", ")}]\n`;
    expect(quickYaml(aliases(LIMITS.maxAliases), LIMITS)).toBeDefined();
    expect(quickYaml(aliases(LIMITS.maxAliases + 1), LIMITS)).toBeUndefined();
  });
});
