/**
 * Builds that remember: a build with nothing changed leaves the site alone and says so; a
 * build after one edit renders that organization only, and every build gives exactly the
 * site a build from an empty cache gives. Whatever the cache holds (or fails to hold) must
 * never change a byte of the output or a word of the report.
 */
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTree, hoshin, listFiles, makeProject, removeProjects } from "./helpers.js";

afterAll(removeProjects);

const UP_TO_DATE = /^hoshin: nothing changed since the last build; _site\/ is up to date \(3 organizations \(4 policy pages\), checked in \d+\.\d\d s\)\n$/;
const built = (unchanged: number) =>
  new RegExp(`^hoshin: built 3 organizations \\(4 policy pages\\) into _site/ in \\d+\\.\\d\\d s; ${unchanged} unchanged, taken from the cache\\n$`);

/** The site a build with an empty cache makes of the project as it is now, built elsewhere. */
async function freshBuild(project: string, args: readonly string[] = []): Promise<Record<string, string>> {
  const out = path.join(project, `fresh-${Math.random().toString(36).slice(2)}`);
  const cache = `${out}-cache`;
  const result = await hoshin(["build", "--no-pdf", "--out", out, ...args], { cwd: project, env: { HOSHIN_CACHE_DIR: cache } });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).not.toContain("taken from the cache");
  return hashTree(out);
}

async function mtimes(dir: string): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const file of await listFiles(dir)) times[file] = (await stat(path.join(dir, file))).mtimeMs;
  return times;
}

describe("hoshin build, again", () => {
  let project: string;
  let env: Record<string, string>;
  const build = (args: readonly string[] = []) => hoshin(["build", "--no-pdf", ...args], { cwd: project, env });
  beforeAll(async () => {
    project = await makeProject(["valid"]);
    env = { HOSHIN_CACHE_DIR: path.join(project, "cache") };
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
  }, 60_000);

  it("says the site is up to date when nothing changed, and rewrites no file", async () => {
    const site = path.join(project, "_site");
    const [hashes, times] = [await hashTree(site), await mtimes(site)];
    const again = await build();
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(UP_TO_DATE);
    expect(await hashTree(site)).toEqual(hashes);
    expect(await mtimes(site)).toEqual(times);
  });

  it("builds again when a published file was changed or removed by hand, and mends it", async () => {
    const site = path.join(project, "_site");
    const expected = await hashTree(site);
    const page = path.join(site, "minato-support", "ja", "index.html");
    await writeFile(page, (await readFile(page, "utf8")).replace("みなと支援ネット", "edited by hand"));
    await rm(path.join(site, "assets", "hoshin", "hoshin.css"));
    const again = await build();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(built(3));
    expect(await hashTree(site)).toEqual(expected);
  });

  it("renders only the organization that was edited, into exactly the site a build from nothing makes", async () => {
    const file = path.join(project, "organizations", "minato-support.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("ja: 相談への対応", "ja: 相談への対応及び記録"));
    const again = await build();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(built(2));
    const site = await hashTree(path.join(project, "_site"));
    expect(await readFile(path.join(project, "_site", "minato-support", "ja", "index.html"), "utf8")).toContain("相談への対応及び記録");
    expect(site).toEqual(await freshBuild(project));
  });

  it("renders everything again when an option changes the pages", async () => {
    const again = await build(["--path-prefix", "/privacy/"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain("taken from the cache");
    expect(again.stdout).not.toContain("up to date");
    expect(await hashTree(path.join(project, "_site"))).toEqual(await freshBuild(project, ["--path-prefix", "/privacy/"]));
  });

  it("treats a damaged cache as an empty one", async () => {
    const cache = env.HOSHIN_CACHE_DIR!;
    for (const file of await readdir(cache, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) await writeFile(path.join(file.parentPath, file.name), "not what hoshin wrote");
    }
    await rm(path.join(project, "_site"), { recursive: true });
    const again = await build();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain("taken from the cache");
    expect(await hashTree(path.join(project, "_site"))).toEqual(await freshBuild(project));
  });
});

describe("hoshin build with a cache folder it cannot use", () => {
  it("builds all the same, every time", async () => {
    const project = await makeProject(["valid"]);
    // A file where the cache folder should be: nothing can be read from it or written into it.
    const env = { HOSHIN_CACHE_DIR: path.join(project, "cache-is-a-file") };
    await writeFile(env.HOSHIN_CACHE_DIR, "");
    for (let run = 0; run < 2; run++) {
      const result = await hoshin(["build", "--no-pdf"], { cwd: project, env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^hoshin: built 3 organizations \(4 policy pages\) into _site\/ in \d+\.\d\d s\n$/);
    }
    expect(await hashTree(path.join(project, "_site"))).toEqual(await freshBuild(project));
  });
});

describe("hoshin build, again, with problems in the data", () => {
  it("reports the same warnings from the cache as from the files", async () => {
    const project = await makeProject(["valid", "incomplete"]);
    const env = { HOSHIN_CACHE_DIR: path.join(project, "cache") };
    const first = await hoshin(["build", "--no-pdf"], { cwd: project, env });
    await rm(path.join(project, "_site"), { recursive: true });
    const second = await hoshin(["build", "--no-pdf"], { cwd: project, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/sakura-kai\.yaml:\d+:\d+ .+warning/);
    expect(second.stdout).toContain("4 unchanged, taken from the cache");
    expect(second.stderr).toBe(first.stderr);
  });

  it("reports the same errors from the cache as from the files, and builds nothing", async () => {
    const project = await makeProject(["valid", "invalid"]);
    const env = { HOSHIN_CACHE_DIR: path.join(project, "cache") };
    const first = await hoshin(["build", "--no-pdf"], { cwd: project, env });
    const second = await hoshin(["build", "--no-pdf"], { cwd: project, env });
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(first.stderr);
    expect(await readdir(project)).not.toContain("_site");
  });
});
