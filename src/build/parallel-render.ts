/**
 * Eleventy renders on one core. A build of many organizations splits them into parts, one
 * per core: the main thread renders the first part with the index and the shared files, and
 * a worker thread each other part, each with an Eleventy of its own, into the same folder.
 * Every file of an organization lives under `/<slug>/`, so the parts never write the same file.
 */
import type { OrganizationModel } from "../normalize/model.js";
import { renderSite, type RenderOptions, type RenderResult } from "./eleventy.js";
import { dealOut, partsFor, runWorker } from "./parts.js";

/**
 * Renders the organizations in `options.only` (all when absent), in parts when there are
 * enough (`parts` decides instead, when given).
 */
export async function renderInParts(organizations: OrganizationModel[], options: RenderOptions, parts?: number): Promise<RenderResult> {
  const only = options.only;
  const wanted = only ? organizations.filter((o) => only.has(o.slug)) : organizations;
  const count = Math.min(parts ?? partsFor(wanted.length), Math.max(1, wanted.length));
  if (count === 1) return renderSite(organizations, options);
  const [first = [], ...others] = dealOut(wanted, count);
  const slugs = (slice: OrganizationModel[]) => new Set(slice.map((o) => o.slug));
  const results = await Promise.all([
    renderSite(organizations, { ...options, only: slugs(first) }),
    ...others.map((slice) =>
      runWorker<RenderResult>(new URL("./render-worker.js", import.meta.url), {
        organizations: slice,
        options: { ...options, only: slugs(slice), sharedFiles: false, index: false },
      }),
    ),
  ]);
  return { written: results.reduce((sum, result) => sum + result.written, 0) };
}
