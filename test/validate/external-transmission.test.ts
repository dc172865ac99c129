/**
 * `externalTransmission`, checked as `hoshin check` checks it, on real files: an unknown
 * catalogue id is an error at its place with the nearest ids, an entry of the organization's
 * own names every field it lacks, and the completeness check asks a website with cookies for
 * the section (TBA Art. 27-12) unless the organization says why the rule does not bind it.
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { loadOrganizations, type LoadResult } from "../../src/pipeline/load.js";
import { formatDiagnosticLine } from "../../src/diagnostics/format.js";
import { unknownCatalogueId } from "../../src/validate/external-transmission.js";
import { externalTransmissionCatalogue } from "../../src/catalogue/external-transmission.js";
import { FIXTURES } from "./fixtures.js";

/** [fixture in external-transmission/, every line `hoshin check` prints for it] */
const ERROR_CASES: ReadonlyArray<readonly [file: string, lines: readonly string[]]> = [
  [
    "unknown-id.yaml",
    [
      "external-transmission/unknown-id.yaml:8:18  externalTransmission.entries[0].catalogue  `google-analytic` is not in hoshin's external-transmission catalogue (did you mean `google-analytics-4`?)",
      "external-transmission/unknown-id.yaml:9:18  externalTransmission.entries[1].catalogue  `ga4` is not in hoshin's external-transmission catalogue (did you mean `google-analytics-4`?)",
      "external-transmission/unknown-id.yaml:10:18  externalTransmission.entries[2].catalogue  `facebook-pixel` is not in hoshin's external-transmission catalogue " +
        "(the nearest ids are `tiktok-pixel`, `meta-pixel`, `x-pixel`; catalogue/external-transmission.yaml lists them all. " +
        "For a service not in it, leave out `catalogue` and write `service`, `recipient`, `information` and `purposes`)",
    ],
  ],
  [
    "missing-field.yaml",
    [
      "external-transmission/missing-field.yaml:8:7  externalTransmission.entries[0]  this entry names no `catalogue` id, so it needs `recipient`: " +
        "the name of whoever handles the information at the destination (Enforcement Regulations Art. 22-2-29(ii)) " +
        "(add `recipient:`, or name a service of hoshin's catalogue with `catalogue:`)",
      "external-transmission/missing-field.yaml:8:7  externalTransmission.entries[0]  this entry names no `catalogue` id, so it needs `purposes`: " +
        "what the information is used for (Enforcement Regulations Art. 22-2-29(iii)) " +
        "(add `purposes:`, or name a service of hoshin's catalogue with `catalogue:`)",
    ],
  ],
  [
    "duplicate.yaml",
    [
      "external-transmission/duplicate.yaml:10:18  externalTransmission.entries[2].catalogue  `youtube` is listed twice, also on line 8 " +
        "(remove one of them; to change what the catalogue says, override the fields in the one that stays)",
    ],
  ],
  [
    "opt-out-not-localized.yaml",
    [
      "external-transmission/opt-out-not-localized.yaml:9:15  externalTransmission.entries[0].optOut  plain text, but the policy is published in ja and en " +
        "(write it once per language: `ja: …` and `en: …`, or give the opt-out page's address, starting with https://)",
    ],
  ],
  [
    "bad-host.yaml",
    [
      "external-transmission/bad-host.yaml:9:15  externalTransmission.entries[0].hosts[0]  `Chat.Example.com` is not a host name " +
        "(write the host alone, in lower case, e.g. `chat.example.com`, or `.example.com` for every host under it)",
    ],
  ],
];

let errors: LoadResult;
let valid: LoadResult;
beforeAll(async () => {
  [errors, valid] = await Promise.all([
    loadOrganizations("external-transmission", { cwd: FIXTURES }),
    loadOrganizations("external-transmission-ok", { cwd: FIXTURES }),
  ]);
});

const lines = (result: LoadResult, file: string) => result.diagnostics.filter((d) => d.file.endsWith(`/${file}`)).map(formatDiagnosticLine);

describe("externalTransmission in an organization file", () => {
  it("every fixture has a case", async () => {
    expect((await readdir(path.join(FIXTURES, "external-transmission"))).sort()).toEqual(ERROR_CASES.map(([file]) => file).sort());
    expect((await readdir(path.join(FIXTURES, "external-transmission-ok"))).sort()).toEqual(["acknowledged.yaml", "good.yaml", "lacking.yaml"]);
  });

  it.each(ERROR_CASES)("%s: every problem at its place, with the fix", (file, expected) => {
    expect(lines(errors, file)).toEqual(expected);
    expect(errors.diagnostics.filter((d) => d.file.endsWith(`/${file}`)).every((d) => d.severity === "error")).toBe(true);
  });

  it("catalogue ids, overrides and entries of the organization's own are valid", () => {
    const good = valid.diagnostics.filter((d) => d.file.endsWith("/good.yaml"));
    expect(good.filter((d) => d.severity === "error")).toEqual([]);
    expect(good.map((d) => d.code)).not.toContain("tba-external-transmission");
    expect(valid.organizations.map((o) => o.slug).sort()).toEqual(["acknowledged", "good", "lacking"]);
  });

  it("a website with cookies and no section is asked for it, citing the article", () => {
    const finding = valid.diagnostics.filter((d) => d.file.endsWith("/lacking.yaml") && d.code === "tba-external-transmission");
    expect(finding.map(formatDiagnosticLine)).toEqual([
      "external-transmission-ok/lacking.yaml:1:1  externalTransmission  warning: the policy does not state what the website's tags and embedded content send to others: " +
        "for each, the information sent, who handles it at the destination, and its purposes (TBA Art. 27-12; Enforcement Regulations Art. 22-2-29) " +
        "(add `externalTransmission:` with `entries`, each a catalogue id such as `google-analytics-4` or an entry of your own; " +
        "if the article does not bind the organization, say why under `acknowledge: { tba-external-transmission: … }`)",
    ]);
    expect(valid.organizations.find((o) => o.slug === "lacking")?.missing).toContain("tba-external-transmission");
  });

  it("is silent once the organization says why the rule does not bind it", () => {
    const codes = valid.diagnostics.filter((d) => d.file.endsWith("/acknowledged.yaml")).map((d) => d.code);
    expect(codes).not.toContain("tba-external-transmission");
    expect(codes).not.toContain("acknowledge-unneeded");
    expect(valid.organizations.find((o) => o.slug === "acknowledged")?.missing).not.toContain("tba-external-transmission");
  });

  it("words an unknown id by the catalogue's nearest ids, and initials count", () => {
    const ids = [...externalTransmissionCatalogue().keys()];
    expect(unknownCatalogueId("gtm", ids).hint).toBe("did you mean `google-tag-manager`?");
    expect(unknownCatalogueId("clarity", ids).hint).toMatch(/^the nearest ids are `microsoft-clarity`, /);
  });

  it("the guides name the check's code (docs/law.md) and the section's key (docs/data.md)", () => {
    const docs = path.join(FIXTURES, "..", "..", "..", "docs");
    expect(readFileSync(path.join(docs, "law.md"), "utf8")).toContain("`tba-external-transmission`");
    expect(readFileSync(path.join(docs, "data.md"), "utf8")).toContain("`externalTransmission`");
  });
});
