/**
 * The website's own files that `hoshin scan` reads: the folders and files named on the
 * command line, walked in a stable order. Folders of tools and dependencies
 * (`node_modules`, dot-folders) are left out; a file is read by its extension.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { mapInBatches } from "../workers/batches.js";

export type SiteFileKind = "html" | "script" | "style";

export interface SiteFile {
  /** As shown to the user: relative to the working directory. */
  file: string;
  kind: SiteFileKind;
  text: string;
}

/** Extensions by the finder that reads them; templates are read as the HTML they write. */
const KINDS: Readonly<Record<string, SiteFileKind>> = {
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".shtml": "html",
  ".php": "html",
  ".njk": "html",
  ".liquid": "html",
  ".hbs": "html",
  ".ejs": "html",
  ".erb": "html",
  ".vue": "html",
  ".svelte": "html",
  ".astro": "html",
  ".js": "script",
  ".mjs": "script",
  ".cjs": "script",
  ".jsx": "script",
  ".ts": "script",
  ".tsx": "script",
  ".css": "style",
};

export const SCANNED_EXTENSIONS: readonly string[] = Object.keys(KINDS);

const SKIPPED_FOLDERS = new Set(["node_modules", "bower_components"]);

/** A path the user named that is not there or cannot be scanned: a usage mistake. */
export class SiteInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SiteInputError";
  }
}

export function kindOf(file: string): SiteFileKind | undefined {
  return KINDS[path.extname(file).toLowerCase()];
}

/** The files under `inputs`, each once, folders walked in name order. */
export async function readSiteFiles(inputs: readonly string[], cwd = process.cwd()): Promise<SiteFile[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") throw new SiteInputError(`\`${input}\` does not exist`, { cause: error });
      throw error;
    });
    if (info.isDirectory()) paths.push(...(await walk(absolute)));
    else if (kindOf(absolute)) paths.push(absolute);
    else throw new SiteInputError(`\`${input}\` is not a file hoshin scan reads (it reads ${SCANNED_EXTENSIONS.join(", ")})`);
  }
  const unique = [...new Set(paths)];
  return mapInBatches(unique, 64, async (absolute) => ({
    file: path.relative(cwd, absolute) || absolute,
    kind: kindOf(absolute)!,
    text: await readFile(absolute, "utf8"),
  }));
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(full)));
    } else if (entry.isFile() && kindOf(entry.name)) {
      files.push(full);
    }
  }
  return files;
}
