/** The validate stage: every problem in every file, at once. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../parse/parse.js";
import { organizationSchema, schemaErrors } from "./schema.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";
import { semanticDiagnostics } from "./semantic.js";
import { linkDiagnostics } from "./links.js";

export function validateOrganization(source: SourceFile): Diagnostic[] {
  const { schema } = organizationSchema();
  const structural = schemaDiagnostics(source, schemaErrors(source.data));
  // A blank value the schema already refuses (an id, a date, a web address) is said once, by the schema.
  const refused = new Set(structural.map((diagnostic) => diagnostic.path));
  const semantic = semanticDiagnostics(source, schema).filter((diagnostic) => diagnostic.code !== "text-blank" || !refused.has(diagnostic.path));
  return [...structural, ...semantic, ...linkDiagnostics(source)];
}

export function validateOrganizations(sources: readonly SourceFile[]): Diagnostic[] {
  return sources.flatMap(validateOrganization);
}

// The stage's interface beyond checking files: what the law still asks (completeness),
// what a revision must say (history), and the schema, which `hoshin new` and `dev` use.
export { completenessFindings, isCompletenessFinding, profilesOf, type CompletenessOptions } from "./completeness.js";
export { historyDiagnostics } from "./history.js";
export { SCHEMA_FILE, forgetOrganizationSchema } from "./schema.js";
export { validateLanguageFile, type LanguageFileResult } from "./language-file.js";
