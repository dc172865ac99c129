/**
 * discover → parse → validate → normalize: from a folder of files to the render model,
 * or to every problem found on the way.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discoverOrganizations } from "../data/discover.js";
import { parseOrganizationFile } from "../data/parse.js";
import type { SourceFile } from "../data/source.js";
import { validateOrganization } from "../validate/index.js";
import { completenessFindings, isCompletenessFinding } from "../validate/completeness.js";
import { normalizeOrganization } from "../normalize/normalize.js";
import type { OrganizationModel } from "../normalize/model.js";

export interface LoadResult {
  /** Empty when any file has an error: a site is built from all of the data or none. */
  organizations: OrganizationModel[];
  diagnostics: Diagnostic[];
  fileCount: number;
}

export interface LoadOptions {
  cwd?: string;
  /** Completeness findings are errors: nothing incomplete is normalized (or published). */
  strict?: boolean;
}

export async function loadOrganizations(inputDir: string, options: LoadOptions = {}): Promise<LoadResult> {
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
    : sources.map((source) => normalizeOrganization(source, findingsOf.get(source) ?? []));
  return { organizations, diagnostics, fileCount: discovery.files.length };
}
