/**
 * `hoshin new`, driven as a user drives it: in a fresh project folder, with flags (as in
 * a script) and by answering its questions in a real terminal (util-linux `script` gives
 * it one). What it writes must pass the real `hoshin check`, as written and with every
 * commented-out section turned on.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { BIN, hoshin, makeProject, removeProjects } from "./helpers.js";
import { organizationSchema } from "../../src/validate/schema.js";

afterAll(removeProjects);

// `profile` and `acknowledge` steer the completeness check and are no section of the policy:
// the file explains them in its opening comment instead.
const SECTIONS = Object.keys(organizationSchema().schema.properties ?? {}).filter(
  (key) => !["$schema", "profile", "acknowledge"].includes(key),
);
const ESSENTIALS = ["--phone", "03-1234-5678", "--email", "privacy@example.org", "--hours", "mon-fri 10:00-17:00"];
/** What the law asks that the flags cannot give: each a commented block in the file. */
const STILL_ASKED = ["appi-operator-address", "appi-operator-representative", "appi-purposes", "appi-request-procedure", "appi-security-measures"];

interface JsonReport {
  diagnostics: Array<{ code: string; severity: string }>;
}

/** `hoshin check --format json` in the project: the exit code and the findings' codes by severity. */
async function checkCodes(project: string, strict = false): Promise<{ code: number | null; errors: string[]; warnings: string[] }> {
  const result = await hoshin(["check", "--format", "json", ...(strict ? ["--strict"] : [])], { cwd: project });
  const report = JSON.parse(result.stdout) as JsonReport;
  const codes = (severity: string) => report.diagnostics.filter((d) => d.severity === severity).map((d) => d.code).sort();
  return { code: result.code, errors: codes("error"), warnings: codes("warning") };
}

/** Turns every commented-out key or list item back on, leaving the prose comments. */
function uncomment(text: string): string {
  return text.replace(/^(\s*)# (?=\s*(?:- |[A-Za-z$]+:(?: |$)))/gm, "$1");
}

async function newProject(): Promise<string> {
  return makeProject([]);
}

describe.concurrent("hoshin new with flags", () => {
  for (const [format, langs, names] of [
    ["yaml", "ja", ["さくら会"]],
    ["yaml", "ja,en", ["さくら会", "Sakura Association"]],
    ["md", "en,ja", ["Sakura Association", "さくら会"]],
    ["json", "en", ["Sakura Association"]],
  ] as const) {
    it(`writes a ${format} file in ${langs} that hoshin check accepts`, async () => {
      const project = await newProject();
      const args = ["new", "sakura-kai", "--format", format, "--lang", langs, ...names.flatMap((n) => ["--name", n]), ...ESSENTIALS];
      const result = await hoshin(args, { cwd: project });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const file = `organizations/sakura-kai.${format}`;
      expect(result.stdout).toContain(`hoshin: wrote ${file}\n`);
      // It says what `check` will say: the matters the law still asks, none of them an error.
      expect(result.stdout).toContain(
        "npx hoshin check lists the 5 matters the law still asks this policy to state " +
          "(organization.address, organization.representative, purposes, requests.procedure, security)",
      );
      expect(await checkCodes(project)).toEqual({ code: 0, errors: [], warnings: STILL_ASKED });

      const text = await readFile(path.join(project, file), "utf8");
      for (const name of names) expect(text).toContain(name);
      expect(text).toContain("03-1234-5678");
      if (format === "json") {
        const data = JSON.parse(text) as Record<string, unknown>;
        expect(data.$schema).toMatch(/schemas\/organization\.schema\.json$/);
        // No comments in JSON: the user learns from `check` what to add, and where.
        expect(result.stdout).toContain("JSON has no comments, so the sections that need your facts are left out");
        expect(result.stdout).toContain("Each warning says what to add and where.");
        return;
      }
      // Every section is in the file, on or commented out, for the user to fill in.
      for (const section of SECTIONS) expect(text, section).toMatch(new RegExp(`^(# )?${section.replace("$", "\\$")}:`, "m"));
      expect(result.stdout).toContain("Each has a commented block right where it goes.");
      // …and its structure is right: with every commented line turned on, it validates and
      // states all the law asks, so even --strict has nothing to say.
      await writeFile(path.join(project, file), uncomment(text));
      const all = await hoshin(["check", "--strict"], { cwd: project });
      expect(all.stdout).toBe("hoshin: 1 organization file checked, no errors\n");
      expect(all.code).toBe(0);
      const build = await hoshin(["build", "--no-pdf"], { cwd: project });
      expect(build.code).toBe(0);
    });
  }

  it("never overwrites a file, whatever its format", async () => {
    const project = await newProject();
    await writeFile(path.join(project, "organizations", "sakura-kai.json"), "{}\n");
    const result = await hoshin(["new", "sakura-kai", "--name", "さくら会"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "hoshin: organizations/sakura-kai.json already exists, and hoshin new never overwrites a file; edit it, or choose another slug\n",
    );
    expect(await readdir(path.join(project, "organizations"))).toEqual(["sakura-kai.json"]);
    expect(await readFile(path.join(project, "organizations", "sakura-kai.json"), "utf8")).toBe("{}\n");
  });

  it("refuses a slug discovery would refuse, and suggests one", async () => {
    const project = await newProject();
    const result = await hoshin(["new", "Sakura_Kai", "--name", "さくら会"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "hoshin: slug `Sakura_Kai` is not valid: use lower-case letters, digits and hyphens, e.g. `sakura-kai` (the file sakura-kai.yaml)\n",
    );
    expect(await readdir(path.join(project, "organizations"))).toEqual([]);
  });

  it("needs --name when no terminal can answer, once per language", async () => {
    const project = await newProject();
    const none = await hoshin(["new", "sakura-kai"], { cwd: project });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^hoshin: give the organization's name with --name/);
    const one = await hoshin(["new", "sakura-kai", "--lang", "ja,en", "--name", "さくら会"], { cwd: project });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("--name once per language, in the order of --lang (ja, en)");
  });

  it("writes nothing when a value would not validate, and says why with the real check", async () => {
    const project = await newProject();
    const result = await hoshin(["new", "sakura-kai", "--name", "さくら会", "--email", "not-an-address"], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^organizations\/sakura-kai\.yaml:\d+:\d+  contacts\[0\]\.email  /);
    expect(existsSync(path.join(project, "organizations", "sakura-kai.yaml"))).toBe(false);
  });

  it("creates the input folder of a new project", async () => {
    const project = await newProject();
    const result = await hoshin(["new", "sakura-kai", "--input", "policies", "--name", "さくら会"], { cwd: project });
    expect(result.code).toBe(0);
    expect(await readdir(path.join(project, "policies"))).toEqual(["sakura-kai.yaml"]);
  });
});

describe.runIf(existsSync("/usr/bin/script"))("hoshin new in a terminal", () => {
  it("asks for the name, address, phone, e-mail and hours, and writes them", async () => {
    const project = await newProject();
    const answers: Array<[RegExp, string]> = [
      [/name in Japanese: $/, "さくら会"],
      [/name in English: $/, "Sakura Association"],
      [/address of the organization and its contact desk in Japanese \(Enter to skip\): $/, "東京都港区芝公園1-2-3"],
      [/address.* in English: $/, "1-2-3 Shibakoen, Minato-ku, Tokyo"],
      [/Phone number \(Enter to skip\): $/, "03-1234-5678"],
      [/E-mail address \(Enter to skip\): $/, ""],
      [/Reception hours, .*\(Enter to skip\): $/, "mon,wed,fri 13:00-17:00"],
    ];
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env.CI;
    // `script` runs the command in a pseudo-terminal: stdin and stderr are TTYs, as for a person.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} new sakura-kai --lang ja,en`;
    const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: project, env, stdio: ["pipe", "pipe", "pipe"] });
    let screen = "";
    let asked = 0;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      screen += chunk;
      const next = answers[asked];
      // The last line on screen, without the terminal's cursor movements.
      const line = screen.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").split(/\r?\n/).pop()!;
      if (next && next[0].test(line)) {
        asked += 1;
        child.stdin.write(`${next[1]}\r`);
      }
    });
    // A question the test does not expect would wait for ever: end it, and show the screen.
    const stuck = setTimeout(() => child.kill(), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(stuck);
    expect(screen).toContain("hoshin: wrote organizations/sakura-kai.yaml");
    expect(asked).toBe(answers.length);
    expect(code).toBe(0);
    const text = await readFile(path.join(project, "organizations", "sakura-kai.yaml"), "utf8");
    expect(text).toContain('name: { ja: "さくら会", en: "Sakura Association" }');
    // The one address answered is the operator's, which the law asks for, and the desk's.
    const address = 'address: { ja: "東京都港区芝公園1-2-3", en: "1-2-3 Shibakoen, Minato-ku, Tokyo" }';
    expect(text.match(/^ +address: .*$/gm)).toEqual([`  ${address}`, `    ${address}`]);
    expect(text).toContain('phone: "03-1234-5678"');
    expect(text).toContain("# email: privacy@example.org");
    expect(text).toContain('hours: { days: [mon, wed, fri], open: "13:00", close: "17:00"');
    expect(screen).toContain("npx hoshin check lists the 4 matters the law still asks");
    const stillAsked = STILL_ASKED.filter((code) => code !== "appi-operator-address");
    expect(await checkCodes(project)).toEqual({ code: 0, errors: [], warnings: stillAsked });
  });
});
