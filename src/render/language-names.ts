/**
 * A language's name in another language, for the translation notice ("The Japanese version
 * is authoritative"): the wording's own (`ui.languageInProse.ja`) where it has one, else the
 * name ICU's CLDR data gives (`Intl.DisplayNames`), so an added language needs no list of names.
 */
import { wordingOf } from "../wording/wording.js";

const displayNames = new Map<string, Intl.DisplayNames>();

export function languageName(tag: string, inLang: string): string {
  const own = wordingOf(inLang).get(`ui.languageInProse.${tag}`);
  if (typeof own === "string") return own;
  let names = displayNames.get(inLang);
  if (!names) displayNames.set(inLang, (names = new Intl.DisplayNames([inLang], { type: "language", fallback: "code" })));
  return names.of(tag) ?? tag;
}
