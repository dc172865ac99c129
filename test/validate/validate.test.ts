/**
 * The validate stage as a whole: valid files pass, a file with many problems reports all of
 * them in one run, and no problem is said twice.
 */
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseOrganizationFile } from "../../src/parse/parse.js";
import { sortDiagnostics } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnosticLine } from "../../src/diagnostics/format.js";
import { validateOrganization } from "../../src/validate/index.js";
import { isCompletenessFinding } from "../../src/validate/completeness.js";
import { FIXTURES, FOLDERS, fixtureFiles, loadFixtureFolder } from "./fixtures.js";

describe("valid organizations", () => {
  it("minimal one-language and bilingual files, in YAML, JSON and Markdown, have no diagnostics but what they lack of the law", async () => {
    const { result } = await loadFixtureFolder("valid");
    expect(result.diagnostics.filter((d) => !isCompletenessFinding(d))).toEqual([]);
    expect(result.diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(result.fileCount).toBe(fixtureFiles("valid").length);
    expect(result.organizations.map((o) => o.slug).sort()).toEqual(["bilingual", "minimal", "minimal-json", "with-body"]);
  });
});

describe("a file with several problems", () => {
  it("reports every one of them at once, schema and semantic together, in file order", async () => {
    const folder = await loadFixtureFolder("several");
    expect(folder.diagnosticsOf("many-problems.yaml").map(formatDiagnosticLine)).toEqual([
      "several/many-problems.yaml:4:3  organization.name  the `en` text is missing (add `en: …` — the policy is published in ja and en)",
      "several/many-problems.yaml:6:9  organization.kind  `charity` is not an allowed value (allowed: npo, public-body, company, association, other)",
      "several/many-problems.yaml:10:13  policy.revisions[0].date  revision date 2019-04-01 is not after the enactment date 2020-09-02 (a revision comes after the policy was enacted; check both dates)",
      "several/many-problems.yaml:11:1  purpose  unknown key `purpose` (did you mean `purposes`?)",
      "several/many-problems.yaml:14:25  thirdPartyProvision.exceptions[1]  `laws` is not an allowed value (did you mean `law`?)",
      "several/many-problems.yaml:14:31  thirdPartyProvision.exceptions[2]  `consent` is listed twice (remove one of them)",
      "several/many-problems.yaml:17:12  requests.contact  no contact point has the id `privacy-dsk` (did you mean `privacy-desk`?)",
      "several/many-problems.yaml:23:12  contacts[0].email  `privacy(at)example.org` is not an email address (write it as name@example.org)",
      "several/many-problems.yaml:25:24  contacts[0].hours.days[2]  `mon` is listed twice (remove one of them)",
      "several/many-problems.yaml:27:14  contacts[0].hours.close  closing time 10:00 is not after opening time 18:00 (use the 24-hour clock: 6 p.m. is 18:00)",
    ]);
    expect(folder.diagnosticsOf("json-problems.json")).toEqual(
      folder.expected("json-problems.json", [
        {
          code: "language-undeclared",
          line: 4,
          column: 36,
          path: "organization.name.en",
          message: "text in `en`, but `languages` does not include `en`",
          hint: "add `en` to `languages`, or remove this text",
        },
        {
          code: "schema-pattern",
          line: 5,
          column: 19,
          path: "organization.postalCode",
          message: "`1070052` is not a postal code in NNN-NNNN form",
          hint: "for example `107-0052`",
        },
        {
          code: "schema-format",
          line: 7,
          column: 26,
          path: "policy.enacted",
          message: "`2020-13-01` is not a real date",
          hint: "there is no month 13; write year, month, day: YYYY-MM-DD",
        },
        {
          code: "schema-type",
          line: 8,
          column: 15,
          path: "accuracy",
          message: "must be `true`, `false`, or a mapping of this section's options, not `yes`",
          hint: "write `true`, without quotes, to include this section, or `false` to leave it out",
        },
        {
          code: "custom-after-absent",
          severity: "warning",
          line: 10,
          column: 60,
          path: "customSections[0].after",
          message: "the policy has no `cookies` section to place this after",
          hint: "the section goes at the end, before the contact points; choose a section the policy has",
        },
      ]),
    );
    expect(fixtureFiles("several")).toEqual(["json-problems.json", "many-problems.yaml"]);
  });

  it("validateOrganization on one parsed file says what loadOrganizations says", async () => {
    const absolutePath = path.join(FIXTURES, "several", "many-problems.yaml");
    const file = "several/many-problems.yaml";
    const parsed = await parseOrganizationFile({ absolutePath, file, slug: "many-problems", format: "yaml" });
    expect(parsed.diagnostics).toEqual([]);
    if (!parsed.source) throw new Error("fixture did not parse");
    const folder = await loadFixtureFolder("several");
    expect(sortDiagnostics(validateOrganization(parsed.source))).toEqual(folder.diagnosticsOf("many-problems.yaml"));
  });
});

describe("no problem is said twice", () => {
  // Every fixture has at most one problem per value; two diagnostics on one path would be
  // one fault reported through two routes (an anyOf branch, a $ref, schema and semantic).
  // Links are the exception: one text holds several links, each its own fault (links.test.ts
  // checks that none is reported twice).
  it.each(FOLDERS.filter((name) => name !== "links"))("in %s/", async (name) => {
    const { result } = await loadFixtureFolder(name);
    // Completeness findings may share a path: each request kind missing from `requests.kinds`
    // is its own matter of law, acknowledged on its own.
    const places = result.diagnostics.filter((d) => !isCompletenessFinding(d)).map((d) => `${d.file} ${d.path}`);
    expect(places.filter((place, index) => places.indexOf(place) !== index)).toEqual([]);
  });
});
