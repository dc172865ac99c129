/**
 * Loading for `hoshin build`, which remembers: each file's result is kept in a store under
 * a key of everything it depends on (its bytes and path, its archived versions, the options,
 * hoshin itself), and a file whose key is found is not parsed or checked again. The files
 * that are not found are checked in parts, one per core, when there are many.
 */
import { createHash } from "node:crypto";
import type { ArchivedVersion } from "../parse/parse.js";
import type { DiscoveredFile } from "../discover/discover.js";
import { readOrganizationFile } from "../parse/parse.js";
import { mapInBatches } from "../workers/batches.js";
import type { DiskStore } from "../cache/disk-store.js";
import { hoshinFingerprint } from "../cache/fingerprint.js";
import {
  loadOrganizationBytes,
  loadParsedOrganization,
  withoutSource,
  type FileHistory,
  type FileLoadOptions,
  type StoredLoad,
} from "./load-file.js";
import type { LoadWorkerData } from "./load-worker.js";
import { dealOut, partsFor, runWorker, startWorkers } from "../workers/parts.js";

const LOAD_WORKER = new URL("./load-worker.js", import.meta.url);

/** Files read at once: ten thousand open together would run out of file handles. */
const READ_BATCH = 256;

interface Pending {
  index: number;
  file: DiscoveredFile;
  bytes: Uint8Array;
  key: string;
}

export async function loadThroughStore(
  files: readonly DiscoveredFile[],
  history: FileHistory,
  options: FileLoadOptions,
  store: DiskStore<StoredLoad>,
): Promise<StoredLoad[]> {
  const loaded: StoredLoad[] = new Array(files.length);
  const pending: Pending[] = [];
  const hoshin = await hoshinFingerprint();
  await mapInBatches(files, READ_BATCH, async (file, index) => {
    const read = await readOrganizationFile(file);
    // An unreadable or oversized file is reported as the parser reports it; nothing to keep.
    if ("refused" in read) return void (loaded[index] = withoutSource(loadParsedOrganization(read.refused, history, options)));
    const key = storeKey(hoshin, file, read.bytes, history, options);
    const kept = await store.get(key);
    if (kept) loaded[index] = kept;
    else {
      pending.push({ index, file, bytes: read.bytes, key });
      // Enough files to check for one more part: its thread starts loading the checker now.
      if (partsFor(pending.length) > partsFor(pending.length - 1)) startWorkers(LOAD_WORKER, pending.length);
    }
  });
  const results = await checkInParts(pending, history, options);
  for (const [position, { index, key }] of pending.entries()) {
    loaded[index] = results[position]!;
    store.set(key, results[position]!);
  }
  return loaded;
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

/** The pending files checked, in order: the first part here, each other in a worker thread. */
async function checkInParts(pending: readonly Pending[], history: FileHistory, options: FileLoadOptions): Promise<StoredLoad[]> {
  const parts = partsFor(pending.length);
  const here = (items: readonly Pending[]) => items.map(({ file, bytes }) => withoutSource(loadOrganizationBytes(file, bytes, history, options)));
  if (parts === 1) return here(pending);
  const [first = [], ...others] = dealOut(pending, parts);
  const workerData = (items: readonly Pending[]): LoadWorkerData => {
    const versions: Record<string, ArchivedVersion[]> = {};
    for (const { file } of items) versions[file.slug] = history.versions(file.slug);
    const unreadable = Object.values(versions).flat().filter((v) => !history.readable(v)).map((v) => `${v.slug}/${v.date}`);
    return { files: items.map(({ file, bytes }) => ({ file, bytes })), versions, unreadable, options };
  };
  const workers = others.map((items) => runWorker<StoredLoad[]>(LOAD_WORKER, workerData(items)));
  const results = [here(first), ...(await Promise.all(workers))];
  // Back into the order of `pending`: part p holds items p, p + parts, p + 2 × parts, …
  return pending.map((_item, index) => results[index % parts]![Math.floor(index / parts)]!);
}
