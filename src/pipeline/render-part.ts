/**
 * One part of a build's pages (see parallel-render.ts): Eleventy renders the organizations
 * given, then the part keeps what it rendered in the page store itself, so that writing
 * the store is shared out like the rendering.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OrganizationModel } from "../model/policy.js";
import { renderSite, type RenderOptions, type RenderResult, type WrittenPage } from "./eleventy.js";
import { PageStore, type OrganizationFiles } from "./page-store.js";

export interface RenderPart {
  organizations: OrganizationModel[];
  options: RenderOptions;
  /** Keep each organization rendered (those in `options.only`, or all) in this page store, by key. */
  keep?: { storeDir: string; keys: ReadonlyMap<string, string> };
}

export async function renderPart({ organizations, options, keep }: RenderPart): Promise<RenderResult> {
  const { written, pages } = await renderSite(organizations, options);
  if (keep) {
    const store = new PageStore(keep.storeDir);
    const bySlug = pagesBySlug(pages, options.outDir);
    for (const organization of organizations) {
      if (options.only && !options.only.has(organization.slug)) continue;
      store.keep(keep.keys.get(organization.slug)!, await organizationFiles(organization, bySlug.get(organization.slug) ?? []));
    }
    await store.settled();
  }
  return { written };
}

/**
 * The pages under each `<slug>/`, by path relative to it. Kept from what Eleventy wrote,
 * not read back from the folder: reading 3,400 files again cost each part 0.2–0.5 s.
 */
function pagesBySlug(pages: readonly WrittenPage[], outDir: string): Map<string, OrganizationFiles> {
  const bySlug = new Map<string, OrganizationFiles>();
  for (const { outputPath, content } of pages) {
    const [slug, ...rest] = path.relative(outDir, outputPath).split(path.sep);
    if (!slug || rest.length === 0) continue;
    const files = bySlug.get(slug) ?? [];
    files.push([rest.join("/"), Buffer.from(content)]);
    bySlug.set(slug, files);
  }
  return bySlug;
}

/** An organization's folder: its pages, and its archived files, which the plugin copies as they are. */
async function organizationFiles(organization: OrganizationModel, pages: OrganizationFiles): Promise<OrganizationFiles> {
  const prefix = `${organization.slug}/`;
  const archived = await Promise.all(
    organization.archivedFiles.map(async ({ from, to }): Promise<[string, Uint8Array]> => [to.slice(prefix.length), await readFile(from)]),
  );
  return [...pages, ...archived];
}
