/**
 * The standard sections of one page, from the organization's data: each section's facts in
 * the page's language, its clauses resolved from the library. normalize.ts orders and
 * numbers them with the custom sections.
 */
import { label, normalizeCategories, statement } from "./categories.js";
import { normalizeExternalTransmission } from "./external-transmission.js";
import { pick } from "./pick.js";
import { appiRef, clauseLibrary, type ArticleRef, type Clause } from "../clauses/library.js";
import { citeAppi } from "../wording/cite.js";
import { clauseId } from "../wording/law-words.js";
import { textOf } from "../wording/wording.js";
import { options, type ExceptionItem, type OrganizationInput, type PurposesInput, type Text } from "../model/input.js";
import type { ContactModel, Lang, LegalLabel, ResolvedClause, SectionModel } from "../model/policy.js";

export function standardSections(data: OrganizationInput, lang: Lang, contacts: readonly ContactModel[]): Map<string, SectionModel> {
  const org = data.organization;
  const t = (text: Text) => pick(text, lang);
  const tOpt = (text: Text | undefined) => (text === undefined ? undefined : pick(text, lang));
  const list = (texts: Text[] | undefined) => (texts ?? []).map(t);
  const contactById = (id: string | undefined) =>
    id === undefined ? undefined : contacts.find((c) => c.id === id);

  const standard = new Map<string, SectionModel>();
  const add = (section: SectionModel | undefined) => section && standard.set(section.id, section);

  const basic = options(data.basicPolicy);
  if (basic) {
    const rules = basic.internalRules;
    add({
      id: "basicPolicy",
      internalRules: !!rules,
      internalRulesName: typeof rules === "boolean" ? undefined : tOpt(rules),
      officer: tOpt(basic.officer),
      statement: tOpt(basic.statement),
    });
  }
  const compliance = options(data.compliance);
  if (compliance) {
    add({
      id: "compliance",
      guidelines: !!compliance.guidelines,
      laws: (compliance.laws ?? []).map((law) => statement("laws", law, lang)),
      others: list(compliance.others),
      internalRules: !!compliance.internalRules,
    });
  }
  if (options(data.definition)) add({ id: "definition" });
  const collection = options(data.collection);
  if (collection) {
    add({
      id: "collection",
      required: list(collection.required),
      optional: list(collection.optional),
      items: list(collection.items),
      methods: list(collection.methods),
      methodsExclusive: !!collection.methodsExclusive,
      onlyNecessary: !!collection.onlyNecessary,
      voluntary: !!collection.voluntary,
    });
  }
  if (data.purposes) {
    const purposes: PurposesInput = Array.isArray(data.purposes) ? { list: data.purposes } : data.purposes;
    add({
      id: "purposes",
      list: list(purposes.list),
      groups: (purposes.groups ?? []).map((g) => ({ subject: t(g.subject), list: list(g.list) })),
      incidental: !!purposes.incidental,
      statedAtCollection: !!purposes.statedAtCollection,
      changesAnnounced: !!purposes.changesAnnounced,
    });
  }
  if (data.useBeyondPurpose) {
    add({
      id: "useBeyondPurpose",
      exceptions: resolveExceptions(data.useBeyondPurpose.exceptions, "useRef", lang),
      secrecyOfCommunications: data.useBeyondPurpose.secrecyOfCommunications
        ? statement("telecom", "secrecy-beyond-purpose", lang)
        : undefined,
    });
  }
  if (options(data.properAcquisition)) add({ id: "properAcquisition" });
  const accuracy = options(data.accuracy);
  if (accuracy) add({ id: "accuracy", deleteWhenUnneeded: !!accuracy.deleteWhenUnneeded });
  if (data.retention) add({ id: "retention", period: t(data.retention.period), deletion: tOpt(data.retention.deletion) });
  const security = options(data.security);
  if (security) {
    const headings = clauseLibrary().securityHeadings;
    const heading = (kind: string) => headings.get(kind) as Clause;
    add({
      id: "security",
      measures: (["basicPolicy", "rules", "organizational", "human", "physical", "technical"] as const)
        .filter((kind) => security[kind]?.length)
        .map((kind) => ({
          kind,
          heading: textOf(clauseId("securityHeadings", kind), lang),
          reference: citeAppi(heading(kind).ref as ArticleRef, lang),
          ref: appiRef(heading(kind).ref as ArticleRef),
          items: list(security[kind]),
        })),
      externalEnvironment: security.externalEnvironment && {
        heading: textOf(clauseId("securityHeadings", "externalEnvironment"), lang),
        ref: appiRef(heading("externalEnvironment").ref as ArticleRef),
        countries: security.externalEnvironment.countries.map((c) => ({ country: t(c.country), detail: tOpt(c.detail) })),
        note: tOpt(security.externalEnvironment.note),
      },
      review: !!security.review,
    });
  }
  const employees = options(data.employeeSupervision);
  if (employees) add({ id: "employeeSupervision", training: !!employees.training });
  const outsourcing = options(data.outsourcing);
  if (outsourcing) {
    add({
      id: "outsourcing",
      examples: list(outsourcing.examples),
      selection: !!outsourcing.selection,
      contractTerms: resolveIds(outsourcing.contractTerms ?? [], "contractTerms", lang),
      entrustedToUs: !!outsourcing.entrustedToUs,
    });
  }
  if (data.thirdPartyProvision) {
    add({
      id: "thirdPartyProvision",
      exceptions: resolveExceptions(data.thirdPartyProvision.exceptions, "provisionRef", lang),
    });
  }
  if (data.jointUse) {
    const joint = data.jointUse;
    add({
      id: "jointUse",
      items: list(joint.items),
      users: t(joint.users),
      purposes: list(joint.purposes),
      manager: { name: t(joint.manager.name), address: t(joint.manager.address), representative: tOpt(joint.manager.representative) },
      labels: {
        items: legalLabel("jointUseItems", "items", lang),
        users: legalLabel("jointUseItems", "users", lang),
        purposes: legalLabel("jointUseItems", "purposes", lang),
        manager: legalLabel("jointUseItems", "manager", lang),
      },
      reference: citeAppi([27, 5, 3], lang),
      ref: appiRef([27, 5, 3]),
    });
  }
  if (data.foreignProvision) {
    const foreign = data.foreignProvision;
    add({
      id: "foreignProvision",
      recipients: (foreign.recipients ?? []).map((r) => ({ country: t(r.country), regime: t(r.regime), measures: t(r.measures) })),
      unidentified: foreign.unidentified && { reason: t(foreign.unidentified.reason), reference: tOpt(foreign.unidentified.reference) },
      labels: {
        country: legalLabel("foreignProvisionItems", "country", lang),
        regime: legalLabel("foreignProvisionItems", "regime", lang),
        measures: legalLabel("foreignProvisionItems", "measures", lang),
        unidentifiedReason: legalLabel("foreignProvisionItems", "unidentified-reason", lang),
        unidentifiedReference: legalLabel("foreignProvisionItems", "unidentified-reference", lang),
      },
      reference: citeAppi([28, 0, 0], lang),
      ref: appiRef([28, 0, 0]),
    });
  }
  if (data.optOut) {
    const optOut = data.optOut;
    const item = (id: string) => legalLabel("optOutItems", id, lang);
    const representative = org.representative && [tOpt(org.representative.title), t(org.representative.name)].filter(Boolean).join(" ");
    const fact = (id: string, values: Array<string | undefined>) => ({ label: item(id), values: values.filter((v): v is string => !!v) });
    add({
      id: "optOut",
      facts: [
        fact("operator", [t(org.name), tOpt(org.address), representative]),
        fact("items", list(optOut.items)),
        fact("acquisition", [tOpt(optOut.acquisition)]),
        fact("method", [tOpt(optOut.method)]),
        fact("request-method", [tOpt(optOut.requestMethod)]),
        fact("updates", [tOpt(optOut.updates)]),
      ].filter((f) => f.values.length > 0),
      start: optOut.start === undefined ? undefined : { label: item("start"), date: optOut.start },
      specialCareExcluded: statement("specialCare", "no-opt-out", lang),
      reference: citeAppi([27, 2, 0], lang),
      ref: appiRef([27, 2, 0]),
    });
  }
  for (const section of normalizeCategories(data, lang, t)) add(section);
  const cookies = options(data.cookies);
  if (cookies) {
    add({
      id: "cookies",
      purposes: list(cookies.purposes),
      identifiesIndividuals: cookies.identifiesIndividuals,
      analytics: (cookies.analytics ?? []).map((a) => ({ name: t(a.name), provider: tOpt(a.provider), url: a.url })),
      optOut: !!cookies.optOut,
    });
  }
  if (data.externalTransmission) add(normalizeExternalTransmission(data.externalTransmission, lang));
  const ssl = options(data.ssl);
  if (ssl) add({ id: "ssl", forms: list(ssl.forms) });
  if (data.requests) {
    const requests = data.requests;
    const discloses = requests.kinds.some((kind) => kind === "disclosure" || kind === "third-party-records");
    add({
      id: "requests",
      kinds: resolveIds(requests.kinds, "requestKinds", lang),
      procedure: tOpt(requests.procedure),
      identityVerification: tOpt(requests.identityVerification),
      fee: requests.fee && { amount: t(requests.fee.amount), method: tOpt(requests.fee.method) },
      disclosureMethods: discloses ? statement("disclosureMethods", "methods", lang) : undefined,
      electronicDisclosure:
        discloses && requests.electronicDisclosure !== undefined
          ? { label: label("disclosureMethods", "electronic", lang), text: t(requests.electronicDisclosure) }
          : undefined,
      contact: contactById(requests.contact),
    });
  }
  const complaints = options(data.complaints);
  if (complaints) {
    const accredited = complaints.accreditedOrganization;
    add({
      id: "complaints",
      officer: tOpt(complaints.officer),
      contact: contactById(complaints.contact),
      accreditedOrganization: accredited && { name: t(accredited.name), contact: tOpt(accredited.contact) },
    });
  }
  if (options(data.leakResponse)) add({ id: "leakResponse" });
  const improvement = options(data.continuousImprovement);
  if (improvement) add({ id: "continuousImprovement", audits: !!improvement.audits });
  const changes = options(data.policyChanges);
  if (changes) add({ id: "policyChanges", withoutNotice: !!changes.withoutNotice, effectiveOnPosting: !!changes.effectiveOnPosting });
  return standard;
}

function resolveExceptions(items: ExceptionItem[], refKind: "useRef" | "provisionRef", lang: Lang): ResolvedClause[] {
  const library = clauseLibrary().exceptions;
  return items.map((item) => {
    if (typeof item !== "string") return { text: pick(item.text, lang) };
    const clause = library.get(item) as Clause;
    const ref = clause[refKind];
    return {
      id: item,
      text: textOf(clauseId("exceptions", item), lang),
      reference: ref ? citeAppi(ref, lang) : undefined,
      ref: ref ? appiRef(ref) : undefined,
    };
  });
}

/** A heading in the law's words, from the clause library. */
function legalLabel(group: "jointUseItems" | "foreignProvisionItems" | "optOutItems", id: string, lang: Lang): LegalLabel {
  const clause = clauseLibrary()[group].get(id) as Clause;
  const ref = clause.ref as ArticleRef;
  return { text: textOf(clauseId(group, id), lang), reference: citeAppi(ref, lang), ref: appiRef(ref) };
}

/**
 * Request kinds each cite their own article; contract terms all rest on Art. 25, which
 * the section cites once — repeating it on every term would be noise.
 */
function resolveIds(ids: string[], group: "contractTerms" | "requestKinds", lang: Lang): ResolvedClause[] {
  const library = clauseLibrary()[group];
  return ids.map((id) => {
    const clause = library.get(id) as Clause;
    const cite = group === "requestKinds" && clause.ref;
    return {
      id,
      text: textOf(clauseId(group, id), lang),
      reference: cite ? citeAppi(cite, lang) : undefined,
      ref: clause.ref ? appiRef(clause.ref) : undefined,
    };
  });
}
