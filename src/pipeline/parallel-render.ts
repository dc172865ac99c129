/**
 * Eleventy renders on one core. A build of many organizations splits them into parts, one
 * per core, each rendered by a worker thread with an Eleventy of its own, into the same
 * folder; the first part also writes the index and the shared files. Every file of an
 * organization lives under `/<slug>/`, so the parts never write the same file.
 *
 * The main thread renders nothing then: it holds the listings, and its heap stays as small
 * as loading left it, while each part's heap is capped (see PART_HEAP_MB). A build too
 * small to split renders on the main thread, with no thread to start.
 */
import type { RenderOptions, RenderResult } from "./eleventy.js";
import type { SpooledOrganization } from "./model-spool.js";
import { PART_HEAP_MB, dealOut, partsFor, runWorker, startWorkers, type WorkerScript } from "../workers/parts.js";
import type { RenderPart } from "./render-part.js";

const RENDER_WORKER: WorkerScript = {
  url: new URL("./render-worker.js", import.meta.url),
  // A part holds one chunk of pages at a time (see render-part.ts).
  resourceLimits: { maxOldGenerationSizeMb: PART_HEAP_MB },
};

/**
 * Starts the threads that will render the parts of `count` organizations, so they load
 * Eleventy while this thread is still loading the data (see parts.ts).
 */
export function startRenderWorkers(count: number): void {
  const parts = partsFor(count);
  if (parts > 1) startWorkers(RENDER_WORKER, parts);
}

/**
 * Renders the organizations in `options.only` (all when absent), in parts when there are
 * enough (`parts` decides instead, when given), and keeps them in the page store if asked.
 */
export async function renderInParts(
  organizations: SpooledOrganization[],
  options: RenderOptions,
  { parts, keep }: { parts?: number; keep?: RenderPart["keep"] } = {},
): Promise<RenderResult> {
  const only = options.only;
  const wanted = only ? organizations.filter((o) => only.has(o.listing.slug)) : organizations;
  const count = Math.min(parts ?? partsFor(wanted.length), Math.max(1, wanted.length));
  const index = organizations.map((o) => o.listing);
  if (count === 1) {
    // Imported here: a caller that only starts the threads ahead need not load Eleventy.
    const { renderPart } = await import("./render-part.js");
    return renderPart({ organizations: wanted, index, options, keep });
  }
  const results = await Promise.all(
    dealOut(wanted, count).map((slice, number) => {
      const only = new Set(slice.map((o) => o.listing.slug));
      // Each part is sent what it renders and the keys of those alone: a thread's memory
      // follows its part. The first part also writes the index and the shared files, so it
      // is sent every organization's listing too.
      const partKeep = keep && { ...keep, keys: new Map(slice.map((o) => [o.listing.slug, keep.keys.get(o.listing.slug)!])) };
      const part: RenderPart =
        number === 0
          ? { organizations: slice, index, options: { ...options, only }, keep: partKeep }
          : { organizations: slice, options: { ...options, only, sharedFiles: false, index: false }, keep: partKeep };
      return runWorker<RenderResult>(RENDER_WORKER, part);
    }),
  );
  return { written: results.reduce((sum, result) => sum + result.written, 0) };
}
