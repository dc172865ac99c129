/**
 * `hoshin check`, driven as a user drives it: `node bin/hoshin.js check …` in a project
 * folder, judged by stdout, stderr and the exit code. Message wording belongs to the
 * validators and may change; the report's shape, positions and exit codes may not.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import {
  DIAGNOSTIC_LINE,
  STACK_FRAME,
  VERSION,
  hoshin,
  makeProject,
  removeProjects,
  splitReport,
  type RunResult,
} from "./helpers.js";

afterAll(removeProjects);

interface JsonDiagnostic {
  code: string;
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  hint?: string;
}

/** Where each problem planted in fixtures/cli/invalid sits, as `file:line:column  path`. */
const PLANTED = [
  "organizations/alpha-center.yaml:5:3  organization.name", // the `en` name is missing
  "organizations/alpha-center.yaml:12:1  purpose", // typo for `purposes`
  "organizations/alpha-center.yaml:23:14  contacts[0].hours.close", // closes before it opens
  "organizations/beta-club.json:4:26  policy.enacted", // month 13
  "organizations/beta-club.json:5:43  thirdPartyProvision.exceptions[0]", // `consnet`
  "organizations/beta-club.json:6:53  requests.contact", // no contact `helpdesk`
];

describe.concurrent("hoshin check on valid data", () => {
  let project: string;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
  });

  it("exits 0 and says how many files it checked", async () => {
    const result = await hoshin(["check"], { cwd: project });
    expect(result).toEqual({ code: 0, stdout: "hoshin: 3 organization files checked, no errors\n", stderr: "" });
  });

  it("reads the folder --input names", async () => {
    const elsewhere = await makeProject(["valid"], "data/orgs");
    const result = await hoshin(["check", "--input", "data/orgs"], { cwd: elsewhere });
    expect(result).toEqual({ code: 0, stdout: "hoshin: 3 organization files checked, no errors\n", stderr: "" });
  });

  it("gives an empty JSON report with --format json", async () => {
    const result = await hoshin(["check", "--format", "json"], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ diagnostics: [], summary: "0 errors in 0 files" });
  });

  it("exits 0 when there are only warnings, and shows them", async () => {
    const withStrayFile = await makeProject(["valid"]);
    await writeFile(path.join(withStrayFile, "organizations", "notes.txt"), "meeting notes\n");
    const result = await hoshin(["check"], { cwd: withStrayFile });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const { lines, rest } = splitReport(result.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(DIAGNOSTIC_LINE);
    expect(lines[0]).toMatch(/^organizations\/notes\.txt  -  warning: /);
    expect(rest).toEqual(["0 errors, 1 warning in 1 file", "hoshin: 3 organization files checked, no errors", ""]);
  });
});

describe.concurrent("hoshin check on bad data", () => {
  let project: string;
  let text: RunResult;
  let json: RunResult;
  beforeAll(async () => {
    project = await makeProject(["invalid"]);
    [text, json] = await Promise.all([
      hoshin(["check"], { cwd: project }),
      hoshin(["check", "--format", "json"], { cwd: project }),
    ]);
  });

  it("exits 1 and reports on stdout, with nothing on stderr", () => {
    expect(text.code).toBe(1);
    expect(text.stderr).toBe("");
  });

  it("reports every problem in every file in one run, one line each, then a summary", () => {
    const { lines, rest } = splitReport(text.stdout);
    for (const line of lines) expect(line).toMatch(DIAGNOSTIC_LINE);
    const places = lines.map((line) => line.split("  ").slice(0, 2).join("  "));
    for (const planted of PLANTED) expect(places).toContain(planted);
    // The valid file in the same folder is checked but not mentioned.
    expect(text.stdout).not.toContain("gamma-lab");
    expect(rest).toEqual([`${lines.length} errors in 2 files`, ""]);
  });

  it("gives hints where it can", () => {
    const line = (place: string) => splitReport(text.stdout).lines.find((l) => l.startsWith(`${place}  `));
    expect(line("organizations/alpha-center.yaml:12:1  purpose")).toMatch(/\(did you mean `purposes`\?\)$/);
    expect(line("organizations/beta-club.json:6:53  requests.contact")).toMatch(/\(did you mean `help-desk`\?\)$/);
  });

  it("shows no stack trace", () => {
    expect(text.stdout).not.toMatch(STACK_FRAME);
    expect(text.stdout).not.toContain("Error:");
  });

  it("gives the same diagnostics as JSON, with --format json", () => {
    expect(json.code).toBe(1);
    expect(json.stderr).toBe("");
    const report = JSON.parse(json.stdout) as { diagnostics: JsonDiagnostic[]; summary: string };
    expect(Object.keys(report).sort()).toEqual(["diagnostics", "summary"]);
    for (const d of report.diagnostics) {
      expect(d).toEqual({
        code: expect.stringMatching(/^[a-z0-9-]+$/),
        severity: "error",
        file: expect.stringMatching(/^organizations\/(alpha-center\.yaml|beta-club\.json)$/),
        line: expect.any(Number),
        column: expect.any(Number),
        path: expect.any(String),
        message: expect.any(String),
        ...(d.hint === undefined ? {} : { hint: expect.any(String) }),
      });
    }
    // Line for line what the text report says, in the same order.
    const { lines, rest } = splitReport(text.stdout);
    expect(
      report.diagnostics.map(
        (d) => `${d.file}:${d.line}:${d.column}  ${d.path || "-"}  ${d.message}${d.hint ? ` (${d.hint})` : ""}`,
      ),
    ).toEqual(lines);
    expect(report.summary).toBe(rest[0]);
    const codes = report.diagnostics.map((d) => d.code);
    for (const code of ["language-missing", "schema-unknown-key", "hours-order", "contact-unknown"]) {
      expect(codes).toContain(code);
    }
  });
});

describe.concurrent("hoshin check usage mistakes (exit 2)", () => {
  let project: string;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
  });

  it("names a missing input folder", async () => {
    const result = await hoshin(["check", "--input", "no-such-folder"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^hoshin: input folder `no-such-folder` does not exist.*\n$/);
  });

  it("names the default input folder when there is none", async () => {
    const empty = await makeProject([], "elsewhere");
    const result = await hoshin(["check"], { cwd: empty });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^hoshin: input folder `organizations` does not exist.*--input.*\n$/);
  });

  it("refuses a file given as the input folder", async () => {
    const result = await hoshin(["check", "--input", "organizations/open-data-lab.json"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^hoshin: input folder `organizations\/open-data-lab\.json` is not a folder.*\n$/);
  });

  it("suggests the option meant for an unknown one", async () => {
    const result = await hoshin(["check", "--inptu", "organizations"], { cwd: project });
    expect(result).toEqual({ code: 2, stdout: "", stderr: "error: unknown option '--inptu'\n(Did you mean --input?)\n" });
  });

  it("suggests the command meant for an unknown one", async () => {
    const result = await hoshin(["chekc"], { cwd: project });
    expect(result).toEqual({ code: 2, stdout: "", stderr: "error: unknown command 'chekc'\n(Did you mean check?)\n" });
  });

  it("refuses a report format it does not know", async () => {
    const result = await hoshin(["check", "--format", "xml"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n");
  });

  it("shows help on stderr and exits 2 when given no command", async () => {
    const result = await hoshin([], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Usage: hoshin \[options\] \[command\]\n/);
    expect(result.stderr).toMatch(/^ {2}check /m);
    expect(result.stderr).toMatch(/^ {2}build /m);
  });
});

describe.concurrent("help and version (exit 0)", () => {
  let project: string;
  beforeAll(async () => {
    project = await makeProject([]);
  });

  it.each([["--help"], ["help"]])("%s shows the commands on stdout", async (flag) => {
    const result = await hoshin([flag], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: hoshin \[options\] \[command\]\n/);
  });

  it.each([["check"], ["build"]])("%s --help describes its options", async (command) => {
    const result = await hoshin([command, "--help"], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(new RegExp(`^Usage: hoshin ${command} \\[options\\]\\n`));
    expect(result.stdout).toContain("--input <dir>");
    expect(result.stdout).toContain("--format <format>");
  });

  it.each([["--version"], ["-v"]])("%s prints the package version", async (flag) => {
    const result = await hoshin([flag], { cwd: project });
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });
});

// Exit 3 cannot be caused from outside without a bug, so one is planted: the loader is
// replaced by one that fails, and the CLI runs in-process through `run()`.
vi.mock("../../src/pipeline/load.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/pipeline/load.js")>()),
  loadOrganizations: vi.fn(),
}));

describe("run() in-process, with a failing loader", () => {
  async function runWith(failure: unknown) {
    const { loadOrganizations } = await import("../../src/pipeline/load.js");
    vi.mocked(loadOrganizations).mockRejectedValueOnce(failure);
    const { run } = await import("../../src/cli/main.js");
    const said = { out: "", err: "" };
    const output = {
      out: (text: string) => void (said.out += text),
      err: (text: string) => void (said.err += text),
      exitCode: 0,
      interactive: false,
    };
    const code = await run(["node", "hoshin", "check"], output);
    return { code, ...said };
  }

  it("turns an unexpected error into exit 3 and a bug report, without throwing", async () => {
    const result = await runWith(new TypeError("Cannot read properties of undefined (reading 'pages')"));
    expect(result.code).toBe(3);
    expect(result.out).toBe("");
    expect(result.err.startsWith(`hoshin: internal error — this is a bug in hoshin ${VERSION}, not a problem with your data.\n`)).toBe(true);
    // The details a maintainer needs are there, after the explanation.
    expect(result.err).toContain("TypeError: Cannot read properties of undefined (reading 'pages')");
  });

  it("treats a thrown non-Error the same way", async () => {
    const result = await runWith("a string, thrown");
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/^hoshin: internal error — this is a bug/);
    expect(result.err).toContain("a string, thrown");
  });

  it("gives a hoshin error its own exit code and message, without a stack trace", async () => {
    const { EnvironmentError } = await import("../../src/diagnostics/errors.js");
    const result = await runWith(new EnvironmentError("hoshin: cannot read the disk"));
    expect(result).toEqual({ code: 1, out: "", err: "hoshin: cannot read the disk\n" });
  });
});

describe.concurrent("hoshin check --strict: what the law asks a policy to state", () => {
  let incomplete: string;
  let complete: string;
  const WARNED = /^organizations\/sakura-kai\.yaml:\d+:\d+  \S+  warning: the policy does not state .+\((APPI|Cabinet Order) Art\. [^)]+\)/;
  // In file order: the missing top-level sections point at the top of the file.
  const CODES = ["appi-complaints-contact", "appi-security-measures", "appi-operator-address"];
  beforeAll(async () => {
    [incomplete, complete] = await Promise.all([makeProject(["incomplete"]), makeProject(["valid"])]);
  });

  it("reports each missing matter as a warning and exits 0 without --strict; an acknowledged one is silent", async () => {
    const result = await hoshin(["check"], { cwd: incomplete });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const { lines, rest } = splitReport(result.stdout);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(WARNED);
    expect(result.stdout).not.toContain("representative");
    expect(rest).toEqual(["0 errors, 3 warnings in 1 file", "hoshin: 1 organization file checked, no errors", ""]);
  });

  it("makes them errors and exits 1 with --strict", async () => {
    const result = await hoshin(["check", "--strict"], { cwd: incomplete });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const { lines, rest } = splitReport(result.stdout);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(DIAGNOSTIC_LINE);
    for (const line of lines) expect(line).not.toContain("warning:");
    expect(rest).toEqual(["3 errors in 1 file", ""]);
  });

  it("says the same as JSON, each finding with its stable code", async () => {
    const [lenient, strict] = await Promise.all([
      hoshin(["check", "--format", "json"], { cwd: incomplete }),
      hoshin(["check", "--format", "json", "--strict"], { cwd: incomplete }),
    ]);
    expect([lenient.code, strict.code]).toEqual([0, 1]);
    const codes = (stdout: string) => (JSON.parse(stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.map((d) => [d.code, d.severity]);
    expect(codes(lenient.stdout)).toEqual(CODES.map((code) => [code, "warning"]));
    expect(codes(strict.stdout)).toEqual(CODES.map((code) => [code, "error"]));
    expect((JSON.parse(strict.stdout) as { summary: string }).summary).toBe("3 errors in 1 file");
  });

  it("exits 0 with --strict when every matter is stated", async () => {
    const result = await hoshin(["check", "--strict"], { cwd: complete });
    expect(result).toEqual({ code: 0, stdout: "hoshin: 3 organization files checked, no errors\n", stderr: "" });
  });
});
