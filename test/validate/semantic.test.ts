/**
 * Every semantic diagnostic (what JSON Schema cannot say), proved on a real file. Each
 * fixture in test/fixtures/validate/semantic/ is valid to the schema except where a case
 * shows that the two checks do not report one fault twice.
 */
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { clauseLibrary } from "../../src/clauses/library.js";
import { parseOrganizationFile } from "../../src/parse/parse.js";
import { hasErrors } from "../../src/diagnostics/diagnostic.js";
import { validateOrganization } from "../../src/validate/index.js";
import { organizationSchema, type JsonSchema } from "../../src/validate/schema.js";
import { FIXTURES, fixtureFiles, loadFixtureFolder, type Case, type FixtureFolder } from "./fixtures.js";

const BLANK = "the text is blank: it holds only spaces, line breaks or other invisible characters";
const CONTROL_HINT = "delete it: in most editors, move the cursor across it and press Delete, or type the text again";
const CUSTOM_AFTER_HINT = "the section goes at the end, before the contact points; choose a section the policy has";
const NOT_LOCALIZED = {
  code: "text-not-localized",
  message: "plain text, but the policy is published in ja and en",
  hint: "write it once per language: `ja: …` and `en: …`",
};

const CASES: readonly Case[] = [
  // --- hours and dates --------------------------------------------------------------------
  [
    "closing time not after opening time",
    "hours-order.yaml",
    [
      {
        code: "hours-order",
        line: 11,
        column: 14,
        path: "contacts[0].hours.close",
        message: "closing time 06:00 is not after opening time 10:00",
        hint: "use the 24-hour clock: 6 p.m. is 18:00",
      },
    ],
  ],
  [
    "revision before enactment",
    "revision-before-enactment.yaml",
    [
      {
        code: "revision-before-enactment",
        line: 7,
        column: 13,
        path: "policy.revisions[0].date",
        message: "revision date 2019-04-01 is not after the enactment date 2020-09-02",
        hint: "a revision comes after the policy was enacted; check both dates",
      },
    ],
  ],
  [
    "revisions out of order, placed at the later entry",
    "revision-order.yaml",
    [
      {
        code: "revision-order",
        line: 8,
        column: 13,
        path: "policy.revisions[1].date",
        message: "revision date 2022-04-01 is not after the revision before it (2023-04-01)",
        hint: "list revisions oldest first, one per date",
      },
    ],
  ],
  [
    "dates that do not exist are not compared, only reported as such",
    "revision-invalid-date.yaml",
    [
      {
        code: "schema-format",
        line: 7,
        column: 13,
        path: "policy.revisions[0].date",
        message: "`2020-02-30` is not a real date",
        hint: "February 2020 has 29 days",
      },
      {
        code: "schema-format",
        line: 8,
        column: 13,
        path: "policy.revisions[1].date",
        message: "`2020-13-01` is not a real date",
        hint: "there is no month 13; write year, month, day: YYYY-MM-DD",
      },
    ],
  ],

  // --- contact ids ------------------------------------------------------------------------
  [
    "unknown contact id, with did-you-mean",
    "contact-unknown-did-you-mean.yaml",
    [
      {
        code: "contact-unknown",
        line: 8,
        column: 12,
        path: "requests.contact",
        message: "no contact point has the id `privacy-dsk`",
        hint: "did you mean `privacy-desk`?",
      },
    ],
  ],
  [
    "unknown contact id, no close match: the ids there are",
    "contact-unknown-no-match.yaml",
    [
      {
        code: "contact-unknown",
        line: 7,
        column: 12,
        path: "complaints.contact",
        message: "no contact point has the id `complaints`",
        hint: "allowed: privacy-desk, front-office",
      },
    ],
  ],
  [
    "unknown contact id when no contact point has an id",
    "contact-unknown-no-ids.yaml",
    [
      {
        code: "contact-unknown",
        line: 8,
        column: 12,
        path: "requests.contact",
        message: "no contact point has the id `privacy-desk`",
        hint: "give the contact point an `id:` under `contacts`, and use that id here",
      },
    ],
  ],
  [
    "duplicate contact id, placed at the second",
    "contact-id-duplicate.yaml",
    [
      {
        code: "contact-id-duplicate",
        line: 9,
        column: 9,
        path: "contacts[1].id",
        message: "contact id `desk` is already used by the contact point on line 7",
        hint: "give each contact point its own id",
      },
    ],
  ],

  [
    "`internalRules: yes` would name the rules “yes”",
    "internal-rules-yes.yaml",
    [
      {
        code: "boolean-as-text",
        line: 5,
        column: 18,
        path: "basicPolicy.internalRules",
        message: "`yes` would be published as the name of the internal rules",
        hint: "write `true` (without quotes) if the organization has internal rules, or the rules' name, e.g. `個人情報取扱規程`",
      },
    ],
  ],

  // --- purposes ---------------------------------------------------------------------------
  [
    "purposes with both `list` and `groups`, placed at `groups:`",
    "purposes-both.yaml",
    [
      {
        code: "purposes-both",
        line: 9,
        column: 3,
        path: "purposes.groups",
        message: "purposes have both `list` and `groups`",
        hint: "use `list` for one flat list, or `groups` to divide purposes by kind of person — not both",
      },
    ],
  ],
  [
    "purposes mapping with neither, placed at `purposes:`",
    "purposes-neither.yaml",
    [
      {
        code: "purposes-missing",
        line: 6,
        column: 1,
        path: "purposes",
        message: "purposes have neither `list` nor `groups`",
        hint: "add `list:` with the purposes of use",
      },
    ],
  ],

  // --- clauses ----------------------------------------------------------------------------
  [
    "academic clause without `organization.academicResearch`",
    "clause-academic.yaml",
    [
      {
        code: "clause-academic",
        line: 7,
        column: 25,
        path: "thirdPartyProvision.exceptions[1]",
        message: "`academic-publication` applies only to academic research institutions and those providing data to them",
        hint: "set `organization.academicResearch` if that is the case, or remove this exception",
      },
    ],
  ],
  ["academic clause with `organization.academicResearch` declared", "clause-academic-declared.yaml", []],
  [
    "duplicate clause id, placed at the repeat",
    "clause-duplicate.yaml",
    [
      {
        code: "clause-duplicate",
        line: 10,
        column: 7,
        path: "useBeyondPurpose.exceptions[2]",
        message: "`consent` is listed twice",
        hint: "remove one of them",
      },
    ],
  ],
  [
    "a library clause that does not apply to this section is the schema's error",
    "clause-wrong-section.yaml",
    [
      {
        code: "schema-enum",
        line: 7,
        column: 25,
        path: "useBeyondPurpose.exceptions[1]",
        message: "`outsourcing` is not an allowed value",
        hint: "allowed: consent, law, vital-interests, public-health-children, government-cooperation, academic-research, academic-recipient",
      },
    ],
  ],

  // --- languages --------------------------------------------------------------------------
  [
    "`authoritative` not among `languages`",
    "authoritative-undeclared.yaml",
    [
      {
        code: "authoritative-undeclared",
        line: 2,
        column: 16,
        path: "authoritative",
        message: "`en` is authoritative, but `languages` does not include it",
        hint: "add `en` to `languages`, or set it to `ja`",
      },
    ],
  ],
  [
    "text in `en` when only `ja` is declared, placed at the `en` key",
    "language-undeclared.yaml",
    [
      {
        code: "language-undeclared",
        line: 5,
        column: 5,
        path: "organization.name.en",
        message: "text in `en`, but `languages` does not include `en`",
        hint: "add `en` to `languages`, or remove this text",
      },
    ],
  ],
  [
    "plain-string text in a bilingual organization, also inside an own exception",
    "text-not-localized.yaml",
    [
      { ...NOT_LOCALIZED, line: 3, column: 9, path: "organization.name" },
      { ...NOT_LOCALIZED, line: 9, column: 13, path: "thirdPartyProvision.exceptions[1].text" },
    ],
  ],
  [
    "bilingual text missing `en`, placed at the item that lacks it",
    "language-missing.yaml",
    [
      {
        code: "language-missing",
        line: 9,
        column: 5,
        path: "purposes[0]",
        message: "the `en` text is missing",
        hint: "add `en: …` — the policy is published in ja and en",
      },
    ],
  ],

  // --- requests ---------------------------------------------------------------------------
  [
    "a fee, and the electronic-record method, where no request they belong to is offered",
    "request-fee-without-kind.yaml",
    [
      {
        code: "request-fee-without-kind",
        severity: "warning",
        line: 6,
        column: 3,
        path: "requests.fee",
        message:
          "a fee is stated, but `requests.kinds` offers neither notification of the purposes of use nor disclosure, the only requests the law lets a fee be charged for (APPI Art. 38(1))",
        hint: "add `purpose-notification` or `disclosure` to `requests.kinds`, or remove `fee`",
      },
      {
        code: "electronic-disclosure-without-disclosure",
        severity: "warning",
        line: 8,
        column: 3,
        path: "requests.electronicDisclosure",
        message:
          "`electronicDisclosure` says how an electronic record is given, but `requests.kinds` offers no disclosure, so the page does not show it (APPI Art. 33(1))",
        hint: "add `disclosure` to `requests.kinds`, or remove `electronicDisclosure`",
      },
    ],
  ],
  // --- custom sections --------------------------------------------------------------------
  [
    "custom section `after:` a section the policy lacks is a warning",
    "custom-after-absent.yaml",
    [
      {
        code: "custom-after-absent",
        severity: "warning",
        line: 9,
        column: 12,
        path: "customSections[0].after",
        message: "the policy has no `cookies` section to place this after",
        hint: CUSTOM_AFTER_HINT,
      },
    ],
  ],
  [
    "custom section `after:` a section set to false, in JSON",
    "custom-after-false.json",
    [
      {
        code: "custom-after-absent",
        severity: "warning",
        line: 7,
        column: 60,
        path: "customSections[0].after",
        message: "the policy has no `cookies` section to place this after",
        hint: CUSTOM_AFTER_HINT,
      },
    ],
  ],

  // --- blank text ---------------------------------------------------------------------------
  [
    "whitespace-only text in each language: ideographic spaces, spaces, a line break, tab and zero-width space",
    "text-blank.yaml",
    [
      { code: "text-blank", line: 4, column: 9, path: "organization.name.ja", message: BLANK, hint: "write the Japanese text (全角スペースだけでは空です)" },
      { code: "text-blank", line: 5, column: 9, path: "organization.name.en", message: BLANK, hint: "write the English text" },
      { code: "text-blank", line: 8, column: 9, path: "purposes[0].en", message: BLANK, hint: "write the English text" },
      { code: "text-blank", line: 15, column: 13, path: "policy.revisions[0].summary.en", message: BLANK, hint: "write the English text" },
    ],
  ],
  [
    "a blank custom-section title in JSON; a blank value the schema refuses is said once, by the schema",
    "text-blank-json.json",
    [
      { code: "text-blank", line: 4, column: 33, path: "customSections[0].title", message: BLANK, hint: "write the text; a key that does not apply can be left out" },
      { code: "schema-enum", line: 5, column: 53, path: "policy.dateStyle", message: "` ` is not an allowed value", hint: "allowed: era, gregorian, both" },
    ],
  ],
  // --- invisible characters ---------------------------------------------------------------
  [
    "a control character in a YAML value, written as an escape",
    "text-control-character.yaml",
    [
      {
        code: "text-control-character",
        line: 3,
        column: 9,
        path: "organization.name",
        message: "the text contains an invisible control character, U+0007, as its 12th character",
        hint: CONTROL_HINT,
      },
    ],
  ],
  [
    "a NUL in a JSON string",
    "text-control-character-json.json",
    [
      {
        code: "text-control-character",
        line: 4,
        column: 16,
        path: "purposes[0]",
        message: "the text contains an invisible control character, U+0000, as its 11th character",
        hint: CONTROL_HINT,
      },
    ],
  ],
  [
    "a raw control character in a Markdown body, at its column",
    "text-control-character-body.md",
    [
      {
        code: "text-control-character",
        line: 9,
        column: 8,
        path: "(body)",
        message: "the text contains an invisible control character, U+0001",
        hint: CONTROL_HINT,
      },
    ],
  ],
];

describe("semantic diagnostics", () => {
  let folder: FixtureFolder;
  beforeAll(async () => {
    folder = await loadFixtureFolder("semantic");
  });

  it.each(CASES)("%s (%s)", (_title, file, expected) => {
    expect(folder.diagnosticsOf(file)).toEqual(folder.expected(file, expected));
  });

  it("has a case for every fixture, and every case has its fixture", () => {
    expect(CASES.map(([, file]) => file).sort()).toEqual(fixtureFiles("semantic"));
  });

  it("a warning alone does not stop the build", async () => {
    const absolutePath = path.join(FIXTURES, "semantic", "custom-after-absent.yaml");
    const parsed = await parseOrganizationFile({ absolutePath, file: "custom-after-absent.yaml", slug: "custom-after-absent", format: "yaml" });
    if (!parsed.source) throw new Error("fixture did not parse");
    const diagnostics = validateOrganization(parsed.source);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["custom-after-absent", "warning"]]);
    expect(hasErrors(diagnostics)).toBe(false);
  });
});

describe("the clause library and the schema", () => {
  // Unknown clause ids are reported by the schema's enums alone; that is only right while
  // every id the schema allows is one the library can put into words.
  it.each(["useBeyondPurpose", "thirdPartyProvision"])("every id %s allows is in the library", (section) => {
    const { schema } = organizationSchema();
    const items = schema.properties?.[section]?.properties?.exceptions?.items as JsonSchema;
    const ids = (items.anyOf ?? []).flatMap((branch) => branch.enum ?? []);
    expect(ids.length).toBeGreaterThan(0);
    const library = clauseLibrary().exceptions;
    expect(ids.filter((id) => !library.has(String(id)))).toEqual([]);
  });
});
