/**
 * Some of a build's organization files, checked in a worker thread (see stored-load.ts),
 * and kept in the store (and spooled) here, so their models need not cross to the main
 * thread. Archived versions arrive as plain data, so which are readable comes by slug and
 * date. It may be started before its files are known (see parts.ts), so they come as a message.
 */
import { parentPort } from "node:worker_threads";
import type { ArchivedVersion } from "../parse/parse.js";
import { addLanguages } from "../wording/wording.js";
import { storedLoads } from "./stored-entry.js";
import { checkAndKeep, type LoadWorkerData } from "./stored-load.js";

parentPort!.once("message", async ({ files, hoshin, versions, unreadable, options, keepIn }: LoadWorkerData) => {
  addLanguages(options.languages);
  const unreadableVersions = new Set(unreadable);
  const history = {
    versions: (slug: string) => versions[slug] ?? [],
    readable: (version: ArchivedVersion) => !unreadableVersions.has(`${version.slug}/${version.date}`),
  };
  const store = storedLoads(keepIn.storeDir);
  // Each batch goes to the main thread as soon as it is checked: this thread holds none.
  await checkAndKeep(files, hoshin, history, options, store, keepIn.spoolFolder, (batch) => parentPort!.postMessage(batch));
  await store.settled();
});
