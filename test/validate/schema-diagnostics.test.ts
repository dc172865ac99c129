/**
 * Every schema diagnostic, proved on a real file: the exact code, words, hint and place.
 * Each fixture in test/fixtures/validate/schema/ starts from a minimal valid organization
 * and has one problem (a few have two, where a reader might expect them to be merged).
 */
import { beforeAll, describe, expect, it } from "vitest";

import { PATTERN_FORMS } from "../../src/validate/schema-diagnostics.js";
import { organizationSchema } from "../../src/validate/schema.js";
import { fixtureFiles, loadFixtureFolder, type Case, type FixtureFolder } from "./fixtures.js";

const SECTION_TYPE_HINT = "write `true`, without quotes, to include this section, or `false` to leave it out";
const TEXT = "text (a string, or `ja:` and `en:` strings)";

const CASES: readonly Case[] = [
  // --- unknown keys -------------------------------------------------------------------
  [
    "unknown key at the root, with did-you-mean",
    "unknown-key-root.yaml",
    [
      {
        code: "schema-unknown-key",
        line: 6,
        column: 1,
        path: "purpose",
        message: "unknown key `purpose`",
        hint: "did you mean `purposes`?",
      },
    ],
  ],
  [
    "unknown key deep inside; the required key it misspells is not reported again",
    "unknown-key-deep.yaml",
    [
      {
        code: "schema-unknown-key",
        line: 10,
        column: 7,
        path: "contacts[0].hours.opens",
        message: "unknown key `opens`",
        hint: "did you mean `open`?",
      },
    ],
  ],
  [
    "unknown key with no close match lists the allowed keys",
    "unknown-key-no-match.yaml",
    [
      {
        code: "schema-unknown-key",
        line: 4,
        column: 3,
        path: "organization.colour",
        message: "unknown key `colour`",
        hint: "allowed: name, shortName, kind, postalCode, address, representative, website, academicResearch",
      },
    ],
  ],
  [
    "unknown key in a section that has no options",
    "unknown-key-no-options.yaml",
    [
      {
        code: "schema-unknown-key",
        line: 7,
        column: 3,
        path: "leakResponse.notifyCommission",
        message: "unknown key `notifyCommission`",
        hint: "`leakResponse` has no options: write `leakResponse: true` to include the section",
      },
    ],
  ],
  [
    "text in a language hoshin has no wording for (`fr:`): said once, with no look-alike for a two-letter key",
    "text-unknown-language.yaml",
    [
      {
        code: "language-unknown",
        line: 6,
        column: 5,
        path: "organization.name.fr",
        message: "text in `fr`, a language hoshin has no wording for",
        hint: "remove this text, or add the language as data (docs/languages.md); hoshin words pages in ja, en, ko, ne, pt-BR, tl, vi, zh-Hans, zh-Hant",
      },
    ],
  ],
  [
    "unknown key in JSON, placed at its quoted name",
    "json-unknown-key.json",
    [
      {
        code: "schema-unknown-key",
        line: 5,
        column: 5,
        path: "organization.kidn",
        message: "unknown key `kidn`",
        hint: "did you mean `kind`?",
      },
    ],
  ],
  [
    "misspelt optional key in JSON",
    "json-misspelt-key.json",
    [
      {
        code: "schema-unknown-key",
        line: 5,
        column: 5,
        path: "policy.enactedOn",
        message: "unknown key `enactedOn`",
        hint: "did you mean `enacted`?",
      },
    ],
  ],
  [
    "problems inside Markdown front matter land on the file's own lines",
    "front-matter.md",
    [
      {
        code: "schema-enum",
        line: 5,
        column: 9,
        path: "organization.kind",
        message: "`NPO法人` is not an allowed value",
        hint: "did you mean `npo`?",
      },
      {
        code: "schema-unknown-key",
        line: 8,
        column: 1,
        path: "purpose",
        message: "unknown key `purpose`",
        hint: "did you mean `purposes`?",
      },
    ],
  ],

  // --- missing keys ---------------------------------------------------------------------
  [
    "missing top-level `languages`, placed at the start of the file",
    "missing-languages.yaml",
    [
      {
        code: "schema-missing",
        line: 1,
        column: 1,
        path: "languages",
        message: "`languages` is required",
        hint: "add `languages:` — The languages the policy is published in, as BCP 47 tags: one page per language.",
      },
    ],
  ],
  [
    "missing top-level key in Markdown front matter, placed on its first line (after `---`)",
    "front-matter-missing.md",
    [
      {
        code: "schema-missing",
        line: 2,
        column: 1,
        path: "languages",
        message: "`languages` is required",
        hint: "add `languages:` — The languages the policy is published in, as BCP 47 tags: one page per language.",
      },
    ],
  ],
  [
    "missing `organization` in JSON; the hint's sentence is not cut at “Art.”",
    "missing-organization.json",
    [
      {
        code: "schema-missing",
        line: 1,
        column: 1,
        path: "organization",
        message: "`organization` is required",
        hint: "add `organization:` — Who publishes the policy (the business operator, Art. 32(1)(i)).",
      },
    ],
  ],
  [
    "missing `organization.name`, placed at `organization:`",
    "missing-name.yaml",
    [
      {
        code: "schema-missing",
        line: 2,
        column: 1,
        path: "organization.name",
        message: "`name` is required in `organization`",
        hint: "add `name:` — The organization's full name.",
      },
    ],
  ],
  [
    "missing key inside a list item, placed at the mapping that lacks it",
    "missing-close.yaml",
    [
      {
        code: "schema-missing",
        line: 8,
        column: 5,
        path: "contacts[0].hours.close",
        message: "`close` is required in `contacts[0].hours`",
        hint: "add `close:` — Closing time, HH:MM; after the opening time.",
      },
    ],
  ],

  // --- wrong kind of value ------------------------------------------------------------------
  [
    "a list where a mapping is expected",
    "type-list-for-mapping.yaml",
    [
      {
        code: "schema-type",
        line: 3,
        column: 3,
        path: "organization",
        message: "must be a mapping (key: value), not a list",
        hint: "write its keys directly under it, without `-` in front",
      },
    ],
  ],
  [
    "a number where text is expected: plain text, and ja/en text",
    "type-number-for-text.yaml",
    [
      {
        code: "schema-type",
        line: 4,
        column: 15,
        path: "organization.postalCode",
        message: "must be text, not a number",
        hint: "for example `107-0052`",
      },
      {
        code: "schema-type",
        line: 7,
        column: 10,
        path: "policy.title",
        message: `must be ${TEXT}, not a number`,
        hint: 'put it in quotes if it is meant as text: `"2024"`',
      },
    ],
  ],
  [
    'a quoted "yes" for a true-or-mapping section',
    "type-boolean-section.yaml",
    [
      {
        code: "schema-type",
        line: 6,
        column: 11,
        path: "accuracy",
        message: "must be `true`, `false`, or a mapping of this section's options, not `yes`",
        hint: SECTION_TYPE_HINT,
      },
    ],
  ],
  [
    "wrong kinds in JSON",
    "json-type.json",
    [
      {
        code: "schema-type",
        line: 2,
        column: 16,
        path: "languages",
        message: "must be a list, not `ja`",
        hint: 'for example ["ja","en"]',
      },
      {
        code: "schema-type",
        line: 5,
        column: 15,
        path: "security",
        message: "must be `true`, `false`, or a mapping of this section's options, not `yes`",
        hint: SECTION_TYPE_HINT,
      },
    ],
  ],
  [
    "a number for a list-of-values key is one type error, not also an enum error",
    "type-enum-number.yaml",
    [
      {
        code: "schema-type",
        line: 4,
        column: 9,
        path: "organization.kind",
        message: "must be text, not a number",
        hint: "for example `npo`",
      },
    ],
  ],
  [
    "an exception item that is neither an id nor `text:` is not called ja/en text",
    "type-exception-item.yaml",
    [
      {
        code: "schema-type",
        line: 7,
        column: 25,
        path: "thirdPartyProvision.exceptions[1]",
        message: "must be text or a mapping (key: value), not a number",
      },
    ],
  ],
  [
    "true-or-text: one diagnostic naming both kinds, not one per nested union",
    "type-internal-rules.yaml",
    [
      {
        code: "schema-type",
        line: 7,
        column: 18,
        path: "basicPolicy.internalRules",
        message: `must be true or false, or ${TEXT}, not a number`,
        hint: 'put it in quotes if it is meant as text: `"1"`',
      },
    ],
  ],

  // --- values outside a list ------------------------------------------------------------
  [
    "clause id with did-you-mean; the library check does not repeat it",
    "enum-did-you-mean.yaml",
    [
      {
        code: "schema-enum",
        line: 7,
        column: 25,
        path: "thirdPartyProvision.exceptions[1]",
        message: "`laws` is not an allowed value",
        hint: "did you mean `law`?",
      },
    ],
  ],
  [
    "clause id with no close match lists the allowed ids",
    "enum-no-match.yaml",
    [
      {
        code: "schema-enum",
        line: 7,
        column: 25,
        path: "thirdPartyProvision.exceptions[1]",
        message: "`donors` is not an allowed value",
        hint:
          "allowed: consent, law, vital-interests, public-health-children, government-cooperation, outsourcing, " +
          "business-succession, joint-use, academic-publication, academic-joint-research, academic-recipient",
      },
    ],
  ],
  [
    "`kind: charity`",
    "enum-kind.yaml",
    [
      {
        code: "schema-enum",
        line: 4,
        column: 9,
        path: "organization.kind",
        message: "`charity` is not an allowed value",
        hint: "allowed: npo, public-body, company, association, other",
      },
    ],
  ],
  [
    "a language hoshin has no wording for; `ja` is not offered as a look-alike of `fr`",
    "enum-language.yaml",
    [
      {
        code: "language-unknown",
        line: 1,
        column: 17,
        path: "languages[1]",
        message: "hoshin has no wording for the language `fr`",
        hint: "hoshin words pages in ja, en, ko, ne, pt-BR, tl, vi, zh-Hans, zh-Hant; or add it as data: a file `languages/fr.yaml` beside `organizations/` with every id of hoshin's wording (docs/languages.md)",
      },
    ],
  ],
  [
    "an unknown authoritative language is one error (no “add it to languages”)",
    "enum-authoritative.yaml",
    [
      {
        code: "language-unknown",
        line: 2,
        column: 16,
        path: "authoritative",
        message: "hoshin has no wording for the language `fr`",
        hint: "hoshin words pages in ja, en, ko, ne, pt-BR, tl, vi, zh-Hans, zh-Hant; or add it as data: a file `languages/fr.yaml` beside `organizations/` with every id of hoshin's wording (docs/languages.md)",
      },
    ],
  ],
  [
    "a line break in the value is shown, so the diagnostic stays one line",
    "enum-multiline.yaml",
    [
      {
        code: "schema-enum",
        line: 4,
        column: 9,
        path: "organization.kind",
        message: "`npo\\n` is not an allowed value",
        hint: "did you mean `npo`?",
      },
    ],
  ],

  // --- formats ----------------------------------------------------------------------------
  [
    "date with month 13",
    "format-date-month.yaml",
    [
      {
        code: "schema-format",
        line: 5,
        column: 12,
        path: "policy.enacted",
        message: "`2020-13-01` is not a real date",
        hint: "there is no month 13; write year, month, day: YYYY-MM-DD",
      },
    ],
  ],
  [
    "date with a day the month lacks",
    "format-date-day.yaml",
    [
      {
        code: "schema-format",
        line: 5,
        column: 12,
        path: "policy.enacted",
        message: "`2020-02-30` is not a real date",
        hint: "February 2020 has 29 days",
      },
    ],
  ],
  [
    "date before 1868 (a typo for 2020, most likely)",
    "format-date-year.yaml",
    [
      {
        code: "schema-format",
        line: 5,
        column: 12,
        path: "policy.enacted",
        message: "`0202-09-02` is before 1868",
        hint: "check the year: a policy's dates are from 1868 (Meiji 1) on, as its Japanese era dates are",
      },
    ],
  ],
  [
    "date in another shape: one format error, not also a pattern error",
    "format-date-shape.yaml",
    [
      {
        code: "schema-format",
        line: 5,
        column: 12,
        path: "policy.enacted",
        message: "`2020/9/2` is not a date",
        hint: "write the date as YYYY-MM-DD, e.g. `2020-09-02`, or as YYYY-MM when only the month is known",
      },
    ],
  ],
  [
    "email address",
    "format-email.yaml",
    [
      {
        code: "schema-format",
        line: 8,
        column: 12,
        path: "contacts[0].email",
        message: "`privacy(at)example.org` is not an email address",
        hint: "write it as name@example.org",
      },
    ],
  ],
  [
    "form address: another scheme, and no scheme at all (one diagnostic each)",
    "format-form-url.yaml",
    [
      {
        code: "schema-pattern",
        line: 8,
        column: 11,
        path: "contacts[0].form",
        message: "`ftp://example.org/contact/` does not start with http:// or https://",
        hint: "write the full web address, e.g. `https://example.org/contact/`",
      },
      {
        code: "schema-format",
        line: 10,
        column: 11,
        path: "contacts[1].form",
        message: "`www.example.org/contact/` is not a web address",
        hint: "write a full address starting with https://",
      },
    ],
  ],

  // --- patterns ---------------------------------------------------------------------------
  [
    "time without a leading zero",
    "pattern-time.yaml",
    [
      {
        code: "schema-pattern",
        line: 10,
        column: 13,
        path: "contacts[0].hours.open",
        message: "`9:00` is not a time in HH:MM form",
        hint: "write the hour with two digits, on the 24-hour clock: `09:00`, `18:30`",
      },
    ],
  ],
  [
    "postal code without its hyphen",
    "pattern-postal-code.yaml",
    [
      {
        code: "schema-pattern",
        line: 4,
        column: 15,
        path: "organization.postalCode",
        message: "`107 0052` is not a postal code in NNN-NNNN form",
        hint: "for example `107-0052`",
      },
    ],
  ],
  [
    "phone number with a remark",
    "pattern-phone.yaml",
    [
      {
        code: "schema-pattern",
        line: 8,
        column: 12,
        path: "contacts[0].phone",
        message: "`03-6277-6166 (平日のみ)` is not a telephone number",
        hint: "use only digits, hyphens, spaces and brackets, e.g. `03-6277-6166`; anything else goes in `note`",
      },
    ],
  ],

  // --- sizes and repeats ------------------------------------------------------------------
  [
    "empty list",
    "empty-list.yaml",
    [{ code: "schema-empty", line: 6, column: 11, path: "purposes", message: "must not be empty", hint: "add at least one item" }],
  ],
  [
    "empty text",
    "empty-text.yaml",
    [{ code: "schema-empty", line: 3, column: 9, path: "organization.name", message: "must not be empty", hint: "write the text" }],
  ],
  [
    "a day listed twice, placed at the repeat",
    "duplicate-day.yaml",
    [
      {
        code: "schema-duplicate-item",
        line: 9,
        column: 24,
        path: "contacts[0].hours.days[2]",
        message: "`mon` is listed twice",
        hint: "remove one of them",
      },
    ],
  ],
  [
    "a language repeated: the text check does not say “ja and en and ja”",
    "repeated-language.yaml",
    [
      {
        code: "schema-duplicate-item",
        line: 1,
        column: 21,
        path: "languages[2]",
        message: "`ja` is listed twice",
        hint: "remove one of them",
      },
      {
        code: "text-not-localized",
        line: 3,
        column: 9,
        path: "organization.name",
        message: "plain text, but the policy is published in ja and en",
        hint: "write it once per language: `ja: …` and `en: …`",
      },
    ],
  ],
  [
    "too-long text, counted in characters as the limit is (an emoji is one)",
    "too-long.yaml",
    [
      {
        code: "schema-too-long",
        line: 6,
        column: 17,
        path: "policy.introduction",
        message: "is too long (20001 characters; the limit is 20000)",
        hint: "shorten it, and check that nothing was pasted twice",
      },
    ],
  ],
];

describe("schema diagnostics", () => {
  let folder: FixtureFolder;
  beforeAll(async () => {
    folder = await loadFixtureFolder("schema");
  });

  it.each(CASES)("%s (%s)", (_title, file, expected) => {
    expect(folder.diagnosticsOf(file)).toEqual(folder.expected(file, expected));
  });

  it("has a case for every fixture, and every case has its fixture", () => {
    expect(CASES.map(([, file]) => file).sort()).toEqual(fixtureFiles("schema"));
  });

  it("refuses the whole folder: no organization is built from it", () => {
    expect(folder.result.organizations).toEqual([]);
  });
});

describe("PATTERN_FORMS", () => {
  function patternsOf(schema: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(schema)) {
      for (const item of schema) patternsOf(item, found);
    } else if (typeof schema === "object" && schema !== null) {
      const record = schema as Record<string, unknown>;
      if (typeof record.pattern === "string") found.add(record.pattern);
      for (const value of Object.values(record)) patternsOf(value, found);
    }
    return found;
  }

  it("words every pattern in the schema", () => {
    const { schema } = organizationSchema();
    const patterns = patternsOf(schema);
    // The date's pattern never fails without its format, and the format error is the one shown
    // (format-date-shape.yaml); every other pattern can fail alone (`ftp://` is a valid uri).
    patterns.delete(String(schema.definitions?.date?.pattern));
    expect([...patterns].sort()).toEqual(Object.keys(PATTERN_FORMS).sort());
  });
});
