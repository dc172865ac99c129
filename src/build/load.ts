/**
 * discover → parse → validate → normalize: from a folder of files (and the archive of
 * their published versions) to the render model, or to every problem found on the way.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverOrganizations, type DiscoveredFile } from "../data/discover.js";
import { LIMITS, parseOrganizationFile, parseOrganizationText, type ParseResult } from "../data/parse.js";
import { readArchive, snapshotSource, type ArchivedVersion } from "../data/archive.js";
import type { SourceFile } from "../data/source.js";
import { validateOrganization } from "../validate/index.js";
import { completenessFindings, isCompletenessFinding } from "../validate/completeness.js";
import { historyDiagnostics } from "../validate/history.js";
import { normalizeOrganization } from "../normalize/normalize.js";
import { attachHistory } from "../normalize/history.js";
import type { OrganizationModel } from "../normalize/model.js";
import type { DiskStore } from "./disk-store.js";
import { hoshinFingerprint } from "./fingerprint.js";

export interface LoadResult {
  /** Empty when any file has an error: a site is built from all of the data or none. */
  organizations: OrganizationModel[];
  diagnostics: Diagnostic[];
  fileCount: number;
  /** The archive's versions by slug, oldest first. */
  archive: Map<string, ArchivedVersion[]>;
  /** The valid source files by slug (for `hoshin freeze`), of the files parsed: none from a `store`. */
  sources: Map<string, SourceFile>;
}

export interface LoadOptions {
  cwd?: string;
  /** Completeness findings are errors: nothing incomplete is normalized (or published). */
  strict?: boolean;
  /** Folder of archived versions; default `archive` beside the input folder. */
  archive?: string;
  /** Files loaded before (`hoshin dev`); see LoadCache. */
  cache?: LoadCache;
  /**
   * What earlier builds found (`hoshin build`): a file whose bytes, archived versions,
   * options and hoshin are all unchanged is not parsed and checked again.
   */
  store?: DiskStore<StoredLoad>;
}

/** What one file gives: its problems, and its organization when it has no error. */
export interface LoadedFile {
  /** Problems in the file itself, and in its history against the archive. */
  diagnostics: Diagnostic[];
  /** What the policy leaves unsaid (see validate/completeness.ts): reported only when no file has an error. */
  findings: Diagnostic[];
  /** Set once the file has been parsed. */
  slug?: string;
  source?: SourceFile;
  organization?: OrganizationModel;
}

/** A loaded file as a store keeps it: everything but the parsed source. */
export type StoredLoad = Omit<LoadedFile, "source">;

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
  const [discovery, archive] = await Promise.all([
    discoverOrganizations(inputDir, options),
    readArchive(options.archive ?? defaultArchiveDir(inputDir, cwd), cwd),
  ]);
  const diagnostics = [...discovery.diagnostics, ...archive.diagnostics];

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

  const cache = options.cache;
  const loadOne = async (file: DiscoveredFile): Promise<LoadedFile> => {
    const cached = cache?.get(file.absolutePath);
    if (cached) return cached;
    const result = options.store
      ? await loadThroughStore(file, history, options, options.store)
      : await loadOrganizationFile(file, history, options);
    cache?.set(file.absolutePath, result);
    return result;
  };
  const loaded: LoadedFile[] = [];
  // A batch at a time: ten thousand files read at once would run out of file handles.
  for (let start = 0; start < discovery.files.length; start += LOAD_BATCH) {
    loaded.push(...(await Promise.all(discovery.files.slice(start, start + LOAD_BATCH).map(loadOne))));
  }
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
  const organizations = hasErrors(diagnostics) ? [] : loaded.flatMap((file) => (file.organization ? [file.organization] : []));
  return {
    organizations,
    diagnostics,
    fileCount: discovery.files.length,
    archive: archive.versions,
    sources,
  };
}

/** The archived versions a file's history is checked and shown against. */
export interface FileHistory {
  versions(slug: string): ArchivedVersion[];
  /** Whether this hoshin can still read the version's data (to compare it). */
  readable(version: ArchivedVersion): boolean;
}

export async function loadOrganizationFile(
  file: DiscoveredFile,
  history: FileHistory,
  options: Pick<LoadOptions, "strict"> = {},
): Promise<LoadedFile> {
  return checkParsed(await parseOrganizationFile(file), history, options);
}

/** validate → normalize, for a file already parsed. */
function checkParsed(parsed: ParseResult, history: FileHistory, options: Pick<LoadOptions, "strict">): LoadedFile {
  if (!parsed.source) return { diagnostics: parsed.diagnostics, findings: [] };
  const source = parsed.source;
  const slug = source.slug;
  const diagnostics = [...parsed.diagnostics, ...validateOrganization(source)];
  if (hasErrors(diagnostics)) return { diagnostics, findings: [], slug, source };
  const versions = history.versions(source.slug);
  diagnostics.push(...historyDiagnostics(source, versions));
  if (hasErrors(diagnostics)) return { diagnostics, findings: [], slug, source };
  const findings = completenessFindings(source, { strict: options.strict });
  const organization = attachHistory(
    normalizeOrganization(source, findings.filter(isCompletenessFinding)),
    source,
    versions,
    history.readable,
  );
  return { diagnostics, findings, slug, source, organization };
}

const LOAD_BATCH = 256;

/**
 * The file's result from the store when its bytes, archived versions and options are the
 * ones it was kept for, by hoshin as it is now; else loaded, and kept for next time.
 */
async function loadThroughStore(
  file: DiscoveredFile,
  history: FileHistory,
  options: Pick<LoadOptions, "strict">,
  store: DiskStore<StoredLoad>,
): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    // An unreadable or oversized file is left to the parser, which says why.
    if ((await stat(file.absolutePath)).size > LIMITS.maxFileBytes) return loadOrganizationFile(file, history, options);
    bytes = await readFile(file.absolutePath);
  } catch {
    return loadOrganizationFile(file, history, options);
  }
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ hoshin: await hoshinFingerprint(), file, strict: options.strict ?? false }));
  hash.update(bytes);
  // The archive decides the history checks and the history pages.
  for (const version of history.versions(file.slug)) hash.update(JSON.stringify({ version, readable: history.readable(version) }));
  const key = hash.digest("hex");
  const kept = await store.get(key);
  if (kept) return kept;
  const loaded = checkParsed(parseOrganizationText(file, bytes), history, options);
  const { source: _source, ...storable } = loaded;
  await store.set(key, storable);
  return loaded;
}
