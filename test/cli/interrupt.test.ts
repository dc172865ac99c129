/**
 * Ctrl-C in the middle of a build: the old site stays byte for byte, nothing half-built is
 * left beside it, the browser goes with hoshin, and the exit code says "interrupted".
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSyntheticOrganizations } from "../../src/bench/synthetic.js";
import { BIN, REPO, hashTree, hoshin, makeProject, removeProjects } from "./helpers.js";

const caches: string[] = [];
afterAll(async () => {
  await removeProjects();
  await Promise.all(caches.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Child processes of `pid` (Linux /proc), to see that no browser outlives hoshin. */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.runIf(process.platform === "linux")("hoshin build, interrupted", () => {
  it("stops while printing, exits 130 and leaves the previous site as it was", async () => {
    const project = await makeProject([]);
    // Enough organizations that printing takes seconds, not a blink.
    await writeSyntheticOrganizations(path.join(REPO, "organizations"), path.join(project, "organizations"), 30);
    expect((await hoshin(["build", "--no-pdf"], { cwd: project })).code).toBe(0);
    const before = await hashTree(path.join(project, "_site"));

    const cache = `${project}-cache`;
    caches.push(cache);
    const child = spawn(process.execPath, [BIN, "build"], {
      cwd: project,
      env: { ...process.env, HOSHIN_CACHE_DIR: cache },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

    // Wait until the first PDF lands in the staging folder: the browser is at work.
    const browsers = new Set<number>();
    const printing = () =>
      readdirSync(project)
        .filter((name) => name.startsWith(".hoshin-staging-"))
        .some((staging) => {
          const first = path.join(project, staging, "org-00000-genron-npo", "en");
          return existsSync(first) && readdirSync(first).some((name) => name.endsWith(".pdf"));
        });
    for (let waited = 0; !printing(); waited += 50) {
      if (waited > 30_000) throw new Error("the build never started printing");
      for (const pid of childrenOf(child.pid ?? 0)) browsers.add(pid);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const pid of childrenOf(child.pid ?? 0)) browsers.add(pid);
    child.kill("SIGINT");

    expect(await exited).toBe(130);
    expect(stderr).toBe("hoshin: stopped; nothing was published, _site/ is as it was\n");
    expect(await hashTree(path.join(project, "_site"))).toEqual(before);
    expect(readdirSync(project).filter((name) => name.startsWith(".hoshin-"))).toEqual([]);
    expect(browsers.size).toBeGreaterThan(0);
    expect([...browsers].filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  });
});
