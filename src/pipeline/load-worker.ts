/**
 * Some of a build's organization files, checked in a worker thread (see stored-load.ts).
 * Archived versions arrive as plain data, so which are readable comes by slug and date. It
 * may be started before its files are known (see parts.ts), so they come as a message.
 */
import { parentPort } from "node:worker_threads";
import type { ArchivedVersion } from "../parse/parse.js";
import type { DiscoveredFile } from "../discover/discover.js";
import { addLanguages } from "../wording/wording.js";
import { loadOrganizationBytes, withoutSource, type FileLoadOptions, type StoredLoad } from "./load-file.js";

export interface LoadWorkerData {
  files: Array<{ file: DiscoveredFile; bytes: Uint8Array }>;
  versions: Record<string, ArchivedVersion[]>;
  /** `slug/date` of each archived version this hoshin can no longer read. */
  unreadable: string[];
  options: FileLoadOptions;
}

parentPort!.once("message", ({ files, versions, unreadable, options }: LoadWorkerData) => {
  addLanguages(options.languages);
  const unreadableVersions = new Set(unreadable);
  const history = {
    versions: (slug: string) => versions[slug] ?? [],
    readable: (version: ArchivedVersion) => !unreadableVersions.has(`${version.slug}/${version.date}`),
  };
  const loaded: StoredLoad[] = files.map(({ file, bytes }) => withoutSource(loadOrganizationBytes(file, bytes, history, options)));
  parentPort!.postMessage(loaded);
});
