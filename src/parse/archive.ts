/**
 * The archive: every published version of a policy, frozen by `hoshin freeze` into
 * `archive/<slug>/<date>/` — the pages and PDFs as they were published, and a snapshot of
 * the data they were built from. The folder is committed, so the repository is the archive
 * and a fresh clone publishes the same bytes.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { describeFsError } from "../diagnostics/fs-error.js";
import type { MarkdownBody, SourceFile, SourceFormat } from "./source.js";

export const SNAPSHOT_FILE = "snapshot.json";
const VERSION_FOLDER = /^\d{4}-\d{2}(-\d{2})?$/;

/** The data a version was built from, as `hoshin freeze` wrote it. */
export interface Snapshot {
  /** The hoshin version that froze it. */
  hoshin: string;
  slug: string;
  date: string;
  format: SourceFormat;
  data: unknown;
  body?: MarkdownBody;
}

export interface ArchivedVersion {
  slug: string;
  date: string;
  /** Absolute path of `archive/<slug>/<date>/`. */
  dir: string;
  /** The snapshot's path as the user sees it, for diagnostics. */
  snapshotFile: string;
  snapshot: Snapshot;
  /** The published files, relative to `dir`, with forward slashes; the snapshot excluded. */
  files: string[];
  /** The frozen policy pages (`ja/index.html`, `en/index.html`), as written. */
  pages: Array<{ lang: "ja" | "en"; html: string }>;
}

export interface Archive {
  /** By slug, oldest version first. */
  versions: Map<string, ArchivedVersion[]>;
  diagnostics: Diagnostic[];
}

/** Reads every archived version; a missing archive folder is an empty archive. */
export async function readArchive(archiveDir: string, cwd = process.cwd()): Promise<Archive> {
  const root = path.resolve(cwd, archiveDir);
  const shown = (absolute: string) => path.relative(cwd, absolute).split(path.sep).join("/");
  const versions = new Map<string, ArchivedVersion[]>();
  const diagnostics: Diagnostic[] = [];
  const problem = (code: string, file: string, message: string, hint?: string, severity: "error" | "warning" = "error") =>
    diagnostics.push({ code, severity, file, line: 0, column: 0, path: "", message, ...(hint ? { hint } : {}) });

  for (const slug of await folders(root)) {
    const list: ArchivedVersion[] = [];
    for (const date of await folders(path.join(root, slug))) {
      const dir = path.join(root, slug, date);
      if (!VERSION_FOLDER.test(date)) {
        problem("archive-unknown-folder", shown(dir), `\`${date}\` is not a version folder`, "archived versions are named by their date, YYYY-MM-DD, as `hoshin freeze` makes them", "warning");
        continue;
      }
      const snapshotPath = path.join(dir, SNAPSHOT_FILE);
      let snapshot: Snapshot;
      try {
        snapshot = JSON.parse(await readFile(snapshotPath, "utf8")) as Snapshot;
      } catch (error) {
        const why = error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${describeFsError(error)})`;
        problem("archive-snapshot-invalid", shown(snapshotPath), `the archived version's data ${why}`, "restore the folder from version control, or freeze the version again");
        continue;
      }
      if (snapshot?.slug !== slug || snapshot.date !== date || typeof snapshot.data !== "object") {
        problem("archive-snapshot-invalid", shown(snapshotPath), `the snapshot is not the one of \`${slug}\` on ${date}`, "restore the folder from version control, or freeze the version again");
        continue;
      }
      const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
        .filter((file) => file !== SNAPSHOT_FILE)
        .sort();
      const pages = [];
      for (const lang of ["ja", "en"] as const) {
        if (files.includes(`${lang}/index.html`)) pages.push({ lang, html: await readFile(path.join(dir, lang, "index.html"), "utf8") });
      }
      list.push({ slug, date, dir, snapshotFile: shown(snapshotPath), snapshot, files, pages });
    }
    if (list.length) versions.set(slug, list.sort((a, b) => a.date.localeCompare(b.date)));
  }
  return { versions, diagnostics };
}

/** A snapshot as a source file, so it goes through the same validation and normalization. */
export function snapshotSource(version: ArchivedVersion): SourceFile {
  const origin = { line: 0, column: 0 };
  return {
    absolutePath: path.join(version.dir, SNAPSHOT_FILE),
    file: version.snapshotFile,
    slug: version.slug,
    format: version.snapshot.format,
    data: version.snapshot.data,
    body: version.snapshot.body,
    // Positions in the original file are gone; problems are reported against the snapshot.
    locate: () => origin,
  };
}

async function folders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}
