/**
 * `hoshin build --path-prefix /policies/` with its PDFs, read as a host serving the
 * output folder at /policies/ would serve it: every link, asset and PDF address in every
 * page, and every site link inside every PDF, stays under the prefix and leads to a file
 * that was built.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readStructure } from "../print/structure.js";
import { hoshin, htmlFiles, links, listFiles, makeProject, read, removeProjects, tags } from "./helpers.js";

afterAll(removeProjects);

const PREFIX = "/policies/";
/** Links that leave the site on purpose: the organizations' web, mail and phone addresses, in-page anchors. */
const OUTSIDE = /^(#|https?:|mailto:|tel:)/;

describe("hoshin build --path-prefix, with PDFs", () => {
  let site: string;
  let files: string[];
  beforeAll(async () => {
    const project = await makeProject(["valid"]);
    const result = await hoshin(["build", "--path-prefix", PREFIX, "--out", "public"], { cwd: project });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    site = path.join(project, "public");
    files = await listFiles(site);
  }, 180_000);

  /** The built file a URL under the prefix is served from. */
  const served = (url: string) => {
    const file = decodeURI(url.split("#")[0]!.slice(PREFIX.length));
    return file === "" || file.endsWith("/") ? `${file}index.html` : file;
  };

  it("links every page, stylesheet and PDF under the prefix, each to a file that exists", async () => {
    let pdfLinks = 0;
    for (const file of await htmlFiles(site)) {
      const html = await read(site, file);
      const inside = links(html).filter((link) => !OUTSIDE.test(link));
      const redirects = tags(html, "meta")
        .filter((t) => t.attributes["http-equiv"] === "refresh")
        .map((t) => t.attributes.content!.replace(/^0; url=/, ""));
      for (const link of [...inside, ...redirects]) {
        expect(link, `${file}: ${link}`).toMatch(/^\/policies\//);
        expect(files, `${file}: ${link}`).toContain(served(link));
        if (link.endsWith(".pdf")) pdfLinks += 1;
      }
    }
    expect(pdfLinks).toBeGreaterThanOrEqual(8);
  });

  it("links the feeds' entries and the feeds themselves under the prefix", async () => {
    const feeds = files.filter((f) => f.endsWith(".xml"));
    // The site's feed and one per organization whose policy states a date.
    expect(feeds).toContain("feed.xml");
    expect(feeds.length).toBeGreaterThan(1);
    let feedLinks = 0;
    for (const file of feeds) {
      const xml = await read(site, file);
      for (const [, link] of xml.matchAll(/\shref="([^"]+)"/g)) {
        expect(link, `${file}: ${link}`).toMatch(/^\/policies\//);
        expect(files, `${file}: ${link}`).toContain(served(link!));
        feedLinks += 1;
      }
    }
    expect(feedLinks).toBeGreaterThanOrEqual(feeds.length * 2);
  });

  it("keeps the fonts the stylesheets load next to them", async () => {
    const css = await read(site, "assets/hoshin/fonts.css");
    for (const [, url] of css.matchAll(/url\(([^)]+)\)/g)) {
      expect(url).toMatch(/^\.\//);
      expect(files).toContain(path.posix.join("assets/hoshin", url!));
    }
  });

  it("writes the links inside the PDFs under the prefix too", async () => {
    let siteLinks = 0;
    for (const file of files.filter((f) => f.endsWith(".pdf"))) {
      const { uris } = await readStructure(await readFile(path.join(site, file)));
      for (const uri of uris.filter((u) => !OUTSIDE.test(u))) {
        expect(uri, `${file}: ${uri}`).toMatch(/^\/policies\//);
        expect(files, `${file}: ${uri}`).toContain(served(uri));
        siteLinks += 1;
      }
    }
    expect(siteLinks).toBeGreaterThan(0);
  });
});
