/**
 * The render model: everything a template needs, already in one language, with
 * statutory clauses resolved from the library. Templates only arrange and word it.
 */

/**
 * A language, as a canonical BCP 47 tag (`ja`, `en`, `zh-Hans`, `pt-BR`): one hoshin ships
 * wording for (`wording/`), or one a site adds (`languages/`).
 */
export type Lang = string;

/** A BCP 47 tag's shape: a language subtag and any further subtags. Intl says whether it is canonical. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export type DateStyle = "era" | "gregorian" | "both";
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** A clause as it appears on a page: the law's words and where to look them up. */
export interface ResolvedClause {
  /** Library id, or undefined for an organization's own case. */
  id?: string;
  text: string;
  /** "個人情報保護法第27条第1項第1号" / "APPI Art. 27(1)(i)"; undefined for own cases. */
  reference?: string;
  /** The same article in one form for every language ("APPI Art. 27(1)(i)"), for `data-ref`. */
  ref?: string;
}

/** A heading the law words (a joint-use item, an opt-out item), with where it says so. */
export interface LegalLabel {
  text: string;
  reference: string;
  ref: string;
}

export interface HoursModel {
  days: Weekday[];
  open: string;
  close: string;
  closedOnNationalHolidays: boolean;
  closedOnOwnHolidays: boolean;
  note?: string;
}

export interface ContactModel {
  id?: string;
  handles: Array<"requests" | "complaints" | "inquiries">;
  department: string;
  officer?: string;
  postalCode?: string;
  address?: string;
  phone?: string;
  fax?: string;
  email?: string;
  form?: string;
  hours?: HoursModel;
  note?: string;
}

export interface RevisionModel {
  date: string;
  summary?: string;
  /** Changes purposes, third-party provision, joint use or foreign provision. */
  material: boolean;
  /** The archived copy of the policy as it stood after this revision, when it is superseded. */
  versionUrl?: string;
  /** What this revision changed, when the version before it is archived. */
  changesUrl?: string;
}

/** One row of the external-transmission table: a service and what it sends, to whom, and why. */
export interface TransmissionEntry {
  /** The catalogue id it was taken from, if any. */
  catalogue?: string;
  service: string;
  recipient: string;
  information: string[];
  purposes: string[];
  optOut?: { url: string } | { text: string };
  policy?: string;
}

/** One numbered section; `id` picks the partial `templates/sections/<id>.njk`. */
export type SectionModel =
  | { id: "basicPolicy"; internalRules: boolean; internalRulesName?: string; officer?: string; statement?: string }
  | { id: "compliance"; guidelines: boolean; laws: ResolvedClause[]; others: string[]; internalRules: boolean }
  | { id: "definition" }
  | {
      id: "collection";
      required: string[];
      optional: string[];
      items: string[];
      methods: string[];
      methodsExclusive: boolean;
      onlyNecessary: boolean;
      voluntary: boolean;
    }
  | {
      id: "purposes";
      list: string[];
      groups: Array<{ subject: string; list: string[] }>;
      incidental: boolean;
      statedAtCollection: boolean;
      changesAnnounced: boolean;
    }
  | { id: "useBeyondPurpose"; exceptions: ResolvedClause[]; secrecyOfCommunications?: ResolvedClause }
  | {
      id: "specialCare" | "locationInformation" | "personallyReferable" | "pseudonymized" | "anonymized";
      /** The law's statements, from the clause library, each with its article. */
      statements: ResolvedClause[];
      /** What the organization says, under the law's headings. */
      facts: Array<{ label: LegalLabel; values: string[] }>;
    }
  | { id: "properAcquisition" }
  | { id: "accuracy"; deleteWhenUnneeded: boolean }
  | { id: "retention"; period: string; deletion?: string }
  | {
      id: "security";
      measures: Array<{ kind: string; heading: string; reference: string; ref: string; items: string[] }>;
      externalEnvironment?: {
        heading: string;
        ref: string;
        countries: Array<{ country: string; detail?: string }>;
        note?: string;
      };
      review: boolean;
    }
  | { id: "employeeSupervision"; training: boolean }
  | {
      id: "outsourcing";
      examples: string[];
      selection: boolean;
      contractTerms: ResolvedClause[];
      entrustedToUs: boolean;
    }
  | { id: "thirdPartyProvision"; exceptions: ResolvedClause[] }
  | {
      id: "jointUse";
      items: string[];
      users: string;
      purposes: string[];
      manager: { name: string; address: string; representative?: string };
      labels: Record<"items" | "users" | "purposes" | "manager", LegalLabel>;
      reference: string;
      ref: string;
    }
  | {
      id: "foreignProvision";
      recipients: Array<{ country: string; regime: string; measures: string }>;
      unidentified?: { reason: string; reference?: string };
      labels: Record<"country" | "regime" | "measures" | "unidentifiedReason" | "unidentifiedReference", LegalLabel>;
      reference: string;
      ref: string;
    }
  | {
      id: "optOut";
      /** The facts the data gives, in the law's order; the operator always first. */
      facts: Array<{ label: LegalLabel; values: string[] }>;
      /** The planned start date, formatted by the template in the page's date style. */
      start?: { label: LegalLabel; date: string };
      /** Special care-required personal information is never provided by opt-out (Art. 27(2) proviso). */
      specialCareExcluded: ResolvedClause;
      reference: string;
      ref: string;
    }
  | {
      id: "cookies";
      purposes: string[];
      identifiesIndividuals?: boolean;
      analytics: Array<{ name: string; provider?: string; url?: string }>;
      optOut: boolean;
    }
  | {
      id: "externalTransmission";
      entries: TransmissionEntry[];
      /** The three matters of the Enforcement Regulations, as the table's headings. */
      labels: Record<"information" | "recipient" | "purposes", LegalLabel>;
      /** 電気通信事業法第27条の12 / Telecommunications Business Act Art. 27-12, and its `data-ref`. */
      reference: string;
      ref: string;
      /** The article of the Regulations that names the matters. */
      regulations: string;
    }
  | { id: "ssl"; forms: string[] }
  | {
      id: "requests";
      kinds: ResolvedClause[];
      procedure?: string;
      identityVerification?: string;
      fee?: { amount: string; method?: string };
      /** Where disclosure is offered: the methods the person may ask for (Art. 33(1)–(2)). */
      disclosureMethods?: ResolvedClause;
      electronicDisclosure?: { label: LegalLabel; text: string };
      contact?: ContactModel;
    }
  | {
      id: "complaints";
      officer?: string;
      contact?: ContactModel;
      accreditedOrganization?: { name: string; contact?: string };
    }
  | { id: "leakResponse" }
  | { id: "continuousImprovement"; audits: boolean }
  | { id: "policyChanges"; withoutNotice: boolean; effectiveOnPosting: boolean }
  | { id: "custom"; title: string; markdown: string }
  | { id: "contacts"; contacts: ContactModel[] };

export type SectionId = SectionModel["id"];

/** A section with its place in the document. */
export type NumberedSection = SectionModel & { number: number; anchor: string };

export interface AlternateLink {
  lang: Lang;
  url: string;
}

/** One policy page: one organization in one language. */
export interface PolicyPage {
  slug: string;
  lang: Lang;
  /** Site-relative URL, before any path prefix: `/genron-npo/ja/`. */
  url: string;
  /** Where this page's PDF goes, when PDFs are built: `/genron-npo/ja/genron-npo-privacy-policy-ja.pdf`. */
  pdfUrl: string;
  authoritative: Lang;
  isAuthoritative: boolean;
  alternates: AlternateLink[];
  /** Title of the policy (standard unless the data overrides it). */
  title?: string;
  organization: {
    name: string;
    /**
     * How the policy refers to the organization in this page's language: 当センター (on
     * Japanese pages always set, by default from the kind), “our center” (English pages,
     * only when the data gives one — English wording otherwise says “we”).
     */
    self?: string;
    postalCode?: string;
    address?: string;
    representative?: { title?: string; name: string };
    website?: string;
  };
  introduction?: string;
  dateStyle: DateStyle;
  /** Undefined when the policy states no date (some real ones do not). */
  enacted?: string;
  revisions: RevisionModel[];
  /** The archived copy of the policy as first enacted, when it is superseded. */
  enactedVersionUrl?: string;
  /** Latest of enactment and revisions; undefined when the policy states neither. */
  lastRevised?: string;
  /** The organization's Atom feed of versions, when the policy states a date: `/genron-npo/feed.xml`. */
  feedUrl?: string;
  /** The external-transmission section's page of its own, when the data asks for one: `/genron-npo/external-transmission/ja/`. */
  transmissionUrl?: string;
  sections: NumberedSection[];
}

/** One organization, every language. */
export interface OrganizationModel {
  slug: string;
  /** The data file, as the user sees it. */
  file: string;
  name: Record<Lang, string | undefined>;
  languages: Lang[];
  authoritative: Lang;
  dateStyle: DateStyle;
  enacted?: string;
  lastRevised?: string;
  pages: PolicyPage[];
  /** Codes of the matters the law requires that the data neither states nor acknowledges. */
  missing: string[];
  /** Every version, newest first: the archived ones and the current one. See history.ts. */
  versions: VersionModel[];
  /** One page per language for each version whose predecessor can be compared with it. */
  changes: ChangePage[];
  /** Archived pages that a later version replaced, to be published with a notice saying so. */
  superseded: SupersededPage[];
  /** Archived files published as they are: `{ from: absolute path, to: site-relative path }`. */
  archivedFiles: Array<{ from: string; to: string }>;
  /** Its Atom feed, when the policy states a date (and so has versions). */
  feedUrl?: string;
}

/** A version of a policy: as enacted, or as it stood after a revision. */
export interface VersionModel {
  date: string;
  /** The version the live pages show. */
  current: boolean;
  /** Frozen into the archive folder, so published at its own address for good. */
  archived: boolean;
  /** Declared by its revision, or found by comparing it with the version before. */
  material: boolean;
  /** The revision's summary by language; undefined for the enactment or when none is given. */
  summary?: Partial<Record<Lang, string>>;
  /** Where this version is read, by language (the archived copy, or the live page). */
  urls: AlternateLink[];
  /** Its change page, by language, when there is one. */
  changesUrls: AlternateLink[];
}

/** A section of the policy as it stood before and after a revision (either may be missing). */
export interface SectionChange {
  title: string;
  before?: NumberedSection;
  after?: NumberedSection;
  /** One of the sections whose change the law asks notice of. */
  material: boolean;
}

/** What one revision changed, in one language: sections compared side by side. */
export interface ChangePage {
  slug: string;
  lang: Lang;
  url: string;
  alternates: AlternateLink[];
  organizationName: string;
  title?: string;
  dateStyle: DateStyle;
  from: { date: string; url: string; page: PolicyPage };
  to: { date: string; url: string; page: PolicyPage; summary?: string; material: boolean };
  sections: SectionChange[];
  /** The live page in this language. */
  currentUrl: string;
  feedUrl?: string;
}

/** An archived page that a later version replaced: its bytes, split where the notice goes. */
export interface SupersededPage {
  slug: string;
  lang: Lang;
  /** Site-relative address of the archived page: `/genron-npo/versions/2022-04-01/ja/`. */
  url: string;
  date: string;
  dateStyle: DateStyle;
  /** The frozen HTML up to and including `<body…>`, and the rest. */
  head: string;
  rest: string;
  next: { date: string; changesUrl?: string };
  currentUrl: string;
}
