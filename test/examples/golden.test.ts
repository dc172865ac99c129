/**
 * The built HTML of every example page, compared byte for byte with a reviewed copy in
 * test/golden/. After an intended change, regenerate with `UPDATE_GOLDEN=1 npm test`
 * and review the diff of test/golden/ before committing it.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STANDARD_ORDER } from "../../src/normalize/normalize.js";
import { REPO, buildSite, readPage } from "../helpers/site.js";

const GOLDEN = path.join(REPO, "test", "golden");
const update = process.env.UPDATE_GOLDEN === "1";
let site: string;

beforeAll(async () => {
  site = await buildSite(path.join(REPO, "organizations"));
});
afterAll(() => rm(site, { recursive: true, force: true }));

async function pages(): Promise<string[]> {
  const urls = ["."];
  for (const entry of await readdir(site, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "assets") continue;
    for (const lang of ["ja", "en"]) {
      if (existsSync(path.join(site, entry.name, lang, "index.html"))) urls.push(`${entry.name}/${lang}`);
    }
    // The external-transmission table's page of its own, where the data asks for one.
    for (const lang of ["ja", "en"]) {
      if (existsSync(path.join(site, entry.name, "external-transmission", lang, "index.html"))) {
        urls.push(`${entry.name}/external-transmission/${lang}`);
      }
    }
    // Change pages and superseded archived pages (with the notice added to their frozen bytes).
    for (const kind of ["changes", "versions"]) {
      const dir = path.join(site, entry.name, kind);
      for (const date of existsSync(dir) ? await readdir(dir) : []) {
        for (const lang of ["ja", "en"]) {
          if (existsSync(path.join(dir, date, lang, "index.html"))) urls.push(`${entry.name}/${kind}/${date}/${lang}`);
        }
      }
    }
  }
  return urls.sort();
}

describe("golden HTML", () => {
  it("matches the reviewed copy for every example page", async () => {
    const urls = await pages();
    expect(urls.length).toBeGreaterThan(10);
    await mkdir(GOLDEN, { recursive: true });
    for (const url of urls) {
      const name = url === "." ? "index.html" : `${url.replaceAll("/", ".")}.html`;
      const actual = await readPage(site, url);
      const goldenFile = path.join(GOLDEN, name);
      if (update) await writeFile(goldenFile, actual);
      expect(existsSync(goldenFile), `${name} has no golden copy: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
      expect(actual, `${url} differs from test/golden/${name}`).toBe(await readFile(goldenFile, "utf8"));
    }
  });

  it("has an example that uses every standard section, in both languages", async () => {
    // Location information is for telecommunications businesses: the telecom example shows it.
    const TELECOM_ONLY = ["locationInformation"];
    const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const lang of ["ja", "en"]) {
      const html = await readPage(site, `minato-kodomo-net/${lang}`);
      const missing = [...STANDARD_ORDER, "contacts"]
        .filter((id) => !TELECOM_ONLY.includes(id))
        .filter((id) => !html.includes(`<section id="${kebab(id)}"`));
      expect(missing, `sections missing on the ${lang} page`).toEqual([]);
      const telecom = await readPage(site, `kanagawa-community-net/${lang}`);
      expect(TELECOM_ONLY.filter((id) => !telecom.includes(`<section id="${kebab(id)}"`))).toEqual([]);
      expect(html).toContain('<section id="custom-1"');
      expect(html).toContain('<section id="custom-2"');
    }
  });
});
