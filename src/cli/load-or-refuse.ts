import { InputFolderError } from "../data/discover.js";
import { loadOrganizations, type LoadOptions, type LoadResult } from "../build/load.js";
import { UsageError } from "../errors.js";

/** Loads the input folder; a missing folder is a usage mistake, not a data problem. */
export async function loadInput(input: string, options: Pick<LoadOptions, "strict" | "archive" | "store"> = {}): Promise<LoadResult> {
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
