/**
 * The catalogue of well-known external transmissions and the law's words for them: complete
 * in both languages, sourced and dated, in step with the schema and the README, and put on
 * the page as the organization names it (a catalogue id, its overrides, or its own words).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import {
  EXTERNAL_TRANSMISSION_CATALOGUE_FILE,
  externalTransmissionCatalogue,
  readExternalTransmissionCatalogue,
} from "../../src/catalogue/external-transmission.js";
import { lawRef, transmissionClauses } from "../../src/clauses/external-transmission.js";
import { formatLawArticle } from "../../src/normalize/external-transmission.js";
import { normalizeExternalTransmission } from "../../src/normalize/external-transmission.js";
import { placeUnder } from "../../src/render/base.js";
import { normalizeOrganization } from "../../src/normalize/normalize.js";
import { organizationSchema } from "../../src/validate/schema.js";
import type { SourceFile } from "../../src/parse/source.js";
import { REPO } from "../helpers/site.js";

/** The ids every engineer uses (hoshin scan's catalogue/detect.yaml is keyed by the same). */
const IDS = [
  "google-analytics-4", "google-tag-manager", "google-ads", "google-recaptcha", "google-maps", "youtube", "google-fonts",
  "meta-pixel", "meta-plugins", "x-pixel", "x-embeds", "line-tag", "yahoo-japan-ads", "microsoft-clarity", "microsoft-uet",
  "tiktok-pixel", "hotjar", "adobe-fonts", "vimeo",
];

const catalogue = externalTransmissionCatalogue();

describe("the external-transmission catalogue", () => {
  it("holds exactly the agreed ids", () => {
    expect([...catalogue.keys()]).toEqual(IDS);
  });

  it("has every text in Japanese and English, and the provider's policy", () => {
    for (const entry of catalogue.values()) {
      // A name may be the same in both (Google LLC); what is sent and why is written in each language.
      for (const text of [entry.service, entry.recipient]) expect([text.ja, text.en].every((t) => /\S/.test(t)), entry.id).toBe(true);
      for (const text of [...entry.information, ...entry.purposes]) {
        expect(text.ja, entry.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(text.en, entry.id).toMatch(/^[\x20-\x7e]+$/);
      }
      // The website's purpose and the recipient's own: the MIC commentary asks for both.
      expect(entry.purposes.length, entry.id).toBeGreaterThanOrEqual(2);
      expect(entry.policy, entry.id).toMatch(/^https:\/\//);
    }
  });

  it("says where each entry was read and when", () => {
    for (const entry of catalogue.values()) {
      expect(entry.source.checked, entry.id).toBe("2026-12-05");
      expect(entry.source.urls.length, entry.id).toBeGreaterThan(0);
    }
  });

  it("names the providers by their legal names", () => {
    const recipients = Object.fromEntries([...catalogue.values()].map((e) => [e.id, e.recipient.en]));
    expect(recipients).toMatchObject({
      "google-analytics-4": "Google LLC",
      "meta-pixel": "Meta Platforms, Inc.",
      "x-pixel": "X Corp.",
      "line-tag": "LY Corporation",
      "microsoft-clarity": "Microsoft Corporation",
      "tiktok-pixel": "TikTok Pte. Ltd.",
      hotjar: "Hotjar Ltd.",
      "adobe-fonts": "Adobe Inc.",
      vimeo: "Vimeo.com, Inc.",
    });
    expect(catalogue.get("yahoo-japan-ads")?.recipient.ja).toBe("LINEヤフー株式会社");
  });

  it("refuses a text that a stray comma split into a third key, by name", () => {
    const broken = readFileSync(EXTERNAL_TRANSMISSION_CATALOGUE_FILE, "utf8").replace('{ ja: "Vimeo.com, Inc.",', "{ ja: Vimeo.com, Inc.,");
    expect(() => readExternalTransmissionCatalogue(broken)).toThrow(
      "catalogue/external-transmission.yaml, `vimeo`: `recipient` must have exactly `ja` and `en` texts (has `Inc.`, `en`, `ja`); quote a text that holds a comma",
    );
  });

  it("is what the schema offers editors as `catalogue` ids", () => {
    const entry = organizationSchema().schema.properties?.externalTransmission?.properties?.entries?.items;
    expect(entry?.properties?.catalogue?.enum).toEqual(IDS);
  });

  it("is documented: docs/data.md lists every id", () => {
    const readme = readFileSync(path.join(REPO, "docs", "data.md"), "utf8");
    expect(IDS.filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});

describe("the law's words for it", () => {
  it("cite the Act and its Regulations in each language, and in one form for data-ref", () => {
    const clauses = transmissionClauses();
    expect(formatLawArticle(clauses.rule, "ja")).toBe("電気通信事業法第27条の12");
    expect(formatLawArticle(clauses.rule, "en")).toBe("Telecommunications Business Act Art. 27-12");
    expect(formatLawArticle(clauses.items.recipient, "ja")).toBe("電気通信事業法施行規則第22条の2の29第2号");
    expect(formatLawArticle(clauses.items.purposes, "en")).toBe("Enforcement Regulations of the Telecommunications Business Act Art. 22-2-29(iii)");
    expect(lawRef(clauses.items.information)).toBe("TBA Regulations Art. 22-2-29(i)");
    expect(clauses.items.information.ja).toBe("送信される利用者に関する情報の内容");
  });
});

describe("an entry on the page", () => {
  const section = (lang: "ja" | "en") =>
    normalizeExternalTransmission(
      {
        entries: [
          { catalogue: "google-analytics-4" },
          { catalogue: "youtube", service: { ja: "YouTube（講座）", en: "YouTube (courses)" }, optOut: "https://example.com/stop" },
          { service: "チャット", recipient: "株式会社例", information: ["閲覧したページのURL"], purposes: ["問合せ対応"], optOut: "設定画面から停止" },
        ],
      },
      lang,
    );

  it("takes the catalogue's words in the page's language", () => {
    const [ga] = section("en").entries;
    const entry = catalogue.get("google-analytics-4")!;
    expect(ga).toEqual({
      catalogue: "google-analytics-4",
      service: entry.service.en,
      recipient: "Google LLC",
      information: entry.information.map((t) => t.en),
      purposes: entry.purposes.map((t) => t.en),
      optOut: { url: "https://tools.google.com/dlpage/gaoptout" },
      policy: "https://policies.google.com/privacy",
    });
  });

  it("lets the organization's fields override the catalogue's, and keeps the rest", () => {
    const [, youtube] = section("ja").entries;
    expect(youtube?.service).toBe("YouTube（講座）");
    expect(youtube?.optOut).toEqual({ url: "https://example.com/stop" });
    expect(youtube?.recipient).toBe("Google LLC");
    expect(youtube?.information).toEqual(catalogue.get("youtube")!.information.map((t) => t.ja));
  });

  it("renders an entry of the organization's own as written, an opt-out in words as words", () => {
    const [, , own] = section("ja").entries;
    expect(own).toEqual({
      catalogue: undefined,
      service: "チャット",
      recipient: "株式会社例",
      information: ["閲覧したページのURL"],
      purposes: ["問合せ対応"],
      optOut: { text: "設定画面から停止" },
      policy: undefined,
    });
  });

  it("heads the table with the law's three matters, each with its article", () => {
    const { labels, reference, ref } = section("ja");
    expect(labels.information).toEqual({ text: "送信される利用者に関する情報の内容", reference: "電気通信事業法施行規則第22条の2の29第1号", ref: "TBA Regulations Art. 22-2-29(i)" });
    expect(reference).toBe("電気通信事業法第27条の12");
    expect(ref).toBe("TBA Art. 27-12");
  });

  it("has a page of its own only when asked, and it moves with the site's base", () => {
    const source = (page: boolean): SourceFile =>
      ({
        slug: "sakura",
        file: "organizations/sakura.yaml",
        format: "yaml",
        data: { languages: ["ja"], organization: { name: "さくら会" }, externalTransmission: { page, entries: [{ catalogue: "youtube" }] } },
        locate: () => ({ line: 1, column: 1 }),
      }) as unknown as SourceFile;
    expect(normalizeOrganization(source(false)).pages[0]?.transmissionUrl).toBeUndefined();
    const organization = normalizeOrganization(source(true));
    expect(organization.pages[0]?.transmissionUrl).toBe("/sakura/external-transmission/ja/");
    expect(placeUnder([organization], "/privacy/")[0]?.pages[0]?.transmissionUrl).toBe("/privacy/sakura/external-transmission/ja/");
  });
});
