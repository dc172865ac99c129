/**
 * The completeness check: every matter the law (and a declared profile) requires the policy
 * to publish, which the data does not provide and does not acknowledge. Findings are
 * warnings, or errors when the user asks for `--strict`; an acknowledged finding is silent.
 * It reads only data that passed the other checks, so it never guesses at broken input.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { formatDataPath, oneLine, type SourceFile } from "../parse/parse.js";
import type { OrganizationInput } from "../model/input.js";
import { REQUIREMENTS, type Requirement } from "./requirements.js";

export interface CompletenessOptions {
  /** Findings are errors, not warnings: an incomplete policy must not be published. */
  strict?: boolean;
}

/** The standards a file declares: `profile: telecom`, or a list of them. */
export const profilesOf = (data: OrganizationInput): readonly string[] =>
  data.profile === undefined ? [] : Array.isArray(data.profile) ? data.profile : [data.profile];

const applies = (requirement: Requirement, data: OrganizationInput) =>
  requirement.profile === undefined || profilesOf(data).includes(requirement.profile);

export function completenessFindings(source: SourceFile, options: CompletenessOptions = {}): Diagnostic[] {
  const data = source.data as OrganizationInput;
  const acknowledged = data.acknowledge ?? {};
  const severity: Severity = options.strict ? "error" : "warning";
  const diagnostics: Diagnostic[] = [];
  const missing = new Set<string>();

  for (const requirement of REQUIREMENTS) {
    if (!applies(requirement, data) || !requirement.isMissing(data)) continue;
    missing.add(requirement.code);
    if (requirement.code in acknowledged) continue;
    const { line, column } = source.locate(requirement.path, "key");
    diagnostics.push({
      code: requirement.code,
      severity,
      file: source.file,
      line,
      column,
      path: formatDataPath(requirement.path),
      message: `the policy does not state ${requirement.matter} (${requirement.article})`,
      hint: `${requirement.add}; if the article does not bind the organization, say why under \`acknowledge: { ${requirement.code}: … }\``,
    });
  }

  // A stale acknowledgement would silence the finding if the matter went missing again.
  for (const code of Object.keys(acknowledged)) {
    if (missing.has(code)) continue;
    const requirement = REQUIREMENTS.find((r) => r.code === code);
    // An unknown code is the schema's to report.
    if (!requirement) continue;
    const path = ["acknowledge", code];
    const { line, column } = source.locate(path, "key");
    diagnostics.push({
      code: "acknowledge-unneeded",
      severity: "warning",
      file: source.file,
      line,
      column,
      path: formatDataPath(path),
      message: applies(requirement, data)
        ? `\`${oneLine(code)}\` is acknowledged, but the policy states what it asks for`
        : `\`${oneLine(code)}\` is acknowledged, but applies only with \`profile: ${requirement.profile}\``,
      hint: "remove the acknowledgement",
    });
  }
  return diagnostics;
}

/** The findings among a file's diagnostics: what its index entry counts as missing. */
export function isCompletenessFinding(diagnostic: Diagnostic): boolean {
  return REQUIREMENTS.some((r) => r.code === diagnostic.code);
}
