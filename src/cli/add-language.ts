/**
 * `hoshin add-language <tag>`: writes `languages/<tag>.yaml` beside the organizations folder
 * with every id of hoshin's wording, to translate. It never overwrites a file.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../diagnostics/errors.js";
import { canonicalLanguageTag } from "../discover/discover.js";
import { defaultLanguagesDir } from "../pipeline/languages.js";
import { languageTemplate } from "../scaffold/language.js";
import { shippedLanguages } from "../wording/wording.js";
import type { Output } from "./output.js";

export interface AddLanguageOptions {
  from: string;
  input: string;
  out?: string;
}

export async function runAddLanguage(tag: string, options: AddLanguageOptions, output: Output): Promise<number> {
  const canonical = canonicalLanguageTag(tag);
  if (canonical === undefined) throw new UsageError(`hoshin: \`${tag}\` is not a BCP 47 language tag (e.g. th, pt-PT, zh-Hant-HK)`);
  if (canonical !== tag) throw new UsageError(`hoshin: write the tag as \`${canonical}\`: language tags are matched exactly`);
  if (!shippedLanguages().includes(options.from)) {
    throw new UsageError(`hoshin: --from must be a language hoshin ships: ${shippedLanguages().join(", ")}`);
  }
  const file = options.out ?? path.join(defaultLanguagesDir(options.input), `${tag}.yaml`);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  try {
    await writeFile(file, languageTemplate(tag, options.from), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`hoshin: ${file} exists; hoshin add-language never overwrites a file`, { cause: error });
    throw error;
  }
  const replaces = shippedLanguages().includes(tag) ? `; it replaces hoshin's own ${tag} wording once it is complete` : "";
  output.out(`hoshin: wrote ${file}: every id of hoshin's wording, in ${options.from}, to translate into ${tag}${replaces}.\n`);
  output.out(`Then add \`${tag}\` to an organization's \`languages\` and its text in ${tag}, and run hoshin check.\n`);
  return 0;
}
