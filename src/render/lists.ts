import type { Lang } from "../model/policy.js";

/** 「A、B、C」 / "A, B and C" — the way each language runs a short list into a sentence. */
export function joinList(items: readonly string[], lang: Lang): string {
  if (lang === "ja") return items.join("、");
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
