/**
 * The shape of a valid organization file, as TypeScript sees it. The JSON Schema is the
 * contract; this mirrors it for the code that runs after validation.
 */
import type { DateStyle, Lang, Weekday } from "./policy.js";

export type Text = string | Partial<Record<Lang, string>>;
export type Toggle<T> = boolean | T | undefined;

/** A toggled section's options: undefined when it is off, `{}` for `true`. */
export function options<T extends object>(toggle: Toggle<T>): Partial<T> | undefined {
  if (toggle === undefined || toggle === false) return undefined;
  return toggle === true ? {} : toggle;
}
export type ExceptionItem = string | { text: Text };

export interface ContactInput {
  id?: string;
  handles?: Array<"requests" | "complaints" | "inquiries">;
  department: Text;
  officer?: Text;
  postalCode?: string;
  address?: Text;
  phone?: string;
  fax?: string;
  email?: string;
  form?: string;
  hours?: {
    days: Weekday[];
    open: string;
    close: string;
    closedOnNationalHolidays?: boolean;
    closedOnOwnHolidays?: boolean;
    note?: Text;
  };
  note?: Text;
}

/** A catalogue id, whose fields the others override; or, without one, an entry of the organization's own. */
export interface ExternalTransmissionEntryInput {
  catalogue?: string;
  service?: Text;
  recipient?: Text;
  information?: Text[];
  purposes?: Text[];
  /** A web address, or words. */
  optOut?: Text;
  policy?: string;
  hosts?: string[];
}

export interface PurposesInput {
  list?: Text[];
  groups?: Array<{ subject: Text; list: Text[] }>;
  incidental?: boolean;
  statedAtCollection?: boolean;
  changesAnnounced?: boolean;
}

export type ProfileId = "privacy-mark" | "telecom";

export interface OrganizationInput {
  languages: Lang[];
  /** One standard, or several: `privacy-mark`, `telecom`. */
  profile?: ProfileId | ProfileId[];
  /** Completeness findings the organization answers with a reason: code → why it does not apply. */
  acknowledge?: Record<string, string>;
  authoritative?: Lang;
  organization: {
    name: Text;
    shortName?: Text;
    kind?: "npo" | "public-body" | "company" | "association" | "other";
    academicResearch?: "institution" | "provides-to-institution";
    postalCode?: string;
    address?: Text;
    representative?: { title?: Text; name: Text };
    website?: string;
  };
  policy?: {
    title?: Text;
    introduction?: Text;
    enacted?: string;
    revisions?: Array<{ date: string; summary?: Text; material?: boolean }>;
    dateStyle?: DateStyle;
  };
  basicPolicy?: Toggle<{ internalRules?: boolean | Text; officer?: Text; statement?: Text }>;
  compliance?: Toggle<{ guidelines?: boolean; laws?: string[]; others?: Text[]; internalRules?: boolean }>;
  definition?: Toggle<object>;
  collection?: Toggle<{
    required?: Text[];
    optional?: Text[];
    items?: Text[];
    methods?: Text[];
    methodsExclusive?: boolean;
    onlyNecessary?: boolean;
    voluntary?: boolean;
    specialCare?: boolean;
  }>;
  purposes?: Text[] | PurposesInput;
  useBeyondPurpose?: { exceptions: ExceptionItem[]; secrecyOfCommunications?: boolean };
  specialCare?: Toggle<{ items?: Text[] }>;
  properAcquisition?: Toggle<object>;
  accuracy?: Toggle<{ deleteWhenUnneeded?: boolean }>;
  retention?: { period: Text; deletion?: Text };
  security?: Toggle<{
    basicPolicy?: Text[];
    rules?: Text[];
    organizational?: Text[];
    human?: Text[];
    physical?: Text[];
    technical?: Text[];
    externalEnvironment?: { countries: Array<{ country: Text; detail?: Text }>; note?: Text };
    review?: boolean;
  }>;
  employeeSupervision?: Toggle<{ training?: boolean }>;
  outsourcing?: Toggle<{ examples?: Text[]; selection?: boolean; contractTerms?: string[]; entrustedToUs?: boolean }>;
  thirdPartyProvision?: { exceptions: ExceptionItem[] };
  jointUse?: {
    items: Text[];
    users: Text;
    purposes: Text[];
    manager: { name: Text; address: Text; representative?: Text };
  };
  foreignProvision?: {
    recipients?: Array<{ country: Text; regime: Text; measures: Text }>;
    unidentified?: { reason: Text; reference?: Text };
  };
  personallyReferable?: Toggle<{ items?: Text[]; recipients?: Text[]; foreign?: boolean }>;
  pseudonymized?: { items?: Text[]; purposes?: Text[] };
  anonymized?: { items?: Text[]; provision?: { items?: Text[]; method?: Text } };
  locationInformation?: Toggle<{ purposes?: Text[] }>;
  cookies?: Toggle<{
    purposes?: Text[];
    identifiesIndividuals?: boolean;
    analytics?: Array<{ name: Text; provider?: Text; url?: string }>;
    optOut?: boolean;
  }>;
  externalTransmission?: { page?: boolean; entries: ExternalTransmissionEntryInput[] };
  ssl?: Toggle<{ forms?: Text[] }>;
  requests?: {
    kinds: string[];
    procedure?: Text;
    identityVerification?: Text;
    fee?: { amount: Text; method?: Text };
    /** How an electronic record is given, when disclosure is offered: a file format, a channel. */
    electronicDisclosure?: Text;
    contact?: string;
  };
  optOut?: {
    items?: Text[];
    acquisition?: Text;
    method?: Text;
    requestMethod?: Text;
    updates?: Text;
    start?: string;
  };
  complaints?: Toggle<{
    officer?: Text;
    contact?: string;
    accreditedOrganization?: { name: Text; contact?: Text };
  }>;
  leakResponse?: Toggle<object>;
  continuousImprovement?: Toggle<{ audits?: boolean }>;
  policyChanges?: Toggle<{ withoutNotice?: boolean; effectiveOnPosting?: boolean }>;
  contacts?: ContactInput[];
  customSections?: Array<{ title: Text; body: Text; after?: string }>;
}
