/**
 * Plain Eleventy, with the repository's `.eleventy.js` and the hoshin plugin, builds the
 * same site as `hoshin build`: a site that adds hoshin to its own Eleventy build gets the
 * policy pages the CLI would publish, byte for byte.
 */
import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

import { REPO, hashTree, hoshin, htmlFiles, links, listFiles, makeProject, removeProjects, runNode } from "./helpers.js";

afterAll(removeProjects);

const ELEVENTY = path.join(REPO, "node_modules", "@11ty", "eleventy", "cmd.cjs");

/**
 * A minimal Eleventy project: the fixtures in organizations/, and the repository's own
 * `.eleventy.js`, which imports the plugin from `./dist/index.js`, pointed at this
 * repository's dist/ instead.
 */
async function eleventyProject(fixture: string): Promise<string> {
  const project = await makeProject([fixture]);
  const config = await readFile(path.join(REPO, ".eleventy.js"), "utf8");
  const pluginImport = `"./dist/index.js"`;
  expect(config).toContain(pluginImport);
  const pluginUrl = pathToFileURL(path.join(REPO, "dist", "index.js")).href;
  await writeFile(path.join(project, ".eleventy.js"), config.replace(pluginImport, JSON.stringify(pluginUrl)));
  // `.eleventy.js` is an ES module, as it is in the repository.
  await writeFile(path.join(project, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  return project;
}

/**
 * Eleventy's stderr lines other than its "[11ty] Benchmark" notices: those say a filter took a
 * large share of a short run on a busy machine — timing, not a fault — and come and go with load.
 */
function faults(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.trim() && !line.startsWith("[11ty] Benchmark"));
}

describe.concurrent("plain Eleventy with the hoshin plugin", () => {
  it("builds the same files as hoshin build", async () => {
    const project = await eleventyProject("valid");
    const eleventy = await runNode([ELEVENTY, "--quiet"], { cwd: project });
    expect(faults(eleventy.stderr)).toEqual([]);
    expect(eleventy.code).toBe(0);
    const cli = await hoshin(["build", "--no-pdf", "--out", "hoshin-site"], { cwd: project });
    expect(cli.code).toBe(0);

    const fromEleventy = await hashTree(path.join(project, "_site"));
    expect(await htmlFiles(path.join(project, "_site"))).toContain("minato-support/en/index.html");
    expect(await hashTree(path.join(project, "hoshin-site"))).toEqual(fromEleventy);
  });

  it("builds the same files under a path prefix", async () => {
    const project = await eleventyProject("valid");
    const eleventy = await runNode([ELEVENTY, "--quiet", "--pathprefix=/policies/"], { cwd: project });
    expect(eleventy.code).toBe(0);
    const cli = await hoshin(["build", "--no-pdf", "--path-prefix", "/policies/", "--out", "hoshin-site"], { cwd: project });
    expect(cli.code).toBe(0);

    const fromEleventy = await hashTree(path.join(project, "_site"));
    expect(await readFile(path.join(project, "_site", "index.html"), "utf8")).toContain('href="/policies/minato-support/en/"');
    expect(await hashTree(path.join(project, "hoshin-site"))).toEqual(fromEleventy);
  });

  it("fails with hoshin's report when the data is bad, and writes no page", async () => {
    const project = await eleventyProject("invalid");
    const eleventy = await runNode([ELEVENTY, "--quiet"], { cwd: project });
    expect(eleventy.code).toBe(1);
    expect(eleventy.stderr).toContain("hoshin: ");
    expect(eleventy.stderr).toContain("organizations/alpha-center.yaml:12:1  purpose  ");
    expect(eleventy.stderr).toContain("organizations/beta-club.json:6:53  requests.contact  ");
    expect(await htmlFiles(project)).toEqual([]);
  });
});

/**
 * An Eleventy site of its own (test/fixtures/eleventy-site: a config, a home page) that
 * installs hoshin and imports the plugin by name, with the policies under /privacy/ and
 * their PDFs printed by the plugin.
 */
async function hostSite(): Promise<string> {
  const project = await makeProject(["valid"]);
  await cp(path.join(REPO, "test", "fixtures", "eleventy-site"), project, { recursive: true });
  // As `npm install hoshin` would leave it: `import … from "hoshin"` resolves to this package.
  await mkdir(path.join(project, "node_modules"));
  await symlink(REPO, path.join(project, "node_modules", "hoshin"), "dir");
  return project;
}

describe.concurrent("an Eleventy site using the plugin by name", () => {
  it("builds its own page beside the policies under base, with their PDFs", async () => {
    const project = await hostSite();
    const eleventy = await runNode([ELEVENTY, "--quiet"], { cwd: project });
    expect(faults(eleventy.stderr)).toEqual([]);
    expect(eleventy.code).toBe(0);
    const site = path.join(project, "_site");
    const files = await listFiles(site);
    expect(files).toEqual(expect.arrayContaining([
      "index.html",
      "privacy/index.html",
      "privacy/minato-support/index.html",
      "privacy/minato-support/ja/index.html",
      "privacy/minato-support/ja/minato-support-privacy-policy-ja.pdf",
      "privacy/minato-support/en/minato-support-privacy-policy-en.pdf",
      "assets/hoshin/hoshin.css",
    ]));
    expect(await readFile(path.join(site, "index.html"), "utf8")).toContain('<a href="/privacy/">');
    const policy = await readFile(path.join(site, "privacy/minato-support/en/index.html"), "utf8");
    expect(policy).toContain('href="/privacy/minato-support/en/minato-support-privacy-policy-en.pdf"');
    expect(policy).toContain('<a class="site-home" href="/privacy/">');
    const pdf = await readFile(path.join(site, "privacy/minato-support/en/minato-support-privacy-policy-en.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("puts Eleventy's path prefix on every link, asset and PDF of every page", async () => {
    const project = await hostSite();
    const eleventy = await runNode([ELEVENTY, "--quiet", "--pathprefix=/site/"], { cwd: project });
    expect(eleventy.code).toBe(0);
    const site = path.join(project, "_site");
    let checked = 0;
    for (const file of await htmlFiles(site)) {
      // In-page anchors and the organizations' own addresses (web, mail, phone) aside,
      // every link is root-relative under the prefix: none is relative, none escapes.
      for (const link of links(await readFile(path.join(site, file), "utf8")).filter((l) => !/^(#|https?:|mailto:|tel:)/.test(l))) {
        expect(link, `${file}: ${link}`).toMatch(/^\/site\//);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
