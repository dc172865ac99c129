/**
 * The law's words on the example pages: every clause in both languages under the same ids,
 * each carrying its article, and the index showing what each policy still lacks.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAUSE_GROUPS, appiRef, clauseLibrary, type ArticleRef } from "../../src/clauses/library.js";
import { REPO, buildSite, readPage, visibleText } from "../helpers/site.js";

const BILINGUAL = ["genron-npo", "ji4pe", "minato-kodomo-net", "kanagawa-community-net", "tabunka-center", "tokyo-small-business-center"];
let site: string;

beforeAll(async () => {
  site = await buildSite(path.join(REPO, "organizations"));
});
afterAll(() => rm(site, { recursive: true, force: true }));

/** Every `data-clause` and `data-ref` on a page, in document order. */
function legalMarks(html: string): string[] {
  return [...html.matchAll(/\sdata-(clause|ref)="([^"]*)"/g)].map(([, kind, value]) => `${kind}=${value}`);
}

describe("clause library", () => {
  it("has every clause in Japanese and English under one id, in every group", () => {
    const library = clauseLibrary();
    expect(Object.keys(library).sort()).toEqual([...CLAUSE_GROUPS].sort());
    for (const group of CLAUSE_GROUPS) {
      for (const [id, clause] of library[group]) {
        expect(clause.id, `${group}.${id}`).toBe(id);
        expect(Object.keys(clause).filter((key) => key === "ja" || key === "en").sort(), `${group}.${id}`).toEqual(["en", "ja"]);
      }
    }
  });
});

describe("rendered clauses", () => {
  it.each(BILINGUAL)("%s: the Japanese and English pages carry the same clauses and articles, in the same order", async (slug) => {
    const [ja, en] = await Promise.all([readPage(site, `${slug}/ja`), readPage(site, `${slug}/en`)]);
    expect(legalMarks(ja).length).toBeGreaterThan(0);
    expect(legalMarks(ja)).toEqual(legalMarks(en));
  });

  it("name their article in one form for every language, and a reader sees it beside the clause", async () => {
    const refs = new Set<string>();
    let cited = 0;
    for (const slug of BILINGUAL) {
      for (const lang of ["ja", "en"] as const) {
        const html = await readPage(site, `${slug}/${lang}`);
        for (const mark of legalMarks(html)) if (mark.startsWith("ref=")) refs.add(mark.slice(4));
        // Each exception chosen by id shows its article: 個人情報保護法第27条第1項第1号 / APPI Art. 27(1)(i).
        for (const [, id, inner] of html.matchAll(/<li data-clause="([a-z-]+)" data-ref="[^"]+">(.*?)<\/li>/g)) {
          // Contract terms all rest on Art. 25, which their section cites once.
          if (clauseLibrary().contractTerms.has(id as string)) continue;
          expect(visibleText(inner as string)).toMatch(lang === "ja" ? /（個人情報保護法第[\d条項号第]+）$/ : /\(APPI Art\. [\d()ivx]+\)$/);
          cited++;
        }
      }
    }
    expect(cited).toBeGreaterThan(50);
    // APPI articles, the external-transmission rule (TBA Art. 27-12 and the three items of its
    // Regulations' Art. 22-2-29), and for a telecommunications business the secrecy of
    // communications (TBA Art. 4) and the telecommunications guidelines.
    for (const ref of refs) {
      expect(ref).toMatch(
        /^APPI Art\. \d+(\(\d+\))?(\([ivx]+\))?$|^TBA Art\. (27-12|4)$|^TBA Regulations Art\. 22-2-29\((i|ii|iii)\)$|^Telecommunications Guidelines \(location information\)$/,
      );
    }
    for (const ref of ["TBA Art. 4", "Telecommunications Guidelines (location information)"]) expect(refs).toContain(ref);
    for (const ref of ["TBA Art. 27-12", "TBA Regulations Art. 22-2-29(i)", "TBA Regulations Art. 22-2-29(ii)", "TBA Regulations Art. 22-2-29(iii)"]) {
      expect(refs).toContain(ref);
    }
    // The example that uses every section cites the joint-use, foreign-provision and opt-out items.
    for (const article of [[27, 5, 3], [28, 2, 0], [27, 2, 3], [27, 1, 1], [23, 0, 0]] as ArticleRef[]) {
      expect(refs).toContain(appiRef(article as ArticleRef));
    }
  });

  it("show the opt-out matters and the accredited organization's complaint desk", async () => {
    const ja = visibleText(await readPage(site, "minato-kodomo-net/ja"));
    expect(ja).toContain("個人データの第三者への提供を利用目的とし、本人の求めに応じて当該本人が識別される個人データの第三者への提供を停止することとして");
    expect(ja).toContain("第三者に提供される個人データの項目 寄付者の氏名（法人・団体の場合はその名称）");
    expect(ja).toContain("当該届出に係る個人データの第三者への提供を開始する予定日 2025年（令和7年）4月1日");
    expect(ja).toContain("認定個人情報保護団体である一般社団法人 子ども支援団体個人情報保護協議会の対象事業者です");
    expect(ja).toContain("苦情の解決の申出先 同協議会 苦情相談室（電話 03-5555-0200、平日10:00〜16:00）");
  });
});

describe("the index", () => {
  it("shows each example complete: what their real policies do not say is acknowledged", async () => {
    const index = await readPage(site, ".");
    expect(index.match(/<span class="completeness-complete">充足 <span lang="en">complete<\/span><\/span>/g)).toHaveLength(BILINGUAL.length);
    expect(index).not.toContain("completeness-missing");
  });
});
