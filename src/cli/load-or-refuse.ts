import { InputFolderError } from "../discover/discover.js";
import path from "node:path";
import { cacheRoot } from "../cache/cache-dir.js";
import type { DiskStore } from "../cache/disk-store.js";
import { loadOrganizations, storedLoads, type LoadOptions, type LoadResult, type StoredLoad } from "../pipeline/load.js";
import { UsageError } from "../diagnostics/errors.js";

/** Loads the input folder; a missing folder is a usage mistake, not a data problem. */
export async function loadInput(input: string, options: Pick<LoadOptions, "strict" | "archive" | "languagesDir" | "store" | "spool"> = {}): Promise<LoadResult> {
  try {
    return await loadOrganizations(input, options);
  } catch (error) {
    if (error instanceof InputFolderError) {
      throw new UsageError(`hoshin: ${error.message} (use --input to name the folder of organization files)`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Where `check` and `build` keep each file's checks between runs: `data/` in hoshin's cache. */
export function checkedDataStore(): DiskStore<StoredLoad> {
  return storedLoads(path.join(cacheRoot(), "data"));
}
