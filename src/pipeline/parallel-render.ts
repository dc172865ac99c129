/**
 * Eleventy renders on one core. A build of many organizations splits them into parts, one
 * per core: the main thread renders the first part with the index and the shared files, and
 * a worker thread each other part, each with an Eleventy of its own, into the same folder.
 * Every file of an organization lives under `/<slug>/`, so the parts never write the same file.
 */
import type { RenderOptions, RenderResult } from "./eleventy.js";
import type { SpooledOrganization } from "./model-spool.js";
import { dealOut, partsFor, runWorker, startWorkers } from "../workers/parts.js";
import type { RenderPart } from "./render-part.js";

const RENDER_WORKER = new URL("./render-worker.js", import.meta.url);

/**
 * Starts the threads that will render the parts of `count` organizations beyond the first,
 * so they load Eleventy while this thread does too (see parts.ts).
 */
export function startRenderWorkers(count: number): void {
  startWorkers(RENDER_WORKER, count);
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
  // Imported here: a caller that only starts the threads ahead need not load Eleventy.
  const { renderPart } = await import("./render-part.js");
  if (count === 1) return renderPart({ organizations, options, keep });
  const [first = [], ...others] = dealOut(wanted, count);
  const slugs = (slice: SpooledOrganization[]) => new Set(slice.map((o) => o.listing.slug));
  const results = await Promise.all([
    renderPart({ organizations, options: { ...options, only: slugs(first) }, keep }),
    ...others.map((slice) =>
      runWorker<RenderResult>(RENDER_WORKER, {
        organizations: slice,
        options: { ...options, only: slugs(slice), sharedFiles: false, index: false },
        keep,
      } satisfies RenderPart),
    ),
  ]);
  return { written: results.reduce((sum, result) => sum + result.written, 0) };
}
