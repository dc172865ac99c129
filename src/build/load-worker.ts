/**
 * Some of a build's organization files, checked in a worker thread (see stored-load.ts).
 * Archived versions arrive as plain data, so which are readable comes by slug and date.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ArchivedVersion } from "../data/archive.js";
import type { DiscoveredFile } from "../data/discover.js";
import { loadOrganizationBytes, withoutSource, type FileLoadOptions, type StoredLoad } from "./load-file.js";

export interface LoadWorkerData {
  files: Array<{ file: DiscoveredFile; bytes: Uint8Array }>;
  versions: Record<string, ArchivedVersion[]>;
  /** `slug/date` of each archived version this hoshin can no longer read. */
  unreadable: string[];
  options: FileLoadOptions;
}

const { files, versions, unreadable, options } = workerData as LoadWorkerData;
const unreadableVersions = new Set(unreadable);
const history = {
  versions: (slug: string) => versions[slug] ?? [],
  readable: (version: ArchivedVersion) => !unreadableVersions.has(`${version.slug}/${version.date}`),
};
const loaded: StoredLoad[] = files.map(({ file, bytes }) => withoutSource(loadOrganizationBytes(file, bytes, history, options)));
parentPort!.postMessage(loaded);
