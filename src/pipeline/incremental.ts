/**
 * The render stage with a memory: organizations whose folders were rendered before from the
 * same model, options and hoshin get those folders back; Eleventy writes the others, the
 * index and the shared files. A rebuild after editing one organization renders one.
 */
import { mapInBatches } from "../workers/batches.js";
import type { SpooledOrganization } from "./model-spool.js";
import type { RenderOptions } from "./eleventy.js";
import { renderInParts } from "./parallel-render.js";
import type { PageStore } from "./page-store.js";

export interface IncrementalRenderResult {
  /** Organizations Eleventy rendered. */
  rendered: number;
  /** Organizations whose folders were put back from the store. */
  restored: number;
}

/** Organizations looked up at once: their files are in memory until written. */
const BATCH = 32;

export async function renderIncrementally(
  organizations: SpooledOrganization[],
  options: RenderOptions & { store: PageStore; keys: ReadonlyMap<string, string> },
): Promise<IncrementalRenderResult> {
  const { store, keys, ...render } = options;
  const wanted = render.only ? organizations.filter((o) => render.only!.has(o.listing.slug)) : organizations;
  const toRender = new Set<string>();
  await mapInBatches(wanted, BATCH, async ({ listing: { slug } }) => {
    if (!(await store.restore(keys.get(slug)!, render.outDir, slug))) toRender.add(slug);
  });
  await renderInParts(organizations, { ...render, only: toRender }, { keep: { storeDir: store.dir, keys } });
  return { rendered: toRender.size, restored: wanted.length - toRender.size };
}
