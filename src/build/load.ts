/**
 * discover → parse → validate → normalize: from a folder of files (and the archive of
 * their published versions) to the render model, or to every problem found on the way.
 */
import path from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverOrganizations, type DiscoveredFile } from "../data/discover.js";
import { parseOrganizationFile } from "../data/parse.js";
import { readArchive, snapshotSource, type ArchivedVersion } from "../data/archive.js";
import type { SourceFile } from "../data/source.js";
import { validateOrganization } from "../validate/index.js";
import { completenessFindings, isCompletenessFinding } from "../validate/completeness.js";
import { historyDiagnostics } from "../validate/history.js";
import { normalizeOrganization } from "../normalize/normalize.js";
import { attachHistory } from "../normalize/history.js";
import type { OrganizationModel } from "../normalize/model.js";

export interface LoadResult {
  /** Empty when any file has an error: a site is built from all of the data or none. */
  organizations: OrganizationModel[];
  diagnostics: Diagnostic[];
  fileCount: number;
  /** The archive's versions by slug, oldest first. */
  archive: Map<string, ArchivedVersion[]>;
  /** The valid source files by slug (for `hoshin freeze`). */
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
}

/** What one file gives: its problems, and its organization when it has no error. */
export interface LoadedFile {
  /** Problems in the file itself, and in its history against the archive. */
  diagnostics: Diagnostic[];
  /** What the policy leaves unsaid (see validate/completeness.ts): reported only when no file has an error. */
  findings: Diagnostic[];
  source?: SourceFile;
  organization?: OrganizationModel;
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
  const loaded = await Promise.all(
    discovery.files.map(async (file) => {
      const cached = cache?.get(file.absolutePath);
      if (cached) return cached;
      const result = await loadOrganizationFile(file, history, options);
      cache?.set(file.absolutePath, result);
      return result;
    }),
  );
  diagnostics.push(...loaded.flatMap((file) => file.diagnostics));
  const sources = new Map(loaded.flatMap((file) => (file.source ? [[file.source.slug, file.source] as const] : [])));

  for (const slug of archive.versions.keys()) {
    if (sources.has(slug)) continue;
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
  const parsed = await parseOrganizationFile(file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics, findings: [] };
  const source = parsed.source;
  const diagnostics = [...parsed.diagnostics, ...validateOrganization(source)];
  if (hasErrors(diagnostics)) return { diagnostics, findings: [], source };
  const versions = history.versions(source.slug);
  diagnostics.push(...historyDiagnostics(source, versions));
  if (hasErrors(diagnostics)) return { diagnostics, findings: [], source };
  const findings = completenessFindings(source, { strict: options.strict });
  const organization = attachHistory(
    normalizeOrganization(source, findings.filter(isCompletenessFinding)),
    source,
    versions,
    history.readable,
  );
  return { diagnostics, findings, source, organization };
}
