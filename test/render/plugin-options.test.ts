/**
 * The plugin's options, each in a real Eleventy build of the CLI fixtures: `languages`
 * leaves out pages (never an authoritative one, never a link to a page left out), `base`
 * moves the pages into a folder of the host site.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { afterAll, describe, expect, it } from "vitest";

import { hoshin, type HoshinPluginOptions } from "../../src/pipeline/plugin.js";
import { REPO } from "../helpers/site.js";
import { htmlFiles, links, listFiles, read } from "../cli/helpers.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function build(options: HoshinPluginOptions): Promise<string> {
  const input = await mkdtemp(path.join(os.tmpdir(), "hoshin-plugin-input-"));
  const output = await mkdtemp(path.join(os.tmpdir(), "hoshin-plugin-site-"));
  folders.push(input, output);
  const eleventy = new Eleventy(input, output, {
    quietMode: true,
    configPath: false,
    config: (config: { addPlugin(plugin: unknown, options: object): void }) => {
      config.addPlugin(hoshin, { input: path.join(REPO, "test", "fixtures", "cli", "valid"), ...options });
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
  return output;
}

describe.concurrent("hoshin plugin options", () => {
  it("languages: leaves out the other languages' translations, keeps authoritative versions", async () => {
    const site = await build({ languages: ["en"] });
    expect(await htmlFiles(site)).toEqual([
      "index.html",
      "kodomo-shokudo/index.html",
      "kodomo-shokudo/ja/index.html", // Japanese only, and authoritative: kept
      "minato-support/en/index.html",
      "minato-support/index.html",
      "open-data-lab/en/index.html",
      "open-data-lab/index.html",
    ]);
    for (const file of await htmlFiles(site)) {
      for (const link of links(await read(site, file)).filter((l) => l.startsWith("/"))) {
        expect(link, `${file}: ${link}`).not.toMatch(/^\/minato-support\/ja\//);
      }
    }
  });

  it("base: puts the index and every policy in the folder, assets stay shared", async () => {
    const site = await build({ base: "privacy" });
    expect(await htmlFiles(site)).toEqual([
      "privacy/index.html",
      "privacy/kodomo-shokudo/index.html",
      "privacy/kodomo-shokudo/ja/index.html",
      "privacy/minato-support/en/index.html",
      "privacy/minato-support/index.html",
      "privacy/minato-support/ja/index.html",
      "privacy/open-data-lab/en/index.html",
      "privacy/open-data-lab/index.html",
    ]);
    for (const file of await htmlFiles(site)) {
      for (const link of links(await read(site, file)).filter((l) => l.startsWith("/"))) {
        expect(link, `${file}: ${link}`).toMatch(/^\/(privacy|assets\/hoshin)\//);
      }
    }
  });

  it("base and languages: archived versions, change pages and feeds move and filter with the policies", async () => {
    // The examples, with the archive beside them: minato-kodomo-net has three archived versions.
    const site = await build({ input: path.join(REPO, "organizations"), base: "privacy", languages: ["ja"] });
    const files = await listFiles(site);
    const history = files.filter((f) => /\/(versions|changes)\/|feed\.xml$/.test(f));
    expect(history).toContain("privacy/feed.xml");
    expect(history).toContain("privacy/minato-kodomo-net/feed.xml");
    expect(history.some((f) => /^privacy\/minato-kodomo-net\/changes\/[\d-]+\/ja\/index\.html$/.test(f))).toBe(true);
    expect(history.some((f) => /^privacy\/minato-kodomo-net\/versions\/[\d-]+\/ja\/index\.html$/.test(f))).toBe(true);
    // Nothing of the history outside the folder, and nothing of the English version left out.
    for (const file of history) expect(file).toMatch(/^privacy\//);
    expect(history.filter((f) => f.includes("/en/"))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith(".html") || f.endsWith(".xml"))) {
      const text = await read(site, file);
      const rooted = [...links(text), ...[...text.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1]!)].filter((l) => l.startsWith("/"));
      for (const link of rooted) {
        expect(link, `${file}: ${link}`).toMatch(/^\/(privacy|assets\/hoshin)\//);
        const target = decodeURI(link.split("#")[0]!.slice(1));
        expect(files, `${file}: ${link}`).toContain(target.endsWith("/") ? `${target}index.html` : target);
      }
    }
  });

  it("base: refuses what is not a folder path", () => {
    expect(() => hoshin({} as never, { base: "../up" })).toThrow("the plugin's base `../up` is not a folder path such as /privacy/");
  });
});
