/**
 * An organization's rendered files, kept between builds. Every file of an organization
 * lives under `/<slug>/` (its pages, short address, feed, change pages and archived
 * versions), and all of it follows from its render model, the render options and hoshin
 * itself: when none of those changed, the folder is put back instead of rendered.
 * The PDFs are not kept here: the PDF stage has its own cache, by the printed page's bytes.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SpooledOrganization } from "./model-spool.js";
import { mapInBatches } from "../workers/batches.js";
import { DiskStore } from "../cache/disk-store.js";
import type { RenderOptions } from "./eleventy.js";
import { hoshinFingerprint } from "../cache/fingerprint.js";

/** The files under `<slug>/`, by path relative to it, with forward slashes. */
export type OrganizationFiles = Array<[file: string, bytes: Uint8Array]>;

/** Entries looked up at once: enough to keep the disk busy, few enough for file handles. */
const LOOKUP_BATCH = 256;

export class PageStore {
  private readonly store: DiskStore<OrganizationFiles>;

  constructor(readonly dir: string) {
    this.store = new DiskStore(dir);
  }

  /**
   * What an organization's folder is made from: its model (by digest), and `renderOptions`,
   * everything else a page shows (path prefix, site address, whether PDFs are linked).
   * Archived files are read, since they are published byte for byte.
   */
  async key({ digest, archivedFiles }: Pick<SpooledOrganization, "digest" | "archivedFiles">, renderOptions: object): Promise<string> {
    const hash = createHash("sha256");
    hash.update(JSON.stringify({ hoshin: await hoshinFingerprint(), organization: digest, renderOptions }));
    for (const { from } of archivedFiles) hash.update(await readFile(from));
    return hash.digest("hex");
  }

  /** How many of these keys have no folder kept: the organizations a build will render. */
  async missing(keys: readonly string[]): Promise<number> {
    const kept = await mapInBatches(keys, LOOKUP_BATCH, (key) => this.store.has(key));
    return kept.filter((found) => !found).length;
  }

  /** Writes the kept folder into `siteDir/<slug>/`; false when none is kept under `key`. */
  async restore(key: string, siteDir: string, slug: string): Promise<boolean> {
    const files = await this.store.get(key);
    if (!files) return false;
    const root = path.join(siteDir, slug);
    const folders = new Set(files.map(([file]) => path.dirname(path.join(root, file))));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    await Promise.all(files.map(([file, bytes]) => writeFile(path.join(root, file), bytes)));
    return true;
  }

  /** Keeps an organization's folder, as it was just written (see render-part.ts). */
  keep(key: string, files: OrganizationFiles): void {
    this.store.set(key, files);
  }

  /** Resolves when every folder kept so far is written. */
  settled(): Promise<void> {
    return this.store.settled();
  }

  prune(): Promise<void> {
    return this.store.prune();
  }
}

/** What shapes an organization's folder besides its model: everything but where and which. */
export function renderInputs({ outDir: _outDir, only: _only, ...rest }: RenderOptions): object {
  return rest;
}

/** Each organization's key in the page store (see PageStore.key), by slug. */
export async function pageKeys(
  store: PageStore,
  organizations: readonly SpooledOrganization[],
  options: RenderOptions,
): Promise<Map<string, string>> {
  const inputs = renderInputs(options);
  const keys = new Map<string, string>();
  for (const organization of organizations) keys.set(organization.listing.slug, await store.key(organization, inputs));
  return keys;
}
