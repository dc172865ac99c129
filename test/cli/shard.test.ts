/**
 * `hoshin build --shard i/n`: each shard builds its own organizations, and the shards'
 * output folders, copied together, are byte for byte the site one build makes — PDFs
 * included, each shard printing its own with a cache of its own.
 */
import { cp, mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTree, hoshin, listFiles, makeProject, removeProjects, type RunResult } from "./helpers.js";

afterAll(removeProjects);

const SHARDS = 3;

describe("hoshin build --shard", () => {
  let project: string;
  let single: RunResult;
  const shards: RunResult[] = [];
  beforeAll(async () => {
    project = await makeProject(["valid"]);
    const cache = (name: string) => ({ HOSHIN_CACHE_DIR: path.join(project, `cache-${name}`) });
    single = await hoshin(["build", "--out", "single"], { cwd: project, env: cache("single") });
    for (let index = 1; index <= SHARDS; index++) {
      shards.push(await hoshin(["build", "--shard", `${index}/${SHARDS}`, "--out", `shard-${index}`], { cwd: project, env: cache(`${index}`) }));
    }
  }, 120_000);

  it("builds every shard and says which it built", () => {
    expect(single.code, single.stderr).toBe(0);
    for (const [i, result] of shards.entries()) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^hoshin: built shard ${i + 1}/${SHARDS}: \\d of 3 organizations`));
    }
  });

  it("gives disjoint shards that copy together into exactly the single build", async () => {
    const merged = await mkdtemp(path.join(os.tmpdir(), "hoshin-shard-merge-"));
    const seen = new Map<string, number>();
    for (let index = 1; index <= SHARDS; index++) {
      const dir = path.join(project, `shard-${index}`);
      for (const file of await listFiles(dir)) {
        expect(seen.get(file), `${file} is written by shards ${seen.get(file)} and ${index}`).toBeUndefined();
        seen.set(file, index);
      }
      await cp(dir, merged, { recursive: true });
    }
    const expected = await hashTree(path.join(project, "single"));
    expect(Object.keys(expected).some((file) => file.endsWith(".pdf"))).toBe(true);
    expect(await hashTree(merged)).toEqual(expected);
  });

  it("leaves the index and assets to the first shard", async () => {
    expect(await listFiles(path.join(project, "shard-1"))).toContain("index.html");
    for (let index = 2; index <= SHARDS; index++) {
      const files = await listFiles(path.join(project, `shard-${index}`));
      expect(files.filter((file) => file === "index.html" || file.startsWith("assets/"))).toEqual([]);
    }
  });

  it("builds over its own earlier output, though it has no index", async () => {
    const last = `shard-${SHARDS}`;
    const again = await hoshin(["build", "--no-pdf", "--shard", `${SHARDS}/${SHARDS}`, "--out", last], { cwd: project });
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  });

  it("still reports problems in every file, whichever shard is built", async () => {
    const broken = await makeProject(["valid", "invalid"]);
    const reports = [];
    for (let index = 1; index <= 2; index++) {
      const result = await hoshin(["build", "--no-pdf", "--shard", `${index}/2`], { cwd: broken });
      expect(result.code).toBe(1);
      reports.push(result.stderr);
    }
    const whole = await hoshin(["check"], { cwd: broken });
    for (const report of reports) expect(report.startsWith(whole.stdout.split("\n\n")[0] ?? "")).toBe(true);
  });

  it.each(["0/3", "4/3", "1/0", "2", "1/x", "-1/2", "1/2/3", ""])("refuses --shard %j as a usage error (exit 2)", async (value) => {
    const empty = await makeProject(["valid"]);
    await mkdir(path.join(empty, "_site"), { recursive: true });
    const result = await hoshin(["build", "--no-pdf", "--shard", value], { cwd: empty });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--shard `.*` is not a shard; write i\/n/);
    expect(await listFiles(path.join(empty, "_site"))).toEqual([]);
  });
});
