/**
 * Loading for `hoshin check` and `hoshin build`, which remember: each file's result is kept
 * in a store under a key of everything it depends on (its bytes and path, its archived
 * versions, the options, hoshin itself), and a file whose key is found is not parsed or
 * checked again. The files that are not found are checked in parts, one per core, when there
 * are many; each part keeps what it checked itself, and for a build spools its models (see
 * model-spool.ts), so no thread holds every model at once.
 */
import { createHash } from "node:crypto";
import type { ArchivedVersion } from "../parse/parse.js";
import type { DiscoveredFile } from "../discover/discover.js";
import { readOrganizationFile } from "../parse/parse.js";
import type { OrganizationModel } from "../model/policy.js";
import { mapInBatches } from "../workers/batches.js";
import { DiskStore } from "../cache/disk-store.js";
import { hoshinFingerprint } from "../cache/fingerprint.js";
import {
  loadOrganizationBytes,
  loadParsedOrganization,
  withoutSource,
  type FileHistory,
  type FileLoadOptions,
  type StoredLoad,
} from "./load-file.js";
import { ModelSpool } from "./model-spool.js";
import { encodeEntry, entryListed } from "./stored-entry.js";
import { PART_HEAP_MB, dealOut, partsFor, startWorkers, streamFromWorker, type WorkerScript } from "../workers/parts.js";

/**
 * The threads that check files. A spooling part's live heap is one file's work and the
 * listings it sends back, so its heap is capped (see PART_HEAP_MB); a part that sends its
 * models back holds them all until it ends, and keeps V8's default limit.
 */
const LOAD_WORKER: WorkerScript = { url: new URL("./load-worker.js", import.meta.url) };
const SPOOLING_LOAD_WORKER: WorkerScript = { ...LOAD_WORKER, resourceLimits: { maxOldGenerationSizeMb: PART_HEAP_MB } };

/** Files read at once: ten thousand open together would run out of file handles. */
const READ_BATCH = 256;

/**
 * A file to check. Its bytes are not kept: the thread that checks it reads it again (from
 * the system's file cache, a few microseconds), hashes it again, and keeps its result under
 * the key of the bytes it checked. Held here until every file was looked up, 10,000 files'
 * bytes were 74 MB in the main thread's allocator, which it could not give back after.
 */
export interface PendingFile {
  file: DiscoveredFile;
  index: number;
}

/** Where a part keeps what it checks: the store's folder, and the build's spool folder if it spools. */
export interface KeepIn {
  storeDir: string;
  spoolFolder?: string;
}

export async function loadThroughStore(
  files: readonly DiscoveredFile[],
  history: FileHistory,
  options: FileLoadOptions,
  store: DiskStore<StoredLoad>,
  spoolFolder?: string,
): Promise<StoredLoad[]> {
  const loaded: StoredLoad[] = new Array(files.length);
  const pending: PendingFile[] = [];
  const hoshin = await hoshinFingerprint();
  await mapInBatches(files, READ_BATCH, async (file, index) => {
    const read = await readOrganizationFile(file);
    // An unreadable or oversized file is reported as the parser reports it; nothing to keep.
    if ("refused" in read) return void (loaded[index] = withoutSource(loadParsedOrganization(read.refused, history, options)));
    const key = storeKey(hoshin, file, read.bytes, history, options);
    const kept = spoolFolder ? await store.lookUpAs(key, entryListed) : await store.lookUp(key);
    if (kept) loaded[index] = kept.value;
    else {
      pending.push({ index, file });
      // Enough files to check for one more part: its thread starts loading the checker now.
      if (partsFor(pending.length) > partsFor(pending.length - 1)) startWorkers(loadWorker(spoolFolder), partsFor(pending.length));
    }
  });
  const results = await checkInParts(pending.map((item) => item.file), hoshin, history, options, store, spoolFolder);
  for (const [position, { index }] of pending.entries()) loaded[index] = results[position]!;
  return loaded;
}

/** A part of the files to check, as a worker thread is given it (see load-worker.ts). */
export interface LoadWorkerData {
  files: DiscoveredFile[];
  /** hoshin's own fingerprint, part of every key (see storeKey). */
  hoshin: string;
  versions: Record<string, ArchivedVersion[]>;
  /** `slug/date` of each archived version this hoshin can no longer read. */
  unreadable: string[];
  options: FileLoadOptions;
  keepIn: KeepIn;
}

/**
 * Checks files, keeps each result in the store, and (with a spool folder) spools each model
 * and gives the organization listed instead. Results are handed to `receive` in order, a
 * batch every few files, so that a checking thread sends them on as it goes rather than
 * holding them all; at each batch it also lets the store's writes catch up, so that what
 * waits to be written stays a few dozen entries. The last writes go on after this returns:
 * the caller awaits `store.settled()`.
 */
export async function checkAndKeep(
  files: readonly DiscoveredFile[],
  hoshin: string,
  history: FileHistory,
  options: FileLoadOptions,
  store: DiskStore<StoredLoad>,
  spoolFolder: string | undefined,
  receive: (batch: StoredLoad[]) => void,
): Promise<void> {
  const spool = spoolFolder === undefined ? undefined : new ModelSpool(spoolFolder);
  let batch: StoredLoad[] = [];
  try {
    // Each file is read while the one before it is checked.
    let reading = files.length ? readOrganizationFile(files[0]!) : undefined;
    for (const [index, file] of files.entries()) {
      const read = await reading!;
      reading = index + 1 < files.length ? readOrganizationFile(files[index + 1]!) : undefined;
      batch.push(checkOne(file, read, hoshin, history, options, store, spool));
      if (batch.length === KEEP_BATCH) {
        receive(batch);
        batch = [];
        await store.room();
      }
    }
    if (batch.length) receive(batch);
  } finally {
    spool?.close();
  }
}

function checkOne(
  file: DiscoveredFile,
  read: Awaited<ReturnType<typeof readOrganizationFile>>,
  hoshin: string,
  history: FileHistory,
  options: FileLoadOptions,
  store: DiskStore<StoredLoad>,
  spool: ModelSpool | undefined,
): StoredLoad {
  // Gone or grown past the limit since it was looked up: reported as loading reports it.
  if ("refused" in read) return withoutSource(loadParsedOrganization(read.refused, history, options));
  const checked = withoutSource(loadOrganizationBytes(file, read.bytes, history, options));
  const loaded = checked.organization ? { ...checked, digest: modelDigest(checked.organization) } : checked;
  const entry = encodeEntry(loaded);
  store.setSerialized(storeKey(hoshin, file, read.bytes, history, options), entry.bytes);
  return spool && entry.model ? entry.listedAt(spool.append(entry.model)) : loaded;
}

/** Files checked between two looks at the store's queue of writes. */
const KEEP_BATCH = 32;

/**
 * What an organization's pages are kept by, besides the render options: its model's JSON,
 * hashed. JSON, not v8.serialize: the same model read back from a store must give the same
 * digest, and v8's bytes depend on how each string happens to be held in memory.
 */
export function modelDigest(organization: OrganizationModel): string {
  return createHash("sha256").update(JSON.stringify(organization)).digest("hex");
}

/** The languages a site adds, as one digest: hashed once, not once for each of thousands of files. */
const languageDigests = new WeakMap<object, string>();
function languagesDigest(options: FileLoadOptions): string {
  const languages = options.languages ?? [];
  let digest = languageDigests.get(languages);
  if (digest === undefined) {
    digest = createHash("sha256").update(JSON.stringify({ languages, checkOnly: options.checkOnly ?? false })).digest("hex");
    languageDigests.set(languages, digest);
  }
  return digest;
}

function storeKey(hoshin: string, file: DiscoveredFile, bytes: Uint8Array, history: FileHistory, options: FileLoadOptions): string {
  // JSON, not v8.serialize: v8's bytes depend on how each string happens to be held in memory.
  const hash = createHash("sha256").update(JSON.stringify({ hoshin, file, strict: options.strict ?? false, languages: languagesDigest(options) }));
  hash.update(bytes);
  // The archive decides the history checks and the history pages.
  for (const version of history.versions(file.slug)) hash.update(JSON.stringify({ version, readable: history.readable(version) }));
  return hash.digest("hex");
}

function loadWorker(spoolFolder: string | undefined): WorkerScript {
  return spoolFolder ? SPOOLING_LOAD_WORKER : LOAD_WORKER;
}

/**
 * The pending files checked, in order: here when they are few, else each part in a worker
 * thread, while this thread, which holds what the build keeps, only waits.
 */
async function checkInParts(
  pending: readonly DiscoveredFile[],
  hoshin: string,
  history: FileHistory,
  options: FileLoadOptions,
  store: DiskStore<StoredLoad>,
  spoolFolder: string | undefined,
): Promise<StoredLoad[]> {
  const parts = partsFor(pending.length);
  const receiveInto = (results: StoredLoad[]) => (batch: StoredLoad[]) => results.push(...batch);
  if (parts === 1) {
    const results: StoredLoad[] = [];
    await checkAndKeep(pending, hoshin, history, options, store, spoolFolder, receiveInto(results));
    return results;
  }
  const workerData = (files: DiscoveredFile[]): LoadWorkerData => {
    const versions: Record<string, ArchivedVersion[]> = {};
    for (const file of files) versions[file.slug] = history.versions(file.slug);
    const unreadable = Object.values(versions).flat().filter((v) => !history.readable(v)).map((v) => `${v.slug}/${v.date}`);
    const keepIn: KeepIn = { storeDir: store.dir, spoolFolder };
    return { files, hoshin, versions, unreadable, options, keepIn };
  };
  const results: StoredLoad[][] = Array.from({ length: parts }, () => []);
  await Promise.all(
    dealOut(pending, parts).map((files, part) =>
      streamFromWorker<StoredLoad[]>(loadWorker(spoolFolder), workerData(files), receiveInto(results[part]!), () => results[part]!.length === files.length),
    ),
  );
  // Back into the order of `pending`: part p holds items p, p + parts, p + 2 × parts, …
  return pending.map((_file, index) => results[index % parts]![Math.floor(index / parts)]!);
}
