/** The validate stage: every problem in every file, at once. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../data/source.js";
import { organizationSchema, schemaErrors } from "./schema.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";
import { semanticDiagnostics } from "./semantic.js";
import { linkDiagnostics } from "./links.js";

export function validateOrganization(source: SourceFile): Diagnostic[] {
  const { schema } = organizationSchema();
  return [...schemaDiagnostics(source, schemaErrors(source.data)), ...semanticDiagnostics(source, schema), ...linkDiagnostics(source)];
}

export function validateOrganizations(sources: readonly SourceFile[]): Diagnostic[] {
  return sources.flatMap(validateOrganization);
}
