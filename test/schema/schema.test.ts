/**
 * The schema is the public contract and the clause library the law's words: these tests
 * keep them complete and in step with each other, and the README in step with both.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clauseLibrary } from "../../src/clauses/library.js";
import { organizationSchema, type JsonSchema } from "../../src/validate/schema.js";
import { REPO } from "../helpers/site.js";

const { schema } = organizationSchema();

function propertiesWithoutDescription(node: JsonSchema, at: string): string[] {
  const missing: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const where = at ? `${at}.${key}` : key;
    if (!child.description) missing.push(where);
    missing.push(...propertiesWithoutDescription(child, where));
  }
  if (node.items) missing.push(...propertiesWithoutDescription(node.items, `${at}[]`));
  for (const branch of node.anyOf ?? []) missing.push(...propertiesWithoutDescription(branch, at));
  for (const [name, definition] of Object.entries(node.definitions ?? {})) {
    missing.push(...propertiesWithoutDescription(definition, `#${name}`));
  }
  return missing;
}

/** Every description in the schema, by where it is: properties, items, branches, definitions. */
function descriptions(node: JsonSchema, at: string): Array<[string, string | undefined]> {
  const found: Array<[string, string | undefined]> = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const where = at ? `${at}.${key}` : key;
    found.push([where, child.description], ...descriptions(child, where));
  }
  if (node.items) found.push(...descriptions(node.items, `${at}[]`));
  for (const branch of node.anyOf ?? []) found.push(...descriptions(branch, at));
  for (const [name, definition] of Object.entries(node.definitions ?? {})) {
    found.push([`#${name}`, definition.description], ...descriptions(definition, `#${name}`));
  }
  return found;
}

/** English first, a blank line, then Japanese: what editors show on hover. */
const BILINGUAL = /^[^\n]*[A-Za-z][^\n]*\n\n[^\n]*[\u3040-\u30ff\u4e00-\u9fff][^\n]*$/;

const enumOf = (node: JsonSchema | undefined) => (node?.enum ?? []).map(String).sort();
const exceptionEnum = (section: string) =>
  enumOf(schema.properties?.[section]?.properties?.exceptions?.items?.anyOf?.[0]);

describe("organization schema", () => {
  it("is draft-07 with a stable $id", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toBe("https://hoshin.dev/schemas/organization/v1.json");
  });

  it("describes every property, for editors' autocompletion", () => {
    expect(propertiesWithoutDescription(schema, "")).toEqual([]);
  });

  it("describes every property in English and then in Japanese", () => {
    const notBilingual = [["(root)", schema.description] as [string, string | undefined], ...descriptions(schema, "")]
      .filter(([, description]) => !BILINGUAL.test(description ?? ""))
      .map(([where]) => where);
    expect(notBilingual).toEqual([]);
  });

  it("is what .vscode/settings.json gives organization files in the editor", () => {
    const settings = JSON.parse(readFileSync(path.join(REPO, ".vscode", "settings.json"), "utf8")) as {
      "json.schemas": Array<{ fileMatch: string[]; url: string }>;
      "yaml.schemas": Record<string, string[]>;
    };
    const schemaPath = "./schemas/organization.schema.json";
    expect(settings["json.schemas"]).toContainEqual({ fileMatch: ["organizations/*.json"], url: schemaPath });
    expect(settings["yaml.schemas"][schemaPath]).toEqual(["organizations/*.yaml", "organizations/*.yml"]);
    expect(existsSync(path.join(REPO, schemaPath))).toBe(true);
  });

  it("offers exactly the library's clause ids in each place they can be chosen", () => {
    const library = clauseLibrary();
    const ids = (group: keyof typeof library, has?: "useRef" | "provisionRef") =>
      [...library[group].values()].filter((c) => !has || c[has]).map((c) => c.id).sort();
    expect(exceptionEnum("useBeyondPurpose")).toEqual(ids("exceptions", "useRef"));
    expect(exceptionEnum("thirdPartyProvision")).toEqual(ids("exceptions", "provisionRef"));
    expect(enumOf(schema.properties?.outsourcing?.properties?.contractTerms?.items)).toEqual(ids("contractTerms"));
    expect(enumOf(schema.properties?.requests?.properties?.kinds?.items)).toEqual(ids("requestKinds"));
  });
});

describe("clause library", () => {
  it("has every clause in both languages with its legal reference, and every law named with its source", () => {
    for (const [group, clauses] of Object.entries(clauseLibrary())) {
      for (const clause of clauses.values()) {
        expect(clause.ja, `${group}.${clause.id} ja`).toMatch(/\S/);
        expect(clause.en, `${group}.${clause.id} en`).toMatch(/\S/);
        if (group === "laws") {
          expect(clause.source?.url, `${group}.${clause.id} source`).toMatch(/^https:\/\//);
          expect(clause.source?.checked, `${group}.${clause.id} checked`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          continue;
        }
        // An APPI article, or, for a clause that rests on another law or a guideline, that law in both languages.
        const cite = clause.ref ?? clause.useRef ?? clause.provisionRef ?? (clause.cite?.ja && clause.cite.en);
        expect(cite, `${group}.${clause.id} reference`).toBeTruthy();
      }
    }
  });

  it("names in the schema exactly the laws of the library", () => {
    const laws = schema.properties?.compliance?.properties?.laws?.items?.enum;
    expect(laws).toEqual([...clauseLibrary().laws.keys()]);
  });

  it("is documented: docs/data.md lists every clause id", () => {
    const readme = readFileSync(path.join(REPO, "docs", "data.md"), "utf8");
    const undocumented = Object.values(clauseLibrary())
      .flatMap((clauses) => [...clauses.keys()])
      .filter((id) => !readme.includes(`\`${id}\``));
    expect(undocumented).toEqual([]);
  });
});
