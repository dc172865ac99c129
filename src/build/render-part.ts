/**
 * One part of a build's pages (see parallel-render.ts): Eleventy renders the organizations
 * given, then the part keeps what it rendered in the page store itself, so that reading the
 * folders back and writing the store is shared out like the rendering.
 */
import { mapInBatches } from "../batches.js";
import type { OrganizationModel } from "../normalize/model.js";
import { renderSite, type RenderOptions, type RenderResult } from "./eleventy.js";
import { PageStore } from "./page-store.js";

export interface RenderPart {
  organizations: OrganizationModel[];
  options: RenderOptions;
  /** Keep each organization rendered (those in `options.only`, or all) in this page store, by key. */
  keep?: { storeDir: string; keys: ReadonlyMap<string, string> };
}

/** Organizations kept at once: their files are in memory until written. */
const KEEP_BATCH = 32;

export async function renderPart({ organizations, options, keep }: RenderPart): Promise<RenderResult> {
  const result = await renderSite(organizations, options);
  if (keep) {
    const store = new PageStore(keep.storeDir);
    const rendered = options.only ? [...options.only] : organizations.map((o) => o.slug);
    await mapInBatches(rendered, KEEP_BATCH, (slug) => store.keep(keep.keys.get(slug)!, options.outDir, slug));
    await store.settled();
  }
  return result;
}
