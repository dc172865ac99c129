/**
 * Checks JSON Schema cannot express: relations between values (times, dates, ids that
 * point at each other), and text languages against the declared ones. They read only the
 * parts that are well-formed; the schema check reports the rest.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { formatDataPath, oneLine, type DataPath, type SourceFile } from "../parse/parse.js";
import { splitMarkdownBody } from "../parse/parse.js";
import { clauseLibrary } from "../clauses/library.js";
import { LANGUAGE_TAG, type Lang } from "../model/policy.js";
import { hasWording, knownLanguages } from "../wording/wording.js";
import { checkAuthoritative, checkLanguageTags, languageList } from "./languages.js";
import { isDateOrMonth, resolveRef, type JsonSchema } from "./schema.js";
import { isBlank } from "./blank.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { externalTransmissionDiagnostics } from "./external-transmission.js";
import { requestDiagnostics } from "./requests.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isString = (value: unknown): value is string => typeof value === "string";

export function semanticDiagnostics(source: SourceFile, schema: JsonSchema): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (code, path, message, hint, options = {}) => {
    const { line, column } = source.locate(path, options.part ?? "value");
    const severity = options.severity ?? "error";
    diagnostics.push({ code, severity, file: source.file, line, column, path: formatDataPath(path), message, hint });
  };
  const data = source.data;
  if (!isObject(data)) return diagnostics;

  // A repeated language is the schema's to report; here it would only repeat itself ("ja and en and ja").
  checkLanguageTags(data.languages, data.authoritative, report);
  const languages = [...new Set(asArray(data.languages).filter(isLang))];
  if (languages.length > 0) {
    checkAuthoritative(data.authoritative, languages, report);
    checkTextLanguages(schema, data, languages, report);
    checkBody(source, languages, diagnostics);
  }
  checkHours(data, report);
  checkRevisions(data, report);
  checkContactReferences(data, report, (path) => source.locate(path).line);
  checkBooleanWords(data, report);
  checkPurposes(data, report);
  checkClauses(data, report);
  checkCustomSectionPlacement(data, report);
  checkControlCharacters(source, data, report, diagnostics);
  diagnostics.push(...externalTransmissionDiagnostics(source, languages));
  diagnostics.push(...requestDiagnostics(source));
  return diagnostics;
}

const isLang = (value: unknown): value is Lang => typeof value === "string" && hasWording(value);

type Report = (
  code: string,
  path: DataPath,
  message: string,
  hint?: string,
  options?: { part?: "key" | "value"; severity?: Severity },
) => void;

/** Every piece of user text must exist in every declared language, and in no other. */
function checkTextLanguages(root: JsonSchema, data: Json, languages: Lang[], report: Report): void {
  const visit = (schema: JsonSchema, value: unknown, path: DataPath): void => {
    if (schema.$ref === "#/definitions/text") {
      checkText(value, path);
      return;
    }
    const resolved = resolveRef(root, schema);
    if (resolved.anyOf) {
      const branch = resolved.anyOf.find((b) => matchesType(resolveRef(root, b), value));
      if (branch) visit(branch, value, path);
      return;
    }
    if (isObject(value) && resolved.properties) {
      for (const [key, child] of Object.entries(value)) {
        const childSchema = resolved.properties[key];
        if (childSchema) visit(childSchema, child, [...path, key]);
      }
    } else if (Array.isArray(value) && resolved.items) {
      value.forEach((item, index) => visit(resolved.items as JsonSchema, item, [...path, index]));
    }
  };

  const checkText = (value: unknown, path: DataPath) => {
    if (isString(value)) {
      if (languages.length > 1) {
        report(
          "text-not-localized",
          path,
          `plain text, but the policy is published in ${languageList(languages)}`,
          `write it once per language: ${languages.map((l) => `\`${l}: …\``).join(" and ")}`,
        );
      }
      return;
    }
    if (!isObject(value)) return;
    for (const lang of Object.keys(value)) {
      // A key not shaped like a language tag is the schema's to report.
      if (!LANGUAGE_TAG.test(lang)) continue;
      if (!hasWording(lang)) {
        report(
          "language-unknown",
          [...path, lang],
          `text in \`${lang}\`, a language hoshin has no wording for`,
          `remove this text, or add the language as data (docs/languages.md); hoshin words pages in ${knownLanguages().join(", ")}`,
          { part: "key" },
        );
      } else if (!languages.includes(lang)) {
        report(
          "language-undeclared",
          [...path, lang],
          `text in \`${lang}\`, but \`languages\` does not include \`${lang}\``,
          `add \`${lang}\` to \`languages\`, or remove this text`,
          { part: "key" },
        );
      }
    }
    for (const lang of languages) {
      if (!(lang in value)) {
        report(
          "language-missing",
          path,
          `the \`${lang}\` text is missing`,
          `add \`${lang}: …\` — the policy is published in ${languageList(languages)}`,
          { part: "key" },
        );
      }
    }
  };

  visit(root, data, []);
}

function matchesType(schema: JsonSchema, value: unknown): boolean {
  const types = [schema.type ?? []].flat();
  if (types.length === 0) return true;
  const actual = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  return types.includes(actual);
}

function checkBody(source: SourceFile, languages: Lang[], diagnostics: Diagnostic[]): void {
  if (!source.body) return;
  for (const problem of splitMarkdownBody(source.body, languages).problems) {
    diagnostics.push({
      code: problem.code,
      severity: "error",
      file: source.file,
      line: problem.line,
      column: 1,
      path: "(body)",
      message: problem.message,
      hint: problem.hint,
    });
  }
}

const minutes = (time: string) => {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

function checkHours(data: Json, report: Report): void {
  asArray(data.contacts).forEach((contact, index) => {
    if (!isObject(contact) || !isObject(contact.hours)) return;
    const { open, close } = contact.hours;
    if (!isString(open) || !isString(close) || !TIME.test(open) || !TIME.test(close)) return;
    if (minutes(close) <= minutes(open)) {
      report(
        "hours-order",
        ["contacts", index, "hours", "close"],
        `closing time ${close} is not after opening time ${open}`,
        "use the 24-hour clock: 6 p.m. is 18:00",
      );
    }
  });
}

/**
 * Only real dates are compared: `2020-13-01` is the schema check's to report. Full dates
 * and month-only dates compare correctly as strings: 2020-09 < 2020-09-15.
 */
const isDate = (value: unknown): value is string => isString(value) && isDateOrMonth(value);

function checkRevisions(data: Json, report: Report): void {
  if (!isObject(data.policy)) return;
  const enacted = isDate(data.policy.enacted) ? data.policy.enacted : undefined;
  let previous: { date: string; index: number } | undefined;
  asArray(data.policy.revisions).forEach((revision, index) => {
    if (!isObject(revision) || !isDate(revision.date)) return;
    const path = ["policy", "revisions", index, "date"];
    if (enacted && revision.date <= enacted) {
      report(
        "revision-before-enactment",
        path,
        `revision date ${revision.date} is not after the enactment date ${enacted}`,
        "a revision comes after the policy was enacted; check both dates",
      );
    } else if (previous && revision.date <= previous.date) {
      report(
        "revision-order",
        path,
        `revision date ${revision.date} is not after the revision before it (${previous.date})`,
        "list revisions oldest first, one per date",
      );
    }
    previous = { date: revision.date, index };
  });
}

function checkContactReferences(data: Json, report: Report, lineOf: (path: DataPath) => number): void {
  const ids = new Map<string, number>();
  asArray(data.contacts).forEach((contact, index) => {
    if (!isObject(contact) || !isString(contact.id)) return;
    if (ids.has(contact.id)) {
      report(
        "contact-id-duplicate",
        ["contacts", index, "id"],
        `contact id \`${oneLine(contact.id)}\` is already used by the contact point on line ${lineOf(["contacts", ids.get(contact.id) ?? 0])}`,
        "give each contact point its own id",
      );
    } else {
      ids.set(contact.id, index);
    }
  });
  for (const section of ["requests", "complaints"]) {
    const value = data[section];
    if (!isObject(value) || !isString(value.contact)) continue;
    if (!ids.has(value.contact)) {
      const known = [...ids.keys()];
      report(
        "contact-unknown",
        [section, "contact"],
        `no contact point has the id \`${oneLine(value.contact)}\``,
        known.length
          ? suggestionHint(value.contact, known)
          : "give the contact point an `id:` under `contacts`, and use that id here",
      );
    }
  }
}

function checkPurposes(data: Json, report: Report): void {
  const purposes = data.purposes;
  if (!isObject(purposes)) return;
  if ("list" in purposes && "groups" in purposes) {
    report(
      "purposes-both",
      ["purposes", "groups"],
      "purposes have both `list` and `groups`",
      "use `list` for one flat list, or `groups` to divide purposes by kind of person — not both",
      { part: "key" },
    );
  } else if (!("list" in purposes) && !("groups" in purposes)) {
    report("purposes-missing", ["purposes"], "purposes have neither `list` nor `groups`", "add `list:` with the purposes of use", {
      part: "key",
    });
  }
}

function checkClauses(data: Json, report: Report): void {
  const library = clauseLibrary().exceptions;
  const academic = isObject(data.organization) && isString(data.organization.academicResearch);
  for (const section of ["useBeyondPurpose", "thirdPartyProvision"]) {
    const value = data[section];
    if (!isObject(value)) continue;
    const seen = new Set<string>();
    asArray(value.exceptions).forEach((item, index) => {
      if (!isString(item)) return;
      const path = [section, "exceptions", index];
      if (seen.has(item)) {
        report("clause-duplicate", path, `\`${oneLine(item)}\` is listed twice`, "remove one of them");
      }
      seen.add(item);
      // An id the library lacks fails the schema's enum already (test/validate keeps the
      // enums and the library in step); a second diagnostic would only repeat it.
      if (library.get(item)?.academic && !academic) {
        report(
          "clause-academic",
          path,
          `\`${item}\` applies only to academic research institutions and those providing data to them`,
          "set `organization.academicResearch` if that is the case, or remove this exception",
        );
      }
    });
  }
}

function checkCustomSectionPlacement(data: Json, report: Report): void {
  asArray(data.customSections).forEach((custom, index) => {
    if (!isObject(custom) || !isString(custom.after)) return;
    const target = data[custom.after];
    if (target === undefined || target === false) {
      report(
        "custom-after-absent",
        ["customSections", index, "after"],
        `the policy has no \`${oneLine(custom.after)}\` section to place this after`,
        "the section goes at the end, before the contact points; choose a section the policy has",
        { severity: "warning" },
      );
    }
  });
}

/**
 * `internalRules` takes `true` or the rules' name. YAML 1.2 reads `yes` as the word "yes",
 * so `internalRules: yes` would publish rules called “yes”; someone writing it meant `true`.
 */
const BOOLEAN_WORDS = new Set(["yes", "no", "true", "false", "on", "off", "y", "n"]);

function checkBooleanWords(data: Json, report: Report): void {
  const rules = isObject(data.basicPolicy) ? data.basicPolicy.internalRules : undefined;
  const words = isString(rules) ? [rules] : isObject(rules) ? Object.values(rules).filter(isString) : [];
  const word = words.find((w) => BOOLEAN_WORDS.has(w.trim().toLowerCase()));
  if (word !== undefined) {
    report(
      "boolean-as-text",
      ["basicPolicy", "internalRules"],
      `\`${oneLine(word)}\` would be published as the name of the internal rules`,
      "write `true` (without quotes) if the organization has internal rules, or the rules' name, e.g. `個人情報取扱規程`",
    );
  }
}

/**
 * Control characters (U+0000–U+001F but tab and line breaks, U+007F–U+009F) are invisible
 * in an editor and mean nothing in a policy; they come from pasting out of other programs.
 * They are refused because the feeds are XML, which may not contain them: one in a name
 * would make every feed reader reject the site's feed.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function checkControlCharacters(source: SourceFile, data: Json, report: Report, diagnostics: Diagnostic[]): void {
  const visit = (value: unknown, path: DataPath): void => {
    if (isString(value)) {
      if (isBlank(value)) report("text-blank", path, "the text is blank: it holds only spaces, line breaks or other invisible characters", blankHint(path));
      const found = controlCharacter(value);
      if (found) report("text-control-character", path, `the text contains an invisible control character, ${found.name}, as its ${ordinal(found.index + 1)} character`, CONTROL_HINT);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(data, []);
  if (!source.body) return;
  const lines = source.body.text.split("\n");
  lines.forEach((text, index) => {
    const found = controlCharacter(text);
    if (!found) return;
    diagnostics.push({
      code: "text-control-character",
      severity: "error",
      file: source.file,
      line: source.body!.line + index,
      column: found.index + 1,
      path: "(body)",
      message: `the text contains an invisible control character, ${found.name}`,
      hint: CONTROL_HINT,
    });
  });
}

function blankHint(path: DataPath): string {
  const last = path.at(-1);
  if (last === "ja") return "write the Japanese text (全角スペースだけでは空です)";
  if (last === "en") return "write the English text";
  if (typeof last === "string" && hasWording(last)) return `write the \`${last}\` text`;
  return "write the text; a key that does not apply can be left out";
}

const CONTROL_HINT = "delete it: in most editors, move the cursor across it and press Delete, or type the text again";

function controlCharacter(text: string): { index: number; name: string } | undefined {
  const match = CONTROL_CHARACTER.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  return { index: match.index, name: `U+${code.toString(16).toUpperCase().padStart(4, "0")}` };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
