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
import { parse } from "yaml";

export type Message = string | string[];

export const WORDING_DIR = fileURLToPath(new URL("../../wording/", import.meta.url));
/** Every language has the ids of this one. */
const REFERENCE = "ja";

export class WordingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WordingError";
  }
}

const catalogues = new Map<string, ReadonlyMap<string, Message>>();

/** The messages of `lang`, by dotted id. */
export function wordingOf(lang: string): ReadonlyMap<string, Message> {
  let catalogue = catalogues.get(lang);
  if (!catalogue) {
    catalogue = readWording(lang);
    if (lang !== REFERENCE) {
      const missing = [...wordingOf(REFERENCE).keys()].filter((id) => !catalogue!.has(id));
      if (missing.length) throw new WordingError(`wording/${lang}.yaml lacks ${missing.map((id) => `\`${id}\``).join(", ")}`);
    }
    catalogues.set(lang, catalogue);
  }
  return catalogue;
}

/**
 * Reads and checks every shipped catalogue now, so a missing id fails the build before any
 * page renders, and the cost falls at set-up rather than in the first filter call.
 */
export function loadWording(): void {
  for (const file of readdirSync(WORDING_DIR)) if (file.endsWith(".yaml")) wordingOf(file.slice(0, -".yaml".length));
}

function readWording(lang: string): Map<string, Message> {
  const file = `wording/${lang}.yaml`;
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
  walk(parse(readFileSync(`${WORDING_DIR}${lang}.yaml`, "utf8")) as unknown, "");
  return flat;
}

/** The message `id` in `lang`, as written in the catalogue. */
export function words(id: string, lang: string): Message {
  const message = wordingOf(lang).get(id);
  if (message === undefined) throw new WordingError(`no message \`${id}\` in wording/${lang}.yaml`);
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
