/**
 * The law's words and the catalogue's, as wording ids, so that every language but Japanese
 * and English carries them in its one wording file.
 *
 * Japanese and English are written beside the statute's references in the clause library
 * (`clauses/*.yaml`) and the catalogue (`catalogue/external-transmission.yaml`): for those
 * two languages this module reads the ids out of them. Every other language writes them in
 * its wording file under the same ids:
 *
 * - `clauses.<group>.<id>`: a clause of `clauses/appi.yaml`
 * - `clauseCites.<group>.<id>`: the law or guideline a clause rests on, where it is not the APPI
 * - `transmissionLaws.<law>`, `transmissionItems.<item>`: `clauses/external-transmission.yaml`
 * - `catalogue.<entry>.service|recipient|optOut` (texts) and `.information|purposes` (lists)
 */
import { CLAUSE_GROUPS, clauseLibrary } from "../clauses/library.js";
import { transmissionClauses, TRANSMISSION_ITEMS } from "../clauses/external-transmission.js";
import { externalTransmissionCatalogue } from "../catalogue/external-transmission.js";

export type Message = string | string[];

/** The languages whose law words are written in the clause library itself. */
export const LIBRARY_LANGUAGES = ["ja", "en"] as const;
export type LibraryLanguage = (typeof LIBRARY_LANGUAGES)[number];

export const clauseId = (group: string, id: string): string => `clauses.${group}.${id}`;
export const clauseCiteId = (group: string, id: string): string => `clauseCites.${group}.${id}`;
export const transmissionLawId = (law: string): string => `transmissionLaws.${law}`;
export const transmissionItemId = (item: string): string => `transmissionItems.${item}`;
export const catalogueId = (entry: string, field: "service" | "recipient" | "information" | "purposes" | "optOut"): string =>
  `catalogue.${entry}.${field}`;

/** The law's and the catalogue's words in Japanese or English, by wording id. */
export function lawWords(lang: LibraryLanguage): Map<string, Message> {
  const words = new Map<string, Message>();
  const library = clauseLibrary();
  for (const group of CLAUSE_GROUPS) {
    for (const clause of library[group].values()) {
      words.set(clauseId(group, clause.id), clause[lang]);
      if (clause.cite) words.set(clauseCiteId(group, clause.id), clause.cite[lang]);
    }
  }
  const transmission = transmissionClauses();
  for (const [law, names] of Object.entries(transmission.laws)) words.set(transmissionLawId(law), names[lang]);
  for (const item of TRANSMISSION_ITEMS) words.set(transmissionItemId(item), transmission.items[item][lang]);
  for (const entry of externalTransmissionCatalogue().values()) {
    words.set(catalogueId(entry.id, "service"), entry.service[lang]);
    words.set(catalogueId(entry.id, "recipient"), entry.recipient[lang]);
    words.set(catalogueId(entry.id, "information"), entry.information.map((text) => text[lang]));
    words.set(catalogueId(entry.id, "purposes"), entry.purposes.map((text) => text[lang]));
    if (typeof entry.optOut === "object") words.set(catalogueId(entry.id, "optOut"), entry.optOut[lang]);
  }
  return words;
}
