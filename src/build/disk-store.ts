/**
 * A folder of values by content key, for results that are slow to make and safe to make
 * again: a missing, unreadable or damaged entry is simply a miss, and a store that cannot be
 * written is a build that saves nothing for next time, never a failed build.
 */
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

/** Entries unused this long are removed, so a store does not grow without end. */
const KEEP_UNUSED_MS = 14 * 24 * 60 * 60 * 1000;

export class DiskStore<T> {
  private made = false;

  constructor(readonly dir: string) {}

  async get(key: string): Promise<T | undefined> {
    const file = this.entry(key);
    let value: T;
    try {
      value = deserialize(await readFile(file)) as T;
    } catch {
      return undefined;
    }
    // Used now: kept for another fortnight.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return value;
  }

  async set(key: string, value: T): Promise<void> {
    try {
      if (!this.made) await mkdir(this.dir, { recursive: true });
      this.made = true;
      // Written aside and renamed: a build stopped mid-write must not leave half an entry.
      const temporary = `${this.entry(key)}.${process.pid}.tmp`;
      await writeFile(temporary, serialize(value));
      await rename(temporary, this.entry(key));
    } catch {
      // A full disk or a read-only cache folder costs the next build time, nothing else.
    }
  }

  async prune(now = Date.now()): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.dir, name);
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile() && now - info.mtimeMs > KEEP_UNUSED_MS) await rm(file, { force: true });
      }),
    );
  }

  private entry(key: string): string {
    return path.join(this.dir, `${key}.v8`);
  }
}
