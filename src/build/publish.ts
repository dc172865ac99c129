/**
 * Publishing is all or nothing: the site is built in a staging folder beside the output
 * and swapped in only when complete, so a failed build leaves the old site as it was.
 */
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";

/** Refuses output folders whose replacement would destroy the user's own files. */
export function assertSafeOutputFolder(outDir: string, inputDir: string, cwd: string): void {
  const out = path.resolve(cwd, outDir);
  const input = path.resolve(cwd, inputDir);
  const root = path.resolve(cwd);
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child);
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  };
  if (inside(root, out)) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` is the project folder or contains it; choose a folder of its own, such as _site`);
  }
  if (inside(input, out)) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` is the input folder or contains it; choose a folder of its own, such as _site`);
  }
  if (inside(out, input)) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` is inside the input folder; choose a folder outside it, such as _site`);
  }
}

export async function publishAtomically<T>(outDir: string, produce: (stagingDir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(path.resolve(outDir));
  const staging = await mkdtemp(path.join(parent, ".hoshin-staging-"));
  let result: T;
  try {
    result = await produce(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = (await exists(outDir)) ? `${staging.replace("-staging-", "-previous-")}` : undefined;
  if (previous) await rename(outDir, previous);
  try {
    await rename(staging, outDir);
  } catch (error) {
    // Put the old site back before reporting: never leave the user with no site at all.
    if (previous) await rename(previous, outDir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (previous) await rm(previous, { recursive: true, force: true });
  return result;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
