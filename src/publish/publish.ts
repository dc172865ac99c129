/**
 * Publishing is all or nothing: the site is built in a staging folder beside the output
 * and swapped in only when complete, so a failed build leaves the old site as it was.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { EnvironmentError, HoshinError, InterruptedError, UsageError } from "../diagnostics/errors.js";
import { describeFsError, findOsError, fsAdvice } from "../diagnostics/fs-error.js";
import { claim, release, removeLeftovers } from "./leftovers.js";

/** Refuses output folders whose replacement would destroy the user's own files. */
export function assertSafeOutputFolder(outDir: string, inputDir: string, cwd: string, archiveDir?: string): void {
  const out = path.resolve(cwd, outDir);
  const input = path.resolve(cwd, inputDir);
  const root = path.resolve(cwd);
  // Compared as written and as they are on disk: a symbolic link, or a case-insensitive
  // disk, can give one folder two names.
  const inside = (child: string, parent: string) =>
    within(child, parent) || within(onDisk(child), onDisk(parent));
  if (inside(root, out)) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` is the project folder or contains it; choose a folder of its own, such as _site`);
  }
  if (inside(input, out)) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` is the input folder or contains it; choose a folder of its own, such as _site`);
  }
  // The archive is the only copy of what was published: replacing it would lose history.
  if (archiveDir !== undefined && (inside(path.resolve(cwd, archiveDir), out) || inside(out, path.resolve(cwd, archiveDir)))) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` is the archive folder, contains it or is inside it; choose a folder of its own, such as _site`);
  }
  if (inside(out, input)) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` is inside the input folder; choose a folder outside it, such as _site`);
  }
  // Publishing replaces whatever is at the output path: never a file of the user's, and
  // never a folder of theirs (`--out src`, `--out docs`) that hoshin did not build.
  // A file in the way is the machine's state, not a wrong argument: exit 1, as a full disk.
  const inTheWay = notAFolder(out);
  if (inTheWay) {
    throw new EnvironmentError(`hoshin: output folder \`${outDir}\` ${inTheWay}; choose a folder of its own, such as _site\n  what to do: ${fsAdvice("ENOTDIR")}`);
  }
  const problem = notBuiltByHoshin(out);
  if (problem) {
    throw new UsageError(`hoshin: output folder \`${outDir}\` ${problem}; choose a folder of its own, such as _site`);
  }
}

/** Every hoshin site's index page says who generated it; see templates/layout.njk. */
export const SITE_MARK = '<meta name="generator" content="hoshin">';

function notBuiltByHoshin(absolute: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return undefined;
  }
  if (entries.length === 0) return undefined;
  if (marked(path.join(absolute, "index.html"))) return undefined;
  // A shard's output (`--shard 2/4`) has no index, only organizations' folders, whose
  // policy pages (`<slug>/<lang>/index.html`) carry the same mark.
  for (const entry of entries) {
    const folder = path.join(absolute, entry);
    let inside: string[];
    try {
      inside = readdirSync(folder);
    } catch {
      continue;
    }
    if (inside.some((name) => marked(path.join(folder, name, "index.html")))) return undefined;
  }
  return "holds files hoshin did not build, which the build would replace";
}

function marked(indexFile: string): boolean {
  try {
    return readFileSync(indexFile, "utf8").includes(SITE_MARK);
  } catch {
    // No readable index.html there: not a page hoshin built.
    return false;
  }
}

function within(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** The path with links followed and its case as stored; the part that does not exist yet is kept as written. */
function onDisk(absolute: string): string {
  const missing: string[] = [];
  for (let existing = absolute; ; existing = path.dirname(existing)) {
    try {
      return path.join(realpathSync.native(existing), ...missing);
    } catch {
      if (path.dirname(existing) === existing) return absolute;
      missing.unshift(path.basename(existing));
    }
  }
}

/** Why the output path cannot be a folder, if it cannot; a missing path is fine. */
function notAFolder(absolute: string): string | undefined {
  try {
    const info = statSync(absolute, { throwIfNoEntry: false });
    return info && !info.isDirectory() ? "is a file, not a folder" : undefined;
  } catch (error) {
    // Anything but ENOTDIR is for the write to report, with the reason.
    return (error as NodeJS.ErrnoException).code === "ENOTDIR" ? "is inside a file, not a folder" : undefined;
  }
}

/**
 * Builds with `produce` into a staging folder, then swaps it in. When `signal` aborts
 * (Ctrl-C), `produce` is expected to stop soon; whatever it made is removed and the old
 * output stays as it was.
 */
export async function publishAtomically<T>(
  outDir: string,
  produce: (stagingDir: string) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const parent = path.dirname(path.resolve(outDir));
  // mkdir, not mkdtemp: mkdtemp's folders are private (0700), and the staging folder
  // becomes the published site, which a web server running as another user must read.
  const token = randomBytes(6).toString("hex");
  const staging = path.join(parent, `.hoshin-staging-${token}`);
  const cannotWrite = (error: unknown) =>
    new EnvironmentError(`hoshin: cannot write the output folder \`${outDir}\` (${describeFsError(error)})`, { cause: error });
  try {
    await mkdir(parent, { recursive: true });
    await removeLeftovers(outDir);
    await claim(parent, token);
    await mkdir(staging);
  } catch (error) {
    await release(parent, token).catch(() => undefined);
    throw cannotWrite(error);
  }
  let result: T;
  try {
    result = await produce(staging);
    if (signal?.aborted) throw interrupted(outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await release(parent, token).catch(() => undefined);
    throw signal?.aborted ? interrupted(outDir) : environmentFailure(error, outDir);
  }
  // Named from the token, not from the staging path: a parent folder's own name must not matter.
  const previous = (await exists(outDir)) ? path.join(parent, `.hoshin-previous-${token}`) : undefined;
  try {
    if (previous) await rename(outDir, previous);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await release(parent, token).catch(() => undefined);
    throw cannotWrite(error);
  }
  try {
    await rename(staging, outDir);
  } catch (error) {
    // Put the old site back before reporting: never leave the user with no site at all.
    if (previous) await rename(previous, outDir);
    await rm(staging, { recursive: true, force: true });
    await release(parent, token).catch(() => undefined);
    throw cannotWrite(error);
  }
  if (previous) await rm(previous, { recursive: true, force: true });
  await release(parent, token);
  return result;
}

/**
 * A build that failed because of the machine (a full disk, a read-only or forbidden folder,
 * too many open files) says so, with the path and what to do; anything else goes on as it was.
 */
function environmentFailure(error: unknown, outDir: string): unknown {
  if (error instanceof HoshinError) return error;
  const os = findOsError(error);
  if (!os) return error;
  const where = os.path ? `\`${os.path}\`` : `the output folder \`${outDir}\``;
  return new EnvironmentError(
    `hoshin: cannot write ${where}: ${describeFsError(os)} (${os.code}). Nothing was published; ${outDir}/ is as it was.\n` +
      `  what to do: ${fsAdvice(os.code!)}`,
    { cause: error },
  );
}


function interrupted(outDir: string): InterruptedError {
  return new InterruptedError(`hoshin: stopped; nothing was published, ${outDir}/ is as it was`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
