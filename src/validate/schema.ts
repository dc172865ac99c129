/**
 * The organization JSON Schema and its validator. The validator is the one AJV wrote ahead
 * of time (`npm run compile`, see precompile.ts) when it was written from this very schema
 * by this version of AJV: compiling the schema costs about half a second of CPU in every
 * thread that validates. Otherwise (a schema being edited, a build without the step) AJV
 * compiles it here, with the same options and formats.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv, ErrorObject, Options, ValidateFunction } from "ajv";
import { organizationFormats } from "./formats.cjs";

export { EARLIEST_YEAR, isDateOrMonth } from "./formats.cjs";

const require = createRequire(import.meta.url);

export const SCHEMA_FILE = new URL("../../schemas/organization.schema.json", import.meta.url);

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  required?: string[];
  description?: string;
  examples?: unknown[];
  definitions?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
};

/** Beside this module in dist/; written by precompile.ts, required by name (CommonJS). */
export const PRECOMPILED_VALIDATOR = "./organization-validator.cjs";

// verbose: errors carry the failing data and schema, which the messages quote.
// Text names its languages both ways: the shipped tags as properties (an editor completes them), any tag by pattern.
const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, strictTypes: false, allowMatchingProperties: true };

/** AJV set up for the organization schema; `standalone` for code written to a file. */
export function organizationAjv({ standalone = false } = {}): Ajv {
  // Required here, not imported: with the validator written ahead of time, AJV's compiler
  // is never loaded.
  const { Ajv } = require("ajv") as typeof import("ajv");
  const ajv = new Ajv(standalone ? { ...AJV_OPTIONS, code: { source: true, formats: standaloneFormats() } } : AJV_OPTIONS);
  for (const [name, format] of Object.entries(organizationFormats)) ajv.addFormat(name, format);
  return ajv;
}

/** The code by which a written validator finds the formats: the CommonJS file beside it. */
function standaloneFormats() {
  // Loaded only for writing: `_` is AJV's tagged template for code.
  const { _ } = require("ajv") as typeof import("ajv");
  return _`require("./formats.cjs").organizationFormats`;
}

/** What a written validator must have been written from: this schema text and this AJV. */
export function validatorStamp(schemaText: string): string {
  const ajvVersion = (require("ajv/package.json") as { version: string }).version;
  return createHash("sha256").update(`ajv ${ajvVersion}\n`).update(schemaText).digest("hex");
}

type Compiled = { schema: JsonSchema; validate: ValidateFunction; precompiled: boolean };
let compiled: Compiled | undefined;

/** `hoshin dev` calls this when the schema file is saved: the next validation reads it again. */
export function forgetOrganizationSchema(): void {
  compiled = undefined;
}

export function organizationSchema(): Compiled {
  if (!compiled) {
    const text = readFileSync(SCHEMA_FILE, "utf8");
    const schema = JSON.parse(text) as JsonSchema;
    const written = precompiledValidator(validatorStamp(text));
    compiled = written
      ? { schema, validate: written, precompiled: true }
      : { schema, validate: organizationAjv().compile(schema), precompiled: false };
  }
  return compiled;
}

/** The validator written ahead of time, if it was written from this schema and this AJV. */
function precompiledValidator(stamp: string): ValidateFunction | undefined {
  let written: ValidateFunction & { stamp?: string };
  try {
    written = require(PRECOMPILED_VALIDATOR) as typeof written;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return undefined;
    throw error;
  }
  return written.stamp === stamp ? written : undefined;
}

export function schemaErrors(data: unknown): ErrorObject[] {
  const { validate } = organizationSchema();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** Follows a local `$ref` (`#/definitions/text`) to the schema it names. */
export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  if (!schema.$ref?.startsWith("#/")) return schema;
  let target: unknown = root;
  for (const part of schema.$ref.slice(2).split("/")) {
    target = (target as Record<string, unknown>)[part];
  }
  return { ...(target as JsonSchema), ...schema, $ref: undefined };
}
