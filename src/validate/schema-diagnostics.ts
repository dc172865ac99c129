/**
 * Turns AJV's errors into diagnostics a person can act on: one per real problem, placed
 * at the key or value in their file, worded in their terms (mapping, list, text), with
 * a hint where one helps.
 */
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDataPath, oneLine, type DataPath, type SourceFile } from "../parse/parse.js";
import { LANGUAGE_TAG } from "../model/policy.js";
import { EARLIEST_YEAR, organizationSchema, resolveRef, type JsonSchema } from "./schema.js";
import { closestMatch, suggestionHint } from "../diagnostics/suggest.js";
import { isCatalogueIdPath, unknownCatalogueId } from "./external-transmission.js";

type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

export function schemaDiagnostics(source: SourceFile, errors: AjvError[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of dropMisspelledRequired(dropRestatements(pickRelevantErrors(errors)))) {
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
  const types = acceptedTypes(schema);
  if (types.length === 0) return true;
  const type = jsonType(data);
  return types.includes(type) || (type === "integer" && types.includes("number"));
}

/**
 * The types a schema takes, through `$ref`s and nested `anyOf`s: a branch that is only
 * `{ $ref: text }` takes a string or a mapping, not anything at all.
 */
function acceptedTypes(schema: JsonSchema): string[] {
  const resolved = resolveRef(organizationSchema().schema, schema);
  if (resolved.anyOf) return resolved.anyOf.flatMap(acceptedTypes);
  return [resolved.type ?? []].flat();
}

/**
 * Some errors only restate another at the same value: an enum fails because the type is
 * already wrong (`kind: 1`), a pattern because the format already is (`2020/9/2` is not a
 * date, so of course not YYYY-MM-DD). The more telling one is kept.
 */
function dropRestatements(errors: AjvError[]): AjvError[] {
  // A value of the wrong kind fails each type check on its way down (`internalRules: 1`
  // fails the $ref'd text union inside its own anyOf, under another schema path). AJV
  // reports the outermost last, and that one names every kind the value may be.
  const outermostType = new Map<string, AjvError>();
  for (const e of errors) if (e.keyword === "type" || e.keyword === "anyOf") outermostType.set(e.instancePath, e);
  // An empty text fails "not blank" (`\S`) too; "must not be empty" says it better.
  const wrongFormat = new Set(
    errors.filter((e) => e.keyword === "format" || e.keyword === "minLength").map((e) => e.instancePath),
  );
  return errors.filter((e) => {
    if (e.keyword === "type" || e.keyword === "anyOf") return outermostType.get(e.instancePath) === e;
    if (e.keyword === "enum") return !outermostType.has(e.instancePath);
    if (e.keyword === "pattern") return !wrongFormat.has(e.instancePath);
    return true;
  });
}

/**
 * `opens:` where `open:` is required fails twice: as an unknown key and as a missing one.
 * The unknown key's "did you mean `open`?" already names the fix, so the missing key is
 * not reported again.
 */
function dropMisspelledRequired(errors: AjvError[]): AjvError[] {
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== "additionalProperties") continue;
    const allowed = Object.keys(((error.parentSchema ?? {}) as JsonSchema).properties ?? {});
    const match = closestMatch(String(error.params.additionalProperty), allowed);
    if (match) misspelt.add(`${error.instancePath}/${match}`);
  }
  return errors.filter(
    (e) => e.keyword !== "required" || !misspelt.has(`${e.instancePath}/${String(e.params.missingProperty)}`),
  );
}

function jsonType(data: unknown): string {
  if (data === null) return "null";
  if (Array.isArray(data)) return "array";
  if (Number.isInteger(data)) return "integer";
  return typeof data;
}

const KIND_NAMES: Record<string, string> = {
  text: "text (a string, or `ja:` and `en:` strings)",
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
  if (typeof data === "string") {
    // A diagnostic is one line: a line break in the value is shown, not made.
    const chars = [...oneLine(data)];
    return `\`${chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : chars.join("")}\``;
  }
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
        message: `unknown key \`${oneLine(key)}\``,
        // `leakResponse` and the like take no options, and "allowed: " with nothing after it helps no one.
        hint: allowed.length
          ? suggestionHint(key, allowed)
          : `\`${formatDataPath(path)}\` has no options: write \`${formatDataPath(path)}: true\` to include the section`,
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
          : anyOfKinds((error.schema as JsonSchema[]) ?? []);
      return {
        ...base,
        code: "schema-type",
        ...at(path),
        message: `must be ${expectedKinds(expected)}, not ${describeValue(error.data)}`,
        hint: typeHint(source, expected, error.data, parentSchema),
      };
    }
    case "enum": {
      const allowed = (parentSchema.enum ?? []).map(String);
      if (isCatalogueIdPath(path) && typeof error.data === "string") {
        return { ...base, code: "external-transmission-unknown", ...at(path), ...unknownCatalogueId(error.data, allowed) };
      }
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
      const early = format.startsWith("date") && typeof error.data === "string" ? /^(\d{4})-/.exec(error.data) : null;
      if (early && Number(early[1]) < EARLIEST_YEAR) {
        return {
          ...base,
          code: "schema-format",
          ...at(path),
          message: `${describeValue(error.data)} is before ${EARLIEST_YEAR}`,
          hint: `check the year: a policy's dates are from ${EARLIEST_YEAR} (Meiji 1) on, as its Japanese era dates are`,
        };
      }
      const impossible = format.startsWith("date") && typeof error.data === "string" ? impossibleDate(error.data) : undefined;
      if (impossible) {
        return {
          ...base,
          code: "schema-format",
          ...at(path),
          message: `${describeValue(error.data)} is not a real date`,
          hint: impossible,
        };
      }
      return {
        ...base,
        code: "schema-format",
        ...at(path),
        message: `${describeValue(error.data)} is not ${FORMAT_NAMES[format] ?? `a valid ${format}`}`,
        hint: FORMAT_HINTS[format] ?? exampleHint(parentSchema),
      };
    }
    case "pattern": {
      const form = PATTERN_FORMS[String(error.params.pattern)];
      return {
        ...base,
        code: "schema-pattern",
        ...at(path),
        message: `${describeValue(error.data)} ${form?.problem ?? "is not in the expected form"}`,
        hint:
          form?.hint ??
          exampleHint(parentSchema) ??
          (parentSchema.description ? firstSentence(parentSchema.description) : undefined),
      };
    }
    case "minItems":
    case "minLength":
    case "minProperties":
      return {
        ...base,
        code: "schema-empty",
        ...at(path),
        message: "must not be empty",
        hint: exampleHint(parentSchema) ?? EMPTY_HINTS[error.keyword],
      };
    case "maxItems":
      return {
        ...base,
        code: "schema-too-many",
        ...at(path),
        message: `has too many items (at most ${String(error.params.limit)})`,
        hint: exampleHint(parentSchema),
      };
    case "maxLength":
      return {
        ...base,
        code: "schema-too-long",
        ...at(path),
        // Counted as AJV counts (characters, not UTF-16 units), so the number agrees with the limit.
        message: `is too long (${String([...(error.data as string)].length)} characters; the limit is ${String(error.params.limit)})`,
        // Not "move it to a custom section": a custom section's text has the same limit.
        hint: "shorten it, and check that nothing was pasted twice",
      };
    case "uniqueItems": {
      // Which of i and j is the later item depends on AJV's loop (scalar or $ref'd items);
      // the later one is the repeat.
      const index = Math.max(Number(error.params.i), Number(error.params.j));
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
  "date-or-month": "a date",
  email: "an email address",
  uri: "a web address",
};
const FORMAT_HINTS: Record<string, string> = {
  date: "write the date as YYYY-MM-DD, e.g. `2020-09-02`",
  // No parentheses inside: the hint itself is shown in parentheses.
  "date-or-month": "write the date as YYYY-MM-DD, e.g. `2020-09-02`, or as YYYY-MM when only the month is known",
  email: "write it as name@example.org",
  uri: "write a full address starting with https://",
};

/** What each pattern in the schema asks for, in words (test/validate checks none is missing). */
export const PATTERN_FORMS: Readonly<Record<string, { problem: string; hint: string }>> = {
  "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$": {
    problem: "is not a language tag",
    hint: "write the language's BCP 47 tag: `ja`, `en`, `zh-Hans`, `pt-BR` (docs/languages.md)",
  },
  "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$": {
    problem: "is not a time in HH:MM form",
    hint: "write the hour with two digits, on the 24-hour clock: `09:00`, `18:30`",
  },
  "^[0-9]{3}-[0-9]{4}$": {
    problem: "is not a postal code in NNN-NNNN form",
    hint: "for example `107-0052`",
  },
  "^\\+?[0-9][0-9 ()-]{4,20}$": {
    problem: "is not a telephone number",
    hint: "use only digits, hyphens, spaces and brackets, e.g. `03-6277-6166`; anything else goes in `note`",
  },
  "^[a-z0-9]+(-[a-z0-9]+)*$": {
    problem: "is not a valid id",
    hint: "use lower-case letters, digits and hyphens, e.g. `privacy-desk`",
  },
  "^https?://": {
    problem: "does not start with http:// or https://",
    hint: "write the full web address, e.g. `https://example.org/contact/`",
  },
  "^\\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$": {
    problem: "is not a host name",
    hint: "write the host alone, in lower case, e.g. `chat.example.com`, or `.example.com` for every host under it",
  },
  "\\S": {
    problem: "is blank",
    hint: "say why the finding does not apply to the organization",
  },
};

const EMPTY_HINTS: Record<string, string> = {
  minItems: "add at least one item",
  minLength: "write the text",
  minProperties: "write the text under it, once per language: `ja: …`",
};

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Why a date in the right shape does not exist (`2020-13-01`, `2020-02-30`); undefined
 * when the shape itself is wrong, for which the general date hint says what to write.
 */
function impossibleDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
  if (month < 1 || month > 12) return `there is no month ${month}; write year, month, day: YYYY-MM-DD`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1) return "there is no day 0; write year, month, day: YYYY-MM-DD";
  if (day > days) return `${MONTH_NAMES[month - 1] ?? month} ${year} has ${days} days`;
  return undefined;
}

/**
 * What an `anyOf` takes, in the user's terms. The ja/en union is one kind, "text", and only
 * it is: `{ text: … }` exception items are a string or a mapping too, but not ja/en text.
 */
function anyOfKinds(branches: JsonSchema[]): string[] {
  if (isTextUnion(branches)) return ["text"];
  return branches.flatMap((branch) => {
    const resolved = resolveRef(organizationSchema().schema, branch);
    return resolved.anyOf ? anyOfKinds(resolved.anyOf) : [resolved.type ?? []].flat();
  });
}

/** The text definition's shape: a string, or a mapping whose keys are languages. */
function isTextUnion(branches: JsonSchema[]): boolean {
  const keys = Object.keys(branches.find((b) => b.type === "object")?.properties ?? {});
  return (
    branches.some((b) => b.type === "string") &&
    keys.length > 0 &&
    keys.every((key) => LANGUAGE_TAG.test(key))
  );
}

function expectedKinds(kinds: string[]): string {
  const unique = [...new Set(kinds)];
  if (unique.length === 2 && unique.includes("boolean") && unique.includes("object")) {
    return "`true`, `false`, or a mapping of this section's options";
  }
  const names = unique.map(describeKind);
  // "true or false or text" runs together; a comma keeps the alternatives apart.
  return names.join(names.some((name) => name.includes(" or ")) ? ", or " : " or ");
}

/** The likeliest fix for a value of the wrong kind, else the schema's example. */
function typeHint(source: SourceFile, kinds: string[], data: unknown, schema: JsonSchema): string | undefined {
  if (kinds.includes("boolean") && kinds.includes("object")) {
    return "write `true`, without quotes, to include this section, or `false` to leave it out";
  }
  // `title: 2024` is text to the writer and a number to YAML.
  if (kinds.includes("text") && (typeof data === "number" || typeof data === "boolean")) {
    return `put it in quotes if it is meant as text: \`"${String(data)}"\``;
  }
  if (kinds.length === 1 && kinds[0] === "object" && Array.isArray(data)) {
    return source.format === "json"
      ? "write it with { } rather than [ ]"
      : "write its keys directly under it, without `-` in front";
  }
  return exampleHint(schema);
}

function exampleHint(schema: JsonSchema): string | undefined {
  const example = schema.examples?.[0];
  if (example === undefined) return undefined;
  if (typeof example === "string") return `for example \`${example}\``;
  return `for example ${JSON.stringify(example)}`;
}

/** Up to the first full stop: not a colon (the rest is the point), nor "Art." or "e.g.". */
function firstSentence(text: string): string {
  const end = text.search(/(?<!\bArt|\be\.g|\bi\.e)[.。](\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
