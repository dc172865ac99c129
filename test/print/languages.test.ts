/**
 * Every language hoshin ships, built and printed: each page declares its language, and its
 * PDF embeds the family of its script as a subset TrueType font whose text pdftotext reads
 * back, in that language's words.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatPolicyDate } from "../../src/render/dates.js";
import { familyOf, BASE_FAMILY } from "../../src/render/fonts.js";
import { shippedLanguages, words } from "../../src/wording/wording.js";
import { REPO, hoshin, type RunResult } from "../cli/helpers.js";

const FIXTURE = path.join(REPO, "test", "fixtures", "languages", "shipped");
const SLUG = "sekai-kai";
const squash = (text: string) => text.replace(/\s+/g, "");
// The catalogue's words sit in table cells, which pdftotext reads across the columns; the
// ids read back are those set as running text.

let dir: string;
let result: RunResult;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-shipped-languages-"));
  await cp(FIXTURE, dir, { recursive: true });
  result = await hoshin(["build", "--out", "out"], { cwd: dir });
}, 180_000);

describe("a policy in every shipped language", () => {
  it("builds a page and a PDF for each", () => {
    // What the law still asks of this small fixture is said as warnings; nothing is an error.
    expect(result.stderr).toMatch(/\n0 errors, \d+ warnings in 1 file\n/);
    expect(result.stdout).toMatch(new RegExp(`built 1 organization \\(${shippedLanguages().length} policy pages\\)`));
    expect(result.code).toBe(0);
  });

  it.each(shippedLanguages())("%s: the page declares it and dates the policy in its own form", async (lang) => {
    const html = await readFile(path.join(dir, "out", SLUG, lang, "index.html"), "utf8");
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(html).toContain(formatPolicyDate("2020-09-02", lang, "era"));
    for (const other of shippedLanguages()) if (other !== lang) expect(html).toContain(`hreflang="${other}"`);
  });

  it.each(shippedLanguages())("%s: the PDF embeds its script's font, and reads back in its words", (lang) => {
    const pdf = path.join(dir, "out", SLUG, lang, `${SLUG}-privacy-policy-${lang}.pdf`);
    const family = (familyOf(lang) ?? BASE_FAMILY).ttfName;
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
    expect(fonts).toMatch(new RegExp(`\\+${family}-Regular\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    expect(fonts).toMatch(new RegExp(`\\+${family}-Bold\\s+CID TrueType`));
    expect(fonts).not.toContain("Type 3");
    const text = squash(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
    for (const id of ["title.purposes", "title.thirdPartyProvision", "clauses.exceptions.law", "transmission.caption"]) {
      expect(text).toContain(squash(words(id, lang) as string));
    }
  });
});
