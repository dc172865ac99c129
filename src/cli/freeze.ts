/**
 * `hoshin freeze`: archive the current version of organizations, once they are published,
 * into the folder the user commits (see src/publish/freeze.ts).
 */
import path from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import { defaultArchiveDir } from "../pipeline/load.js";
import { UsageError } from "../diagnostics/errors.js";
import { findBrowser } from "../print/find-browser.js";
import { PdfCache, defaultCacheDir } from "../print/cache.js";
import { packageInfo } from "../model/package-info.js";
import { loadInput } from "./load-or-refuse.js";
import { plural, type Output } from "./output.js";
import { publicAddress } from "./build.js";

export interface FreezeCommandOptions {
  input: string;
  archive?: string;
  all?: boolean;
  siteUrl?: string;
}

export async function runFreeze(slugs: string[], options: FreezeCommandOptions, output: Output): Promise<number> {
  if (options.all ? slugs.length > 0 : slugs.length === 0) {
    throw new UsageError("hoshin: name the organizations to freeze (their slugs), or give --all");
  }
  const { siteUrl } = publicAddress({ siteUrl: options.siteUrl });
  const archiveDir = path.resolve(options.archive ?? defaultArchiveDir(options.input));
  const result = await loadInput(options.input, { archive: options.archive });
  if (result.diagnostics.length) output.err(formatDiagnostics(result.diagnostics, "text"));
  if (hasErrors(result.diagnostics)) {
    output.err("hoshin: nothing was frozen; fix the problems above first\n");
    return 1;
  }
  const known = new Map(result.organizations.map((o) => [o.slug, o]));
  const unknown = slugs.filter((slug) => !known.has(slug));
  if (unknown.length) {
    throw new UsageError(
      `hoshin: no organization ${unknown.map((s) => `\`${s}\``).join(", ")} in ${options.input}/ (known: ${[...known.keys()].join(", ")})`,
    );
  }
  const chosen = options.all ? result.organizations : slugs.map((slug) => known.get(slug)!);
  const shown = (dir: string) => path.relative(process.cwd(), dir).split(path.sep).join("/");
  const { freezeVersion, isFrozen } = await import("../publish/freeze.js");
  const pending = [];
  let failed = false;
  for (const organization of chosen) {
    const date = organization.lastRevised;
    if (!date) {
      // Named, it is a mistake; under --all, a policy that states no date simply has no versions.
      const what = options.all ? "skipped" : "not frozen";
      output.err(`hoshin: ${organization.slug}: ${what}: the policy states no date, so it has no versions; add policy.enacted (and policy.revisions) to ${organization.file}\n`);
      failed ||= !options.all;
    } else if (await isFrozen(archiveDir, organization.slug, date)) {
      output.out(`hoshin: ${organization.slug}: the version of ${date} is already archived; a changed policy needs a new entry in policy.revisions before it is frozen again\n`);
    } else {
      pending.push({ organization, date });
    }
  }
  if (pending.length === 0) return failed ? 1 : 0;
  const browser = await findBrowser();
  const cache = new PdfCache(defaultCacheDir());
  for (const { organization, date } of pending) {
    const frozen = await freezeVersion(organization, result.sources.get(organization.slug)!, {
      archiveDir,
      hoshin: `hoshin ${packageInfo.version}`,
      pdf: { browser, cache, producer: `hoshin ${packageInfo.version}`, siteUrl },
    });
    output.out(`hoshin: froze ${organization.slug} as of ${date} into ${shown(frozen.dir)}/ (${plural(frozen.files, "file")}); commit it\n`);
  }
  return failed ? 1 : 0;
}
