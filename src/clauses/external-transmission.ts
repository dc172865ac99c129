/**
 * The clause library's words for the external-transmission rule (`clauses/external-transmission.yaml`):
 * the Telecommunications Business Act's Art. 27-12 and the three matters its Enforcement
 * Regulations (Art. 22-2-29) name, each with the article a reader looks it up by.
 */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { articleRef } from "./library.js";

export type Law = "tba" | "tba-regulations";

/** An article of a telecommunications law: `27-12` is 第27条の12; `item` is its 号. */
export interface LawArticle {
  law: Law;
  article: string;
  item?: number;
}

export interface TransmissionClause extends LawArticle {
  id: TransmissionItem;
  ja: string;
  en: string;
}

export const TRANSMISSION_ITEMS = ["information", "recipient", "purposes"] as const;
export type TransmissionItem = (typeof TRANSMISSION_ITEMS)[number];

export interface TransmissionClauses {
  laws: Record<Law, { ja: string; en: string; ref: string }>;
  /** Art. 27-12 itself, and the article of the Regulations that names the matters. */
  rule: LawArticle;
  regulations: LawArticle;
  items: Record<TransmissionItem, TransmissionClause>;
}

export const TRANSMISSION_CLAUSES_FILE = new URL("../../clauses/external-transmission.yaml", import.meta.url);

let cached: TransmissionClauses | undefined;

export function transmissionClauses(): TransmissionClauses {
  cached ??= readTransmissionClauses(readFileSync(TRANSMISSION_CLAUSES_FILE, "utf8"));
  return cached;
}

export function readTransmissionClauses(yamlText: string): TransmissionClauses {
  const raw = load(yamlText) as Omit<TransmissionClauses, "items"> & { items: Record<string, Omit<TransmissionClause, "id">> };
  const items = Object.fromEntries(
    TRANSMISSION_ITEMS.map((id) => {
      const clause = raw.items[id];
      if (!clause) throw new Error(`clauses/external-transmission.yaml: the item \`${id}\` is missing`);
      return [id, { id, ...clause, article: String(clause.article) }];
    }),
  ) as Record<TransmissionItem, TransmissionClause>;
  return { ...raw, rule: { ...raw.rule, article: String(raw.rule.article) }, regulations: { ...raw.regulations, article: String(raw.regulations.article) }, items };
}


/** The article in one form for every language, for `data-ref`: "TBA Art. 27-12", "TBA Regulations Art. 22-2-29(i)". */
export function lawRef({ law, article, item }: LawArticle): string {
  return articleRef(transmissionClauses().laws[law].ref, article, 0, item);
}
