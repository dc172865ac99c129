/**
 * Where hoshin keeps what it can make again but would rather not: printed PDFs, and each
 * organization's checked data and rendered pages. One folder, so CI caches one path.
 */
import { existsSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Set to keep the caches somewhere else (a CI cache folder, say). */
export const CACHE_DIR_ENV = "HOSHIN_CACHE_DIR";

/**
 * HOSHIN_CACHE_DIR; else the project's node_modules/.cache, where build tools keep theirs;
 * else the user's cache folder. Never a node_modules folder made in a project that has none.
 */
export function cacheRoot(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  if (env[CACHE_DIR_ENV]) return path.resolve(cwd, env[CACHE_DIR_ENV]);
  if (existsSync(path.join(cwd, "node_modules"))) return path.join(cwd, "node_modules", ".cache", "hoshin");
  return path.join(userCacheDir(env), "hoshin");
}

/** The user's cache folder: XDG_CACHE_HOME, ~/Library/Caches on macOS, ~/.cache elsewhere. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return env.XDG_CACHE_HOME;
  return process.platform === "darwin" ? path.join(os.homedir(), "Library", "Caches") : path.join(os.homedir(), ".cache");
}

/** Cache entries unused this long are removed, so a cache does not grow without end. */
const KEEP_UNUSED_MS = 14 * 24 * 60 * 60 * 1000;

/** An entry being written aside by process `pid`: `<key>.<pid>.tmp`. */
const TEMPORARY = /\.(\d+)\.tmp$/;

/** Whether process `pid` runs on this machine (one we may not signal still runs). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the files of `dir` not used for a fortnight, and the half-written entries of
 * processes that are gone (a build killed while writing). Each cache touches an entry's
 * modification time when it uses it; a missing folder is an empty one.
 */
export async function pruneUnused(dir: string, now = Date.now()): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const writer = TEMPORARY.exec(name)?.[1];
      if (writer !== undefined && Number(writer) !== process.pid && !isRunning(Number(writer))) {
        await rm(file, { force: true });
        return;
      }
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && now - info.mtimeMs > KEEP_UNUSED_MS) await rm(file, { force: true });
    }),
  );
}
