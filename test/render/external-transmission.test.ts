/**
 * The external-transmission table in a real Eleventy build of the examples: the three
 * matters of every entry in each language, the page of its own where the data asks for one
 * (and only there), linked from the policy, the index and its short address.
 */
import { readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { externalTransmissionCatalogue } from "../../src/catalogue/external-transmission.js";
import { REPO, buildSite, readPage, visibleText } from "../helpers/site.js";

type Lang = "ja" | "en";
interface Row {
  service: string;
  recipient: string;
  information: string[];
  purposes: string[];
}

const catalogue = externalTransmissionCatalogue();
const fromCatalogue = (id: string, lang: Lang, service?: string): Row => {
  const entry = catalogue.get(id)!;
  return {
    service: service ?? entry.service[lang],
    recipient: entry.recipient[lang],
    information: entry.information.map((t) => t[lang]),
    purposes: entry.purposes.map((t) => t[lang]),
  };
};

/** What organizations/minato-kodomo-net.md declares, written out here rather than read back through hoshin. */
const MINATO: Record<Lang, Row[]> = {
  ja: [
    fromCatalogue("youtube", "ja", "YouTube（活動紹介の動画）"),
    fromCatalogue("google-maps", "ja"),
    fromCatalogue("google-recaptcha", "ja"),
    {
      ...fromCatalogue("meta-pixel", "ja"),
      purposes: ["寄付キャンペーンの広告の効果を測定するため", "Meta が広告の配信及び最適化、Meta 製品の改善並びに安全性の確保に用いるため"],
    },
    {
      service: "オンライン寄付フォーム",
      recipient: "株式会社みなとペイメント",
      information: ["寄付フォームを表示するページのURL", "IPアドレス及びブラウザの情報"],
      purposes: ["寄付のお申込みを受け付け、寄付金を決済するため", "不正な決済を防止するため"],
    },
  ],
  en: [
    fromCatalogue("youtube", "en", "YouTube (videos of our activities)"),
    fromCatalogue("google-maps", "en"),
    fromCatalogue("google-recaptcha", "en"),
    {
      ...fromCatalogue("meta-pixel", "en"),
      purposes: ["To measure the effect of our donation campaign ads", "For Meta to deliver and optimize ads, improve Meta Products and keep them safe"],
    },
    {
      service: "Online donation form",
      recipient: "Minato Payment K.K.",
      information: ["URL of the page that shows the donation form", "IP address and browser information"],
      purposes: ["To take donations and process their payment", "To prevent fraudulent payments"],
    },
  ],
};

let site: string;
beforeAll(async () => {
  site = await buildSite(path.join(REPO, "organizations"));
});
afterAll(() => rm(site, { recursive: true, force: true }));

/** The table's body rows as a reader sees them: header cell, then each cell's list items. */
function rows(html: string): Row[] {
  const table = /<table class="transmission-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => {
    const service = visibleText(/<th scope="row">([\s\S]*?)<\/th>/.exec(row!)?.[1] ?? "");
    const cells = [...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell]) => cell!);
    const items = (cell: string | undefined) => [...(cell ?? "").matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item]) => visibleText(item!));
    return { service, information: items(cells[0]), recipient: visibleText(cells[1] ?? ""), purposes: items(cells[2]) };
  });
}

describe("the external-transmission table", () => {
  it.each(["ja", "en"] as const)("minato-kodomo-net (%s): every entry with what is sent, who handles it and why", async (lang) => {
    const html = await readPage(site, `minato-kodomo-net/${lang}`);
    expect(rows(html)).toEqual(MINATO[lang]);
    // Headed by the law's three matters, each citing its item of Art. 22-2-29.
    expect(html.match(/<th scope="col" class="transmission-[a-z-]+"/g)).toHaveLength(6);
    expect(html.match(/data-ref="TBA Regulations Art\. 22-2-29\((i|ii|iii)\)"/g)).toHaveLength(3);
    expect(html).toContain('<caption id="transmission-caption">');
    expect(visibleText(html)).toContain(lang === "ja" ? "電気通信事業法第27条の12、電気通信事業法施行規則第22条の2の29" : "Telecommunications Business Act Art. 27-12");
  });

  it.each(["ja", "en"] as const)("ji4pe (%s): a seed example's table from catalogue ids alone", async (lang) => {
    const html = await readPage(site, `ji4pe/${lang}`);
    expect(rows(html)).toEqual([fromCatalogue("google-tag-manager", lang), fromCatalogue("google-analytics-4", lang)]);
    // No `page: true`: no page of its own, and no link to one.
    expect(html).not.toContain("/external-transmission/");
    expect(existsSync(path.join(site, "ji4pe", "external-transmission"))).toBe(false);
  });
});

describe("its page of its own", () => {
  it.each(["ja", "en"] as const)("(%s) shows the same table, links back to the policy, and the policy links to it", async (lang) => {
    const page = await readPage(site, `minato-kodomo-net/external-transmission/${lang}`);
    expect(rows(page)).toEqual(MINATO[lang]);
    expect(page).toContain(`<html lang="${lang}">`);
    expect(page).toContain(`href="/minato-kodomo-net/${lang}/#external-transmission"`);
    const other = lang === "ja" ? "en" : "ja";
    expect(page).toContain(`<link rel="alternate" hreflang="${other}" href="/minato-kodomo-net/external-transmission/${other}/">`);
    const policy = await readPage(site, `minato-kodomo-net/${lang}`);
    expect(policy).toContain(`<a href="/minato-kodomo-net/external-transmission/${lang}/">`);
  });

  it("is listed in the index beside each language, and its short address forwards to the authoritative language", async () => {
    const index = await readPage(site, ".");
    for (const lang of ["ja", "en"]) expect(index).toContain(`<a class="transmission-mark" href="/minato-kodomo-net/external-transmission/${lang}/"`);
    const short = await readFile(path.join(site, "minato-kodomo-net", "external-transmission", "index.html"), "utf8");
    expect(short).toContain('<meta http-equiv="refresh" content="0; url=/minato-kodomo-net/external-transmission/ja/">');
  });
});
