import type { Text } from "../model/input.js";
import type { Lang } from "../model/policy.js";

/** Text in one language. Validation guarantees every declared language is present. */
export function pick(text: Text, lang: Lang): string {
  return typeof text === "string" ? text : (text[lang] ?? "");
}

export function pickOptional(text: Text | undefined, lang: Lang): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === "string" ? text : text[lang];
}

