/**
 * The render model: everything a template needs, already in one language, with
 * statutory clauses resolved from the library. Templates only arrange and word it.
 */

export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

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
}

/** One numbered section; `id` picks the partial `templates/sections/<id>.njk`. */
export type SectionModel =
  | { id: "basicPolicy"; internalRules: boolean; internalRulesName?: string; officer?: string; statement?: string }
  | { id: "compliance"; guidelines: boolean; internalRules: boolean }
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
  | { id: "useBeyondPurpose"; exceptions: ResolvedClause[] }
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
  | { id: "ssl"; forms: string[] }
  | {
      id: "requests";
      kinds: ResolvedClause[];
      procedure?: string;
      identityVerification?: string;
      fee?: { amount: string; method?: string };
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
  /** Latest of enactment and revisions; undefined when the policy states neither. */
  lastRevised?: string;
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
}
