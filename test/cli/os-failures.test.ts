/**
 * Failures of the machine, not of hoshin: a full disk, a file where the output folder must
 * be, a read-only or forbidden folder, too many open files. Each is exit 1 with the path, the
 * cause in words and what to do — no stack trace, the previous site byte for byte as it was,
 * nothing left beside it. And what a killed build leaves, the next build removes.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { writeSyntheticOrganizations } from "../../src/bench/synthetic.js";
import { DiskStore } from "../../src/cache/disk-store.js";
import { claim, removeLeftovers } from "../../src/publish/leftovers.js";
import { publishAtomically } from "../../src/publish/publish.js";
import { EnvironmentError } from "../../src/diagnostics/errors.js";
import { BIN, REPO, STACK_FRAME, hashTree, hoshin, makeProject, removeProjects } from "./helpers.js";

const mounts: string[] = [];
afterAll(async () => {
  for (const dir of mounts) spawnSync("umount", [dir]);
  await Promise.all(mounts.map((dir) => rm(dir, { recursive: true, force: true })));
  await removeProjects();
});

/** A small tmpfs of its own, where the test runs as root and may mount; else why not. */
async function smallDisk(size: string): Promise<string | { skip: string }> {
  if (process.getuid?.() !== 0) return { skip: "not root: cannot mount a tmpfs" };
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-small-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
  if (mounted.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    return { skip: `mount refused: ${String(mounted.stderr).trim()}` };
  }
  mounts.push(dir);
  return dir;
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(".hoshin-"));

describe.runIf(process.platform === "linux")("a full disk (a real tmpfs)", () => {
  it("is named with the folder and what to do, exit 1, and the previous site stays as it was", async (context) => {
    const disk = await smallDisk("12m");
    if (typeof disk !== "string") return context.skip(disk.skip);
    const project = await makeProject([]);
    const input = path.join(project, "organizations");
    await writeSyntheticOrganizations(path.join(REPO, "organizations"), input, 5);
    const out = path.join(disk, "site");
    expect((await hoshin(["build", "--no-pdf", "--out", out], { cwd: project })).code).toBe(0);
    const before = await hashTree(out);

    await writeSyntheticOrganizations(path.join(REPO, "organizations"), input, 300);
    const full = await hoshin(["build", "--no-pdf", "--out", out], { cwd: project });
    expect(full.stderr).not.toMatch(STACK_FRAME);
    expect(full.stderr).not.toContain("internal error");
    expect(full.stderr).toContain(`hoshin: cannot write the output folder \`${out}\`: the disk is full (ENOSPC). Nothing was published; ${out}/ is as it was.`);
    expect(full.stderr).toContain("what to do: free some space on that disk");
    expect(full.code).toBe(1);
    expect(await hashTree(out)).toEqual(before);
    expect(leftovers(disk)).toEqual([]);
  }, 120_000);
});

describe("other failures of the machine", () => {
  it("a file where the output folder's parent must be: named, exit 1", async () => {
    const project = await makeProject([]);
    await writeSyntheticOrganizations(path.join(REPO, "organizations"), path.join(project, "organizations"), 1);
    await writeFile(path.join(project, "taken"), "a file, not a folder\n");
    const result = await hoshin(["build", "--no-pdf", "--out", "taken/site"], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).toContain("hoshin: output folder `taken/site` is inside a file, not a folder");
  });

  // Root may write anywhere and a read-only mount needs root: the codes are injected here,
  // wrapped as Eleventy wraps a failed write.
  it.each([
    ["EROFS", "the file system is read-only", "build into a folder on a writable disk"],
    ["EACCES", "permission denied", "give your user write permission"],
    ["EMFILE", "too many files are open", "ulimit -n"],
    ["ENOSPC", "the disk is full", "free some space"],
  ])("%s while writing the site: an EnvironmentError with the path, the old site kept", async (code, words, advice) => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "hoshin-os-"));
    const out = path.join(parent, "site");
    await mkdir(out);
    await writeFile(path.join(out, "index.html"), "the old site\n");
    const failure = Object.assign(new Error(`${code}: refused, open '${out}/x.html'`), { code, syscall: "open", path: `${out}/x.html` });
    const wrapped = Object.assign(new Error("Having trouble writing to x.html"), { originalError: { originalError: failure } });
    const publishing = publishAtomically(out, async () => {
      throw wrapped;
    });
    await expect(publishing).rejects.toBeInstanceOf(EnvironmentError);
    await expect(publishing).rejects.toThrow(`hoshin: cannot write \`${out}/x.html\`: ${words} (${code})`);
    await expect(publishing).rejects.toThrow(advice);
    expect(await readdir(out)).toEqual(["index.html"]);
    expect(leftovers(parent)).toEqual([]);
    await rm(parent, { recursive: true, force: true });
  });

  it("a bug stays a bug: an error without an operating-system cause is passed on as it is", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "hoshin-os-"));
    const bug = new TypeError("x is not a function");
    await expect(publishAtomically(path.join(parent, "site"), async () => Promise.reject(bug))).rejects.toBe(bug);
    await rm(parent, { recursive: true, force: true });
  });
});

/** A process id that has just ended: no build runs under it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(String(child.stdout));
}

describe("what killed builds leave beside the output", () => {
  it("is removed when its build is gone, kept while it runs, and an old site set aside is put back", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "hoshin-leftovers-"));
    const out = path.join(parent, "site");
    const owned = async (token: string, pid: number, folders: string[]) => {
      await writeFile(path.join(parent, `.hoshin-build-${token}.json`), JSON.stringify({ pid, host: os.hostname() }));
      for (const folder of folders) await mkdir(path.join(parent, folder));
    };
    await owned("aaaa", deadPid(), [".hoshin-staging-aaaa"]);
    await owned("bbbb", process.pid, [".hoshin-staging-bbbb"]);
    await owned("cccc", deadPid(), [".hoshin-staging-cccc", ".hoshin-previous-cccc"]);
    await mkdir(path.join(parent, ".hoshin-staging-dddd")); // an older hoshin's, just made
    await mkdir(path.join(parent, ".hoshin-staging-eeee")); // an older hoshin's, two hours old
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(parent, ".hoshin-staging-eeee"), old, old);

    const removed = await removeLeftovers(out);
    expect(removed.map((folder) => path.basename(folder)).sort()).toEqual([".hoshin-staging-aaaa", ".hoshin-staging-cccc", ".hoshin-staging-eeee"]);
    // Killed between its renames, build cccc had set the old site aside: it is the site again.
    expect((await stat(out)).isDirectory()).toBe(true);
    expect(readdirSync(parent).sort()).toEqual([".hoshin-build-bbbb.json", ".hoshin-staging-bbbb", ".hoshin-staging-dddd", "site"]);
    await rm(parent, { recursive: true, force: true });
  });

  it("a build killed with SIGKILL mid-build: the next build removes its staging folder", async () => {
    const project = await makeProject([]);
    await writeSyntheticOrganizations(path.join(REPO, "organizations"), path.join(project, "organizations"), 100);
    const child = spawn(process.execPath, [BIN, "build", "--no-pdf"], { cwd: project, stdio: "ignore", env: { ...process.env, HOSHIN_CACHE_DIR: `${project}-cache` } });
    const exited = new Promise((resolve) => child.on("close", resolve));
    for (let waited = 0; leftovers(project).filter((name) => name.startsWith(".hoshin-staging-")).length === 0; waited += 20) {
      if (waited > 60_000) throw new Error("the build never made its staging folder");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    await exited;
    expect(leftovers(project).length).toBeGreaterThan(0);

    const next = await hoshin(["build", "--no-pdf"], { cwd: project });
    expect(next.code).toBe(0);
    expect(leftovers(project)).toEqual([]);
    expect(existsSync(path.join(project, "_site", "index.html"))).toBe(true);
    await rm(`${project}-cache`, { recursive: true, force: true });
  }, 120_000);

  it("a live build's claim keeps its staging folder, whoever sweeps", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "hoshin-leftovers-"));
    await claim(parent, "ffff");
    await mkdir(path.join(parent, ".hoshin-staging-ffff"));
    expect(await removeLeftovers(path.join(parent, "site"))).toEqual([]);
    await rm(parent, { recursive: true, force: true });
  });
});

describe("a cache entry a killed build left half-written", () => {
  it("is never read, and pruning removes it while a live writer's stays", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-cache-"));
    const dead = `abc.v8.${deadPid()}.tmp`;
    const live = `def.v8.${process.pid}.tmp`;
    await writeFile(path.join(dir, dead), "half an ent");
    await writeFile(path.join(dir, live), "being written");
    const store = new DiskStore<string>(dir);
    expect(await store.get("abc")).toBeUndefined();
    await store.prune();
    expect(readdirSync(dir)).toEqual([live]);
    // A truncated entry under its real name is read as no entry, and built again.
    await writeFile(path.join(dir, "ghi.v8"), new Uint8Array([0xff, 0x0f, 0x6f]));
    expect(await store.get("ghi")).toBeUndefined();
    await rm(dir, { recursive: true, force: true });
  });
});

