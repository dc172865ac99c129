/**
 * A thread that checks files reads each one itself, after the main thread looked it up in
 * the store (see stored-load.ts). What it checks and keeps is the file as it is then: a file
 * gone since is reported as unreadable and kept nowhere, and a file changed since is kept
 * under the key of the bytes it checked, so the next load finds it.
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOrganizations, storedLoads } from "../../dist/pipeline/load.js";
import { checkAndKeep } from "../../dist/pipeline/stored-load.js";
import type { StoredLoad } from "../../dist/pipeline/load-file.js";
import { hoshinFingerprint } from "../../dist/cache/fingerprint.js";
import { REPO } from "../cli/helpers.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

const noHistory = { versions: () => [], readable: () => true };

describe("checking a file after it was looked up", () => {
  it("reports a file gone since as unreadable, and keeps nothing for it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-check-keep-"));
    folders.push(dir);
    const store = storedLoads(path.join(dir, "store"));
    const gone = { absolutePath: path.join(dir, "gone.yaml"), file: "organizations/gone.yaml", slug: "gone", format: "yaml" as const };
    const received: StoredLoad[] = [];
    await checkAndKeep([gone], await hoshinFingerprint(), noHistory, {}, store, undefined, (batch) => received.push(...batch));
    await store.settled();
    expect(received).toHaveLength(1);
    expect(received[0]!.organization).toBeUndefined();
    expect(received[0]!.diagnostics.map((d) => [d.code, d.file])).toEqual([["file-unreadable", "organizations/gone.yaml"]]);
    expect(await readdir(path.join(dir, "store")).catch(() => [])).toEqual([]);
  });

  it("keeps what it checked under the key of the bytes it read, which the next load finds", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-check-keep-"));
    folders.push(dir);
    const input = path.join(dir, "organizations");
    await mkdir(input);
    const file = path.join(input, "ji4pe.yaml");
    await copyFile(path.join(REPO, "organizations", "ji4pe.yaml"), file);
    const store = storedLoads(path.join(dir, "store"));
    // Checked as it is after an edit made between the look-up and the check.
    const edited = (await readFile(file, "utf8")) + "\n# edited\n";
    await writeFile(file, edited);
    const discovered = { absolutePath: file, file: "organizations/ji4pe.yaml", slug: "ji4pe", format: "yaml" as const };
    const received: StoredLoad[] = [];
    await checkAndKeep([discovered], await hoshinFingerprint(), noHistory, {}, store, undefined, (batch) => received.push(...batch));
    await store.settled();
    expect(received[0]!.organization?.slug).toBe("ji4pe");
    const plain = await loadOrganizations(input, { cwd: dir });
    // Found, not checked again: nothing is written to the store.
    const again = storedLoads(path.join(dir, "store"));
    const written: string[] = [];
    const keep = again.setSerialized.bind(again);
    again.setSerialized = (key, bytes) => (written.push(key), keep(key, bytes));
    const fromStore = await loadOrganizations(input, { cwd: dir, store: again });
    expect(written).toEqual([]);
    expect(fromStore.organizations).toEqual(plain.organizations);
    expect(fromStore.diagnostics).toEqual(plain.diagnostics);
  });
});
