/**
 * Discover stage: which files in the input folder are organizations, and under which slug.
 *
 * Only names and links are judged here; contents are the parse stage's business. A user's
 * odd file never throws: it becomes a diagnostic. The one thrown error is a missing input
 * folder, because then there is nothing to report on and the CLI shows a usage error.
 */

import type { Dirent } from "node:fs";
import { lstat, readdir, readlink, realpath, stat } from "node:fs/promises";
import path from "node:path";

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { describeFsError } from "../diagnostics/fs-error.js";

/** How a file is read, from its extension. */
export type SourceFormat = "yaml" | "json" | "md";

export interface DiscoveredFile {
  absolutePath: string;
  /** Relative to the working directory, with forward slashes: what the user would type. */
  file: string;
  slug: string;
  format: SourceFormat;
}

export interface Discovery {
  files: DiscoveredFile[];
  diagnostics: Diagnostic[];
}

/** The input folder is missing or not a folder: a usage error, not a data problem. */
export class InputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputFolderError";
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 64;

/** Extensions are matched case-insensitively: `Genron.YAML` is clearly meant as YAML. */
const FORMATS: Readonly<Record<string, SourceFormat>> = {
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
  ".md": "md",
};

/**
 * Files people and tools leave next to real data. Reporting them would train users to
 * ignore warnings, so they are skipped without a word.
 */
function isSilentlyIgnored(name: string): boolean {
  return (
    name.startsWith(".") || // .DS_Store, .gitkeep, editor lock files
    name.endsWith("~") ||
    /\.(bak|swp|tmp)$/i.test(name) ||
    /^#.*#$/.test(name) || // Emacs auto-save
    /^readme/i.test(name)
  );
}

export async function discoverOrganizations(
  inputDir: string,
  options: { cwd?: string } = {},
): Promise<Discovery> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const inputAbs = path.resolve(cwd, inputDir);
  const shown = displayPath(cwd, inputAbs);

  const { inputReal, entries } = await listFolder(inputAbs, shown);

  const files: DiscoveredFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const slugOwners = new Map<string, string>();

  for (const entry of entries) {
    const name = entry.name;
    if (isSilentlyIgnored(name)) continue;
    const absolutePath = path.join(inputAbs, name);
    const file = displayPath(cwd, absolutePath);
    const report = (code: string, severity: Diagnostic["severity"], message: string, hint?: string): void => {
      diagnostics.push(wholeFile(file, code, severity, message, hint));
    };

    const ext = path.extname(name);
    const format = FORMATS[ext.toLowerCase()];
    // A plain file is what the folder's listing says it is; only links and oddities are looked at.
    const kind = entry.isFile() ? PLAIN_FILE : await entryKind(absolutePath, inputReal, format !== undefined);

    if (kind.type === "skip") continue;
    if (kind.type === "folder") {
      // Only a name that ends like an organization file gets here: a folder a user may well
      // think is one (an unzipped `sakura.yaml/`, a file saved "into" a new folder).
      diagnostics.push(
        wholeFile(`${file}/`, "folder-ignored", "warning", `a folder named like an organization file, ignored`,
          `hoshin reads only the files directly in the input folder: if the organization's file is inside, move it up beside the others; otherwise rename the folder so its name does not end in ${ext}`),
      );
      continue;
    }
    if (kind.type === "problem") {
      report(kind.code, "error", kind.message, kind.hint);
      continue;
    }
    if (format === undefined) {
      report(
        "file-ignored",
        "warning",
        "not an organization file, ignored",
        "organization files end in .yaml, .yml, .json or .md",
      );
      continue;
    }

    const slug = name.slice(0, name.length - ext.length);
    const slugProblem = checkSlug(slug, ext);
    if (slugProblem) {
      report("slug-invalid", "error", slugProblem.message, slugProblem.hint);
      continue;
    }
    const owner = slugOwners.get(slug);
    if (owner !== undefined) {
      report(
        "slug-duplicate",
        "error",
        `slug \`${slug}\` is already used by ${owner}`,
        "each organization needs its own file name; rename or remove one",
      );
      continue;
    }
    slugOwners.set(slug, file);
    files.push({ absolutePath, file, slug, format });
  }

  return { files, diagnostics };
}

const PLAIN_FILE: EntryKind = { type: "file" };

/** The folder's real path and entries, or the usage error that stops the run. */
async function listFolder(absolute: string, shown: string): Promise<{ inputReal: string; entries: Dirent[] }> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(absolute)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputFolderError(`input folder \`${shown}\` does not exist`);
    throw new InputFolderError(`input folder \`${shown}\` cannot be read (${describeFsError(error)})`);
  }
  if (!isFolder) throw new InputFolderError(`input folder \`${shown}\` is not a folder`);
  try {
    // Real paths are compared later, so an input folder reached through a link still works.
    const inputReal = await realpath(absolute);
    // Code-unit order, not locale order: output must not change with the machine's language.
    const entries = (await readdir(absolute, { withFileTypes: true })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    return { inputReal, entries };
  } catch (error) {
    throw new InputFolderError(`input folder \`${shown}\` cannot be read (${describeFsError(error)})`);
  }
}

type EntryKind =
  | { type: "file" }
  | { type: "skip" }
  /** A folder whose name looks like an organization file's. */
  | { type: "folder" }
  | { type: "problem"; code: string; message: string; hint: string };

/**
 * What a directory entry is, once links are followed. Link problems are only reported for
 * names that look like organization files; any other link gets the ordinary `file-ignored`.
 */
async function entryKind(absolute: string, inputReal: string, looksLikeOrganization: boolean): Promise<EntryKind> {
  try {
    return await classify(absolute, inputReal, looksLikeOrganization);
  } catch (error) {
    // The entry changed under us (deleted, permissions): say so rather than crash.
    if (!looksLikeOrganization) return { type: "skip" };
    return {
      type: "problem",
      code: "file-unreadable",
      message: `file cannot be read (${describeFsError(error)})`,
      hint: "check that the file exists and that you may read it",
    };
  }
}

async function classify(absolute: string, inputReal: string, looksLikeOrganization: boolean): Promise<EntryKind> {
  let info = await lstat(absolute);
  if (info.isSymbolicLink()) {
    const target = await readlink(absolute).catch(() => "?");
    let real: string;
    try {
      real = await realpath(absolute);
    } catch (error) {
      if (!looksLikeOrganization) return { type: "file" };
      const code = errorCode(error);
      return {
        type: "problem",
        code: "file-unreadable",
        message:
          code === "ENOENT"
            ? `symbolic link is broken: ${target} does not exist`
            : `symbolic link cannot be followed (${describeFsError(error)})`,
        hint: "fix the link or remove it",
      };
    }
    info = await stat(real);
    if (info.isDirectory()) return looksLikeOrganization ? { type: "folder" } : { type: "skip" };
    if (looksLikeOrganization && !isInside(inputReal, real)) {
      return {
        type: "problem",
        code: "file-outside-input",
        message: `symbolic link leads outside the input folder (to ${target})`,
        hint: "copy the file into the input folder instead",
      };
    }
  }
  if (info.isDirectory()) return looksLikeOrganization ? { type: "folder" } : { type: "skip" };
  if (!info.isFile() && looksLikeOrganization) {
    return {
      type: "problem",
      code: "file-unreadable",
      message: "not a regular file (a pipe, socket or device)",
      hint: "organization files must be ordinary files",
    };
  }
  return { type: "file" };
}

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * Why `slug` cannot name an organization — the rule it breaks and a slug that would do,
 * if one can be made from it; undefined when it can. `hoshin new` checks its argument
 * with the same rule.
 */
export function slugProblem(slug: string): { rule: string; suggestion?: string } | undefined {
  if (SLUG.test(slug) && slug.length <= MAX_SLUG_LENGTH) return undefined;
  const rule =
    slug.length > MAX_SLUG_LENGTH
      ? `use at most ${MAX_SLUG_LENGTH} characters`
      : "use lower-case letters, digits and hyphens";
  const suggestion = suggestSlug(slug);
  return suggestion ? { rule, suggestion } : { rule };
}

function checkSlug(slug: string, ext: string): { message: string; hint: string } | undefined {
  const problem = slugProblem(slug);
  if (!problem) return undefined;
  return {
    message: `file name \`${slug}\` is not a valid slug: ${problem.rule}`,
    hint: problem.suggestion
      ? `rename the file to \`${problem.suggestion}${ext}\``
      : `rename the file with lower-case letters, digits and hyphens, e.g. \`my-organization${ext}\``,
  };
}

/** `Genron_NPO` → `genron-npo`; full-width letters are folded first (ＮＰＯ → npo). */
function suggestSlug(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
}

function wholeFile(
  file: string,
  code: string,
  severity: Diagnostic["severity"],
  message: string,
  hint?: string,
): Diagnostic {
  const diagnostic: Diagnostic = { code, severity, file, line: 0, column: 0, path: "", message };
  if (hint !== undefined) diagnostic.hint = hint;
  return diagnostic;
}

/** How the user refers to a path: relative to where they ran the command, `/`-separated. */
function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === "") return ".";
  return path.isAbsolute(relative) ? absolute : relative.split(path.sep).join("/");
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}


/**
 * The languages a site adds as data: `<tag>.yaml` files in its languages folder (by default
 * `languages/` beside `organizations/`). A missing folder adds none; anything else in it is
 * named and ignored. The tag comes from the name, as Intl writes it canonically.
 */
export async function discoverLanguageFiles(languagesDir: string, options: { cwd?: string } = {}): Promise<Discovery> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const absolute = path.resolve(cwd, languagesDir);
  let entries: Dirent[];
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { files: [], diagnostics: [] };
    const shown = displayPath(cwd, absolute);
    return { files: [], diagnostics: [wholeFile(shown, "languages-unreadable", "error", `the languages folder \`${shown}\` cannot be read (${describeFsError(error)})`, "check that it is a folder you may read")] };
  }
  const files: DiscoveredFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (isSilentlyIgnored(entry.name)) continue;
    const file = displayPath(cwd, path.join(absolute, entry.name));
    const tag = entry.name.endsWith(".yaml") ? entry.name.slice(0, -".yaml".length) : undefined;
    if (!entry.isFile() || tag === undefined) {
      diagnostics.push(wholeFile(file, "file-ignored", "warning", "not a language file, ignored", "a language file is named by its BCP 47 tag and ends in .yaml: `th.yaml`, `pt-PT.yaml`"));
      continue;
    }
    const canonical = canonicalLanguageTag(tag);
    if (canonical !== tag) {
      diagnostics.push(
        wholeFile(file, "language-file-name", "error", `\`${tag}\` is not a language tag as BCP 47 writes it`,
          canonical ? `rename the file \`${canonical}.yaml\`` : "name the file by its BCP 47 tag: `th.yaml`, `pt-PT.yaml`, `zh-Hant-HK.yaml`"),
      );
      continue;
    }
    files.push({ absolutePath: path.join(absolute, entry.name), file, slug: tag, format: "yaml" });
  }
  return { files, diagnostics };
}

/** `zh-hans` → `zh-Hans`; undefined when the text is no language tag at all. */
export function canonicalLanguageTag(tag: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
