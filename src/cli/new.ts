/**
 * `hoshin new <slug>`: writes a new organization file that validates as written. In a
 * terminal it asks for the essentials the flags did not give; elsewhere (CI, scripts) the
 * flags are all there is. It never overwrites a file.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { slugProblem, type DiscoveredFile } from "../discover/discover.js";
import { parseOrganizationText } from "../parse/parse.js";
import type { SourceFormat } from "../parse/parse.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import { UsageError } from "../diagnostics/errors.js";
import type { Lang } from "../model/policy.js";
import { parseHours, scaffoldOrganization, type ScaffoldFacts } from "../scaffold/organization.js";
import { completenessFindings } from "../validate/index.js";
import { validateOrganization } from "../validate/index.js";
import { SCHEMA_FILE } from "../validate/index.js";
import type { Output } from "./output.js";
import { defaultLanguagesDir, loadLanguages } from "../pipeline/languages.js";
import { knownLanguages } from "../wording/wording.js";

export interface NewCommandOptions {
  input: string;
  lang: string;
  format: SourceFormat;
  name?: string[];
  address?: string[];
  phone?: string;
  email?: string;
  hours?: string;
}

/** Asks one question in the terminal and returns the answer, trimmed. */
export type Ask = (question: string) => Promise<string>;

const EXTENSIONS: Record<SourceFormat, string> = { yaml: ".yaml", json: ".json", md: ".md" };
const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

export async function runNew(slug: string, options: NewCommandOptions, output: Output, ask?: Ask): Promise<number> {
  const extension = EXTENSIONS[options.format];
  const problem = slugProblem(slug);
  if (problem) {
    const example = problem.suggestion ? `, e.g. \`${problem.suggestion}\` (the file ${problem.suggestion}${extension})` : "";
    throw new UsageError(`hoshin: slug \`${slug}\` is not valid: ${problem.rule}${example}`);
  }
  // The languages the site adds are known here too, as in `hoshin check`.
  await loadLanguages(defaultLanguagesDir(options.input));
  const langs = parseLangs(options.lang, knownLanguages());
  const inputAbs = path.resolve(options.input);
  const shownInput = options.input.replace(/\/+$/, "");
  const existing = await existingFileFor(inputAbs, slug);
  if (existing) {
    throw new UsageError(`hoshin: ${shownInput}/${existing} already exists, and hoshin new never overwrites a file; edit it, or choose another slug`);
  }

  const facts: ScaffoldFacts = {
    langs,
    // Required: texts() returns a text or throws.
    name: (await texts("name", "The organization's name", options.name, langs, true, ask))!,
    // One address, the organization's and its contact desk's: the law asks for the former.
    address: await texts("address", "Postal address of the organization and its contact desk", options.address, langs, false, ask),
    phone: options.phone ?? (await optional("Phone number (Enter to skip)", ask)),
    email: options.email ?? (await optional("E-mail address (Enter to skip)", ask)),
    hours: await hours(options.hours, ask),
    enacted: today(),
  };

  const file = `${shownInput}/${slug}${extension}`;
  const schemaPath = path.relative(inputAbs, fileURLToPath(SCHEMA_FILE)).split(path.sep).join("/");
  const text = scaffoldOrganization(facts, options.format, schemaPath);
  // The real check, on the real text: what is written is a file `hoshin check` accepts.
  const discovered: DiscoveredFile = { absolutePath: path.join(inputAbs, `${slug}${extension}`), file, slug, format: options.format };
  const parsed = parseOrganizationText(discovered, Buffer.from(text, "utf8"));
  const diagnostics = [...parsed.diagnostics, ...(parsed.source ? validateOrganization(parsed.source) : [])];
  if (hasErrors(diagnostics)) {
    output.err(formatDiagnostics(diagnostics, "text"));
    output.err(`hoshin: ${file} not written: correct the values above and run hoshin new again\n`);
    return 1;
  }
  await mkdir(inputAbs, { recursive: true });
  try {
    await writeFile(discovered.absolutePath, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new UsageError(`hoshin: ${file} already exists, and hoshin new never overwrites a file`);
    }
    throw error;
  }
  output.out(`hoshin: wrote ${file}\n`);
  // The same findings `hoshin check` will print, so the user hears of them now, not later.
  const missing = completenessFindings(parsed.source!).map((finding) => finding.path);
  const stillAsked = missing.length
    ? `npx hoshin check lists the ${missing.length === 1 ? "matter" : `${missing.length} matters`} the law still asks this policy to state (${missing.join(", ")}), as warnings until you fill ${missing.length === 1 ? "it" : "them"} in.\n`
    : "";
  if (options.format === "json") {
    output.out(
      "JSON has no comments, so the sections that need your facts are left out; your editor shows what every key means through \"$schema\".\n" +
        (missing.length ? `${stillAsked}Each warning says what to add and where.\n` : "") +
        "For a file with every section written out, with an example, use --format yaml.\n",
    );
  } else {
    output.out(
      "Fill in the sections commented out (#) with your facts: remove the # and replace the example.\n" +
        (missing.length ? `${stillAsked}Each has a commented block right where it goes.\n` : ""),
    );
  }
  output.out("Then: npx hoshin check, or npx hoshin dev to see the page as you edit.\n");
  return 0;
}

/** Languages hoshin ships, and those the site adds in its languages folder. */
function parseLangs(text: string, known: readonly string[]): Lang[] {
  const langs = text.split(",").map((lang) => lang.trim());
  const unknown = langs.filter((lang) => !known.includes(lang));
  if (unknown.length) throw new UsageError(`hoshin: --lang: no wording for ${unknown.map((lang) => `\`${lang}\``).join(", ")}; hoshin words pages in ${known.join(", ")} (a site adds others with hoshin add-language)`);
  if (new Set(langs).size !== langs.length) throw new UsageError(`hoshin: --lang \`${text}\` names a language twice`);
  return langs;
}

async function existingFileFor(inputAbs: string, slug: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(inputAbs);
  } catch {
    return undefined;
  }
  return names.find((name) => [".yaml", ".yml", ".json", ".md"].some((ext) => name.toLowerCase() === `${slug}${ext}`));
}

/** One text per language, from the flag (once per language, in --lang order) or asked. */
async function texts(
  flag: string,
  question: string,
  given: string[] | undefined,
  langs: Lang[],
  required: boolean,
  ask: Ask | undefined,
): Promise<Partial<Record<Lang, string>> | undefined> {
  const usage = langs.length > 1 ? `--${flag} once per language, in the order of --lang (${langs.join(", ")})` : `--${flag}`;
  if (given) {
    if (given.length !== langs.length) throw new UsageError(`hoshin: give ${usage}`);
    return Object.fromEntries(langs.map((lang, index) => [lang, given[index]!]));
  }
  if (!ask) {
    if (required) throw new UsageError(`hoshin: give the organization's ${flag} with ${usage} (questions are asked only in a terminal)`);
    return undefined;
  }
  const result: Partial<Record<Lang, string>> = {};
  for (const [index, lang] of langs.entries()) {
    const label = langs.length > 1 ? `${question} in ${LANGUAGE_NAMES.of(lang)}` : question;
    // The first answer decides: a text given in one language is needed in the other too.
    const mustAnswer = required || index > 0;
    let answer = await ask(`${label}${mustAnswer ? "" : " (Enter to skip)"}: `);
    while (!answer && mustAnswer) answer = await ask(`${label} (needed): `);
    if (!answer) return undefined;
    result[lang] = answer;
  }
  return result;
}

async function optional(question: string, ask: Ask | undefined): Promise<string | undefined> {
  return ask ? (await ask(`${question}: `)) || undefined : undefined;
}

async function hours(given: string | undefined, ask: Ask | undefined): Promise<ScaffoldFacts["hours"]> {
  const form = "days and times, e.g. mon-fri 10:00-17:00 or mon,wed,fri 13:00-17:00";
  if (given !== undefined) {
    const parsed = parseHours(given);
    if (!parsed) throw new UsageError(`hoshin: --hours \`${given}\` is not ${form}`);
    return parsed;
  }
  if (!ask) return undefined;
  for (;;) {
    const answer = await ask(`Reception hours, ${form} (Enter to skip): `);
    if (!answer) return undefined;
    const parsed = parseHours(answer);
    if (parsed) return parsed;
  }
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
