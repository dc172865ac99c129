/**
 * What a killed build leaves behind, and how the next one knows it is safe to remove.
 *
 * Every build that publishes writes an owner file beside the output, `.hoshin-build-<token>.json`
 * (its process id and host), before it makes `.hoshin-staging-<token>`, and removes it after
 * the swap. A build killed at any moment leaves the owner file with the folders of its token;
 * a later build removes them when that process is gone from this host. Folders of a token
 * with no owner file (an older hoshin's, or a copy) are removed once an hour old. A live
 * build's folders are never touched, so two builds into one output stay safe.
 */
import { hostname } from "node:os";
import { readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

import { isRunning } from "../cache/cache-dir.js";

const LEFTOVER = /^\.hoshin-(staging|previous)-([0-9a-f]+)$/;
const OWNER = /^\.hoshin-build-([0-9a-f]+)\.json$/;
const UNOWNED_GRACE_MS = 60 * 60 * 1000;

interface Owner {
  pid: number;
  host: string;
}

export function ownerFile(parent: string, token: string): string {
  return path.join(parent, `.hoshin-build-${token}.json`);
}

export async function claim(parent: string, token: string): Promise<void> {
  const owner: Owner = { pid: process.pid, host: hostname() };
  await writeFile(ownerFile(parent, token), `${JSON.stringify(owner)}\n`);
}

export async function release(parent: string, token: string): Promise<void> {
  await rm(ownerFile(parent, token), { force: true });
}

async function ownerAlive(parent: string, token: string): Promise<boolean | undefined> {
  let owner: Partial<Owner>;
  try {
    owner = JSON.parse(await readFile(ownerFile(parent, token), "utf8")) as Partial<Owner>;
  } catch (error) {
    // No owner file: unknown. A half-written one: its build died while writing it.
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? undefined : false;
  }
  if (owner.host !== hostname()) return true; // Another machine's build (a shared disk): not ours to judge.
  return typeof owner.pid === "number" && owner.pid !== process.pid ? isRunning(owner.pid) : owner.pid === process.pid;
}

/**
 * Removes the staging and previous folders (and owner files) beside `outDir` that no live
 * build owns, and returns what it removed.
 */
export async function removeLeftovers(outDir: string, now = Date.now()): Promise<string[]> {
  const parent = path.dirname(path.resolve(outDir));
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  const tokens = new Set<string>();
  for (const name of names) tokens.add(LEFTOVER.exec(name)?.[2] ?? OWNER.exec(name)?.[1] ?? "");
  tokens.delete("");
  for (const token of tokens) {
    const alive = await ownerAlive(parent, token);
    if (alive === true) continue;
    for (const kind of ["staging", "previous"]) {
      const folder = path.join(parent, `.hoshin-${kind}-${token}`);
      const info = await stat(folder).catch(() => undefined);
      if (!info) continue;
      if (alive === undefined && now - info.mtimeMs < UNOWNED_GRACE_MS) continue;
      // Killed between its two renames, a build leaves the old site aside and none in place: put it back.
      if (kind === "previous" && !(await stat(outDir).catch(() => undefined))) {
        await rename(folder, outDir);
        continue;
      }
      await rm(folder, { recursive: true, force: true });
      removed.push(folder);
    }
    if (alive === false) await rm(ownerFile(parent, token), { force: true });
  }
  return removed;
}
