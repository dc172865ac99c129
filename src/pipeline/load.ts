/**
 * discover → parse → validate → normalize: from a folder of files (and the archive of
 * their published versions) to the render model, or to every problem found on the way.
 */
import path from "node:path";
import { mapInBatches } from "../workers/batches.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverOrganizations, type DiscoveredFile } from "../discover/discover.js";
import { readArchive, snapshotSource, type ArchivedVersion } from "../parse/parse.js";
import type { SourceFile } from "../parse/parse.js";
import { validateOrganization } from "../validate/index.js";
import type { OrganizationModel } from "../model/policy.js";
import type { DiskStore } from "../cache/disk-store.js";
import { loadOrganizationFile, type FileHistory, type LoadedFile, type StoredLoad } from "./load-file.js";
import { loadThroughStore } from "./stored-load.js";
import type { SpooledOrganization } from "./model-spool.js";
import { defaultLanguagesDir, loadLanguages } from "./languages.js";
import type { AddedLanguage } from "../wording/wording.js";

export type { FileHistory, LoadedFile, StoredLoad } from "./load-file.js";
export type { SpooledOrganization } from "./model-spool.js";
export { storedLoads } from "./stored-entry.js";

export interface LoadResult {
  /** Empty when any file has an error: a site is built from all of the data or none. Empty too with `spool`. */
  organizations: OrganizationModel[];
  /** With `spool`, the organizations instead: listed, their models on disk (see model-spool.ts). Empty on any error. */
  spooled: SpooledOrganization[];
  diagnostics: Diagnostic[];
  fileCount: number;
  /** The archive's versions by slug, oldest first. */
  archive: Map<string, ArchivedVersion[]>;
  /** The valid source files by slug, for `hoshin freeze`; empty when loaded through a `store`. */
  sources: Map<string, SourceFile>;
  /** The languages the site adds as data: the render needs their words too. */
  languages: AddedLanguage[];
}

export interface LoadOptions {
  cwd?: string;
  /** Completeness findings are errors: nothing incomplete is normalized (or published). */
  strict?: boolean;
  /** Folder of archived versions; default `archive` beside the input folder. */
  archive?: string;
  /** Folder of languages the site adds (`<tag>.yaml`); default `languages` beside the input folder. */
  languagesDir?: string;
  /** Files loaded before (`hoshin dev`); see LoadCache. */
  cache?: LoadCache;
  /**
   * What earlier builds found (`hoshin build`): a file whose bytes, archived versions,
   * options and hoshin are all unchanged is not parsed and checked again. With a store,
   * `cache` is not used, and the files are checked on several cores when there are many.
   * What is new is written to the store after this returns: await `store.settled()`.
   */
  store?: DiskStore<StoredLoad>;
  /**
   * With `store`: a folder for the models (see model-spool.ts, `withSpoolFolder`), which are
   * then left on disk and returned as `spooled`, so that memory does not grow with them.
   */
  spool?: string;
}

/**
 * Loaded files by absolute path. `hoshin dev` keeps one between rebuilds and deletes the
 * entry of each file that changed, so a save re-reads that file alone.
 */
export type LoadCache = Map<string, LoadedFile>;

/** The archive folder used when none is named: `archive/` beside `organizations/`. */
export function defaultArchiveDir(inputDir: string, cwd = process.cwd()): string {
  return path.join(path.dirname(path.resolve(cwd, inputDir)), "archive");
}

export async function loadOrganizations(inputDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  // First, so that every file is checked against the languages the site adds.
  const added = await loadLanguages(options.languagesDir ?? defaultLanguagesDir(inputDir, cwd), cwd);
  const [discovery, archive] = await Promise.all([
    discoverOrganizations(inputDir, options),
    readArchive(options.archive ?? defaultArchiveDir(inputDir, cwd), cwd),
  ]);
  const diagnostics = [...added.diagnostics, ...discovery.diagnostics, ...archive.diagnostics];
  // What each file's checks depend on; it goes to the checking threads, so the store stays here.
  const { store: _store, spool: _spool, ...checking } = options;
  const fileOptions = { ...checking, languages: added.languages, checkOnly: hasErrors(added.diagnostics) };

  // An archived version this hoshin can no longer read keeps its pages, but gets no change page.
  const unreadable = new Set<ArchivedVersion>();
  for (const versions of archive.versions.values()) {
    for (const version of versions) {
      if (!hasErrors(validateOrganization(snapshotSource(version)))) continue;
      unreadable.add(version);
      diagnostics.push({
        code: "archive-snapshot-outdated",
        severity: "warning",
        file: version.snapshotFile,
        line: 0,
        column: 0,
        path: "",
        message: `the data of the version of ${version.date} no longer passes this hoshin's checks, so no change page compares it`,
        hint: "its archived pages and PDFs are published as they are",
      });
    }
  }
  const history: FileHistory = { versions: (slug) => archive.versions.get(slug) ?? [], readable: (v) => !unreadable.has(v) };

  const loaded: LoadedFile[] = options.store
    ? await loadThroughStore(discovery.files, history, fileOptions, options.store, options.spool)
    : await loadEach(discovery.files, history, fileOptions);
  diagnostics.push(...loaded.flatMap((file) => file.diagnostics));
  const sources = new Map(loaded.flatMap((file) => (file.source ? [[file.source.slug, file.source] as const] : [])));
  const slugs = new Set(loaded.flatMap((file) => (file.slug === undefined ? [] : [file.slug])));

  for (const slug of archive.versions.keys()) {
    if (slugs.has(slug)) continue;
    const first = archive.versions.get(slug)![0]!;
    diagnostics.push({
      code: "archive-orphan",
      severity: "warning",
      file: path.dirname(path.dirname(first.snapshotFile)),
      line: 0,
      column: 0,
      path: "",
      message: `archived versions of \`${slug}\` are not published: there is no organization file \`${slug}\``,
      hint: "restore the organization's file, or remove its archive folder",
    });
  }
  // Completeness is reported once the data is sound: a report of errors is clearer without
  // the warnings of what is still to be written.
  if (!hasErrors(diagnostics)) diagnostics.push(...loaded.flatMap((file) => file.findings));
  sortDiagnostics(diagnostics);
  const failed = hasErrors(diagnostics);
  return {
    organizations: failed ? [] : loaded.flatMap((file) => (file.organization ? [file.organization] : [])),
    spooled: failed ? [] : loaded.flatMap((file) => (file.spooled ? [file.spooled] : [])),
    diagnostics,
    fileCount: discovery.files.length,
    archive: archive.versions,
    sources,
    languages: added.languages,
  };
}

/** Files read at once: ten thousand open together would run out of file handles. */
const LOAD_BATCH = 256;

/** Every file loaded afresh, or from `options.cache` when it holds the file. */
async function loadEach(files: readonly DiscoveredFile[], history: FileHistory, options: LoadOptions): Promise<LoadedFile[]> {
  const cache = options.cache;
  const loadOne = async (file: DiscoveredFile): Promise<LoadedFile> => {
    const cached = cache?.get(file.absolutePath);
    if (cached) return cached;
    const result = await loadOrganizationFile(file, history, options);
    cache?.set(file.absolutePath, result);
    return result;
  };
  return mapInBatches(files, LOAD_BATCH, loadOne);
}
