/**
 * discover → parse → validate for the languages a site adds as data (`languages/<tag>.yaml`),
 * then registered, so that this process words pages in them. The result travels as plain
 * data to the worker threads that check and render, and into their cache keys.
 */
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverLanguageFiles } from "../discover/discover.js";
import { parseOrganizationFile, type DataKind } from "../parse/parse.js";
import { validateLanguageFile } from "../validate/index.js";
import { addLanguages, forgetAddedLanguages, type AddedLanguage } from "../wording/wording.js";

export interface LanguagesResult {
  /** Complete when no file has an error (and a build refuses to go on when one has). */
  languages: AddedLanguage[];
  diagnostics: Diagnostic[];
}

const LANGUAGE_FILE: DataKind = {
  emptyHint: "run `hoshin add-language <tag>` for a file with every id to translate",
  keys: "title, ui",
};

/** The languages folder used when none is named: `languages/` beside `organizations/`. */
export function defaultLanguagesDir(inputDir: string, cwd = process.cwd()): string {
  return path.join(path.dirname(path.resolve(cwd, inputDir)), "languages");
}

export async function loadLanguages(languagesDir: string, cwd = process.cwd()): Promise<LanguagesResult> {
  const discovery = await discoverLanguageFiles(languagesDir, { cwd });
  forgetAddedLanguages();
  const diagnostics = [...discovery.diagnostics];
  const languages: AddedLanguage[] = [];
  for (const file of discovery.files) {
    const parsed = await parseOrganizationFile(file, LANGUAGE_FILE);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.source) continue;
    const checked = validateLanguageFile(parsed.source);
    diagnostics.push(...checked.diagnostics);
    languages.push(checked.language);
  }
  addLanguages(languages);
  return { languages, diagnostics };
}
