/**
 * The normalize stage: a valid organization file becomes the render model — one page per
 * language, sections in the standard order and numbered, clauses resolved from the library.
 */
import type { SourceFile } from "../parse/parse.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { splitMarkdownBody } from "../parse/parse.js";
import { sayText } from "../wording/wording.js";
import { transmissionUrl } from "./external-transmission.js";
import { pick, pickOptional } from "./pick.js";
import { standardSections } from "./sections.js";
import type { ContactInput, OrganizationInput, Text } from "../model/input.js";
import type {
  ContactModel,
  Lang,
  NumberedSection,
  OrganizationModel,
  PolicyPage,
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
    name: Object.fromEntries(languages.map((lang) => [lang, pickOptional(data.organization.name, lang)])),
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
  const org = data.organization;
  const contacts = (data.contacts ?? []).map((c) => normalizeContact(c, lang));

  const standard = standardSections(data, lang, contacts);

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
