/**
 * The completeness check, proved on real files: for every matter the law (or the Privacy
 * Mark) asks a policy to state, a fixture that lacks it gets the finding, the complete
 * fixture does not, and the same lacking file with the finding acknowledged is silent.
 */
import { readFileSync } from "node:fs";
import { appendFile, copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadOrganizations, type LoadResult } from "../../src/pipeline/load.js";
import { formatDiagnosticLine } from "../../src/diagnostics/format.js";
import { REQUIREMENTS, REQUIREMENT_CODES } from "../../src/validate/requirements.js";
import { organizationSchema } from "../../src/validate/schema.js";
import { FIXTURES, fixtureFiles } from "./fixtures.js";

const FOLDER = "completeness";

/** [fixture, the findings it must get, by code] */
const CASES: ReadonlyArray<readonly [file: string, codes: readonly string[]]> = [
  ["complete.yaml", []],
  ["appi-only.yaml", []],
  ["lacking-operator-address.yaml", ["appi-operator-address"]],
  ["lacking-operator-representative.yaml", ["appi-operator-representative", "privacy-mark-top-management"]],
  ["lacking-purposes.yaml", ["appi-purposes"]],
  ["lacking-requests.yaml", ["appi-requests"]],
  ["lacking-request-purpose-notification.yaml", ["appi-request-purpose-notification"]],
  ["lacking-request-disclosure.yaml", ["appi-request-disclosure"]],
  ["lacking-request-third-party-records.yaml", ["appi-request-third-party-records"]],
  ["lacking-request-correction.yaml", ["appi-request-correction"]],
  ["lacking-request-suspension.yaml", ["appi-request-suspension"]],
  ["lacking-request-procedure.yaml", ["appi-request-procedure"]],
  ["lacking-contacts.yaml", ["appi-request-contact", "privacy-mark-inquiry-contact", "appi-complaints-contact"]],
  ["lacking-security.yaml", ["appi-security-measures"]],
  ["lacking-security-organizational.yaml", ["appi-security-organizational"]],
  ["lacking-security-human.yaml", ["appi-security-human"]],
  ["lacking-security-physical.yaml", ["appi-security-physical"]],
  ["lacking-security-technical.yaml", ["appi-security-technical"]],
  // A basic policy is a measure, so the four kinds are asked for one by one.
  ["security-basic-policy-only.yaml", ["appi-security-organizational", "appi-security-human", "appi-security-physical", "appi-security-technical"]],
  ["lacking-complaints.yaml", ["appi-complaints-contact", "privacy-mark-complaints"]],
  // A contact point that handles complaints tells people where to file them.
  ["complaints-by-handles.yaml", ["privacy-mark-complaints"]],
  ["lacking-accredited-contact.yaml", ["appi-accredited-organization-contact"]],
  ["lacking-joint-use.yaml", ["appi-joint-use"]],
  ["lacking-joint-use-representative.yaml", ["appi-joint-use-representative"]],
  ["lacking-foreign-recipients.yaml", ["appi-foreign-provision"]],
  ["foreign-unidentified.yaml", []],
  ["lacking-opt-out-items.yaml", ["appi-opt-out-items"]],
  ["lacking-opt-out-acquisition.yaml", ["appi-opt-out-acquisition"]],
  ["lacking-opt-out-method.yaml", ["appi-opt-out-method"]],
  ["lacking-opt-out-request-method.yaml", ["appi-opt-out-request-method"]],
  ["lacking-opt-out-updates.yaml", ["appi-opt-out-updates"]],
  ["lacking-opt-out-start.yaml", ["appi-opt-out-start"]],
  ["lacking-privacy-mark-proper-acquisition.yaml", ["privacy-mark-proper-acquisition"]],
  ["lacking-privacy-mark-use-within-purposes.yaml", ["privacy-mark-use-within-purposes"]],
  ["lacking-privacy-mark-provision.yaml", ["privacy-mark-provision"]],
  ["lacking-privacy-mark-compliance.yaml", ["privacy-mark-compliance"]],
  ["lacking-privacy-mark-leak-response.yaml", ["privacy-mark-leak-response"]],
  ["lacking-privacy-mark-continuous-improvement.yaml", ["privacy-mark-continuous-improvement"]],
  ["lacking-privacy-mark-enacted.yaml", ["privacy-mark-enacted"]],
  ["lacking-privacy-mark-inquiry-contact.yaml", ["privacy-mark-inquiry-contact"]],
  // the categories with duties of their own, required by what the organization declares
  ["lacking-special-care.yaml", ["appi-special-care"]],
  ["special-care-declared.yaml", []],
  ["lacking-personally-referable.yaml", ["appi-personally-referable"]],
  ["personally-referable-declared.yaml", []],
  ["lacking-pseudonymized-purposes.yaml", ["appi-pseudonymized-purposes"]],
  ["lacking-anonymized-items.yaml", ["appi-anonymized-items"]],
  ["lacking-anonymized-provision-items.yaml", ["appi-anonymized-provision-items"]],
  ["lacking-anonymized-provision-method.yaml", ["appi-anonymized-provision-method"]],
  // a telecommunications business, in a list of profiles
  [
    "lacking-telecom.yaml",
    [
      "telecom-secrecy-of-communications",
      "telecom-guidelines",
      "telecom-secrecy-beyond-purpose",
      "telecom-location-information",
      "telecom-external-transmission",
      "telecom-subcontracting",
    ],
  ],
  ["telecom-complete.yaml", []],
  // external transmission: a website with cookies loads others' tags; cookies alone say nothing of a website.
  ["lacking-external-transmission.yaml", ["tba-external-transmission"]],
  ["external-transmission-declared.yaml", []],
  ["cookies-without-website.yaml", []],
];

const ACKNOWLEDGEMENT_CASES = ["acknowledge-unneeded.yaml"];

let result: LoadResult;
/** test/fixtures/validate/acknowledge: acknowledgements that are errors, so no findings at all. */
let refused: LoadResult;
const of = (file: string) =>
  [...result.diagnostics, ...refused.diagnostics].filter((d) => d.file === `${FOLDER}/${file}` || d.file === `acknowledge/${file}`);

beforeAll(async () => {
  [result, refused] = await Promise.all([
    loadOrganizations(FOLDER, { cwd: FIXTURES }),
    loadOrganizations("acknowledge", { cwd: FIXTURES }),
  ]);
});

describe("completeness findings", () => {
  it("every fixture in the folder has a case, and every requirement a fixture that lacks it", () => {
    expect(fixtureFiles(FOLDER)).toEqual([...CASES.map(([file]) => file), ...ACKNOWLEDGEMENT_CASES].sort());
    expect(fixtureFiles("acknowledge")).toEqual(["acknowledge-empty-reason.yaml", "acknowledge-unknown-code.yaml"]);
    const proved = new Set(CASES.flatMap(([, codes]) => codes));
    expect(REQUIREMENT_CODES.filter((code) => !proved.has(code))).toEqual([]);
  });

  it.each(CASES)("%s gets exactly its findings, as warnings", (file, codes) => {
    const diagnostics = of(file);
    expect(diagnostics.map((d) => d.code).sort()).toEqual([...codes].sort());
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
  });

  // The Cabinet Order's items are published under APPI Art. 32(1)(iv): the finding cites both.
  it.each([
    ["lacking-security.yaml", "the policy does not state the security control measures taken for retained personal data (APPI Art. 32(1)(iv); Cabinet Order Art. 10(i))"],
    ["lacking-security-human.yaml", "the policy does not state the human security measures taken (APPI Art. 32(1)(iv); Cabinet Order Art. 10(i); PPC Guidelines (General Rules) 10)"],
    ["lacking-accredited-contact.yaml", "(APPI Art. 32(1)(iv); Cabinet Order Art. 10(iii))"],
  ])("%s cites the Act's article with the Cabinet Order's", (file, message) => {
    expect(of(file)[0]!.message).toContain(message);
  });

  it("each finding cites the article, says what to add and how to acknowledge it, and names the data path", () => {
    const [finding] = of("lacking-operator-address.yaml");
    expect(finding).toEqual({
      code: "appi-operator-address",
      severity: "warning",
      file: "completeness/lacking-operator-address.yaml",
      // The path does not exist yet: the position is its nearest ancestor, `organization:`.
      line: 5,
      column: 1,
      path: "organization.address",
      message: "the policy does not state the operator's address (APPI Art. 32(1)(i))",
      hint: "add `address:` under `organization`; if the article does not bind the organization, say why under `acknowledge: { appi-operator-address: … }`",
    });
  });

  it("points a missing request kind at the list it belongs in", () => {
    expect(of("lacking-request-disclosure.yaml").map(formatDiagnosticLine)).toEqual([
      "completeness/lacking-request-disclosure.yaml:61:3  requests.kinds  warning: the policy does not state how to request disclosure of retained personal data (APPI Art. 32(1)(iii), 33(1)) (add `disclosure` to `requests.kinds`; if the article does not bind the organization, say why under `acknowledge: { appi-request-disclosure: … }`)",
    ]);
  });

  it("are errors with `strict`, and then nothing is normalized", async () => {
    const strict = await loadOrganizations(FOLDER, { cwd: FIXTURES, strict: true });
    const findings = strict.diagnostics.filter((d) => REQUIREMENT_CODES.includes(d.code));
    expect(findings).toHaveLength(CASES.flatMap(([, codes]) => codes).length);
    expect(findings.every((d) => d.severity === "error")).toBe(true);
    expect(strict.organizations).toEqual([]);
  });

  it("are not looked for while the data has errors: broken data would only mislead them", () => {
    // Both files in that folder lack an address, a purpose, requests and security measures.
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["schema-empty", "schema-pattern", "schema-unknown-key"]);
  });
});

describe("acknowledging a finding", () => {
  let work: string;
  let acknowledged: LoadResult;
  beforeAll(async () => {
    // Each lacking fixture again, with its findings acknowledged at the end of the file.
    work = await mkdtemp(path.join(os.tmpdir(), "hoshin-acknowledge-"));
    await mkdir(path.join(work, FOLDER));
    for (const [file, codes] of CASES) {
      if (codes.length === 0) continue;
      const copy = path.join(work, FOLDER, file);
      await copyFile(path.join(FIXTURES, FOLDER, file), copy);
      await appendFile(copy, `acknowledge:\n${codes.map((code) => `  ${code}: 当法人には適用されないため\n`).join("")}`);
    }
    acknowledged = await loadOrganizations(FOLDER, { cwd: work, strict: true });
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("silences it, even with `strict`", () => {
    expect(acknowledged.diagnostics).toEqual([]);
    expect(acknowledged.organizations.every((o) => o.missing.length === 0)).toBe(true);
  });

  it("with an unknown code is an error that suggests the code meant", () => {
    expect(of("acknowledge-unknown-code.yaml").map(formatDiagnosticLine)).toEqual([
      "acknowledge/acknowledge-unknown-code.yaml:6:3  acknowledge.appi-operator-adress  unknown key `appi-operator-adress` (did you mean `appi-operator-address`?)",
    ]);
  });

  it("without a reason is an error", () => {
    expect(of("acknowledge-empty-reason.yaml").map(formatDiagnosticLine)).toEqual([
      "acknowledge/acknowledge-empty-reason.yaml:6:26  acknowledge.appi-operator-address  must not be empty (write the text)",
      "acknowledge/acknowledge-empty-reason.yaml:7:33  acknowledge.appi-operator-representative  `   ` is blank (say why the finding does not apply to the organization)",
    ]);
  });

  it("that is not needed, or needs a profile the file lacks, is a warning to remove it", () => {
    expect(of("acknowledge-unneeded.yaml").map(formatDiagnosticLine)).toEqual([
      "completeness/acknowledge-unneeded.yaml:21:3  acknowledge.appi-operator-address  warning: `appi-operator-address` is acknowledged, but the policy states what it asks for (remove the acknowledgement)",
      "completeness/acknowledge-unneeded.yaml:22:3  acknowledge.privacy-mark-enacted  warning: `privacy-mark-enacted` is acknowledged, but applies only with `profile: privacy-mark` (remove the acknowledgement)",
    ]);
  });

  it("docs/law.md documents every code", () => {
    const readme = readFileSync(path.join(FIXTURES, "..", "..", "..", "docs", "law.md"), "utf8");
    expect(REQUIREMENT_CODES.filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });

  it("the schema accepts exactly the requirements' codes, each described in English and Japanese", () => {
    const properties = organizationSchema().schema.properties?.acknowledge?.properties ?? {};
    expect(Object.keys(properties)).toEqual(REQUIREMENT_CODES);
    for (const requirement of REQUIREMENTS) {
      expect(properties[requirement.code]?.description).toMatch(/^Why the policy does not state .+\.\n\n.+を記載しない理由。$/s);
    }
  });
});

describe("what the index counts", () => {
  let work: string;
  beforeAll(async () => {
    // Only the files without errors: one error anywhere, and no organization is normalized.
    work = await mkdtemp(path.join(os.tmpdir(), "hoshin-missing-"));
    await mkdir(path.join(work, FOLDER));
    for (const [file] of CASES) await copyFile(path.join(FIXTURES, FOLDER, file), path.join(work, FOLDER, file));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("is carried from validation into each organization's model: the findings not acknowledged", async () => {
    const loaded = await loadOrganizations(FOLDER, { cwd: work });
    const missing = Object.fromEntries(loaded.organizations.map((o) => [`${o.slug}.yaml`, [...o.missing].sort()]));
    expect(missing).toEqual(Object.fromEntries(CASES.map(([file, codes]) => [file, [...codes].sort()])));
  });
});
