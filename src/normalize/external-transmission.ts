/**
 * The external-transmission section in one language: each entry taken from the catalogue
 * (with the organization's overrides) or from its own words, and the law's headings and
 * articles from the clause library.
 */
import { externalTransmissionCatalogue } from "../catalogue/external-transmission.js";
import { TRANSMISSION_ITEMS, lawRef, transmissionClauses, type LawArticle } from "../clauses/external-transmission.js";
import { citeArticle } from "../wording/cite.js";
import { catalogueId, transmissionItemId, transmissionLawId } from "../wording/law-words.js";
import { listOf, textOf } from "../wording/wording.js";
import type { ExternalTransmissionEntryInput, OrganizationInput, Text } from "../model/input.js";
import type { Lang, LegalLabel, SectionModel, TransmissionEntry } from "../model/policy.js";

type Section = Extract<SectionModel, { id: "externalTransmission" }>;

const WEB_ADDRESS = /^https?:\/\//;

/** `/<slug>/external-transmission/<lang>/`: the section's page of its own. */
export function transmissionUrl(slug: string, lang: Lang): string {
  return `/${slug}/external-transmission/${lang}/`;
}

/** `/<slug>/external-transmission/`: the short address that sends visitors on to the authoritative language. */
export function transmissionShortUrl(slug: string): string {
  return `/${slug}/external-transmission/`;
}

export function normalizeExternalTransmission(input: NonNullable<OrganizationInput["externalTransmission"]>, lang: Lang): Section {
  const clauses = transmissionClauses();
  const label = (item: (typeof TRANSMISSION_ITEMS)[number]): LegalLabel => {
    const clause = clauses.items[item];
    return { text: textOf(transmissionItemId(item), lang), reference: formatLawArticle(clause, lang), ref: lawRef(clause) };
  };
  return {
    id: "externalTransmission",
    entries: input.entries.map((entry) => normalizeEntry(entry, lang)),
    labels: { information: label("information"), recipient: label("recipient"), purposes: label("purposes") },
    reference: formatLawArticle(clauses.rule, lang),
    ref: lawRef(clauses.rule),
    regulations: formatLawArticle(clauses.regulations, lang),
  };
}

/** Validation guarantees an entry without a catalogue id has all four, and that an id exists. */
function normalizeEntry(entry: ExternalTransmissionEntryInput, lang: Lang): TransmissionEntry {
  const base = entry.catalogue === undefined ? undefined : externalTransmissionCatalogue().get(entry.catalogue);
  // The catalogue's words in this language: `catalogue.<id>.<field>` of its wording.
  const text = (own: Text | undefined, field: "service" | "recipient") =>
    own !== undefined ? pick(own, lang) : base ? textOf(catalogueId(base.id, field), lang) : "";
  const texts = (own: Text[] | undefined, field: "information" | "purposes") =>
    own !== undefined ? own.map((t) => pick(t, lang)) : base ? listOf(catalogueId(base.id, field), lang) : [];
  const optOut: Text | undefined =
    entry.optOut ?? (typeof base?.optOut === "object" ? textOf(catalogueId(base.id, "optOut"), lang) : base?.optOut);
  return {
    catalogue: entry.catalogue,
    service: text(entry.service, "service"),
    recipient: text(entry.recipient, "recipient"),
    information: texts(entry.information, "information"),
    purposes: texts(entry.purposes, "purposes"),
    optOut:
      optOut === undefined
        ? undefined
        : typeof optOut === "string" && WEB_ADDRESS.test(optOut)
          ? { url: optOut }
          : { text: pick(optOut, lang) },
    policy: entry.policy ?? base?.policy,
  };
}

function pick(text: Text, lang: Lang): string {
  return typeof text === "string" ? text : (text[lang] ?? "");
}

/**
 * 電気通信事業法第27条の12 / Telecommunications Business Act Art. 27-12;
 * 電気通信事業法施行規則第22条の2の29第1号 / … Regulations … Art. 22-2-29(i).
 */
export function formatLawArticle({ law, article, item }: LawArticle, lang: Lang): string {
  return citeArticle({ law: textOf(transmissionLawId(law), lang), article, item }, lang);
}
