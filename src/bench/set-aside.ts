/**
 * Clearing a folder between runs without deleting it. On ext4 without a journal (these
 * machines' disks) the kernel will not reuse an inode freed in the last 30 seconds (the
 * dirty-page expiry), and it checks each one it passes while it looks for a free inode:
 * a run that starts right after thousands of files were deleted pays for every one of them
 * on every file it creates (`perf` shows `recently_deleted` and `find_inode_bit`). A user's
 * build does not start that way, so the bench moves the old folder aside, onto the same
 * disk, and deletes all of them once the measurements are done (with the scratch folder).
 */
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";

let setAsideCount = 0;

/** Moves `folder` (if it exists) into `<work>/set-aside/`, leaving its path free. */
export async function setAside(folder: string, work: string): Promise<void> {
  const aside = path.join(work, "set-aside");
  await mkdir(aside, { recursive: true });
  try {
    await rename(folder, path.join(aside, `${path.basename(folder)}-${++setAsideCount}`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
