/**
 * `languages` and `authoritative` name languages hoshin can word pages in: a canonical
 * BCP 47 tag (`zh-Hans`, not `zh-hans`) that hoshin ships wording for or the site adds in
 * `languages/<tag>.yaml`.
 */
import type { Lang } from "../model/policy.js";
import { hasWording, knownLanguages } from "../wording/wording.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { canonicalLanguageTag as canonicalTag } from "../discover/discover.js";
import type { DataPath } from "../parse/parse.js";

export type LanguageReport = (code: string, path: DataPath, message: string, hint?: string) => void;


export function checkLanguageTags(languages: unknown, authoritative: unknown, report: LanguageReport): void {
  const check = (tag: unknown, path: DataPath) => {
    if (typeof tag !== "string" || knownLanguages().includes(tag)) return;
    const canonical = canonicalTag(tag);
    if (canonical !== undefined && canonical !== tag && knownLanguages().includes(canonical)) {
      report("language-tag-case", path, `\`${tag}\` is written \`${canonical}\``, `write \`${canonical}\`: language tags are matched exactly`);
      return;
    }
    report(
      "language-unknown",
      path,
      `hoshin has no wording for the language \`${tag}\``,
      `${suggestionHint(tag, knownLanguages()).replace("allowed:", "hoshin words pages in")}; or add it as data: a file \`languages/${canonical ?? tag}.yaml\` beside \`organizations/\` with every id of hoshin's wording (docs/languages.md)`,
    );
  };
  if (Array.isArray(languages)) languages.forEach((tag, index) => check(tag, ["languages", index]));
  check(authoritative, ["authoritative"]);
}

/** An authoritative language the policy is not published in. */
export function checkAuthoritative(authoritative: unknown, languages: readonly Lang[], report: LanguageReport): void {
  // Not a language hoshin knows (`fr`): checkLanguageTags says so, and "add it to languages" would be wrong.
  if (typeof authoritative !== "string" || !hasWording(authoritative) || languages.includes(authoritative)) return;
  report(
    "authoritative-undeclared",
    ["authoritative"],
    `\`${authoritative}\` is authoritative, but \`languages\` does not include it`,
    `add \`${authoritative}\` to \`languages\`, or set it to ${languages.map((l) => `\`${l}\``).join(" or ")}`,
  );
}

/** "ja", "ja and en", "ja, en and vi": the declared languages in a message. */
export function languageList(languages: readonly Lang[]): string {
  return languages.length < 2 ? languages.join("") : `${languages.slice(0, -1).join(", ")} and ${languages.at(-1)}`;
}
