/**
 * Languages a site adds as data: a wording file in `languages/` beside `organizations/`,
 * picked up without touching code, checked id by id, and built like a shipped language.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO, hoshin, removeProjects, splitReport, DIAGNOSTIC_LINE, STACK_FRAME, type RunResult } from "./helpers.js";

afterAll(removeProjects);

const FIXTURES = path.join(REPO, "test", "fixtures", "languages");

/** A copy of a fixture site (organizations/ and languages/) in a folder of its own. */
async function site(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-languages-test-"));
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe("a language the site adds as data (en-GB)", () => {
  let dir: string;
  let result: RunResult;
  beforeAll(async () => {
    dir = await site("added");
    result = await hoshin(["build", "--out", "out"], { cwd: dir });
  }, 120_000);

  it("builds, as hoshin builds the languages it ships", () => {
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toMatch(/built 1 organization \(2 policy pages\)/);
    expect(result.code).toBe(0);
  });

  it("words the page in it, with its tag, its date form and its own spelling", async () => {
    const html = await readFile(path.join(dir, "out", "hikari-kai", "en-GB", "index.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en-GB"/i);
    expect(html).toContain("2 September 2020");
    expect(html).toContain("We endeavour to keep personal data accurate");
    // The translation notice links to the authoritative Japanese page.
    expect(html).toMatch(/<a href="\/hikari-kai\/ja\/" hreflang="ja">Japanese version<\/a>/);
    const ja = await readFile(path.join(dir, "out", "hikari-kai", "ja", "index.html"), "utf8");
    expect(ja).toContain('hreflang="en-GB"');
  });

  it("prints it with embedded, searchable fonts", () => {
    const pdf = path.join(dir, "out", "hikari-kai", "en-GB", "hikari-kai-privacy-policy-en-GB.pdf");
    expect(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })).toContain("We endeavour to keep personal data accurate");
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType/);
    expect(fonts).not.toContain("Type 3");
  });

  it("is rebuilt when its file changes", async () => {
    const file = path.join(dir, "languages", "en-GB.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("accuracy: Accuracy of Data", "accuracy: Accuracy of Personal Data"));
    const again = await hoshin(["build", "--no-pdf", "--out", "out"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(await readFile(path.join(dir, "out", "hikari-kai", "en-GB", "index.html"), "utf8")).toContain("Accuracy of Personal Data");
  });
});

describe("hoshin check of a language file still being written (fr)", () => {
  let result: RunResult;
  let report: Array<Record<string, string | undefined>>;
  beforeAll(async () => {
    result = await hoshin(["check"], { cwd: await site("incomplete") });
    report = splitReport(result.stdout + result.stderr).lines.map((line) => DIAGNOSTIC_LINE.exec(line)?.groups ?? { line });
  });

  it("fails, naming only the language file: the organization's French text is not refused", () => {
    expect(result.code).toBe(1);
    expect(report.every((d) => d.file === "languages/fr.yaml")).toBe(true);
  });

  it("names each id it lacks, with the English to translate, and each whole section once", () => {
    const at = (p: string) => report.find((d) => d.path === p);
    expect(at("ui.contents")?.message).toBe("lacks `ui.contents` (add `contents:` under `ui` — in English, \"Contents\")");
    expect(at("catalogue")?.message).toMatch(/^lacks `catalogue` and the \d+ ids under it \(`hoshin add-language fr --out reference.yaml` writes every id in English/);
    expect(report.filter((d) => d.path?.startsWith("catalogue."))).toEqual([]);
  });

  it("names each mistake at its line", () => {
    const at = (p: string) => report.find((d) => d.path === p);
    expect(at("title.contacts")).toMatchObject({ line: "34", message: expect.stringContaining("is blank") });
    expect(at("title.contact")).toMatchObject({ line: "35", message: expect.stringContaining("did you mean `contacts`?") });
    expect(at("page.title")).toMatchObject({ line: "37", message: expect.stringContaining("leaves out {org}") });
    expect(at("ui.pageOf")).toMatchObject({ line: "41", message: expect.stringContaining("has 2 parts; it needs 3") });
  });
});

describe("hoshin add-language", () => {
  it("writes every id, in English, that a complete language file needs", async () => {
    const dir = await site("incomplete");
    const result = await hoshin(["add-language", "th"], { cwd: dir });
    expect(result.code).toBe(0);
    const written = parse(await readFile(path.join(dir, "languages", "th.yaml"), "utf8")) as Record<string, Record<string, unknown>>;
    expect(written.title?.basicPolicy).toBe("Basic Policy");
    expect((written.clauses?.exceptions as Record<string, string>).law).toBe("Where it is based on laws and regulations");
    // Not a wrong tag, and never over a file.
    expect((await hoshin(["add-language", "th"], { cwd: dir })).code).toBe(2);
    expect((await hoshin(["add-language", "TH"], { cwd: dir })).stderr).toContain("write the tag as `th`");
  });
});
