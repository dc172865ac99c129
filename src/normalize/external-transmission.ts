/**
 * The external-transmission section in one language: each entry taken from the catalogue
 * (with the organization's overrides) or from its own words, and the law's headings and
 * articles from the clause library.
 */
import { externalTransmissionCatalogue, type Bilingual } from "../catalogue/external-transmission.js";
import { TRANSMISSION_ITEMS, formatLawArticle, lawRef, transmissionClauses } from "../clauses/external-transmission.js";
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
    return { text: clause[lang], reference: formatLawArticle(clause, lang), ref: lawRef(clause) };
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
  const text = (own: Text | undefined, fallback: Bilingual | undefined) =>
    own !== undefined ? pick(own, lang) : fallback ? fallback[lang] : "";
  const texts = (own: Text[] | undefined, fallback: Bilingual[] | undefined) =>
    own !== undefined ? own.map((t) => pick(t, lang)) : (fallback ?? []).map((t) => t[lang]);
  const optOut = entry.optOut ?? base?.optOut;
  return {
    catalogue: entry.catalogue,
    service: text(entry.service, base?.service),
    recipient: text(entry.recipient, base?.recipient),
    information: texts(entry.information, base?.information),
    purposes: texts(entry.purposes, base?.purposes),
    optOut:
      optOut === undefined
        ? undefined
        : typeof optOut === "string" && WEB_ADDRESS.test(optOut)
          ? { url: optOut }
          : { text: typeof optOut === "string" ? optOut : (optOut[lang] ?? "") },
    policy: entry.policy ?? base?.policy,
  };
}

function pick(text: Text, lang: Lang): string {
  return typeof text === "string" ? text : (text[lang] ?? "");
}
