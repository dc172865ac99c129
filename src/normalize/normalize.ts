/**
 * The normalize stage: a valid organization file becomes the render model — one page per
 * language, sections in the standard order and numbered, clauses resolved from the library.
 */
import type { SourceFile } from "../parse/source.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { splitMarkdownBody } from "../parse/body.js";
import { sayText } from "../wording/wording.js";
import { normalizeExternalTransmission, transmissionUrl } from "./external-transmission.js";
import { label, normalizeCategories, statement } from "./categories.js";
import { clauseLibrary, formatArticle, type ArticleRef, type Clause } from "../clauses/library.js";
import { options, type ContactInput, type ExceptionItem, type OrganizationInput, type PurposesInput, type Text } from "../model/input.js";
import type {
  ContactModel,
  Lang,
  NumberedSection,
  OrganizationModel,
  LegalLabel,
  PolicyPage,
  ResolvedClause,
  SectionModel,
} from "../model/policy.js";

/** The brief's fixed order. Custom sections go before the contact points unless placed. */
export const STANDARD_ORDER = [
  "basicPolicy",
  "compliance",
  "definition",
  "collection",
  "specialCare",
  "locationInformation",
  "purposes",
  "useBeyondPurpose",
  "properAcquisition",
  "accuracy",
  "retention",
  "security",
  "employeeSupervision",
  "outsourcing",
  "thirdPartyProvision",
  "optOut",
  "jointUse",
  "foreignProvision",
  "personallyReferable",
  "pseudonymized",
  "anonymized",
  "cookies",
  "externalTransmission",
  "ssl",
  "requests",
  "complaints",
  "leakResponse",
  "continuousImprovement",
  "policyChanges",
] as const;

/**
 * `findings` are the completeness findings validation reported for this file (none
 * acknowledged): the index shows how much each policy still lacks.
 */
export function normalizeOrganization(source: SourceFile, findings: readonly Diagnostic[] = []): OrganizationModel {
  const data = source.data as OrganizationInput;
  const languages = data.languages;
  const authoritative = data.authoritative ?? (languages[0] as Lang);
  const policy = data.policy ?? {};
  const lastRevised = policy.revisions?.at(-1)?.date ?? policy.enacted;
  const body = source.body ? splitMarkdownBody(source.body, languages).sections : {};
  const pages = languages.map((lang) =>
    normalizePage(data, source.slug, lang, authoritative, lastRevised, body[lang] ?? []),
  );
  return {
    slug: source.slug,
    file: source.file,
    name: { ja: pickOptional(data.organization.name, "ja"), en: pickOptional(data.organization.name, "en") },
    languages,
    authoritative,
    dateStyle: policy.dateStyle ?? "era",
    enacted: policy.enacted,
    lastRevised,
    pages,
    missing: findings.map((f) => f.code),
    // Filled by attachHistory (history.ts) from the archive, when there is one.
    versions: [],
    changes: [],
    superseded: [],
    archivedFiles: [],
    feedUrl: lastRevised ? feedUrl(source.slug) : undefined,
  };
}

/** The organization's Atom feed of versions. */
export function feedUrl(slug: string): string {
  return `/${slug}/feed.xml`;
}

/** Text in one language. Validation guarantees every declared language is present. */
function pick(text: Text, lang: Lang): string {
  return typeof text === "string" ? text : (text[lang] ?? "");
}

function pickOptional(text: Text | undefined, lang: Lang): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === "string" ? text : text[lang];
}

function normalizePage(
  data: OrganizationInput,
  slug: string,
  lang: Lang,
  authoritative: Lang,
  lastRevised: string | undefined,
  bodySections: Array<{ title: string; markdown: string }>,
): PolicyPage {
  const policy = data.policy ?? {};
  const t = (text: Text) => pick(text, lang);
  const tOpt = (text: Text | undefined) => (text === undefined ? undefined : pick(text, lang));
  const list = (texts: Text[] | undefined) => (texts ?? []).map(t);
  const org = data.organization;
  const contacts = (data.contacts ?? []).map((c) => normalizeContact(c, lang));
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
          heading: heading(kind)[lang],
          reference: formatArticle(heading(kind).ref as ArticleRef, lang),
          ref: formatArticle(heading(kind).ref as ArticleRef, "en"),
          items: list(security[kind]),
        })),
      externalEnvironment: security.externalEnvironment && {
        heading: heading("externalEnvironment")[lang],
        ref: formatArticle(heading("externalEnvironment").ref as ArticleRef, "en"),
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
      reference: formatArticle([27, 5, 3], lang),
      ref: formatArticle([27, 5, 3], "en"),
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
      reference: formatArticle([28, 0, 0], lang),
      ref: formatArticle([28, 0, 0], "en"),
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
      reference: formatArticle([27, 2, 0], lang),
      ref: formatArticle([27, 2, 0], "en"),
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

  const sections = orderSections(
    standard,
    [
      ...(data.customSections ?? []).map((c) => ({ title: t(c.title), markdown: t(c.body), after: c.after })),
      ...bodySections.map((s) => ({ ...s, after: undefined })),
    ],
    contacts,
  );

  const shortName = pickOptional(org.shortName, lang);
  return {
    slug,
    lang,
    url: `/${slug}/${lang}/`,
    // Named for the organization, so a downloaded file says whose policy it is.
    pdfUrl: `/${slug}/${lang}/${slug}-privacy-policy-${lang}.pdf`,
    authoritative,
    isAuthoritative: lang === authoritative,
    alternates: data.languages.map((l) => ({ lang: l, url: `/${slug}/${l}/` })),
    title: tOpt(policy.title),
    organization: {
      name: t(org.name),
      self: shortName ?? defaultSelf(org.kind ?? "other", lang),
      postalCode: org.postalCode,
      address: tOpt(org.address),
      representative: org.representative && { title: tOpt(org.representative.title), name: t(org.representative.name) },
      website: org.website,
    },
    introduction: tOpt(policy.introduction),
    dateStyle: policy.dateStyle ?? "era",
    enacted: policy.enacted,
    revisions: (policy.revisions ?? []).map((r) => ({ date: r.date, summary: tOpt(r.summary), material: !!r.material })),
    lastRevised,
    feedUrl: lastRevised ? feedUrl(slug) : undefined,
    transmissionUrl: data.externalTransmission?.page ? transmissionUrl(slug, lang) : undefined,
    sections,
  };
}

function orderSections(
  standard: Map<string, SectionModel>,
  customs: Array<{ title: string; markdown: string; after: string | undefined }>,
  contacts: ContactModel[],
): NumberedSection[] {
  const placed = new Map<string, SectionModel[]>();
  const trailing: SectionModel[] = [];
  for (const custom of customs) {
    const section: SectionModel = { id: "custom", title: custom.title, markdown: custom.markdown };
    if (custom.after && standard.has(custom.after)) {
      placed.set(custom.after, [...(placed.get(custom.after) ?? []), section]);
    } else {
      trailing.push(section);
    }
  }
  const ordered: SectionModel[] = [];
  for (const id of STANDARD_ORDER) {
    const section = standard.get(id);
    if (!section) continue;
    ordered.push(section, ...(placed.get(id) ?? []));
  }
  ordered.push(...trailing);
  if (contacts.length) ordered.push({ id: "contacts", contacts });
  let customCount = 0;
  return ordered.map((section, index) => ({
    ...section,
    number: index + 1,
    anchor: section.id === "custom" ? `custom-${++customCount}` : kebab(section.id),
  }));
}

function kebab(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function resolveExceptions(items: ExceptionItem[], refKind: "useRef" | "provisionRef", lang: Lang): ResolvedClause[] {
  const library = clauseLibrary().exceptions;
  return items.map((item) => {
    if (typeof item !== "string") return { text: pick(item.text, lang) };
    const clause = library.get(item) as Clause;
    const ref = clause[refKind];
    return {
      id: item,
      text: clause[lang],
      reference: ref ? formatArticle(ref, lang) : undefined,
      ref: ref ? formatArticle(ref, "en") : undefined,
    };
  });
}

/** A heading in the law's words, from the clause library. */
function legalLabel(group: "jointUseItems" | "foreignProvisionItems" | "optOutItems", id: string, lang: Lang): LegalLabel {
  const clause = clauseLibrary()[group].get(id) as Clause;
  const ref = clause.ref as ArticleRef;
  return { text: clause[lang], reference: formatArticle(ref, lang), ref: formatArticle(ref, "en") };
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
      text: clause[lang],
      reference: cite ? formatArticle(cite, lang) : undefined,
      ref: clause.ref ? formatArticle(clause.ref, "en") : undefined,
    };
  });
}

function normalizeContact(contact: ContactInput, lang: Lang): ContactModel {
  const t = (text: Text | undefined) => (text === undefined ? undefined : pick(text, lang));
  return {
    id: contact.id,
    handles: contact.handles ?? [],
    department: pick(contact.department, lang),
    officer: t(contact.officer),
    postalCode: contact.postalCode,
    address: t(contact.address),
    phone: contact.phone,
    fax: contact.fax,
    email: contact.email,
    form: contact.form,
    hours: contact.hours && {
      days: contact.hours.days,
      open: contact.hours.open,
      close: contact.hours.close,
      closedOnNationalHolidays: !!contact.hours.closedOnNationalHolidays,
      closedOnOwnHolidays: !!contact.hours.closedOnOwnHolidays,
      note: t(contact.hours.note),
    },
    note: t(contact.note),
  };
}

/** The wording's name for an organization of this kind (当法人, 当社, …), or none where the language words it as "we". */
function defaultSelf(kind: string, lang: Lang): string | undefined {
  return sayText(`self.${kind}`, lang) || undefined;
}
