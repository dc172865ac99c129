/**
 * The sections for the APPI's categories with duties of their own — special care-required,
 * personally referable, pseudonymously and anonymously processed information — and, for
 * telecommunications businesses, location information. Each is the law's statements from
 * the clause library, in the library's order, and the facts the organization gives under
 * the law's own headings; the template draws them all alike.
 */
import { appiRef, clauseLibrary, type Clause, type ClauseGroup } from "../clauses/library.js";
import { citeAppi } from "../wording/cite.js";
import { clauseCiteId, clauseId } from "../wording/law-words.js";
import { textOf } from "../wording/wording.js";
import { options, type OrganizationInput, type Text } from "../model/input.js";
import type { Lang, LegalLabel, ResolvedClause, SectionModel } from "../model/policy.js";

export type CategorySectionId = "specialCare" | "locationInformation" | "personallyReferable" | "pseudonymized" | "anonymized";
type CategorySection = Extract<SectionModel, { id: CategorySectionId }>;
type Fact = CategorySection["facts"][number];

/** A statement of the library, with the article (or the other law) it rests on. */
export function statement(group: ClauseGroup, id: string, lang: Lang): ResolvedClause {
  const clause = clauseLibrary()[group].get(id) as Clause;
  return {
    id,
    text: textOf(clauseId(group, id), lang),
    reference: clause.ref ? citeAppi(clause.ref, lang) : clause.cite && textOf(clauseCiteId(group, id), lang),
    ref: clause.ref ? appiRef(clause.ref) : clause.cite?.ref,
  };
}

/** A heading of the library, with the article it rests on. */
export function label(group: ClauseGroup, id: string, lang: Lang): LegalLabel {
  const { text, reference, ref } = statement(group, id, lang);
  return { text, reference: reference ?? "", ref: ref ?? "" };
}

export function normalizeCategories(data: OrganizationInput, lang: Lang, pick: (text: Text) => string): CategorySection[] {
  const list = (texts: Text[] | undefined) => (texts ?? []).map(pick);
  const fact = (group: ClauseGroup, id: string, values: string[]): Fact[] =>
    values.length ? [{ label: label(group, id, lang), values }] : [];
  const says = (group: ClauseGroup, ...ids: Array<string | false>) =>
    ids.filter((id): id is string => id !== false).map((id) => statement(group, id, lang));
  const sections: CategorySection[] = [];

  const specialCare = options(data.specialCare);
  if (specialCare) {
    sections.push({
      id: "specialCare",
      statements: says("specialCare", "definition", "consent", "no-opt-out"),
      facts: fact("specialCare", "items", list(specialCare.items)),
    });
  }
  const location = options(data.locationInformation);
  if (location) {
    sections.push({
      id: "locationInformation",
      statements: says("telecom", "location"),
      facts: fact("telecom", "location-purposes", list(location.purposes)),
    });
  }
  const referable = options(data.personallyReferable);
  if (referable) {
    sections.push({
      id: "personallyReferable",
      statements: says("personallyReferable", "definition", "consent", !!referable.foreign && "foreign", "records"),
      facts: [
        ...fact("personallyReferable", "items", list(referable.items)),
        ...fact("personallyReferable", "recipients", list(referable.recipients)),
      ],
    });
  }
  const pseudonymized = data.pseudonymized;
  if (pseudonymized) {
    sections.push({
      id: "pseudonymized",
      statements: says("pseudonymized", "definition", "production", "no-provision", "no-identification"),
      facts: [
        ...fact("pseudonymized", "items", list(pseudonymized.items)),
        ...fact("pseudonymized", "purposes", list(pseudonymized.purposes)),
      ],
    });
  }
  const anonymized = data.anonymized;
  if (anonymized) {
    const provision = anonymized.provision;
    sections.push({
      id: "anonymized",
      statements: says("anonymized", "definition", "production", !!provision && "provision-notice", "no-identification"),
      facts: [
        ...fact("anonymized", "items", list(anonymized.items)),
        ...fact("anonymized", "provision-items", list(provision?.items)),
        ...fact("anonymized", "provision-method", provision?.method === undefined ? [] : [pick(provision.method)]),
      ],
    });
  }
  return sections;
}
