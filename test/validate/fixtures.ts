/** Shared by the validate tests: fixture folders loaded the way `hoshin check` loads them. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { loadOrganizations, type LoadResult } from "../../src/pipeline/load.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { isCompletenessFinding } from "../../src/validate/completeness.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/validate/", import.meta.url));

/** The folders under test/fixtures/validate/, each a separate input folder. */
export const FOLDERS = ["valid", "schema", "semantic", "body", "several", "completeness", "acknowledge", "links"] as const;

/** A diagnostic as a case states it: `file` comes from the case, `severity` is "error" unless said. */
export type Expected = Omit<Diagnostic, "file" | "severity"> & { severity?: Diagnostic["severity"] };

/** [what the case shows, fixture file name, every diagnostic it must produce] */
export type Case = readonly [title: string, file: string, expected: readonly Expected[]];

export interface FixtureFolder {
  result: LoadResult;
  /**
   * Everything reported for one file of the folder, in the order `loadOrganizations` sorts it,
   * except completeness findings: these fixtures are small on purpose, and what they lack
   * of the law's requirements is test/validate/completeness.test.ts's to prove.
   */
  diagnosticsOf(file: string): Diagnostic[];
  /** The full diagnostics a case expects, with `file` and `severity` filled in. */
  expected(file: string, list: readonly Expected[]): Diagnostic[];
}

/** discover → parse → validate on one fixture folder; file names are shown as `<folder>/<file>`. */
export async function loadFixtureFolder(folder: (typeof FOLDERS)[number]): Promise<FixtureFolder> {
  const result = await loadOrganizations(folder, { cwd: FIXTURES });
  return {
    result,
    diagnosticsOf: (file) => result.diagnostics.filter((d) => d.file === `${folder}/${file}` && !isCompletenessFinding(d)),
    expected: (file, list) => list.map(({ severity = "error", ...rest }) => ({ file: `${folder}/${file}`, severity, ...rest })),
  };
}

/** The files in a fixture folder, so a test can insist that every one of them has a case. */
export function fixtureFiles(folder: (typeof FOLDERS)[number]): string[] {
  return readdirSync(path.join(FIXTURES, folder)).sort();
}
