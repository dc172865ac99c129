/**
 * Turns AJV's errors into diagnostics a person can act on: one per real problem, placed
 * at the key or value in their file, worded in their terms (mapping, list, text), with
 * a hint where one helps.
 */
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDataPath, type DataPath, type SourceFile } from "../data/source.js";
import type { JsonSchema } from "./schema.js";
import { suggestionHint } from "./suggest.js";

type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

export function schemaDiagnostics(source: SourceFile, errors: AjvError[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of pickRelevantErrors(errors)) {
    const diagnostic = toDiagnostic(source, error);
    // allErrors can report one fault through two routes (e.g. a $ref'd branch); say it once.
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.path}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * For an `anyOf` that failed, AJV reports every branch's errors. Only the branch meant
 * for the kind of value the user wrote matters (a mapping → the mapping branch); if no
 * branch takes that kind of value, one "must be …" error replaces them all.
 */
function pickRelevantErrors(errors: AjvError[]): AjvError[] {
  const dropped = new Set<AjvError>();
  const anyOfErrors = errors
    .filter((e) => e.keyword === "anyOf")
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const anyOf of anyOfErrors) {
    if (dropped.has(anyOf)) continue;
    const branches = (anyOf.schema as JsonSchema[]) ?? [];
    const matching = branches.findIndex((branch) => typeMatches(branch, anyOf.data));
    for (const error of errors) {
      if (error === anyOf || !error.schemaPath.startsWith(`${anyOf.schemaPath}/`)) continue;
      if (!error.instancePath.startsWith(anyOf.instancePath)) continue;
      const branchIndex = Number(error.schemaPath.slice(anyOf.schemaPath.length + 1).split("/")[0]);
      if (branchIndex !== matching) dropped.add(error);
    }
    if (matching !== -1) dropped.add(anyOf);
  }
  return errors.filter((e) => !dropped.has(e));
}

function typeMatches(schema: JsonSchema, data: unknown): boolean {
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length === 0) return true;
  return types.includes(jsonType(data));
}

function jsonType(data: unknown): string {
  if (data === null) return "null";
  if (Array.isArray(data)) return "array";
  if (Number.isInteger(data)) return "integer";
  return typeof data;
}

const KIND_NAMES: Record<string, string> = {
  object: "a mapping (key: value)",
  array: "a list",
  string: "text",
  boolean: "true or false",
  number: "a number",
  integer: "a whole number",
  null: "empty",
};

function describeKind(type: string): string {
  return KIND_NAMES[type] ?? type;
}

function describeValue(data: unknown): string {
  if (typeof data === "string") return `\`${data.length > 40 ? `${data.slice(0, 40)}…` : data}\``;
  if (data === null) return "empty";
  return describeKind(jsonType(data) === "integer" ? "number" : jsonType(data));
}

function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function toDiagnostic(source: SourceFile, error: AjvError): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const parentSchema = (error.parentSchema ?? {}) as JsonSchema;
  const at = (target: DataPath, part: "key" | "value" = "value") => {
    const position = source.locate(target, part);
    return { file: source.file, line: position.line, column: position.column, path: formatDataPath(target) };
  };
  const base = { severity: "error" as const };

  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(parentSchema.properties ?? {});
      return {
        ...base,
        code: "schema-unknown-key",
        ...at([...path, key], "key"),
        message: `unknown key \`${key}\``,
        hint: suggestionHint(key, allowed),
      };
    }
    case "required": {
      const key = String(error.params.missingProperty);
      const description = parentSchema.properties?.[key]?.description;
      return {
        ...base,
        code: "schema-missing",
        ...at(path, path.length ? "key" : "value"),
        path: formatDataPath([...path, key]),
        message: `\`${key}\` is required${path.length ? ` in \`${formatDataPath(path)}\`` : ""}`,
        hint: description ? `add \`${key}:\` — ${firstSentence(description)}` : `add \`${key}:\``,
      };
    }
    case "type":
    case "anyOf": {
      const expected =
        error.keyword === "type"
          ? [String(error.params.type)].flatMap((t) => t.split(","))
          : ((error.schema as JsonSchema[]) ?? []).flatMap((branch) => [branch.type ?? []].flat());
      return {
        ...base,
        code: "schema-type",
        ...at(path),
        message: `must be ${expectedKinds(expected)}, not ${describeValue(error.data)}`,
        hint: exampleHint(parentSchema),
      };
    }
    case "enum": {
      const allowed = (parentSchema.enum ?? []).map(String);
      return {
        ...base,
        code: "schema-enum",
        ...at(path),
        message: `${describeValue(error.data)} is not an allowed value`,
        hint: suggestionHint(String(error.data), allowed),
      };
    }
    case "format": {
      const format = String(error.params.format);
      return {
        ...base,
        code: "schema-format",
        ...at(path),
        message: `${describeValue(error.data)} is not ${FORMAT_NAMES[format] ?? `a valid ${format}`}`,
        hint: FORMAT_HINTS[format] ?? exampleHint(parentSchema),
      };
    }
    case "pattern": {
      return {
        ...base,
        code: "schema-pattern",
        ...at(path),
        message: `${describeValue(error.data)} is not in the expected form`,
        hint: exampleHint(parentSchema) ?? (parentSchema.description ? firstSentence(parentSchema.description) : undefined),
      };
    }
    case "minItems":
    case "minLength":
    case "minProperties":
      return { ...base, code: "schema-empty", ...at(path), message: "must not be empty", hint: exampleHint(parentSchema) };
    case "maxItems":
      return {
        ...base,
        code: "schema-too-many",
        ...at(path),
        message: `has too many items (at most ${String(error.params.limit)})`,
      };
    case "maxLength":
      return {
        ...base,
        code: "schema-too-long",
        ...at(path),
        message: `is too long (${String((error.data as string).length)} characters; the limit is ${String(error.params.limit)})`,
        hint: "long text belongs in a custom section, or is a sign that something was pasted by mistake",
      };
    case "uniqueItems": {
      const index = Number(error.params.j);
      return {
        ...base,
        code: "schema-duplicate-item",
        ...at([...path, index]),
        message: `${describeValue((error.data as unknown[])[index])} is listed twice`,
        hint: "remove one of them",
      };
    }
    default:
      return { ...base, code: `schema-${error.keyword}`, ...at(path), message: error.message ?? "is not valid" };
  }
}

const FORMAT_NAMES: Record<string, string> = {
  date: "a date",
  email: "an email address",
  uri: "a web address",
};
const FORMAT_HINTS: Record<string, string> = {
  date: "write the date as YYYY-MM-DD, e.g. `2020-09-02`",
  email: "write it as name@example.org",
  uri: "write a full address starting with https://",
};

function expectedKinds(types: string[]): string {
  const unique = [...new Set(types)];
  // Text is the commonest union; name it as the user knows it.
  if (unique.length === 2 && unique.includes("string") && unique.includes("object")) {
    return "text (a string, or `ja:` and `en:` strings)";
  }
  if (unique.length === 2 && unique.includes("boolean") && unique.includes("object")) {
    return "`true`, `false`, or a mapping of this section's options";
  }
  return unique.map(describeKind).join(" or ");
}

function exampleHint(schema: JsonSchema): string | undefined {
  const example = schema.examples?.[0];
  if (example === undefined) return undefined;
  if (typeof example === "string") return `for example \`${example}\``;
  return `for example ${JSON.stringify(example)}`;
}

function firstSentence(text: string): string {
  const end = text.search(/[.:。](\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
