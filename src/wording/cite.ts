/**
 * How a page cites an article of a law, in each language's own form (`reference.*` in the
 * wording): 個人情報保護法第27条第1項第1号, APPI Art. 27(1)(i), 电气通信事业法第27条之12.
 */
import { ROMAN } from "../clauses/library.js";
import { sayText, words } from "./wording.js";


export interface Citation {
  /** The law's name as the language cites it. */
  law: string;
  /** `27`, or `27-12` for an article inserted after Art. 27 (第27条の12). */
  article: string | number;
  /** 0 or absent: the whole article. */
  paragraph?: number;
  /** 0 or absent: the whole paragraph. */
  item?: number;
}

export function citeArticle({ law, article, paragraph, item }: Citation, lang: string): string {
  const [main, ...branches] = String(article).split("-");
  let out = sayText("reference.article", lang, { law, article: main });
  for (const branch of branches) out += sayText("reference.branch", lang, { branch });
  if (paragraph) out += sayText("reference.paragraph", lang, { paragraph });
  if (item) {
    const roman = words("reference.itemNumerals", lang) === "roman";
    out += sayText("reference.item", lang, { item: roman ? (ROMAN[item] ?? item) : item });
  }
  return out;
}

/** An article of the APPI: [article, paragraph, item], 0 for "the whole". */
export function citeAppi([article, paragraph, item]: readonly [number, number, number], lang: string): string {
  return citeArticle({ law: words("reference.appi", lang) as string, article, paragraph, item }, lang);
}
