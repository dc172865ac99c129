/**
 * The languages hoshin ships: each wording file passes the same checks as a language a site
 * adds, records where its words came from, and is listed wherever languages are listed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseOrganizationText } from "../../src/parse/parse.js";
import { validateLanguageFile } from "../../src/validate/index.js";
import { loadWording, shippedLanguages, WORDING_DIR } from "../../src/wording/wording.js";
import { REPO } from "../helpers/site.js";

const translated = shippedLanguages().filter((lang) => lang !== "ja" && lang !== "en");

describe("the shipped languages", () => {
  it("are the nine the docs promise", () => {
    expect([...shippedLanguages()].sort()).toEqual(["en", "ja", "ko", "ne", "pt-BR", "tl", "vi", "zh-Hans", "zh-Hant"]);
    expect(() => loadWording()).not.toThrow();
  });

  it.each(translated)("%s has every id, each as the reference has it", (lang) => {
    const file = path.join(WORDING_DIR, `${lang}.yaml`);
    const parsed = parseOrganizationText({ absolutePath: file, file: `wording/${lang}.yaml`, slug: lang, format: "yaml" }, readFileSync(file));
    expect(parsed.diagnostics).toEqual([]);
    expect(validateLanguageFile(parsed.source!).diagnostics).toEqual([]);
  });

  it.each(shippedLanguages())("%s records its provenance, and a translation its glossary", (lang) => {
    const header = readFileSync(path.join(WORDING_DIR, `${lang}.yaml`), "utf8").split("\n").filter((line) => line.startsWith("#")).join("\n");
    expect(header).toMatch(/provenance/i);
    if (translated.includes(lang)) expect(header).toMatch(/glossary/i);
  });

  it("are the text keys the editor schema offers, and the rows of docs/languages.md", () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, "schemas", "organization.schema.json"), "utf8")) as {
      definitions: { text: { anyOf: Array<{ properties?: Record<string, unknown> }> } };
    };
    const keys = Object.keys(schema.definitions.text.anyOf.find((branch) => branch.properties)!.properties!);
    expect(keys.sort()).toEqual([...shippedLanguages()].sort());
    const rows = [...readFileSync(path.join(REPO, "docs", "languages.md"), "utf8").matchAll(/^\| `([^`]+)` \| /gm)].map((match) => match[1]);
    expect(new Set(rows)).toEqual(new Set(shippedLanguages()));
  });
});
