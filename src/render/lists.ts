import { sayText } from "../wording/wording.js";

/** 「A、B、C」 / "A, B and C": a short list run into a sentence, with the language's `list` separators. */
export function joinList(items: readonly string[], lang: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(sayText("list.separator", lang))}${sayText("list.lastSeparator", lang)}${items.at(-1)}`;
}
