/**
 * Sharding a build across machines (a CI matrix): `--shard i/n` builds the pages of the
 * organizations assigned to shard i, and the first shard also writes the site-wide files
 * (the index, stylesheets, fonts). Copied together, the n output folders are exactly the
 * site one build would make: every file of an organization lives under `/<slug>/`, and
 * each organization belongs to one shard.
 */
import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../diagnostics/errors.js";

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(
      `hoshin: --shard \`${text}\` is not a shard; write i/n with 1 ≤ i ≤ n, e.g. --shard 1/4 for the first of four`,
    );
  }
  return { index, count };
}

/**
 * The shard an organization belongs to, from a hash of its slug: stable when other
 * organizations are added or removed, so each shard's PDF cache stays warm in CI.
 */
export function shardOf(slug: string, count: number): number {
  return (createHash("sha256").update(slug).digest().readUInt32BE(0) % count) + 1;
}

/** Whether the site-wide files are this shard's to write: the first shard writes them. */
export function writesSiteFiles(shard: Shard | undefined): boolean {
  return shard === undefined || shard.index === 1;
}

/** The organizations whose pages the shard builds; all of them without a shard. */
export function organizationsOfShard<T>(organizations: T[], slugOf: (organization: T) => string, shard: Shard | undefined): T[] {
  return shard ? organizations.filter((o) => shardOf(slugOf(o), shard.count) === shard.index) : organizations;
}

/**
 * Removes from a built site what is not the shard's to publish: other organizations'
 * folders, and the site-wide files on every shard but the first. Each shard builds the
 * site-wide files all the same, because printing its PDFs needs the stylesheets and fonts.
 */
export async function trimToShard(site: string, slugs: ReadonlySet<string>, shard: Shard): Promise<void> {
  const siteFiles = writesSiteFiles(shard);
  for (const entry of await readdir(site)) {
    const keep = slugs.has(entry) ? shardOf(entry, shard.count) === shard.index : siteFiles;
    if (!keep) await rm(path.join(site, entry), { recursive: true, force: true });
  }
}
