/**
 * A folder of values by content key, for results that are slow to make and safe to make
 * again: a missing, unreadable or damaged entry is simply a miss, and a store that cannot be
 * written is a build that saves nothing for next time, never a failed build. Writes go on
 * beside the build's own work; creating a file costs this machine half a millisecond.
 */
import { access, mkdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { pruneUnused } from "./cache-dir.js";

/** Entries written at once: enough to keep the disk busy, few enough for file handles. */
const CONCURRENT_WRITES = 16;

/** How a store's values become bytes and back; v8.serialize unless a store says otherwise. */
export interface Codec<T> {
  encode(value: T): Uint8Array;
  /** Throws on bytes it cannot read: the entry is then a miss. */
  decode(bytes: Buffer): T;
}

const V8: Codec<unknown> = { encode: serialize, decode: deserialize };

export class DiskStore<T> {
  private made = false;

  constructor(
    readonly dir: string,
    private readonly codec: Codec<T> = V8 as Codec<T>,
  ) {}

  async get(key: string): Promise<T | undefined> {
    return (await this.lookUp(key))?.value;
  }

  /** The value kept under `key`. */
  async lookUp(key: string): Promise<{ value: T; file: string } | undefined> {
    return this.lookUpAs(key, (bytes) => this.codec.decode(bytes));
  }

  /**
   * The bytes kept under `key` read by `decode` (which throws on what it cannot read), and
   * the file they are kept in, for a caller that reads part of it again later.
   */
  async lookUpAs<V>(key: string, decode: (bytes: Buffer, file: string) => V): Promise<{ value: V; file: string } | undefined> {
    const file = this.entry(key);
    let value: V;
    try {
      value = decode(await readFile(file), file);
    } catch {
      return undefined;
    }
    // Used now: kept for another fortnight.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return { value, file };
  }

  /** Whether an entry is kept under `key` (it may still turn out unreadable). */
  has(key: string): Promise<boolean> {
    return access(this.entry(key)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Starts keeping `value` under `key` and returns at once: the value is serialized now, and
   * written while the build goes on (a few at a time). `settled()` waits for every write.
   */
  set(key: string, value: T): void {
    this.setSerialized(key, this.codec.encode(value));
  }

  /** The same, for a value the caller has encoded (as the store's codec does) for a use of its own too. */
  setSerialized(key: string, bytes: Uint8Array): void {
    this.queue.push(() => this.write(key, bytes));
    this.startWrites();
  }

  /**
   * Resolves once no more than `waiting` values wait to be written. A caller that sets
   * values in a long synchronous loop awaits this now and then, so the values do not pile
   * up in memory faster than the disk takes them.
   */
  async room(waiting = 64): Promise<void> {
    // A turn of the event loop first: the writes already started finish there.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > waiting) await new Promise<void>((resolve) => this.roomWaiting.push(resolve));
  }

  /** Resolves when every value set so far is written (or has failed to be: it is a cache). */
  settled(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private queue: Array<() => Promise<void>> = [];
  private active = 0;
  private waiting: Array<() => void> = [];
  private roomWaiting: Array<() => void> = [];

  private startWrites(): void {
    while (this.active < CONCURRENT_WRITES && this.queue.length > 0) {
      const write = this.queue.shift()!;
      this.active += 1;
      void write().finally(() => {
        this.active -= 1;
        this.startWrites();
        for (const resolve of this.roomWaiting.splice(0)) resolve();
        if (this.active === 0 && this.queue.length === 0) for (const resolve of this.waiting.splice(0)) resolve();
      });
    }
  }

  private async write(key: string, bytes: Uint8Array): Promise<void> {
    // Written aside and renamed: a build stopped mid-write must not leave half an entry.
    // A killed build's `.tmp` files are never read, and prune() removes them.
    const temporary = `${this.entry(key)}.${process.pid}.tmp`;
    try {
      if (!this.made) await mkdir(this.dir, { recursive: true });
      this.made = true;
      await writeFile(temporary, bytes);
      await rename(temporary, this.entry(key));
    } catch {
      // A full disk or a read-only cache folder costs the next build time, nothing else.
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  prune(now = Date.now()): Promise<void> {
    return pruneUnused(this.dir, now);
  }

  private entry(key: string): string {
    return path.join(this.dir, `${key}.v8`);
  }
}
