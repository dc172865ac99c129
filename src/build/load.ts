/**
 * discover → parse → validate → normalize: from a folder of files to the render model,
 * or to every problem found on the way.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverOrganizations, type DiscoveredFile } from "../data/discover.js";
import { parseOrganizationFile } from "../data/parse.js";
import { validateOrganization } from "../validate/index.js";
import { normalizeOrganization } from "../normalize/normalize.js";
import type { OrganizationModel } from "../normalize/model.js";

export interface LoadResult {
  /** Empty when any file has an error: a site is built from all of the data or none. */
  organizations: OrganizationModel[];
  diagnostics: Diagnostic[];
  fileCount: number;
}

/** What one file gives: its problems, and its organization when it has no error. */
export interface LoadedFile {
  diagnostics: Diagnostic[];
  organization?: OrganizationModel;
}

/**
 * Loaded files by absolute path. `hoshin dev` keeps one between rebuilds and deletes the
 * entry of each file that changed, so a save re-reads that file alone.
 */
export type LoadCache = Map<string, LoadedFile>;

export async function loadOrganizations(
  inputDir: string,
  options: { cwd?: string; cache?: LoadCache } = {},
): Promise<LoadResult> {
  const discovery = await discoverOrganizations(inputDir, options);
  const cache = options.cache;
  const loaded = await Promise.all(
    discovery.files.map(async (file) => {
      const cached = cache?.get(file.absolutePath);
      if (cached) return cached;
      const result = await loadOrganizationFile(file);
      cache?.set(file.absolutePath, result);
      return result;
    }),
  );
  const diagnostics = [...discovery.diagnostics, ...loaded.flatMap((file) => file.diagnostics)];
  sortDiagnostics(diagnostics);
  const organizations = hasErrors(diagnostics) ? [] : loaded.flatMap((file) => (file.organization ? [file.organization] : []));
  return { organizations, diagnostics, fileCount: discovery.files.length };
}

export async function loadOrganizationFile(file: DiscoveredFile): Promise<LoadedFile> {
  const parsed = await parseOrganizationFile(file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const diagnostics = [...parsed.diagnostics, ...validateOrganization(parsed.source)];
  if (hasErrors(diagnostics)) return { diagnostics };
  return { diagnostics, organization: normalizeOrganization(parsed.source) };
}
