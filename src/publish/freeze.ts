/**
 * Freezing: the current version of a policy, built as it is published today — pages, PDFs,
 * their stylesheet and the data they came from — copied into `archive/<slug>/<date>/`, which
 * the user commits. `hoshin build` then publishes those bytes at
 * `/<slug>/versions/<date>/` for good, whatever hoshin or its templates become.
 *
 * Frozen pages link relatively, so they work under any path prefix. They keep their own copy
 * of the stylesheet; the web fonts stay shared with the live site (6 MB a copy), which can
 * change only the typeface of an old page, never its words — the PDF keeps its fonts embedded.
 */
import { cp, copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SNAPSHOT_FILE, type Snapshot } from "../parse/parse.js";
import type { SourceFile } from "../parse/parse.js";
import type { OrganizationModel } from "../model/policy.js";
import { versionUrl } from "../normalize/history.js";
import type { PdfStageOptions } from "../print/print-site.js";
import { renderSite } from "../pipeline/eleventy.js";

export interface FreezeOptions {
  /** The archive folder (absolute). */
  archiveDir: string;
  /** `hoshin x.y.z`, recorded in the snapshot. */
  hoshin: string;
  pdf: Omit<PdfStageOptions, "siteDir" | "pathPrefix">;
}

/** Where a version of an organization is archived. */
export function versionFolder(archiveDir: string, slug: string, date: string): string {
  return path.join(archiveDir, slug, date);
}

/** Freezes the organization's current version; returns the folder written and its files. */
export async function freezeVersion(
  organization: OrganizationModel,
  source: SourceFile,
  options: FreezeOptions,
): Promise<{ dir: string; files: number }> {
  const { slug } = organization;
  const date = organization.lastRevised;
  if (!date) throw new Error(`freezeVersion: ${slug} states no date`);
  const root = `/${slug}/versions/${date}/`;
  // The pages as they stand, moved to the version's address.
  const pages = organization.pages.map((page) => ({
    ...page,
    url: versionUrl(slug, date, page.lang),
    pdfUrl: `${versionUrl(slug, date, page.lang)}${path.posix.basename(page.pdfUrl)}`,
    alternates: page.alternates.map((alternate) => ({ ...alternate, url: versionUrl(slug, date, alternate.lang) })),
  }));
  const frozen: OrganizationModel = { ...organization, pages, changes: [], superseded: [], archivedFiles: [] };
  const moves: Record<string, string> = { "/assets/hoshin/hoshin.css": `${root}hoshin.css` };
  for (const page of organization.pages) moves[page.url] = versionUrl(slug, date, page.lang);

  const work = await mkdtemp(path.join(os.tmpdir(), "hoshin-freeze-"));
  const target = versionFolder(options.archiveDir, slug, date);
  const partial = path.join(path.dirname(target), `.${date}.partial`);
  try {
    await renderSite([frozen], { outDir: work, pdf: true, freeze: { moves } });
    const versionDir = path.join(work, root);
    await copyFile(path.join(work, "assets", "hoshin", "hoshin.css"), path.join(versionDir, "hoshin.css"));
    const { printPdfs } = await import("../print/print-site.js");
    await printPdfs(pages, { ...options.pdf, siteDir: work, pathPrefix: "/" });
    const snapshot: Snapshot = { hoshin: options.hoshin, slug, date, format: source.format, data: source.data, body: source.body };
    await writeFile(path.join(versionDir, SNAPSHOT_FILE), `${JSON.stringify(snapshot, null, 2)}\n`);
    // Written beside the target and renamed into place: an archive never holds half a version.
    await rm(partial, { recursive: true, force: true });
    await mkdir(path.dirname(target), { recursive: true });
    await cp(versionDir, partial, { recursive: true });
    await rename(partial, target);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { recursive: true, force: true });
  }
  return { dir: target, files: await countFiles(target) };
}

export async function isFrozen(archiveDir: string, slug: string, date: string): Promise<boolean> {
  try {
    return (await stat(versionFolder(archiveDir, slug, date))).isDirectory();
  } catch {
    return false;
  }
}

async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
}
