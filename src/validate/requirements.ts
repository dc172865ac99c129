/**
 * What a published policy must say: the matters Japan's APPI requires an operator to make
 * known (Art. 32(1), with Cabinet Order Art. 10 under 32(1)(iv); Art. 27(2), 27(5)(iii), 28), what the
 * Privacy Mark standard (JIS Q 15001) adds for organizations that declare that profile, the
 * external transmissions of the Telecommunications Business Act (TBA, Art. 27-12), the APPI
 * categories with duties of their own where the organization's facts call for them, and what
 * the PPC/MIC guidelines ask of a telecommunications business (profile `telecom`).
 *
 * Each requirement has a stable code (users acknowledge findings by it), the article it
 * rests on, and the data path where the missing matter goes. `isMissing` reads data that
 * has already passed the schema and the semantic checks.
 */
import type { DataPath } from "../parse/parse.js";
import type { OrganizationInput } from "../model/input.js";
import { externalTransmissionCatalogue } from "../catalogue/external-transmission.js";

export type Profile = "privacy-mark" | "telecom";

export interface Requirement {
  code: string;
  /** Only for organizations that declare this profile; APPI requirements have none. */
  profile?: Profile;
  /** Where the law says so, as a reader looks it up: "APPI Art. 32(1)(i)". */
  article: string;
  /** What the policy does not say, completing "the policy does not state …". */
  matter: string;
  /** Where the missing matter goes in the data file. */
  path: DataPath;
  /** What to write there. */
  add: string;
  isMissing(data: OrganizationInput): boolean;
}

const on = (toggle: unknown): boolean => toggle !== undefined && toggle !== false;
const asObject = <T extends object>(toggle: boolean | T | undefined): Partial<T> =>
  typeof toggle === "object" && toggle !== null ? toggle : {};

const requestKinds = (data: OrganizationInput): readonly string[] => data.requests?.kinds ?? [];
const hasContacts = (data: OrganizationInput) => (data.contacts ?? []).length > 0;

/** The guideline's kinds of measure that every operator takes, each reported when missing. */
const SECURITY_KINDS = ["organizational", "human", "physical", "technical"] as const;
const securityMeasureCount = (data: OrganizationInput) => {
  const security = asObject(data.security);
  const lists = (["basicPolicy", "rules", ...SECURITY_KINDS] as const).filter((kind) => (security[kind] ?? []).length > 0);
  return lists.length + (security.externalEnvironment ? 1 : 0);
};

const requestKind = (kind: string, article: string, matter: string): Requirement => ({
  code: `appi-request-${kind}`,
  article,
  matter: `how to request ${matter}`,
  path: ["requests", "kinds"],
  add: `add \`${kind}\` to \`requests.kinds\``,
  isMissing: (data) => data.requests !== undefined && !requestKinds(data).includes(kind),
});

const securityHeading = (kind: (typeof SECURITY_KINDS)[number], words: string): Requirement => ({
  code: `appi-security-${kind}`,
  article: "APPI Art. 32(1)(iv); Cabinet Order Art. 10(i); PPC Guidelines (General Rules) 10",
  matter: `the ${words} security measures taken`,
  path: ["security", kind],
  add: `list them under \`security.${kind}\``,
  isMissing: (data) => securityMeasureCount(data) > 0 && !(asObject(data.security)[kind] ?? []).length,
});

const optOutItem = (key: string, article: string, matter: string, add: string): Requirement => ({
  code: `appi-opt-out-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  article,
  matter: `${matter}, for provision by opt-out`,
  path: ["optOut", key],
  add,
  isMissing: (data) => data.optOut !== undefined && (data.optOut as Record<string, unknown>)[key] === undefined,
});

/** Whether a declared tag's provider links what it receives to its users' accounts (the catalogue says which). */
const sendsToAccountLinkers = (data: OrganizationInput): boolean => {
  const catalogue = externalTransmissionCatalogue();
  return (data.externalTransmission?.entries ?? []).some(
    (entry) => entry.catalogue !== undefined && catalogue.get(entry.catalogue)?.linksToAccounts === true,
  );
};

const complianceLaws = (data: OrganizationInput): readonly string[] => asObject(data.compliance).laws ?? [];

const telecom = (code: string, article: string, matter: string, path: DataPath, add: string, isMissing: Requirement["isMissing"]): Requirement => ({
  code: `telecom-${code}`,
  profile: "telecom",
  article,
  matter,
  path,
  add,
  isMissing,
});

const privacyMark = (code: string, matter: string, path: DataPath, add: string, isMissing: Requirement["isMissing"]): Requirement => ({
  code: `privacy-mark-${code}`,
  profile: "privacy-mark",
  article: "JIS Q 15001, personal information protection policy",
  matter,
  path,
  add,
  isMissing,
});

export const REQUIREMENTS: readonly Requirement[] = [
  {
    code: "appi-operator-address",
    article: "APPI Art. 32(1)(i)",
    matter: "the operator's address",
    path: ["organization", "address"],
    add: "add `address:` under `organization`",
    isMissing: (data) => data.organization.address === undefined,
  },
  {
    code: "appi-operator-representative",
    article: "APPI Art. 32(1)(i)",
    matter: "the name of the operator's representative (required of a corporation)",
    path: ["organization", "representative"],
    add: "add `representative: { title: …, name: … }` under `organization`",
    isMissing: (data) => data.organization.representative === undefined,
  },
  {
    code: "appi-purposes",
    article: "APPI Art. 32(1)(ii)",
    matter: "the purposes of use of retained personal data",
    path: ["purposes"],
    add: "add `purposes:` with a list of the purposes",
    isMissing: (data) => data.purposes === undefined,
  },
  {
    code: "appi-requests",
    article: "APPI Art. 32(1)(iii), 33–35, 38",
    matter: "how to request notification of purposes, disclosure, correction or suspension, and the fees",
    path: ["requests"],
    add: "add `requests:` with `kinds`, `procedure` and, if you charge one, `fee`",
    isMissing: (data) => data.requests === undefined,
  },
  requestKind("purpose-notification", "APPI Art. 32(1)(iii), 32(2)", "notification of the purposes of use"),
  requestKind("disclosure", "APPI Art. 32(1)(iii), 33(1)", "disclosure of retained personal data"),
  requestKind("third-party-records", "APPI Art. 32(1)(iii), 33(5)", "disclosure of the records of provision to third parties"),
  requestKind("correction", "APPI Art. 32(1)(iii), 34(1)", "correction, addition or deletion"),
  requestKind("suspension", "APPI Art. 32(1)(iii), 35(1), 35(3), 35(5)", "suspension of use, erasure or stopping provision"),
  {
    code: "appi-request-procedure",
    article: "APPI Art. 32(1)(iii), 37(1)",
    matter: "the procedure for making a request (form, documents, how to send them)",
    path: ["requests", "procedure"],
    add: "add `procedure:` under `requests`",
    isMissing: (data) => data.requests !== undefined && data.requests.procedure === undefined,
  },
  {
    code: "appi-request-contact",
    article: "APPI Art. 32(1)(iii), 37(1)",
    matter: "where to send requests",
    path: ["contacts"],
    add: "add a contact point under `contacts`",
    isMissing: (data) => data.requests !== undefined && !hasContacts(data),
  },
  {
    code: "appi-security-measures",
    article: "APPI Art. 32(1)(iv); Cabinet Order Art. 10(i)",
    matter: "the security control measures taken for retained personal data",
    path: ["security"],
    add: "add `security:` with lists under `organizational`, `human`, `physical` and `technical`",
    isMissing: (data) => securityMeasureCount(data) === 0,
  },
  securityHeading("organizational", "organizational"),
  securityHeading("human", "human"),
  securityHeading("physical", "physical"),
  securityHeading("technical", "technical"),
  {
    code: "appi-complaints-contact",
    article: "APPI Art. 32(1)(iv); Cabinet Order Art. 10(ii)",
    matter: "where to file complaints about the handling of retained personal data",
    path: ["complaints"],
    add: "add `complaints: { contact: … }` pointing at a contact point under `contacts`",
    isMissing: (data) =>
      !hasContacts(data) ||
      (!on(data.complaints) && !(data.contacts ?? []).some((c) => c.handles?.includes("complaints"))),
  },
  {
    code: "appi-accredited-organization-contact",
    article: "APPI Art. 32(1)(iv); Cabinet Order Art. 10(iii)",
    matter: "where to file complaints with the accredited personal information protection organization",
    path: ["complaints", "accreditedOrganization", "contact"],
    add: "add `contact:` under `complaints.accreditedOrganization`: its complaint desk, address or phone",
    isMissing: (data) => {
      const accredited = asObject(data.complaints).accreditedOrganization;
      return accredited !== undefined && accredited.contact === undefined;
    },
  },
  {
    code: "appi-joint-use",
    article: "APPI Art. 27(5)(iii)",
    matter: "the five matters of joint use, though `thirdPartyProvision` lists `joint-use`",
    path: ["jointUse"],
    add: "add `jointUse:` with `items`, `users`, `purposes` and `manager`",
    isMissing: (data) => data.jointUse === undefined && (data.thirdPartyProvision?.exceptions ?? []).includes("joint-use"),
  },
  {
    code: "appi-joint-use-representative",
    article: "APPI Art. 27(5)(iii)",
    matter: "the representative of the person responsible for jointly used data (required of a corporation)",
    path: ["jointUse", "manager", "representative"],
    add: "add `representative:` under `jointUse.manager`",
    isMissing: (data) => data.jointUse !== undefined && data.jointUse.manager.representative === undefined,
  },
  {
    code: "appi-foreign-provision",
    article: "APPI Art. 28(2); PPC Rules Art. 17(2)–(3)",
    matter: "the country, its protection system and the recipient's measures for provision to a foreign country",
    path: ["foreignProvision", "recipients"],
    add: "add `recipients:` (each with `country`, `regime`, `measures`), or `unidentified:` with the reason",
    isMissing: (data) =>
      data.foreignProvision !== undefined && !data.foreignProvision.recipients && !data.foreignProvision.unidentified,
  },
  optOutItem("items", "APPI Art. 27(2)(iii)", "the items of personal data provided", "add `items:` under `optOut`"),
  optOutItem("acquisition", "APPI Art. 27(2)(iv)", "how the data provided is acquired", "add `acquisition:` under `optOut`"),
  optOutItem("method", "APPI Art. 27(2)(v)", "how the data is provided", "add `method:` under `optOut`"),
  optOutItem("requestMethod", "APPI Art. 27(2)(vii)", "how a request to stop provision is received", "add `requestMethod:` under `optOut`"),
  optOutItem("updates", "APPI Art. 27(2)(viii); PPC Rules Art. 11(4)", "how the data provided is updated", "add `updates:` under `optOut`"),
  optOutItem("start", "APPI Art. 27(2)(viii); PPC Rules Art. 11(4)", "the planned start date", "add `start:` under `optOut`, YYYY-MM-DD"),
  privacyMark(
    "proper-acquisition",
    "the commitment to proper acquisition",
    ["properAcquisition"],
    "add `properAcquisition: true`",
    (data) => !on(data.properAcquisition),
  ),
  privacyMark(
    "use-within-purposes",
    "the commitment not to handle personal information beyond the purposes of use",
    ["useBeyondPurpose"],
    "add `useBeyondPurpose:` with its `exceptions`",
    (data) => data.useBeyondPurpose === undefined,
  ),
  privacyMark(
    "provision",
    "the commitment on provision to third parties",
    ["thirdPartyProvision"],
    "add `thirdPartyProvision:` with its `exceptions`",
    (data) => data.thirdPartyProvision === undefined,
  ),
  privacyMark(
    "compliance",
    "the commitment to comply with laws, national guidelines and other norms",
    ["compliance", "guidelines"],
    "add `compliance: { guidelines: true }`",
    (data) => asObject(data.compliance).guidelines !== true,
  ),
  privacyMark(
    "leak-response",
    "the commitment to prevent and correct leakage, loss and damage",
    ["leakResponse"],
    "add `leakResponse: true`",
    (data) => !on(data.leakResponse),
  ),
  privacyMark(
    "complaints",
    "the commitment to handle complaints and consultations",
    ["complaints"],
    "add `complaints: true` (or its options)",
    (data) => !on(data.complaints),
  ),
  privacyMark(
    "continuous-improvement",
    "the commitment to improve the management system continually",
    ["continuousImprovement"],
    "add `continuousImprovement: true`",
    (data) => !on(data.continuousImprovement),
  ),
  privacyMark(
    "top-management",
    "the name of top management",
    ["organization", "representative"],
    "add `representative: { title: …, name: … }` under `organization`",
    (data) => data.organization.representative === undefined,
  ),
  privacyMark(
    "enacted",
    "the enactment date (the last revision date follows from `policy.revisions`)",
    ["policy", "enacted"],
    "add `enacted:` under `policy`, YYYY-MM-DD",
    (data) => data.policy?.enacted === undefined,
  ),
  privacyMark(
    "inquiry-contact",
    "a contact point for inquiries about the policy",
    ["contacts"],
    "add a contact point under `contacts` that handles `inquiries` (or leave out `handles` for a general one)",
    (data) => !(data.contacts ?? []).some((c) => c.handles === undefined || c.handles.includes("inquiries")),
  ),
  // the categories with duties of their own
  {
    code: "appi-special-care",
    article: "APPI Art. 2(3), 20(2), 27(2)",
    matter: "how special care-required personal information is handled, though `collection.specialCare` says it is collected",
    path: ["specialCare"],
    add: "add `specialCare:` (with `items`, the kinds acquired): it states that they are acquired only with prior consent and never provided by opt-out",
    isMissing: (data) => asObject(data.collection).specialCare === true && !on(data.specialCare),
  },
  {
    code: "appi-personally-referable",
    article: "APPI Art. 2(7), 31(1)",
    matter:
      "how personally referable information is provided, though the website sends it to providers that link it to their users' accounts",
    path: ["personallyReferable"],
    add: "add `personallyReferable:` with the `items` sent and the `recipients`",
    isMissing: (data) => sendsToAccountLinkers(data) && !on(data.personallyReferable),
  },
  {
    code: "appi-pseudonymized-purposes",
    article: "APPI Art. 41(4), 21(1)",
    matter: "the purposes of use of pseudonymously processed information",
    path: ["pseudonymized", "purposes"],
    add: "add `purposes:` under `pseudonymized`",
    isMissing: (data) => data.pseudonymized !== undefined && !(data.pseudonymized.purposes ?? []).length,
  },
  {
    code: "appi-anonymized-items",
    article: "APPI Art. 43(3); PPC Rules Art. 36",
    matter: "the items of information about individuals that the anonymously processed information contains",
    path: ["anonymized", "items"],
    add: "add `items:` under `anonymized`",
    isMissing: (data) => data.anonymized !== undefined && !(data.anonymized.items ?? []).length,
  },
  {
    code: "appi-anonymized-provision-items",
    article: "APPI Art. 43(4); PPC Rules Art. 37",
    matter: "the items of information about individuals in the anonymously processed information provided to third parties",
    path: ["anonymized", "provision", "items"],
    add: "add `items:` under `anonymized.provision`",
    isMissing: (data) => data.anonymized?.provision !== undefined && !(data.anonymized.provision.items ?? []).length,
  },
  {
    code: "appi-anonymized-provision-method",
    article: "APPI Art. 43(4); PPC Rules Art. 37",
    matter: "how anonymously processed information is provided to third parties",
    path: ["anonymized", "provision", "method"],
    add: "add `method:` under `anonymized.provision`",
    isMissing: (data) => data.anonymized?.provision !== undefined && data.anonymized.provision.method === undefined,
  },
  // external transmission
  {
    code: "tba-external-transmission",
    article: "TBA Art. 27-12; Enforcement Regulations Art. 22-2-29",
    matter:
      "what the website's tags and embedded content send to others: for each, the information sent, who handles it at the destination, and its purposes",
    path: ["externalTransmission"],
    add: "add `externalTransmission:` with `entries`, each a catalogue id such as `google-analytics-4` or an entry of your own",
    // A website that uses cookies or analytics almost always loads someone else's tag, font or embed.
    isMissing: (data) => data.organization.website !== undefined && on(data.cookies) && data.externalTransmission === undefined,
  },
  // telecommunications businesses
  telecom(
    "secrecy-of-communications",
    "TBA Art. 4; Telecommunications Guidelines",
    "that the secrecy of communications is protected under the Telecommunications Business Act",
    ["compliance", "laws"],
    "add `telecom-business-act` to `compliance.laws`",
    (data) => !complianceLaws(data).includes("telecom-business-act"),
  ),
  telecom(
    "guidelines",
    "Telecommunications Guidelines",
    "that the PPC/MIC guidelines for the telecommunications business are complied with",
    ["compliance", "laws"],
    "add `telecom-guidelines` to `compliance.laws`",
    (data) => !complianceLaws(data).includes("telecom-guidelines"),
  ),
  telecom(
    "secrecy-beyond-purpose",
    "TBA Art. 4; Telecommunications Guidelines",
    "that information in the secrecy of communications is not handled beyond the purposes, whatever the APPI's exceptions allow",
    ["useBeyondPurpose", "secrecyOfCommunications"],
    "add `secrecyOfCommunications: true` under `useBeyondPurpose`",
    (data) => data.useBeyondPurpose?.secrecyOfCommunications !== true,
  ),
  telecom(
    "location-information",
    "Telecommunications Guidelines (location information)",
    "how users' location information is handled",
    ["locationInformation"],
    "add `locationInformation:` with its `purposes`; if the service acquires none, say so under `acknowledge`",
    (data) => !on(data.locationInformation),
  ),
  telecom(
    "external-transmission",
    "TBA Art. 27-12; Enforcement Regulations Art. 22-2-29",
    "what the service's tags, SDKs and embedded content send to others",
    ["externalTransmission"],
    "add `externalTransmission:` with `entries`, each a catalogue id or an entry of your own",
    (data) => data.externalTransmission === undefined,
  ),
  telecom(
    "subcontracting",
    "Telecommunications Guidelines (supervision of contractors)",
    "the conditions for subcontracting in contracts with contractors",
    ["outsourcing", "contractTerms"],
    "add `subcontracting` to `outsourcing.contractTerms`",
    (data) => on(data.outsourcing) && !(asObject(data.outsourcing).contractTerms ?? []).includes("subcontracting"),
  ),
];

export const REQUIREMENT_CODES: readonly string[] = REQUIREMENTS.map((r) => r.code);
