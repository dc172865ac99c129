/**
 * One part of a build's pages (see parallel-render.ts): Eleventy renders the organizations
 * given, then the part keeps what it rendered in the page store itself, so that writing
 * the store is shared out like the rendering.
 *
 * Eleventy holds every page of a run, with its text, until the run ends. So a part renders
 * its organizations a chunk at a time, one Eleventy run each: it reads the chunk's models
 * from the spool (see model-spool.ts), renders them, and keeps their pages before the next
 * chunk begins. A part's memory follows the chunk, not the size of the build: what the
 * index lists (every organization, for the part that writes it) is needed by the first run
 * alone, and is let go after it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OrganizationListing } from "../model/listing.js";
import type { OrganizationModel } from "../model/policy.js";
import { renderSite, type RenderOptions, type RenderResult, type WrittenPage } from "./eleventy.js";
import { readModels, type SpooledOrganization } from "./model-spool.js";
import { PageStore, type OrganizationFiles } from "./page-store.js";

export interface RenderPart {
  /** The organizations the part renders: those in `options.only`, or all. */
  organizations: SpooledOrganization[];
  /** What the index lists, when the part writes one (default: `organizations`). */
  index?: readonly OrganizationListing[];
  options: RenderOptions;
  /** Keep each organization rendered in this page store, by key (the keys of at least those). */
  keep?: { storeDir: string; keys: ReadonlyMap<string, string> };
}

/**
 * Pages one Eleventy run renders, about, at most (an organization's pages are never split
 * between runs). Counted in pages, not organizations: an organization in nine languages
 * with archived versions renders dozens, and the part's heap is capped (see
 * PART_HEAP_MB in workers/parts.ts). Measured at 10,000 organizations (2 cores, HTML only, cold cache):
 * peak memory 1.88 GiB in chunks of 250 organizations (440 pages) against 2.53 GiB in one
 * run per part, in the same wall time (53.8 s and 54.1 s).
 */
export const CHUNK_PAGES = 440;

/**
 * Renders the part a chunk at a time, and uses it up: it lets go of what the part holds as
 * soon as no run needs it (the index's listings after the first run, each chunk after its
 * own), so the caller must not read the part afterwards.
 */
export async function renderPart(part: RenderPart, chunkPages = CHUNK_PAGES): Promise<RenderResult> {
  const { options, keep } = part;
  const only = options.only;
  let index = part.index ?? part.organizations.map((o) => o.listing);
  const chunks = chunksOf(only ? part.organizations.filter((o) => only.has(o.listing.slug)) : part.organizations, chunkPages);
  part.organizations = [];
  part.index = undefined;
  let written = 0;
  for (const [number, chunk] of chunks.entries()) {
    const slice = await readModels(chunk);
    chunks[number] = [];
    // The first run also writes the index and the shared files, so it lists every
    // organization; the others write only their own pages.
    const first = number === 0;
    const run = await renderSite(
      slice,
      { ...options, only: new Set(slice.map((o) => o.slug)), ...(first ? {} : { sharedFiles: false, index: false }) },
      first ? index : undefined,
    );
    index = [];
    written += run.written;
    if (keep) await keepPages(slice, run.pages, options.outDir, keep);
  }
  return { written };
}

/**
 * The organizations in runs of about `pages` pages each: a policy page in each language,
 * and as many again for each archived version (its page and its changes). There is always
 * a first run, even of none, since it writes the index and the shared files.
 */
export function chunksOf(organizations: readonly SpooledOrganization[], pages: number): SpooledOrganization[][] {
  const chunks: SpooledOrganization[][] = [[]];
  let weight = 0;
  for (const organization of organizations) {
    const own = organization.listing.pages.length * (1 + organization.listing.versions.length);
    if (weight > 0 && weight + own > pages) {
      chunks.push([]);
      weight = 0;
    }
    chunks.at(-1)!.push(organization);
    weight += own;
  }
  return chunks;
}

async function keepPages(
  organizations: readonly OrganizationModel[],
  pages: readonly WrittenPage[],
  outDir: string,
  keep: NonNullable<RenderPart["keep"]>,
): Promise<void> {
  const store = new PageStore(keep.storeDir);
  const bySlug = pagesBySlug(pages, outDir);
  for (const organization of organizations) {
    store.keep(keep.keys.get(organization.slug)!, await organizationFiles(organization, bySlug.get(organization.slug) ?? []));
  }
  await store.settled();
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
