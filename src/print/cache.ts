/**
 * PDFs already printed, by content hash: a build whose page, stylesheets, fonts, browser
 * and hoshin are unchanged copies the PDF instead of printing it again.
 */
import { constants } from "node:fs";
import { copyFile, mkdir, rename, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { cacheRoot, pruneUnused } from "../cache/cache-dir.js";

/** Where printed PDFs are kept: `pdf/` in hoshin's cache folder (see cache-dir.ts). */
export function defaultCacheDir(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheRoot(cwd, env), "pdf");
}


/**
 * A copy-on-write clone where the file system offers one, a plain copy elsewhere. Not a
 * hard link: a deploy step that rewrote a published PDF in place would rewrite the cache.
 */
function place(entry: string, destination: string): Promise<void> {
  return copyFile(entry, destination, constants.COPYFILE_FICLONE);
}

export class PdfCache {
  constructor(readonly dir: string) {}

  /** Puts the cached PDF at `destination`; false when there is none. */
  async restore(key: string, destination: string): Promise<boolean> {
    const entry = this.entry(key);
    try {
      await place(entry, destination);
    } catch {
      return false;
    }
    const now = new Date();
    await utimes(entry, now, now).catch(() => undefined);
    return true;
  }

  /** Keeps `bytes` under `key` and puts them at `destination` too. */
  async store(key: string, bytes: Uint8Array, destination: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Written aside and renamed: a build stopped mid-write must not leave half a PDF to reuse.
    const temporary = `${this.entry(key)}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, this.entry(key));
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    await place(this.entry(key), destination);
  }

  prune(now = Date.now()): Promise<void> {
    return pruneUnused(this.dir, now);
  }

  private entry(key: string): string {
    return path.join(this.dir, `${key}.pdf`);
  }
}
