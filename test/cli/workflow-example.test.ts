/**
 * docs/examples/sharded-pages.yml, the GitHub Actions workflow the docs offer for a large
 * site, run here as Actions would run it: each matrix job's build step with a cache of its
 * own, then the merge job's download of every shard's artifact into one folder. The merged
 * folder must be byte for byte the site one `hoshin build` with the same options makes.
 * Steps the test cannot stand in for make it fail, so the example cannot drift from it.
 */
import { cp, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO, hashTree, hoshin, makeProject, removeProjects, type RunResult } from "./helpers.js";

afterAll(removeProjects);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}
interface Workflow {
  jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: Step[] }>;
}

const EXAMPLE = path.join(REPO, "docs", "examples", "sharded-pages.yml");
const workflow = parse(await readFile(EXAMPLE, "utf8")) as Workflow;
const { build, merge } = workflow.jobs;
const OWNER = "example-federation";
const REPOSITORY = "policies";

/** The `${{ … }}` expressions the example may use, as a run of its workflow would fill them. */
function expand(text: string, shard?: number): string {
  const values: Record<string, string | undefined> = {
    "matrix.shard": shard === undefined ? undefined : String(shard),
    "github.repository_owner": OWNER,
    "github.event.repository.name": REPOSITORY,
    "github.sha": "0123abc",
  };
  return text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${EXAMPLE}: the test cannot fill ${whole}`);
    return value;
  });
}

/** The arguments of a `npx hoshin …` step; anything a shell would treat specially is refused. */
function hoshinArguments(run: string): string[] {
  const match = /^npx hoshin (.+)$/.exec(run.trim());
  if (!match?.[1] || /["'`$\\|;&<>]/.test(match[1])) throw new Error(`${EXAMPLE}: cannot run the step \`${run}\``);
  return match[1].split(/\s+/);
}

function option(args: readonly string[], name: string): string {
  const value = args[args.indexOf(name) + 1];
  if (!args.includes(name) || value === undefined) throw new Error(`${EXAMPLE}: the build step has no ${name}`);
  return value;
}

describe("the sharded GitHub Actions example", () => {
  let project: string;
  const shards: Array<{ shard: number; result: RunResult; out: string; artifact: string }> = [];
  let single: RunResult;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
    for (const shard of build!.strategy!.matrix.shard) {
      // A job of its own: a fresh folder holding the checkout, with its own cache.
      const job = path.join(project, `job-${shard}`);
      await cp(path.join(project, "organizations"), path.join(job, "organizations"), { recursive: true });
      let out: string | undefined;
      let result: RunResult | undefined;
      let artifact: string | undefined;
      for (const step of build!.steps) {
        if (step.run === "npm ci" || step.uses?.startsWith("actions/checkout@") || step.uses?.startsWith("actions/setup-node@")) continue;
        if (step.uses?.startsWith("actions/cache@")) {
          expect(step.with?.path, "the cache holds hoshin's cache folder").toBe("node_modules/.cache/hoshin");
          expect(expand(String(step.with?.key), shard), "each shard keeps a cache of its own").toContain(`-${shard}-`);
          continue;
        }
        if (step.run !== undefined) {
          const args = hoshinArguments(expand(step.run, shard));
          out = option(args, "--out");
          result = await hoshin(args, { cwd: job, env: { HOSHIN_CACHE_DIR: path.join(job, "cache") } });
          continue;
        }
        if (step.uses?.startsWith("actions/upload-artifact@")) {
          expect(step.with?.path).toBe(out);
          artifact = expand(String(step.with?.name), shard);
          continue;
        }
        throw new Error(`${EXAMPLE}: the test cannot stand in for the build step ${JSON.stringify(step)}`);
      }
      shards.push({ shard, result: result!, out: path.join(job, out!), artifact: artifact! });
    }
    single = await hoshin(["build", "--out", "single", "--site-url", `https://${OWNER}.github.io/${REPOSITORY}/`], {
      cwd: project,
      env: { HOSHIN_CACHE_DIR: path.join(project, "cache-single") },
    });
  }, 180_000);

  it("builds each shard of the matrix", () => {
    expect(shards.map(({ shard }) => shard)).toEqual([1, 2, 3, 4]);
    for (const { shard, result } of shards) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^hoshin: built shard ${shard}/4: \\d of 3 organizations`));
    }
    expect(single.code, single.stderr).toBe(0);
  });

  it("merges, as the merge job downloads them, into exactly the site one build makes", async () => {
    expect(merge!.needs).toBe("build");
    let site: string | undefined;
    for (const step of merge!.steps) {
      if (step.uses?.startsWith("actions/download-artifact@")) {
        expect(step.with?.["merge-multiple"]).toBe(true);
        const pattern = new RegExp(`^${String(step.with?.pattern).replace("*", ".*")}$`);
        site = path.join(project, "merge-job", String(step.with?.path));
        await mkdir(site, { recursive: true });
        for (const { out, artifact } of shards) if (pattern.test(artifact)) await cp(out, site, { recursive: true });
        continue;
      }
      if (step.uses?.startsWith("actions/upload-pages-artifact@")) {
        expect(step.with?.path, "the site uploaded is the merged folder").toBe(merge!.steps[0]!.with?.path);
        continue;
      }
      throw new Error(`${EXAMPLE}: the test cannot stand in for the merge step ${JSON.stringify(step)}`);
    }
    const expected = await hashTree(path.join(project, "single"));
    expect(Object.keys(expected).some((file) => file.endsWith(".pdf"))).toBe(true);
    expect(site, "the merge job downloads the shards").toBeDefined();
    expect(await hashTree(site!)).toEqual(expected);
  });
});
