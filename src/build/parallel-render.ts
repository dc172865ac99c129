/**
 * Eleventy renders on one core. A build of many organizations splits them into parts, one
 * per core: the main thread renders the first part with the index and the shared files, and
 * a worker thread each other part, each with an Eleventy of its own, into the same folder.
 * Every file of an organization lives under `/<slug>/`, so the parts never write the same file.
 */
import type { OrganizationModel } from "../normalize/model.js";
import type { RenderOptions, RenderResult } from "./eleventy.js";
import { dealOut, partsFor, runWorker, startWorkers } from "./parts.js";

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
 * enough (`parts` decides instead, when given).
 */
export async function renderInParts(organizations: OrganizationModel[], options: RenderOptions, parts?: number): Promise<RenderResult> {
  const only = options.only;
  const wanted = only ? organizations.filter((o) => only.has(o.slug)) : organizations;
  const count = Math.min(parts ?? partsFor(wanted.length), Math.max(1, wanted.length));
  // Imported here: a caller that only starts the threads ahead need not load Eleventy.
  const { renderSite } = await import("./eleventy.js");
  if (count === 1) return renderSite(organizations, options);
  const [first = [], ...others] = dealOut(wanted, count);
  const slugs = (slice: OrganizationModel[]) => new Set(slice.map((o) => o.slug));
  const results = await Promise.all([
    renderSite(organizations, { ...options, only: slugs(first) }),
    ...others.map((slice) =>
      runWorker<RenderResult>(RENDER_WORKER, {
        organizations: slice,
        options: { ...options, only: slugs(slice), sharedFiles: false, index: false },
      }),
    ),
  ]);
  return { written: results.reduce((sum, result) => sum + result.written, 0) };
}
