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

export function organizationSchema(): { schema: JsonSchema; validate: ValidateFunction } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as JsonSchema;
    // verbose: errors carry the failing data and schema, which the messages quote.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false });
    addFormats(ajv, ["date", "email", "uri"]);
    compiled = { schema, validate: ajv.compile(schema) };
  }
  return compiled;
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
