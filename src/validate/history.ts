/**
 * Checks of an organization file against its archived versions: every archived version is
 * a date the policy still records, and a material change since the latest archived version
 * is recorded by a revision after it. Runs only on files that are otherwise valid.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { ArchivedVersion } from "../parse/parse.js";
import { materialDifferences, type MaterialSection } from "../parse/parse.js";
import { formatDataPath, type DataPath, type SourceFile } from "../parse/parse.js";
import type { OrganizationInput } from "../model/input.js";

const NAMES: Record<MaterialSection, string> = {
  purposes: "purposes of use",
  thirdPartyProvision: "provision to third parties",
  jointUse: "joint use",
  foreignProvision: "provision to third parties in foreign countries",
};

export function historyDiagnostics(source: SourceFile, archived: readonly ArchivedVersion[]): Diagnostic[] {
  const latest = archived.at(-1);
  if (!latest) return [];
  const diagnostics: Diagnostic[] = [];
  const report = (code: string, path: DataPath, message: string, hint: string, severity: Severity = "error") => {
    const { line, column } = source.locate(path, "key");
    diagnostics.push({ code, severity, file: source.file, line, column, path: formatDataPath(path), message, hint });
  };
  const data = source.data as OrganizationInput;
  const revisions = data.policy?.revisions ?? [];
  const recorded = new Set([data.policy?.enacted, ...revisions.map((r) => r.date)]);
  for (const version of archived) {
    if (recorded.has(version.date)) continue;
    report(
      "history-archived-date-missing",
      ["policy", "revisions"],
      `the archive holds the version of ${version.date} (${version.snapshotFile}), but the policy records no enactment or revision on that date`,
      `keep every revision in policy.revisions; an archived version stays part of the policy's history`,
    );
  }

  const changed = materialDifferences(latest.snapshot.data, data);
  if (changed.length === 0) return diagnostics;
  const what = changed.map((key) => `${NAMES[key]} (\`${key}\`)`).join(", ");
  const later = revisions.map((revision, index) => ({ revision, index })).filter(({ revision }) => revision.date > latest.date);
  if (later.length === 0) {
    for (const key of changed) {
      report(
        "history-material-change-unrecorded",
        key in data ? [key] : [],
        `${NAMES[key]} changed since the archived version of ${latest.date}, but no revision after ${latest.date} records it`,
        `add a revision dated after ${latest.date} to policy.revisions, with \`material: true\` and a summary of the change; once it is published, run \`hoshin freeze ${source.slug}\``,
      );
    }
    return diagnostics;
  }
  if (!later.some(({ revision }) => revision.material)) {
    const last = later.at(-1)!;
    report(
      "history-material-change-unmarked",
      ["policy", "revisions", last.index],
      `the revision of ${last.revision.date} changes ${what} since the archived version of ${latest.date}, but does not say \`material: true\``,
      "add `material: true` to the revision, so readers are told the change needs their attention",
      "warning",
    );
  }
  return diagnostics;
}
