/**
 * discover → parse → validate → normalize: from a folder of files (and the archive of
 * their published versions) to the render model, or to every problem found on the way.
 */
import path from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverOrganizations } from "../data/discover.js";
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
}

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
  const parsed = await Promise.all(discovery.files.map(parseOrganizationFile));
  const sources: SourceFile[] = [];
  for (const result of parsed) {
    diagnostics.push(...result.diagnostics);
    if (result.source) {
      sources.push(result.source);
      const problems = validateOrganization(result.source);
      diagnostics.push(...problems);
      if (!hasErrors(problems)) diagnostics.push(...historyDiagnostics(result.source, archive.versions.get(result.source.slug) ?? []));
    }
  }
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
  for (const slug of archive.versions.keys()) {
    if (sources.some((source) => source.slug === slug)) continue;
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
  // Completeness is judged once the data is sound: broken data would mislead it, and a
  // report of errors is clearer without the warnings of what is still to be written.
  const findingsOf = new Map<SourceFile, Diagnostic[]>();
  if (!hasErrors(diagnostics)) {
    for (const source of sources) {
      const findings = completenessFindings(source, { strict: options.strict });
      diagnostics.push(...findings);
      findingsOf.set(source, findings.filter(isCompletenessFinding));
    }
  }
  sortDiagnostics(diagnostics);
  const organizations = hasErrors(diagnostics)
    ? []
    : sources.map((source) =>
        attachHistory(normalizeOrganization(source, findingsOf.get(source) ?? []), source, archive.versions.get(source.slug) ?? [], (v) => !unreadable.has(v)),
      );
  return {
    organizations,
    diagnostics,
    fileCount: discovery.files.length,
    archive: archive.versions,
    sources: new Map(sources.map((source) => [source.slug, source])),
  };
}
