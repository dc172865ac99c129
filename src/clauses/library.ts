/**
 * Loads the clause library (`clauses/appi.yaml`): the statute's words under stable ids.
 * Validation uses it to know which ids exist; normalization to put the words on the page.
 */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";

/** [article, paragraph, item] of the APPI; 0 means "the whole article / paragraph". */
export type ArticleRef = readonly [number, number, number];

export interface Clause {
  id: string;
  ja: string;
  en: string;
  ref?: ArticleRef;
  useRef?: ArticleRef;
  provisionRef?: ArticleRef;
  /** Academic-research exceptions: offered only to organizations that declare it. */
  academic?: boolean;
  /**
   * Where a clause rests on another law or a guideline rather than an APPI article: as a
   * reader of each language looks it up, and in one form for every language (`data-ref`).
   */
  cite?: { ja: string; en: string; ref: string };
  /** A law named by id: where its title and number were read, and when. */
  source?: { checked: string; url: string };
}

export const CLAUSE_GROUPS = [
  "exceptions",
  "contractTerms",
  "requestKinds",
  "securityHeadings",
  "jointUseItems",
  "foreignProvisionItems",
  "optOutItems",
  "specialCare",
  "personallyReferable",
  "pseudonymized",
  "anonymized",
  "disclosureMethods",
  "telecom",
  "laws",
] as const;
export type ClauseGroup = (typeof CLAUSE_GROUPS)[number];
export type ClauseLibrary = Record<ClauseGroup, ReadonlyMap<string, Clause>>;

export const CLAUSE_LIBRARY_FILE = new URL("../../clauses/appi.yaml", import.meta.url);

let cached: ClauseLibrary | undefined;

export function clauseLibrary(): ClauseLibrary {
  cached ??= readClauseLibrary(readFileSync(CLAUSE_LIBRARY_FILE, "utf8"));
  return cached;
}

export function readClauseLibrary(yamlText: string): ClauseLibrary {
  // js-yaml: the library is hoshin's own file, and a build need not load yaml for it.
  const raw = load(yamlText) as Record<ClauseGroup, Record<string, Omit<Clause, "id">>>;
  const group = (name: ClauseGroup) =>
    new Map(Object.entries(raw[name]).map(([id, clause]) => [id, { id, ...clause }]));
  const library: Partial<ClauseLibrary> = {};
  for (const name of CLAUSE_GROUPS) library[name] = group(name);
  return library as ClauseLibrary;
}

export const ROMAN = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

/**
 * An article in the one form every language's page shares, for `data-ref` ("APPI Art.
 * 27(1)(i)", "TBA Art. 27-12"): fixed here, not worded, so no language file can change it.
 */
export function articleRef(law: string, article: string | number, paragraph = 0, item = 0): string {
  return `${law} Art. ${article}${paragraph ? `(${paragraph})` : ""}${item ? `(${ROMAN[item] ?? item})` : ""}`;
}

/** An APPI article's `data-ref`: [article, paragraph, item]. */
export function appiRef([article, paragraph, item]: ArticleRef): string {
  return articleRef("APPI", article, paragraph, item);
}
