/**
 * Whether the published site is already what a build would make. After each build, hoshin
 * records what the site was made from (a key of every organization's render inputs, the
 * options and the browser) and every file it holds, with size and modification time. A
 * later build from the same inputs, into a folder nobody has touched since, has nothing to
 * do — as `make` says "nothing to be done", without reading a page.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { mapInBatches } from "../batches.js";

/** A file of the published site: path relative to it, size in bytes, modification time in ms. */
type FileRecord = [file: string, size: number, mtimeMs: number];

interface SiteRecord {
  key: string;
  files: FileRecord[];
}

export class PublishedSites {
  constructor(readonly dir: string) {}

  /** Whether `outDir` holds exactly the files recorded when it was built from `key`. */
  async isCurrent(outDir: string, key: string): Promise<boolean> {
    let record: SiteRecord;
    try {
      record = JSON.parse(await readFile(this.recordFile(outDir), "utf8")) as SiteRecord;
    } catch {
      return false;
    }
    if (record.key !== key) return false;
    const files = await siteFiles(outDir).catch(() => undefined);
    return files !== undefined && sameFiles(files, record.files);
  }

  /** Records what `outDir`, just published, was built from and holds. */
  async record(outDir: string, key: string): Promise<void> {
    try {
      const record: SiteRecord = { key, files: await siteFiles(outDir) };
      await mkdir(this.dir, { recursive: true });
      const file = this.recordFile(outDir);
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(record));
      await rename(temporary, file);
    } catch {
      // Without a record the next build simply builds.
    }
  }

  /** One record per output folder, named by its absolute path. */
  private recordFile(outDir: string): string {
    return path.join(this.dir, `${createHash("sha256").update(path.resolve(outDir)).digest("hex")}.json`);
  }
}

/** The inputs of a whole build as one key: each part must already say everything it stands for. */
export function siteKey(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

const STAT_BATCH = 64;

async function siteFiles(outDir: string): Promise<FileRecord[]> {
  const entries = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((entry) => !entry.isDirectory());
  const files = await mapInBatches(entries, STAT_BATCH, async (entry): Promise<FileRecord> => {
    const absolute = path.join(entry.parentPath, entry.name);
    const info = await stat(absolute);
    return [path.relative(outDir, absolute).split(path.sep).join("/"), info.size, info.mtimeMs];
  });
  return files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function sameFiles(now: readonly FileRecord[], then: readonly FileRecord[]): boolean {
  return now.length === then.length && now.every((file, index) => {
    const recorded = then[index]!;
    return file[0] === recorded[0] && file[1] === recorded[1] && file[2] === recorded[2];
  });
}
