/**
 * A build's models wait on disk between load and render (model-spool.ts): what is read
 * back is the model loaded in memory, whether it was checked in this run (a spool file)
 * or found in the store of checked files (the store's entry), and the build removes its
 * spool folder when it ends.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOrganizations, storedLoads } from "../../dist/pipeline/load.js";
import { listingOf } from "../../dist/model/listing.js";
import { readModels, withSpoolFolder } from "../../dist/pipeline/model-spool.js";
import { hoshin } from "../cli/helpers.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));
const folder = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-spool-test-"));
  folders.push(dir);
  return dir;
};

describe("the model spool", () => {
  it("gives back the models loaded in memory, from its own files and then from the store's entries", async () => {
    const inMemory = (await loadOrganizations("organizations")).organizations;
    const [storeDir, spool] = [await folder(), await folder()];
    const store = storedLoads(storeDir);
    const checked = await loadOrganizations("organizations", { store, spool });
    await store.settled();
    expect(checked.organizations).toEqual([]);
    expect(checked.spooled.map((o) => o.listing)).toEqual(inMemory.map(listingOf));
    expect(checked.spooled.every((o) => o.model.file.startsWith(spool) && o.model.length! > 0)).toBe(true);
    expect(await readModels(checked.spooled)).toEqual(inMemory);

    const found = await loadOrganizations("organizations", { store, spool });
    // Found in the store: only each entry's head is read; the model stays behind it in the entry.
    expect(found.spooled.every((o) => o.model.file.startsWith(storeDir) && o.model.offset! > 0)).toBe(true);
    expect(found.spooled.map((o) => o.digest)).toEqual(checked.spooled.map((o) => o.digest));
    expect(await readModels(found.spooled)).toEqual(inMemory);
    // Loaded without a spool (as `hoshin check` loads), the same entries give the whole models.
    expect((await loadOrganizations("organizations", { store })).organizations).toEqual(inMemory);
    // A damaged entry is a miss: that file is checked again.
    const [damaged] = (await readdir(storeDir)).filter((name) => name.endsWith(".v8"));
    await writeFile(path.join(storeDir, damaged!), "not an entry");
    expect(await readModels((await loadOrganizations("organizations", { store, spool })).spooled)).toEqual(inMemory);

    // Checked again into the same spool folder: appended after what it already holds.
    const again = await loadOrganizations("organizations", { store: storedLoads(await folder()), spool });
    expect(again.spooled.every((o) => o.model.file.startsWith(spool) && o.model.offset! > 0)).toBe(true);
    expect(await readModels(again.spooled)).toEqual(inMemory);
    expect(await readModels(checked.spooled)).toEqual(inMemory);
  }, 60_000);

  it("removes its folder when the work ends, and when it fails", async () => {
    let made = "";
    await expect(
      withSpoolFolder(async (dir) => {
        made = dir;
        throw new Error("stopped");
      }),
    ).rejects.toThrow("stopped");
    await expect(readdir(made)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("leaves nothing in the temporary folder after a build", async () => {
    const [tmp, out] = [await folder(), await folder()];
    const result = await hoshin(["build", "--no-pdf", "--out", out], { cwd: process.cwd(), env: { TMPDIR: tmp } });
    expect(result.code).toBe(0);
    expect(await readdir(tmp)).toEqual([]);
  }, 60_000);
});
