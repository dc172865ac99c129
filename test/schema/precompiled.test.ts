/**
 * `npm run compile` has AJV write the schema's validator ahead of time (dist/validate/
 * organization-validator.cjs). It must be used when it matches the schema, and must judge
 * every file exactly as the validator AJV compiles at run time: same verdict, same errors in
 * the same order, with the same data and schema quoted (the messages are made from them).
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ValidateFunction } from "ajv";
import { organizationSchema as builtSchema } from "../../dist/validate/schema.js";
import { parseOrganizationText } from "../../src/parse/parse.js";
import { organizationAjv, validatorStamp, SCHEMA_FILE } from "../../src/validate/schema.js";
import { REPO } from "../helpers/site.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const FORMATS = { ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".md": "markdown" } as const;

/** Every organization file under test/fixtures and organizations/ that parses, with its data. */
function parsedFiles(): Array<{ file: string; data: unknown }> {
  const files = [
    ...readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).map((file) => path.join(FIXTURES, file)),
    ...readdirSync(path.join(REPO, "organizations")).map((file) => path.join(REPO, "organizations", file)),
  ];
  return files.flatMap((absolutePath) => {
    const format = FORMATS[path.extname(absolutePath) as keyof typeof FORMATS];
    if (!format) return [];
    const file = path.relative(REPO, absolutePath);
    const { source } = parseOrganizationText({ absolutePath, file, slug: "fixture", format }, readFileSync(absolutePath));
    return source ? [{ file, data: source.data }] : [];
  });
}

describe("the validator written ahead of time", () => {
  const schemaText = readFileSync(SCHEMA_FILE, "utf8");
  const written = createRequire(import.meta.url)("../../dist/validate/organization-validator.cjs") as ValidateFunction & { stamp: string };
  const compiled = organizationAjv().compile(JSON.parse(schemaText));

  it("is stamped with this schema and this AJV, and used by the built hoshin", () => {
    expect(written.stamp).toBe(validatorStamp(schemaText));
    expect(validatorStamp(`${schemaText} `)).not.toBe(written.stamp);
    expect(builtSchema().precompiled).toBe(true);
  });

  it("judges every fixture and example exactly as the validator compiled at run time", () => {
    const files = parsedFiles();
    expect(files.length).toBeGreaterThan(100);
    let invalid = 0;
    for (const { file, data } of files) {
      const verdict = written(data);
      expect(verdict, file).toBe(compiled(data));
      expect(written.errors ?? null, file).toEqual(compiled.errors ?? null);
      if (!verdict) invalid++;
    }
    // Enough of them fail, in enough ways, for the comparison to mean something.
    expect(invalid).toBeGreaterThan(20);
  });
});
