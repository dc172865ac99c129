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
  const findingsOf = new Map<SourceFile, Diagnostic[]>();
  for (const result of parsed) {
    diagnostics.push(...result.diagnostics);
    if (!result.source) continue;
    sources.push(result.source);
    const problems = validateOrganization(result.source);
    diagnostics.push(...problems);
    // Completeness is judged on data that is otherwise sound; broken data would only mislead it.
    if (hasErrors([...result.diagnostics, ...problems])) continue;
    const findings = completenessFindings(result.source, { strict: options.strict });
    diagnostics.push(...findings);
    findingsOf.set(result.source, findings.filter(isCompletenessFinding));
  }
  sortDiagnostics(diagnostics);
  const organizations = hasErrors(diagnostics)
    ? []
    : sources.map((source) => normalizeOrganization(source, findingsOf.get(source) ?? []));
  return { organizations, diagnostics, fileCount: discovery.files.length };
}
