/**
 * The wording catalogue (`wording/<lang>.yaml`): every sentence and label a reader sees that
 * is not the law's words (those are the clause library's) and not the organization's data —
 * section titles, page furniture, the sentences that join an organization's facts — by id
 * and language. Templates hold ids; this module holds the words.
 *
 * A message is a text, or a list of texts (parts a template puts markup between). `{name}`
 * in a text is filled from the values a template gives; a value the template built as
 * markup (marked `safe`) goes in as it is, every other value and the text itself are
 * escaped exactly as `{{ }}` escapes.
 *
 * The files are hoshin's own: a file that cannot be read, an id one language lacks, or an id
 * a template asks for and no file has, is a bug in hoshin, reported by id and file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { CORE_SCHEMA, load } from "js-yaml";
import { LIBRARY_LANGUAGES, lawWords, type LibraryLanguage, type Message } from "./law-words.js";

export type { Message } from "./law-words.js";

export const WORDING_DIR = fileURLToPath(new URL("../../wording/", import.meta.url));
/** Every language has the ids of this one. */
export const REFERENCE_LANGUAGE = "ja";

export class WordingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WordingError";
  }
}

const catalogues = new Map<string, ReadonlyMap<string, Message>>();
/** Where each language's words came from, for messages: `wording/vi.yaml`, or a site's own file. */
const origins = new Map<string, string>();

let shipped: readonly string[] | undefined;

/** The languages hoshin ships wording for, Japanese and English first. */
export function shippedLanguages(): readonly string[] {
  shipped ??= [
    ...LIBRARY_LANGUAGES,
    ...readdirSync(WORDING_DIR)
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => file.slice(0, -".yaml".length))
      .filter((lang) => !(LIBRARY_LANGUAGES as readonly string[]).includes(lang))
      .sort(),
  ];
  return shipped;
}

/** The languages a page can be written in now: those hoshin ships and those a site added. */
export function knownLanguages(): readonly string[] {
  return [...new Set([...shippedLanguages(), ...origins.keys()])];
}

export function hasWording(lang: string): boolean {
  return origins.has(lang) || shippedLanguages().includes(lang);
}

/** The messages of `lang`, by dotted id: every id of the reference language. */
export function wordingOf(lang: string): ReadonlyMap<string, Message> {
  let catalogue = catalogues.get(lang);
  if (!catalogue) {
    if (!shippedLanguages().includes(lang)) throw new WordingError(`no wording for the language \`${lang}\``);
    const file = `wording/${lang}.yaml`;
    // js-yaml, as the clause library: each thread that renders reads every catalogue, and
    // js-yaml reads all nine in half the time `yaml` takes (100 ms against 210).
    const read = flatten(load(readFileSync(`${WORDING_DIR}${lang}.yaml`, "utf8"), { schema: CORE_SCHEMA }), file);
    if ((LIBRARY_LANGUAGES as readonly string[]).includes(lang)) for (const [id, message] of lawWords(lang as LibraryLanguage)) read.set(id, message);
    if (lang !== REFERENCE_LANGUAGE) {
      const reference = wordingOf(REFERENCE_LANGUAGE);
      const missing = [...reference.keys()].filter((id) => !read.has(id));
      if (missing.length) throw new WordingError(`${file} lacks ${missing.map((id) => `\`${id}\``).join(", ")}`);
      const unknown = [...read.keys()].filter((id) => !reference.has(id));
      if (unknown.length) throw new WordingError(`${file} has ids no other language has: ${unknown.map((id) => `\`${id}\``).join(", ")}`);
    }
    catalogue = read;
    catalogues.set(lang, catalogue);
    origins.set(lang, file);
  }
  return catalogue;
}

/**
 * A language a site adds as data (`languages/<tag>.yaml`), already checked to hold every id
 * of the reference language: from now on this process words pages in it. A site's file for a
 * language hoshin ships replaces hoshin's wording of it.
 */
export function addLanguage(lang: string, messages: ReadonlyMap<string, Message>, file: string): void {
  catalogues.set(lang, messages);
  origins.set(lang, file);
  added.add(lang);
}

const added = new Set<string>();

/** Forgets the languages added so far (`hoshin dev` reads the site's files again), and what they replaced. */
export function forgetAddedLanguages(): void {
  for (const lang of added) {
    catalogues.delete(lang);
    origins.delete(lang);
  }
  added.clear();
}

/** A language a site adds, as plain data: it travels to worker threads and into cache keys. */
export interface AddedLanguage {
  lang: string;
  /** The file it was read from, as the user names it. */
  file: string;
  messages: Array<[string, Message]>;
}

export function addLanguages(languages: readonly AddedLanguage[] | undefined): void {
  for (const { lang, messages, file } of languages ?? []) addLanguage(lang, new Map(messages), file);
}

/**
 * Reads and checks every shipped catalogue now, so a missing id fails the build before any
 * page renders, and the cost falls at set-up rather than in the first filter call.
 */
export function loadWording(): void {
  for (const lang of shippedLanguages()) wordingOf(lang);
}

/** A wording file's messages by dotted id: texts, and lists of texts, at any depth. */
export function flatten(document: unknown, file: string): Map<string, Message> {
  const flat = new Map<string, Message>();
  const walk = (value: unknown, id: string): void => {
    if (typeof value === "string" || (Array.isArray(value) && value.every((part) => typeof part === "string"))) {
      flat.set(id, value as Message);
    } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, id ? `${id}.${key}` : key);
    } else {
      throw new WordingError(`${file}: \`${id}\` is neither a text, a list of texts, nor a mapping of them`);
    }
  };
  walk(document, "");
  return flat;
}

/** The message `id` in `lang`, as written in the catalogue. */
export function words(id: string, lang: string): Message {
  const message = wordingOf(lang).get(id);
  if (message === undefined) throw new WordingError(`no message \`${id}\` in ${origins.get(lang) ?? `wording/${lang}.yaml`}`);
  return message;
}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The text `id` in `lang` with its `{name}` filled, as plain text (for a title built in a template and escaped when output). */
export function sayText(id: string, lang: string, values: Record<string, unknown> = {}): string {
  return fill(id, lang, values, (text) => text, (value) => String(value ?? ""));
}

/** The text `id` in `lang` with its `{name}` filled, as HTML: escaped, and safe to output. */
export function sayHtml(id: string, lang: string, values: Record<string, unknown> = {}): nunjucks.runtime.SafeString {
  return nunjucks.runtime.markSafe(fill(id, lang, values, nunjucks.lib.escape, asHtml));
}

function fill(id: string, lang: string, values: Record<string, unknown>, text: (t: string) => string, value: (v: unknown) => string): string {
  const message = words(id, lang);
  if (typeof message !== "string") throw new WordingError(`\`${id}\` in wording/${lang}.yaml is a list: a template takes its parts one by one`);
  let out = "";
  let at = 0;
  for (const match of message.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!(name in values)) throw new WordingError(`\`${id}\` in wording/${lang}.yaml needs a value for {${name}}`);
    out += text(message.slice(at, match.index)) + value(values[name]);
    at = match.index + match[0].length;
  }
  return out + text(message.slice(at));
}

function asHtml(value: unknown): string {
  if (value instanceof nunjucks.runtime.SafeString) return value.val;
  return nunjucks.lib.escape(value === undefined || value === null ? "" : String(value));
}

/** A message that is one text (a clause, a catalogue name), as written. */
export function textOf(id: string, lang: string): string {
  const message = words(id, lang);
  if (typeof message !== "string") throw new WordingError(`\`${id}\` in ${origins.get(lang)} is a list where a text belongs`);
  return message;
}

/** A message that is a list of texts (a catalogue entry's rows). */
export function listOf(id: string, lang: string): string[] {
  const message = words(id, lang);
  return typeof message === "string" ? [message] : message;
}
