/**
 * Eleventy renders on one core. A build of many organizations splits them into parts, one
 * per core: the main thread renders the first part with the index and the shared files, and
 * a worker thread each other part, each with an Eleventy of its own, into the same folder.
 * Every file of an organization lives under `/<slug>/`, so the parts never write the same file.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { OrganizationModel } from "../normalize/model.js";
import { renderSite, type RenderOptions, type RenderResult } from "./eleventy.js";

/** Below this many organizations a part, a worker's start (importing Eleventy, about half a second) costs more than it saves. */
const MIN_ORGANIZATIONS_PER_PART = 150;
const MAX_PARTS = 4;

/** How many parts to render `count` organizations in, on this machine. */
export function partsFor(count: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, MAX_PARTS, Math.floor(count / MIN_ORGANIZATIONS_PER_PART)));
}

/**
 * Renders the organizations in `options.only` (all when absent), in parts when there are
 * enough (`parts` decides instead, when given).
 */
export async function renderInParts(organizations: OrganizationModel[], options: RenderOptions, parts?: number): Promise<RenderResult> {
  const only = options.only;
  const wanted = only ? organizations.filter((o) => only.has(o.slug)) : organizations;
  parts = Math.min(parts ?? partsFor(wanted.length), Math.max(1, wanted.length));
  if (parts === 1) return renderSite(organizations, options);
  // Dealt out in turn, so long and short policies spread evenly.
  const slices = Array.from({ length: parts }, (_, part) => wanted.filter((_o, index) => index % parts === part));
  const results = await Promise.all([
    renderSite(organizations, { ...options, only: new Set(slices[0]!.map((o) => o.slug)) }),
    ...slices.slice(1).map((slice) =>
      renderInWorker(slice, { ...options, only: new Set(slice.map((o) => o.slug)), sharedFiles: false, index: false }),
    ),
  ]);
  return { written: results.reduce((sum, result) => sum + result.written, 0) };
}

function renderInWorker(organizations: OrganizationModel[], options: RenderOptions): Promise<RenderResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./render-worker.js", import.meta.url), { workerData: { organizations, options } });
    let result: RenderResult | undefined;
    worker.once("message", (message: RenderResult) => (result = message));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (result) resolve(result);
      else reject(new Error(`hoshin: a render worker stopped (exit code ${code}) before it finished`));
    });
  });
}
