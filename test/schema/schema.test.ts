/**
 * The schema is the public contract and the clause library the law's words: these tests
 * keep them complete and in step with each other, and the README in step with both.
 */
import { readFileSync } from "node:fs";
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
  it("has every clause in both languages with its legal reference", () => {
    for (const [group, clauses] of Object.entries(clauseLibrary())) {
      for (const clause of clauses.values()) {
        expect(clause.ja, `${group}.${clause.id} ja`).toMatch(/\S/);
        expect(clause.en, `${group}.${clause.id} en`).toMatch(/\S/);
        expect(clause.ref ?? clause.useRef ?? clause.provisionRef, `${group}.${clause.id} reference`).toBeDefined();
      }
    }
  });

  it("is documented: the README lists every clause id", () => {
    const readme = readFileSync(path.join(REPO, "README.md"), "utf8");
    const undocumented = Object.values(clauseLibrary())
      .flatMap((clauses) => [...clauses.keys()])
      .filter((id) => !readme.includes(`\`${id}\``));
    expect(undocumented).toEqual([]);
  });
});
