/**
 * One organization file through parse → validate → normalize: its problems, and its render
 * model when it has no error. The folder-level pipeline (load.ts) runs this for every file,
 * on the main thread or in a worker (load-worker.ts).
 */
import type { AddedLanguage } from "../wording/wording.js";
import type { ArchivedVersion } from "../parse/parse.js";
import type { DiscoveredFile } from "../discover/discover.js";
import { parseOrganizationFile, parseOrganizationText, type ParseResult } from "../parse/parse.js";
import type { SourceFile } from "../parse/parse.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { attachHistory } from "../normalize/history.js";
import type { OrganizationModel } from "../model/policy.js";
import type { SpooledOrganization } from "./model-spool.js";
import { normalizeOrganization } from "../normalize/normalize.js";
import { completenessFindings, isCompletenessFinding } from "../validate/index.js";
import { historyDiagnostics } from "../validate/index.js";
import { validateOrganization } from "../validate/index.js";

export interface FileLoadOptions {
  /** Completeness findings are errors: nothing incomplete is normalized (or published). */
  strict?: boolean;
  /** The languages the site adds (a worker thread registers them before it checks). */
  languages?: AddedLanguage[];
  /** A language file has errors: files are checked, and none is normalized, as it would be worded in it. */
  checkOnly?: boolean;
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
  /** The organization's digest, which its pages are kept by (see modelDigest): set where a store keeps it. */
  digest?: string;
  /** Loaded for a build that spools (see model-spool.ts): the organization listed, its model on disk, and `organization` unset. */
  spooled?: SpooledOrganization;
}

/** A loaded file without its parsed source: what a store keeps, and what a worker sends back. */
export type StoredLoad = Omit<LoadedFile, "source">;

/** The archived versions a file's history is checked and shown against. */
export interface FileHistory {
  versions(slug: string): ArchivedVersion[];
  /** Whether this hoshin can still read the version's data (to compare it). */
  readable(version: ArchivedVersion): boolean;
}

export async function loadOrganizationFile(file: DiscoveredFile, history: FileHistory, options: FileLoadOptions = {}): Promise<LoadedFile> {
  return loadParsedOrganization(await parseOrganizationFile(file), history, options);
}

/** The same, for a file already read (its size checked against the limit). */
export function loadOrganizationBytes(file: DiscoveredFile, bytes: Uint8Array, history: FileHistory, options: FileLoadOptions = {}): LoadedFile {
  return loadParsedOrganization(parseOrganizationText(file, bytes), history, options);
}

export function withoutSource({ source: _source, ...rest }: LoadedFile): StoredLoad {
  return rest;
}

/** validate → normalize, for a file already parsed (or refused by the parser). */
export function loadParsedOrganization(parsed: ParseResult, history: FileHistory, options: FileLoadOptions = {}): LoadedFile {
  if (!parsed.source) return { diagnostics: parsed.diagnostics, findings: [] };
  const source = parsed.source;
  const slug = source.slug;
  const diagnostics = [...parsed.diagnostics, ...validateOrganization(source)];
  if (hasErrors(diagnostics)) return { diagnostics, findings: [], slug, source };
  const versions = history.versions(source.slug);
  diagnostics.push(...historyDiagnostics(source, versions));
  if (hasErrors(diagnostics)) return { diagnostics, findings: [], slug, source };
  const findings = completenessFindings(source, { strict: options.strict });
  if (options.checkOnly) return { diagnostics, findings, slug, source };
  const organization = attachHistory(
    normalizeOrganization(source, findings.filter(isCompletenessFinding)),
    source,
    versions,
    history.readable,
  );
  return { diagnostics, findings, slug, source, organization };
}
