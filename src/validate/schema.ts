/** The organization JSON Schema, compiled once with AJV. */
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

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

let compiled: { schema: JsonSchema; validate: ValidateFunction } | undefined;

/** `hoshin dev` calls this when the schema file is saved: the next validation reads it again. */
export function forgetOrganizationSchema(): void {
  compiled = undefined;
}

export function organizationSchema(): { schema: JsonSchema; validate: ValidateFunction } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as JsonSchema;
    // verbose: errors carry the failing data and schema, which the messages quote.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false });
    addFormats(ajv, ["date", "email", "uri"]);
    ajv.addFormat("date-or-month", { type: "string", validate: isDateOrMonth });
    compiled = { schema, validate: ajv.compile(schema) };
  }
  return compiled;
}

/**
 * Policies state dates to the day (2020-09-02) or, now and then, only to the month
 * (“September 2020”); either must be a real calendar date, from 1868 on: the Japanese
 * era names the pages print begin with Meiji, and an earlier year is a typo in a policy.
 */
export const EARLIEST_YEAR = 1868;

export function isDateOrMonth(value: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? 1 : Number(match[3])];
  if (year < EARLIEST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
