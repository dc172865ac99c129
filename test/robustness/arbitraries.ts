/**
 * fast-check arbitraries for the robustness properties: organizations that are valid by
 * construction (across the whole schema), the text they hold, and the ways a person or a
 * broken editor can damage a file. Not a test file itself (no `.test.ts`).
 *
 * Everything the schema enumerates (languages, clause ids, weekdays, section names) is read
 * from the schema itself, so a new enum value is generated without touching this file.
 */
import { readFileSync } from "node:fs";

import fc from "fast-check";

import { clauseLibrary } from "../../src/clauses/library.js";
import { isBlank } from "../../src/validate/blank.js";
import { REQUIREMENT_CODES } from "../../src/validate/requirements.js";
import type { OrganizationInput, Text } from "../../src/model/input.js";

type Lang = "ja" | "en";
type Json = Record<string, unknown>;

export const SCHEMA = JSON.parse(
  readFileSync(new URL("../../schemas/organization.schema.json", import.meta.url), "utf8"),
) as Json;

/** The schema node at a path of property names, e.g. `["properties", "requests", …]`. */
function schemaAt(...path: Array<string | number>): Json {
  let node: unknown = SCHEMA;
  for (const part of path) node = (node as Record<string | number, unknown>)[part];
  if (node === undefined) throw new Error(`no schema at ${path.join("/")}`);
  return node as Json;
}

function enumAt(...path: Array<string | number>): string[] {
  return schemaAt(...path).enum as string[];
}

export const ENUMS = {
  weekdays: enumAt("definitions", "weekday"),
  handles: enumAt("definitions", "contact", "properties", "handles", "items"),
  kinds: enumAt("properties", "organization", "properties", "kind"),
  academicResearch: enumAt("properties", "organization", "properties", "academicResearch"),
  dateStyles: enumAt("properties", "policy", "properties", "dateStyle"),
  useExceptions: enumAt("properties", "useBeyondPurpose", "properties", "exceptions", "items", "anyOf", 0),
  provisionExceptions: enumAt("properties", "thirdPartyProvision", "properties", "exceptions", "items", "anyOf", 0),
  contractTerms: enumAt("properties", "outsourcing", "properties", "contractTerms", "items"),
  requestKinds: enumAt("properties", "requests", "properties", "kinds", "items"),
  sectionIds: enumAt("properties", "customSections", "items", "properties", "after"),
  laws: enumAt("properties", "compliance", "properties", "laws", "items"),
  transmissionIds: enumAt("properties", "externalTransmission", "properties", "entries", "items", "properties", "catalogue"),
};

/** Every top-level key the schema knows: the generator is checked to reach them all. */
export const TOP_LEVEL_KEYS = Object.keys(schemaAt("properties"));

const isAcademic = (id: string) => clauseLibrary().exceptions.get(id)?.academic === true;

// ---------------------------------------------------------------------------------------
// Text

/**
 * Strings that mean something to HTML, Nunjucks, Markdown or YAML. Each Nunjucks snippet
 * would leave a trace (`NJKEVAL`, a bare `NJKIF`) if it were ever evaluated.
 */
export const MARKUP = [
  "<b>",
  "</b>",
  "<i>x</i>",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "</style>",
  "</title>",
  "<!--",
  "-->",
  "{{ 'NJK' + 'EVAL' }}",
  "{% if true %}NJKIF{% endif %}",
  "{% raw %}",
  "{% endraw %}",
  "{#",
  "#}",
  "{{",
  "}}",
  "${x}",
  "&amp;",
  "&lt;b&gt;",
  "&#60;",
  "\\",
  "'",
  '"',
  "`",
  "**bold**",
  "[link](javascript:alert(1))",
  "# ",
  "---",
  "- ",
  ": ",
  " #",
  "&a ",
  "*a",
  "!!str",
  "yes",
  "null",
  "~",
  "2020-09-02",
  "0x1F",
  "\n",
  "\r\n",
  "\t",
  "\u00a0",
  "\u3000",
  "\u200b",
  "\u2028",
  "\ufeff",
  "😀",
  "👩‍👩‍👧",
  "e\u0301",
];

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const JAPANESE_WORDS = ["個人情報", "当センター", "令和", "お問い合わせ", "プライバシーポリシー", "（株）", "〒107-0052", "ｶﾀｶﾅ", "①"];

const japaneseChar = fc.oneof(
  fc.integer({ min: 0x3041, max: 0x30ff }), // hiragana, katakana
  fc.integer({ min: 0x4e00, max: 0x9fff }), // common kanji
  fc.integer({ min: 0xff01, max: 0xff5e }), // full-width ASCII
).map((code) => String.fromCodePoint(code));

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }) },
  { weight: 3, arbitrary: fc.string({ unit: japaneseChar, minLength: 1, maxLength: 10 }) },
  // Any code point but the control characters, which validation refuses (text-control-character).
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 4 }).map((text) => text.replace(CONTROL_CHARACTERS, "")).filter((text) => text.length > 0) },
  { weight: 1, arbitrary: fc.constantFrom(...JAPANESE_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
);

/** A string of mixed Unicode, Japanese and markup-looking text with a visible character (blank text is refused). */
export const plainString: fc.Arbitrary<string> = fc
  .array(piece, { minLength: 1, maxLength: 5 })
  .map((pieces) => pieces.join(""))
  .filter((text) => !isBlank(text));

/**
 * Text for a Markdown field (a custom section's body), with no link in it: validation refuses
 * a `javascript:` link there (test/validate/links.test.ts), so valid data has none. Anything
 * that could start a link, a link definition or an autolink is left out, whatever it links to.
 */
export const markdownString: fc.Arbitrary<string> = plainString.filter((s) => !/\]\s*[(:[]|<[A-Za-z][A-Za-z0-9+.-]*:/.test(s));

/** Words that `basicPolicy.internalRules` refuses as a rules' name (semantic.ts). */
const BOOLEAN_WORDS = new Set(["yes", "no", "true", "false", "on", "off", "y", "n"]);

/** Text in the shape the declared languages require: one language may be plain or keyed. */
export function text(languages: readonly Lang[], of: fc.Arbitrary<string> = plainString): fc.Arbitrary<Text> {
  if (languages.length === 1) {
    const [lang] = languages as [Lang];
    return fc.oneof(of, of.map((value) => ({ [lang]: value })));
  }
  return fc.record({ ja: of, en: of });
}

const list = <T>(item: fc.Arbitrary<T>, maxLength = 3) => fc.array(item, { minLength: 1, maxLength });
const toggle = <T>(options: fc.Arbitrary<T>) => fc.oneof(fc.boolean(), options);
const optional = <T extends object>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.record(fields, { requiredKeys: [] });

// ---------------------------------------------------------------------------------------
// Facts with a format

const DAYS_IN_MONTH = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** YYYY-MM-DD or YYYY-MM, always a real date. */
export const date: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1868, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    monthOnly: fc.boolean(),
  })
  .map(({ year, month, day, monthOnly }) => {
    const ym = `${pad(year, 4)}-${pad(month)}`;
    return monthOnly ? ym : `${ym}-${pad(Math.min(day, DAYS_IN_MONTH(year, month)))}`;
  });

const formatMinutes = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** Opening strictly before closing; 24:00 may close. */
const openClose = fc
  .uniqueArray(fc.integer({ min: 0, max: 24 * 60 }), { minLength: 2, maxLength: 2 })
  .map((pair) => pair.sort((a, b) => a - b).map(formatMinutes) as [string, string]);

const slugId = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
const postalCode = fc.stringMatching(/^[0-9]{3}-[0-9]{4}$/);
const phone = fc.stringMatching(/^\+?[0-9][0-9 ()-]{4,20}$/);
const webAddress = fc
  .tuple(fc.constantFrom("http", "https"), fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,10}){0,2}\.(org|jp|com)$/), fc.stringMatching(/^(\/[A-Za-z0-9._~-]{0,8}){0,3}\/?$/))
  .map(([scheme, host, path]) => `${scheme}://${host}${path}`);
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,10}[a-z0-9])?$/), fc.stringMatching(/^[a-z0-9]{1,10}\.(org|jp|co\.jp)$/))
  .filter(([local]) => !local.includes(".."))
  .map(([local, domain]) => `${local}@${domain}`);

// ---------------------------------------------------------------------------------------
// Organizations

const LANGUAGE_CHOICES: ReadonlyArray<readonly Lang[]> = [["ja"], ["en"], ["ja", "en"], ["en", "ja"]];

/** A clause-id list with own cases mixed in: ids unique, at least one item. */
function exceptions(ids: readonly string[], languages: readonly Lang[]) {
  return fc
    .tuple(fc.shuffledSubarray([...ids]), fc.array(fc.record({ text: text(languages) }), { maxLength: 2 }))
    .filter(([chosen, own]) => chosen.length + own.length > 0)
    .map(([chosen, own]) => ({ exceptions: [...chosen, ...own] as Array<string | { text: Text }> }));
}

function contact(languages: readonly Lang[]) {
  const t = text(languages);
  return fc
    .record(
      {
        id: slugId,
        handles: fc.shuffledSubarray([...ENUMS.handles], { minLength: 1 }),
        department: t,
        officer: t,
        postalCode,
        address: t,
        phone,
        fax: phone,
        email,
        form: webAddress,
        hours: fc
          .record(
            {
              days: fc.shuffledSubarray([...ENUMS.weekdays], { minLength: 1 }),
              times: openClose,
              closedOnNationalHolidays: fc.boolean(),
              closedOnOwnHolidays: fc.boolean(),
              note: t,
            },
            { requiredKeys: ["days", "times"] },
          )
          .map(({ times: [open, close], ...rest }) => ({ ...rest, open, close })),
        note: t,
      },
      { requiredKeys: ["department"] },
    );
}

/** The sections, each present or not, with every option they take. */
function sections(languages: readonly Lang[]) {
  const t = text(languages);
  const rulesName = text(
    languages,
    plainString.filter((s) => !BOOLEAN_WORDS.has(s.trim().toLowerCase())),
  );
  return optional({
    basicPolicy: toggle(optional({ internalRules: fc.oneof(fc.boolean(), rulesName), officer: t, statement: t })),
    compliance: toggle(
      optional({
        guidelines: fc.boolean(),
        laws: fc.shuffledSubarray([...ENUMS.laws], { minLength: 1 }),
        others: list(t),
        internalRules: fc.boolean(),
      }),
    ),
    definition: toggle(fc.constant({})),
    collection: toggle(
      optional({
        required: list(t),
        optional: list(t),
        items: list(t),
        methods: list(t),
        methodsExclusive: fc.boolean(),
        onlyNecessary: fc.boolean(),
        voluntary: fc.boolean(),
        specialCare: fc.boolean(),
      }),
    ),
    specialCare: toggle(optional({ items: list(t) })),
    locationInformation: toggle(optional({ purposes: list(t) })),
    purposes: fc.oneof(
      list(t),
      fc
        .tuple(
          fc.oneof(
            list(t).map((items) => ({ list: items })),
            list(fc.record({ subject: t, list: list(t) }), 2).map((groups) => ({ groups })),
          ),
          optional({ incidental: fc.boolean(), statedAtCollection: fc.boolean(), changesAnnounced: fc.boolean() }),
        )
        .map(([items, flags]) => ({ ...items, ...flags })),
    ),
    useBeyondPurpose: fc
      .tuple(exceptions(ENUMS.useExceptions, languages), fc.option(fc.boolean(), { nil: undefined }))
      .map(([section, secrecy]) => (secrecy === undefined ? section : { ...section, secrecyOfCommunications: secrecy })),
    properAcquisition: toggle(fc.constant({})),
    accuracy: toggle(optional({ deleteWhenUnneeded: fc.boolean() })),
    retention: fc.record({ period: t, deletion: t }, { requiredKeys: ["period"] }),
    security: toggle(
      optional({
        basicPolicy: list(t),
        rules: list(t),
        organizational: list(t),
        human: list(t),
        physical: list(t),
        technical: list(t),
        externalEnvironment: fc.record(
          { countries: list(fc.record({ country: t, detail: t }, { requiredKeys: ["country"] })), note: t },
          { requiredKeys: ["countries"] },
        ),
        review: fc.boolean(),
      }),
    ),
    employeeSupervision: toggle(optional({ training: fc.boolean() })),
    outsourcing: toggle(
      optional({
        examples: list(t),
        selection: fc.boolean(),
        contractTerms: fc.shuffledSubarray([...ENUMS.contractTerms], { minLength: 1 }),
        entrustedToUs: fc.boolean(),
      }),
    ),
    thirdPartyProvision: exceptions(ENUMS.provisionExceptions, languages),
    optOut: optional({ items: list(t), acquisition: t, method: t, requestMethod: t, updates: t, start: date }),
    jointUse: fc.record({
      items: list(t),
      users: t,
      purposes: list(t),
      manager: fc.record({ name: t, address: t, representative: t }, { requiredKeys: ["name", "address"] }),
    }),
    foreignProvision: optional({
      recipients: list(fc.record({ country: t, regime: t, measures: t })),
      unidentified: fc.record({ reason: t, reference: t }, { requiredKeys: ["reason"] }),
    }),
    personallyReferable: toggle(optional({ items: list(t), recipients: list(t), foreign: fc.boolean() })),
    pseudonymized: optional({ items: list(t), purposes: list(t) }),
    anonymized: optional({ items: list(t), provision: optional({ items: list(t), method: t }) }),
    cookies: toggle(
      optional({
        purposes: list(t),
        identifiesIndividuals: fc.boolean(),
        analytics: list(fc.record({ name: t, provider: t, url: webAddress }, { requiredKeys: ["name"] })),
        optOut: fc.boolean(),
      }),
    ),
    // external transmission: catalogue ids (each once, with overrides or not) and entries of the organization's own.
    externalTransmission: fc.record(
      {
        page: fc.boolean(),
        entries: fc
          .tuple(
            fc.uniqueArray(fc.constantFrom(...ENUMS.transmissionIds), { maxLength: 3 }),
            fc.array(optional({ service: t, recipient: t, information: list(t), purposes: list(t), optOut: fc.oneof(webAddress, t), policy: webAddress }), {
              maxLength: 3,
            }),
            fc.array(
              fc.record({ service: t, recipient: t, information: list(t), purposes: list(t), optOut: fc.oneof(webAddress, t), policy: webAddress, hosts: fc.constant(["chat.example.com", ".cdn.example.org"]) }, {
                requiredKeys: ["service", "recipient", "information", "purposes"],
              }),
              { maxLength: 2 },
            ),
          )
          .filter(([ids, , own]) => ids.length + own.length > 0)
          .map(([ids, overrides, own]) => [...ids.map((catalogue, i) => ({ catalogue, ...(overrides[i] ?? {}) })), ...own]),
      },
      { requiredKeys: ["entries"] },
    ),
    ssl: toggle(optional({ forms: list(t) })),
    requests: fc.record(
      {
        kinds: fc.shuffledSubarray([...ENUMS.requestKinds], { minLength: 1 }),
        procedure: t,
        identityVerification: t,
        fee: fc.record({ amount: t, method: t }, { requiredKeys: ["amount"] }),
        electronicDisclosure: t,
        contact: fc.nat(),
      },
      { requiredKeys: ["kinds"] },
    ),
    complaints: toggle(
      optional({
        officer: t,
        contact: fc.nat(),
        accreditedOrganization: fc.record({ name: t, contact: t }, { requiredKeys: ["name"] }),
      }),
    ),
    leakResponse: toggle(fc.constant({})),
    continuousImprovement: toggle(optional({ audits: fc.boolean() })),
    policyChanges: toggle(optional({ withoutNotice: fc.boolean(), effectiveOnPosting: fc.boolean() })),
    contacts: list(contact(languages)),
    customSections: list(
      fc.record({ title: t, body: text(languages, markdownString), after: fc.constantFrom(...ENUMS.sectionIds) }, { requiredKeys: ["title", "body"] }),
    ),
    profile: fc.constantFrom<string | string[]>("privacy-mark", "telecom", ["privacy-mark", "telecom"]),
    acknowledge: fc.dictionary(fc.constantFrom(...REQUIREMENT_CODES), plainString.filter((s) => /\S/.test(s)), { minKeys: 1 }),
  });
}

function organizationFor(languages: readonly Lang[]): fc.Arbitrary<OrganizationInput> {
  const t = text(languages);
  return fc
    .record({
      head: fc.record(
        {
          $schema: fc.constant("../schemas/organization.schema.json"),
          authoritative: fc.constantFrom(...languages),
        },
        { requiredKeys: [] },
      ),
      organization: fc.record(
        {
          name: t,
          shortName: t,
          kind: fc.constantFrom(...ENUMS.kinds),
          postalCode,
          address: t,
          representative: fc.record({ title: t, name: t }, { requiredKeys: ["name"] }),
          website: webAddress,
          academicResearch: fc.constantFrom(...ENUMS.academicResearch),
        },
        { requiredKeys: ["name"] },
      ),
      policy: fc.option(
        fc
          .tuple(
            optional({ title: t, introduction: t, dateStyle: fc.constantFrom(...ENUMS.dateStyles) }),
            fc.uniqueArray(date, { maxLength: 4 }),
            fc.array(fc.option(t, { nil: undefined }), { minLength: 4, maxLength: 4 }),
            fc.boolean(),
          )
          // Sorted, distinct strings are strictly increasing, which is the order the
          // semantic check asks of enactment and revisions (2020-09 < 2020-09-15).
          .map(([rest, dates, summaries, enacted]) => {
            const sorted = [...dates].sort();
            const policy: Json = { ...rest };
            if (enacted && sorted.length > 0) policy.enacted = sorted.shift();
            // An empty `revisions: []` is valid too.
            if (sorted.length > 0 || !enacted) {
              policy.revisions = sorted.map((d, i) => {
                const summary = summaries[i];
                return summary === undefined ? { date: d } : { date: d, summary };
              });
            }
            return policy;
          }),
        { nil: undefined },
      ),
      sections: sections(languages),
    })
    .map(({ head, organization, policy, sections: parts }) => tidy(languages, head, organization, policy, parts as Json));
}

/**
 * The cross-field rules, applied after generation: `contact` points at an existing id,
 * academic clauses only with `academicResearch`, ids unique, no `undefined` left behind.
 */
function tidy(languages: readonly Lang[], head: Json, organization: Json, policy: Json | undefined, parts: Json): OrganizationInput {
  const data: Json = { ...head, languages: [...languages], organization, ...parts };
  if (policy) data.policy = policy;

  const contacts = (data.contacts as Json[] | undefined) ?? [];
  const seen = new Set<string>();
  for (const c of contacts) {
    if (typeof c.id === "string" && seen.has(c.id)) delete c.id;
    else if (typeof c.id === "string") seen.add(c.id);
  }
  const ids = [...seen];
  const pointAtContact = (section: unknown) => {
    if (typeof section !== "object" || section === null || !("contact" in section)) return;
    const target = section as Json;
    if (ids.length === 0) delete target.contact;
    else target.contact = ids[(target.contact as number) % ids.length];
  };
  pointAtContact(data.requests);
  pointAtContact(data.complaints);
  // A fee, or the way an electronic record is given, belongs with a request for disclosure.
  const requests = data.requests as { kinds: string[]; fee?: unknown; electronicDisclosure?: unknown } | undefined;
  if (requests && (requests.fee !== undefined || requests.electronicDisclosure !== undefined) && !requests.kinds.includes("disclosure")) {
    requests.kinds.push("disclosure");
  }

  if (organization.academicResearch === undefined) {
    for (const key of ["useBeyondPurpose", "thirdPartyProvision"]) {
      const section = data[key] as { exceptions: unknown[] } | undefined;
      if (!section) continue;
      section.exceptions = section.exceptions.filter((item) => typeof item !== "string" || !isAcademic(item));
      if (section.exceptions.length === 0) section.exceptions = ["consent"];
    }
  }
  return data as unknown as OrganizationInput;
}

/** A valid organization in one of the four language settings. */
export const organization: fc.Arbitrary<OrganizationInput> = fc
  .constantFrom(...LANGUAGE_CHOICES)
  .chain((languages) => organizationFor(languages));

// ---------------------------------------------------------------------------------------
// Damage

/** Values of every JSON type, for "replace a value by one of another type". */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  plainString,
  fc.constant(""),
  // Blank text, which validation refuses wherever it is written (text-blank).
  fc.constantFrom(" ", "\u3000\u3000", "\n\t", "\u200B", "\u00a0"),
  fc.constant([]),
  fc.constant({}),
  fc.array(plainString, { maxLength: 2 }),
  fc.dictionary(plainString, plainString, { maxKeys: 2 }),
  fc.constantFrom("ja", "en", "fr", "mon", "25:00", "2020-02-30", "2020-13", "consent", "yes", "true", "x".repeat(20001)),
);

/** Keys people and programs write: typos of real keys, languages, prototype names, odd text. */
export const anyKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TOP_LEVEL_KEYS, "purpose", "Languages", "organisation", "contact", "ja", "en", "fr"),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$ref", "", " ", "a.b", "a/b", "~0"),
  plainString,
);

export type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "rename"; at: number; to: string }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "insert"; at: number; key: string; value: unknown };

/** What to do, and where: `at` picks a node of the data tree, modulo its size. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), at: fc.nat(), to: anyKey }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), key: anyKey, value: anyValue }),
);

/** Every container and member of a tree, as (parent, key) pairs; the root is (undefined, undefined). */
function nodes(root: unknown): Array<{ parent?: Json | unknown[]; key?: string | number; value: unknown }> {
  const found: Array<{ parent?: Json | unknown[]; key?: string | number; value: unknown }> = [{ value: root }];
  for (let i = 0; i < found.length; i++) {
    const { value } = found[i]!;
    if (Array.isArray(value)) value.forEach((item, index) => found.push({ parent: value, key: index, value: item }));
    else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) found.push({ parent: value as Json, key, value: item });
    }
  }
  return found;
}

/** Applies mutations to a deep copy of `data`; the original is left alone. */
export function mutate(data: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(data);
  for (const m of mutations) {
    const all = nodes(copy);
    const target = all[m.at % all.length]!;
    const { parent, key } = target;
    switch (m.kind) {
      case "delete":
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else if (parent) delete parent[key as string];
        break;
      case "rename":
        if (parent && !Array.isArray(parent) && typeof key === "string") {
          const value = parent[key];
          delete parent[key];
          // defineProperty: a plain assignment to `__proto__` would change the prototype.
          Object.defineProperty(parent, m.to, { value, enumerable: true, writable: true, configurable: true });
        }
        break;
      case "replace":
        if (Array.isArray(parent)) parent[key as number] = structuredClone(m.value);
        else if (parent) Object.defineProperty(parent, key as string, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
        break;
      case "insert": {
        const into = typeof target.value === "object" && target.value !== null ? target.value : parent;
        if (Array.isArray(into)) into.push(structuredClone(m.value));
        else if (into) Object.defineProperty(into, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
        break;
      }
    }
  }
  return copy;
}

/** Damage to the bytes of a file: cut short, bytes flipped, junk inserted. */
export type ByteDamage =
  | { kind: "truncate"; at: number }
  | { kind: "flip"; at: number; mask: number }
  | { kind: "insert"; at: number; bytes: Uint8Array };

export const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

export function damage(bytes: Uint8Array, changes: readonly ByteDamage[]): Uint8Array {
  let out = Uint8Array.from(bytes);
  for (const change of changes) {
    const at = out.length === 0 ? 0 : change.at % (out.length + 1);
    if (change.kind === "truncate") out = out.slice(0, at);
    else if (change.kind === "flip" && at < out.length) out[at] = (out[at] ?? 0) ^ change.mask;
    else if (change.kind === "insert") out = Uint8Array.from([...out.subarray(0, at), ...change.bytes, ...out.subarray(at)]);
  }
  return out;
}

/**
 * Text a parser may choke on: random Unicode and bytes, and structures repeated past any
 * sensible depth (brackets, `- ` items, indented keys), which random strings never reach.
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom("[", "]", "{", "}", ":", "-", " ", "\n", ",", '"', "'", "#", "&a", "*a", "!", "|", ">", "?", "---", "\t", "a", "1"), maxLength: 200 }),
  fc
    .tuple(fc.constantFrom("[", "{", "{a: ", "- ", "a:\n", "? ", '{"a":', "[["), fc.integer({ min: 1, max: 20_000 }), fc.boolean())
    .map(([unit, times, close]) => {
      const opened = unit.repeat(times);
      const closer = unit.includes("[") ? "]" : unit.includes("{") ? "}" : "";
      return close ? opened + closer.repeat(times * (unit === "[[" ? 2 : 1)) : opened;
    }),
  fc.integer({ min: 1, max: 1200 }).map((n) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}a:`).join("\n")),
);
