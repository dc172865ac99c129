/**
 * discover → parse → validate → normalize: from a folder of files to the render model,
 * or to every problem found on the way.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverOrganizations } from "../data/discover.js";
import { parseOrganizationFile } from "../data/parse.js";
import type { SourceFile } from "../data/source.js";
import { validateOrganization } from "../validate/index.js";
import { normalizeOrganization } from "../normalize/normalize.js";
import type { OrganizationModel } from "../normalize/model.js";

export interface LoadResult {
  /** Empty when any file has an error: a site is built from all of the data or none. */
  organizations: OrganizationModel[];
  diagnostics: Diagnostic[];
  fileCount: number;
}

export async function loadOrganizations(inputDir: string, options: { cwd?: string } = {}): Promise<LoadResult> {
  const discovery = await discoverOrganizations(inputDir, options);
  const diagnostics = [...discovery.diagnostics];
  const parsed = await Promise.all(discovery.files.map(parseOrganizationFile));
  const sources: SourceFile[] = [];
  for (const result of parsed) {
    diagnostics.push(...result.diagnostics);
    if (result.source) {
      sources.push(result.source);
      diagnostics.push(...validateOrganization(result.source));
    }
  }
  sortDiagnostics(diagnostics);
  const organizations = hasErrors(diagnostics) ? [] : sources.map(normalizeOrganization);
  return { organizations, diagnostics, fileCount: discovery.files.length };
}
