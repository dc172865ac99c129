/**
 * A language a site adds as data (`languages/<tag>.yaml`): the same ids as hoshin's own
 * wording (wording/ja.yaml with the law's and the catalogue's words), each a text or a list
 * of texts as the reference has it, with the same `{placeholders}`. Every problem is
 * reported at once, at its line; an id the file lacks is named with the English to
 * translate, and a whole section it lacks is named once.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { formatDataPath, type DataPath, type SourceFile } from "../parse/parse.js";
import { REFERENCE_LANGUAGE, wordingOf, type AddedLanguage, type Message } from "../wording/wording.js";

/** Ids whose value is one of a few words, not text to translate. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  "hours.grammar": ["compound", "listed"],
  "hours.dayWidth": ["short", "long", "narrow"],
  "reference.itemNumerals": ["arabic", "roman"],
};

export interface LanguageFileResult {
  /**
   * Its messages: every id when the file has no error, else those it has right, so that the
   * organizations written in it are still checked (and not told the language is unknown).
   */
  language: AddedLanguage;
  diagnostics: Diagnostic[];
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const placeholders = (message: Message): string[] =>
  [...new Set([message].flat().flatMap((text) => [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1]!)))].sort();
const quoted = (message: Message): string => [message].flat().map((text) => JSON.stringify(text)).join(" … ");

export function validateLanguageFile(source: SourceFile): LanguageFileResult {
  const reference = wordingOf(REFERENCE_LANGUAGE);
  const english = wordingOf("en");
  const diagnostics: Diagnostic[] = [];
  const report = (code: string, path: DataPath, message: string, hint: string, part: "key" | "value" = "value") => {
    const { line, column } = source.locate(path, part);
    diagnostics.push({ code, severity: "error", file: source.file, line, column, path: formatDataPath(path), message, hint });
  };
  // The reference's ids as a tree of prefixes, to know which mapping keys exist.
  const prefixes = new Set<string>();
  for (const id of reference.keys()) id.split(".").forEach((_, index, parts) => prefixes.add(parts.slice(0, index + 1).join(".")));

  const messages = new Map<string, Message>();
  const walk = (value: unknown, path: string[]): void => {
    const id = path.join(".");
    if (path.length && !prefixes.has(id)) {
      const siblings = [...prefixes].filter((prefix) => prefix.startsWith(path.slice(0, -1).join(".")) && prefix.split(".").length === path.length);
      const names = siblings.map((prefix) => prefix.split(".").at(-1)!);
      report("language-id-unknown", path, `\`${id}\` is no id of hoshin's wording`, suggestionHint(path.at(-1)!, names), "key");
      return;
    }
    const expected = reference.get(id);
    if (expected === undefined) {
      if (isMapping(value)) for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
      else report("language-not-mapping", path, `\`${id}\` holds ids, not a text`, `indent its ids under \`${path.at(-1)}:\` as in hoshin's wording`);
      return;
    }
    checkMessage(id, path, value, expected, english.get(id) ?? expected, report, (message) => messages.set(id, message));
  };
  if (isMapping(source.data)) walk(source.data, []);

  for (const id of reference.keys()) {
    if (messages.has(id) || diagnostics.some((d) => d.path === id || id.startsWith(`${d.path}.`))) continue;
    const parts = id.split(".");
    // The shortest part of the id the file lacks altogether: `catalogue`, not its 174 ids.
    let depth = 1;
    while (depth < parts.length && hasPath(source.data, parts.slice(0, depth))) depth++;
    const absent = parts.slice(0, depth).join(".");
    const within = [...reference.keys()].filter((other) => other === absent || other.startsWith(`${absent}.`));
    // A part that holds one id is named by that id.
    const missing = within.length === 1 ? id : absent;
    if (diagnostics.some((d) => d.code === "language-id-missing" && d.path === missing)) continue;
    const parent = parts.slice(0, depth - 1);
    const { line, column } = parent.length ? source.locate(parent, "key") : { line: 0, column: 0 };
    diagnostics.push({
      code: "language-id-missing",
      severity: "error",
      file: source.file,
      line,
      column,
      path: missing,
      message: within.length === 1 ? `lacks \`${missing}\`` : `lacks \`${missing}\` and the ${within.length} ids under it`,
      hint:
        within.length === 1
          ? `add \`${parts.at(-1)}:\`${parts.length > 1 ? ` under \`${parts.slice(0, -1).join(".")}\`` : ""} — in English, ${quoted(english.get(id)!)}`
          : `\`hoshin add-language ${source.slug} --out reference.yaml\` writes every id in English: copy \`${missing}\` from it and translate it`,
    });
  }
  return { language: { lang: source.slug, file: source.file, messages: [...messages] }, diagnostics };
}

function checkMessage(
  id: string,
  path: string[],
  value: unknown,
  expected: Message,
  english: Message,
  report: (code: string, path: DataPath, message: string, hint: string) => void,
  keep: (message: Message) => void,
): void {
  const isText = typeof value === "string";
  const isList = Array.isArray(value) && value.every((part) => typeof part === "string");
  if (Array.isArray(expected) ? !isList : !isText) {
    const want = Array.isArray(expected) ? `a list of ${expected.length} texts` : "a text";
    report("language-not-text", path, `\`${id}\` must be ${want}`, `write it as hoshin's wording does: in English, ${quoted(english)}`);
    return;
  }
  const message = value as Message;
  if (Array.isArray(expected) && expected.length !== (message as string[]).length) {
    report("language-list-length", path, `\`${id}\` has ${(message as string[]).length} parts; it needs ${expected.length}`, `one part for each of the English: ${quoted(english)}`);
    return;
  }
  const choices = CHOICES[id];
  if (choices && !choices.includes(message as string)) {
    report("language-choice", path, `\`${id}\` is \`${String(message)}\``, `write one of ${choices.join(", ")}`);
    return;
  }
  const blank = [message].flat().some((text) => text.trim() === "");
  if (blank && ![english].flat().some((text) => text.trim() === "")) {
    report("text-blank", path, `\`${id}\` is blank`, `write the text: in English, ${quoted(english)}`);
    return;
  }
  // What hoshin fills is what Japanese and English use between them (Japanese names the
  // organization `{self}` where English says "we"); what both use, a language must use too.
  const japanese = placeholders(expected);
  const englishHoles = placeholders(english);
  const offered = [...new Set([...japanese, ...englishHoles])];
  const required = japanese.filter((name) => englishHoles.includes(name));
  const have = placeholders(message);
  const lacking = required.filter((name) => !have.includes(name));
  const extra = have.filter((name) => !offered.includes(name));
  if (lacking.length || extra.length) {
    report(
      "language-placeholder",
      path,
      lacking.length ? `\`${id}\` leaves out ${lacking.map((name) => `{${name}}`).join(", ")}` : `\`${id}\` has ${extra.map((name) => `{${name}}`).join(", ")}, which hoshin does not fill here`,
      offered.length
        ? `use ${required.map((name) => `{${name}}`).join(", ") || "no {…} necessarily"}${offered.length > required.length ? ` (and may use ${offered.filter((n) => !required.includes(n)).map((n) => `{${n}}`).join(", ")})` : ""}, as in the English ${quoted(english)}`
        : `this text takes no {…}: in English, ${quoted(english)}`,
    );
    return;
  }
  keep(message);
}

function hasPath(data: unknown, path: readonly string[]): boolean {
  let at = data;
  for (const key of path) {
    if (!isMapping(at) || !(key in at)) return false;
    at = at[key];
  }
  return true;
}
