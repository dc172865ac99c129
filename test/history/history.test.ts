/**
 * Revision history end to end, with the real CLI and a real browser: freezing a version,
 * rebuilding the archive from a fresh copy of the repository, the change page for a known
 * edit, the feeds, and material changes caught by `hoshin check`.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, hashTree, hoshin, links, listFiles, read, tags } from "../cli/helpers.js";

const FIXTURES = path.join(REPO, "test", "fixtures", "history");
const V1 = "2023-04-01";
const V2 = "2024-10-01";
const temporary: string[] = [];

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-history-test-"));
  temporary.push(dir);
  return dir;
}

/** A project whose organizations/ holds the given version of the fixture. */
async function project(version: "v1" | "v2"): Promise<string> {
  const dir = await folder();
  await cp(path.join(FIXTURES, version), path.join(dir, "organizations"), { recursive: true });
  return dir;
}

/** What a fresh clone has: the committed organizations/ and archive/, nothing built or cached. */
async function freshClone(from: string): Promise<string> {
  const dir = await folder();
  await cp(path.join(from, "archive"), path.join(dir, "archive"), { recursive: true });
  await cp(path.join(from, "organizations"), path.join(dir, "organizations"), { recursive: true });
  return dir;
}

/** The text inside every `<tag>…</tag>`, with the screen-reader labels left out. */
function marked(html: string, tag: "ins" | "del"): string {
  return [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))]
    .map((match) => match[1]!.replace(/<span class="visually-hidden">[^<]*<\/span>/g, ""))
    .join("|");
}

afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("hoshin freeze, then build from a fresh clone", () => {
  let repo: string;
  let archived: string;
  let clone: string;
  const site = () => path.join(clone, "_site");

  beforeAll(async () => {
    repo = await project("v1");
    archived = path.join(repo, "archive", "sakura-kai", V1);
  });

  it("freezes the current version: pages, PDFs, their stylesheet and the data", async () => {
    const result = await hoshin(["freeze", "sakura-kai"], { cwd: repo });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`froze sakura-kai as of ${V1} into archive/sakura-kai/${V1}/`);
    expect(await listFiles(archived)).toEqual([
      "en/index.html",
      "en/sakura-kai-privacy-policy-en.pdf",
      "hoshin.css",
      "ja/index.html",
      "ja/sakura-kai-privacy-policy-ja.pdf",
      "snapshot.json",
    ]);
    for (const lang of ["ja", "en"]) {
      const html = await read(archived, `${lang}/index.html`);
      // Relative links only: the page must work under whatever path the site is served from later.
      expect(links(html).filter((link) => link.startsWith("/"))).toEqual([]);
      expect(tags(html, "link").find((tag) => tag.attributes.rel === "stylesheet" && tag.attributes.href === "../hoshin.css")).toBeDefined();
      const pdf = await readFile(path.join(archived, lang, `sakura-kai-privacy-policy-${lang}.pdf`));
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    const snapshot = JSON.parse(await read(archived, "snapshot.json")) as { slug: string; date: string; data: unknown };
    expect(snapshot).toMatchObject({ slug: "sakura-kai", date: V1 });
    expect(snapshot.data).toEqual(parseYaml(await read(path.join(FIXTURES, "v1"), "sakura-kai.yaml")));
  }, 120_000);

  it("asks which organizations to freeze, and knows which exist", async () => {
    const none = await hoshin(["freeze"], { cwd: repo });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("name the organizations to freeze");
    const unknown = await hoshin(["freeze", "sakura"], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no organization `sakura` in organizations/ (known: sakura-kai)");
  });

  it("never lets a build replace the archive", async () => {
    for (const out of ["archive", "archive/sakura-kai"]) {
      const result = await hoshin(["build", "--no-pdf", "--out", out], { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("is the archive folder, contains it or is inside it");
    }
    expect(await listFiles(archived)).toContain("snapshot.json");
  });

  it("never freezes a version twice", async () => {
    const before = await hashTree(archived);
    const result = await hoshin(["freeze", "--all"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`the version of ${V1} is already archived`);
    expect(await hashTree(archived)).toEqual(before);
  }, 60_000);

  it("publishes the archived bytes from a fresh clone, after a revision, under another path prefix", async () => {
    clone = await freshClone(repo);
    await cp(path.join(FIXTURES, "v2", "sakura-kai.yaml"), path.join(clone, "organizations", "sakura-kai.yaml"));
    const result = await hoshin(["build", "--no-pdf", "--path-prefix", "/policies/"], { cwd: clone });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const published = path.join(site(), "sakura-kai", "versions", V1);
    for (const file of await listFiles(archived)) {
      if (file === "snapshot.json") {
        expect(existsSync(path.join(published, file))).toBe(false);
        continue;
      }
      const original = await readFile(path.join(archived, file));
      const copy = await readFile(path.join(published, file));
      if (!file.endsWith("index.html")) {
        expect(copy.equals(original), `${file} is published byte for byte`).toBe(true);
        continue;
      }
      // A superseded page is its frozen bytes plus one notice after <body>, and nothing else.
      const html = copy.toString("utf8");
      const notice = /\n<aside class="version-status"[\s\S]*?<\/aside>\n?/.exec(html);
      expect(notice, `${file} says it is superseded`).not.toBeNull();
      expect(html.replace(notice![0], "\n")).toBe(original.toString("utf8"));
      const lang = file.slice(0, 2);
      expect(notice![0]).toContain(`href="/policies/sakura-kai/${lang}/"`);
      expect(notice![0]).toContain(`href="/policies/sakura-kai/changes/${V2}/${lang}/"`);
      // Every relative link of the frozen page leads to a published file under the new prefix.
      const base = new URL(`http://site.test/policies/sakura-kai/versions/${V1}/${lang}/`);
      for (const link of links(html).filter((l) => !/^[a-z]+:|^#/.test(l))) {
        const { pathname } = new URL(link, base);
        expect(pathname.startsWith("/policies/"), `${link} stays inside the site`).toBe(true);
        const target = path.join(site(), pathname.slice("/policies/".length), pathname.endsWith("/") ? "index.html" : "");
        expect(existsSync(target), `${link} in ${file} leads to a published file`).toBe(true);
      }
    }
  }, 60_000);

  it("links the history on the current page to the archived version and the change page", async () => {
    const html = await read(site(), "sakura-kai/ja/index.html");
    expect(html).toContain(`href="/policies/sakura-kai/versions/${V1}/ja/"`);
    expect(html).toContain(`href="/policies/sakura-kai/changes/${V2}/ja/"`);
    expect(html).toContain('<strong class="material-mark">重要な変更</strong>');
  });

  it("shows what the revision changed, section by section, in both languages", async () => {
    const ja = await read(site(), `sakura-kai/changes/${V2}/ja/index.html`);
    expect(ja).toContain(`href="/policies/sakura-kai/versions/${V1}/ja/"`);
    // Only the purposes changed, and that change is material.
    expect(tags(ja, "h2")).toHaveLength(1);
    expect(ja).toMatch(/<h2 [^>]*>利用目的 <strong class="material-mark">重要な変更<\/strong><\/h2>/);
    expect(marked(ja, "ins").replaceAll("|", "")).toBe("会報送付");
    expect(marked(ja, "del").replaceAll("|", "")).toBe("イベントご案内");
    const en = await read(site(), `sakura-kai/changes/${V2}/en/index.html`);
    expect(marked(en, "ins")).toContain("newsletter");
    expect(marked(en, "del")).toContain("events");
    expect(en).toContain("Contacting our members");
  });

  it("writes valid Atom feeds, an entry per version, linked from the pages", async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["entry", "link"].includes(name) });
    for (const file of ["sakura-kai/feed.xml", "feed.xml"]) {
      const xml = await read(site(), file);
      expect(XMLValidator.validate(xml), `${file} is well-formed XML`).toBe(true);
      const { feed } = parser.parse(xml) as { feed: AtomFeed };
      expect(feed.xmlns).toBe("http://www.w3.org/2005/Atom");
      expect(feed.id).toBeTruthy();
      expect(feed.author.name).toBeTruthy();
      expect(feed.entry.map((entry) => entry.updated)).toEqual([`${V2}T00:00:00Z`, `${V1}T00:00:00Z`]);
      expect(feed.entry[0]!.title).toContain("（重要な変更）");
      expect(feed.entry[1]!.title).not.toContain("重要な変更");
      for (const entry of feed.entry) {
        expect(entry.id && entry.title).toBeTruthy();
        expect(entry.link.every((link) => link.href.startsWith("/policies/sakura-kai/"))).toBe(true);
      }
      expect(feed.entry[1]!.link.map((link) => link.href)).toContain(`/policies/sakura-kai/versions/${V1}/ja/`);
    }
    for (const page of ["sakura-kai/ja/index.html", `sakura-kai/changes/${V2}/en/index.html`]) {
      const feeds = tags(await read(site(), page), "link").filter((tag) => tag.attributes.type === "application/atom+xml");
      expect(feeds.map((tag) => [tag.attributes.rel, tag.attributes.href])).toEqual([["alternate", "/policies/sakura-kai/feed.xml"]]);
    }
    const index = tags(await read(site(), "index.html"), "link").filter((tag) => tag.attributes.type === "application/atom+xml");
    expect(index.map((tag) => tag.attributes.href)).toEqual(["/policies/feed.xml"]);

    const published = await hoshin(["build", "--no-pdf", "--site-url", "https://example.org/policies/", "--out", "public"], { cwd: clone });
    expect(published.code).toBe(0);
    const xml = await read(path.join(clone, "public"), "feed.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml) as { feed: AtomFeed };
    expect(feed.id).toBe("https://example.org/policies/feed.xml");
    expect(feed.entry[0]!.id).toBe(`https://example.org/policies/sakura-kai/versions/${V2}/`);
    expect(feed.entry.flatMap((entry) => entry.link).every((link) => link.href.startsWith("https://example.org/policies/sakura-kai/"))).toBe(true);
  }, 60_000);
});

interface AtomFeed {
  xmlns: string;
  id: string;
  author: { name: string };
  entry: Array<{ id: string; title: string; updated: string; link: Array<{ href: string; rel: string }> }>;
}

describe("material changes", () => {
  const unrecorded = path.join(FIXTURES, "unrecorded");

  it("are a check error when no revision after the archived version records them", async () => {
    const result = await hoshin(["check", "--input", path.join(unrecorded, "organizations"), "--format", "json"], { cwd: REPO });
    expect(result.code).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Array<Record<string, unknown>> };
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "history-material-change-unrecorded",
        severity: "error",
        file: "test/fixtures/history/unrecorded/organizations/sakura-kai.yaml",
        line: 12,
        column: 1,
        path: "purposes",
      }),
    ]);
  });

  it("stop the build, which leaves nothing behind", async () => {
    const dir = await folder();
    await cp(unrecorded, dir, { recursive: true });
    const result = await hoshin(["build", "--no-pdf"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("purposes of use changed since the archived version of 2023-04-01");
    expect(existsSync(path.join(dir, "_site"))).toBe(false);
  });

  it("are a warning when the new revision does not say it is material, and pass when it does", async () => {
    const dir = await folder();
    await cp(unrecorded, dir, { recursive: true });
    const file = path.join(dir, "organizations", "sakura-kai.yaml");
    const original = await readFile(file, "utf8");
    const revised = (material: string) =>
      original.replace("  enacted: 2023-04-01\n", `  enacted: 2023-04-01\n  revisions:\n    - date: ${V2}\n      summary: { ja: 利用目的を変更, en: Changed the purposes of use }\n${material}`);
    await writeFile(file, revised(""));
    const unmarked = await hoshin(["check", "--format", "json"], { cwd: dir });
    expect(unmarked.code).toBe(0);
    const { diagnostics } = JSON.parse(unmarked.stdout) as { diagnostics: Array<Record<string, unknown>> };
    expect(diagnostics).toEqual([expect.objectContaining({ code: "history-material-change-unmarked", severity: "warning", path: "policy.revisions[0]" })]);
    await writeFile(file, revised("      material: true\n"));
    const marked = await hoshin(["check"], { cwd: dir });
    expect(marked.stdout).toContain("no errors");
    expect(marked.stderr + marked.stdout).not.toContain("warning");
  });

  it("keep every archived date in the history: dropping one is a check error", async () => {
    const dir = await folder();
    await cp(unrecorded, dir, { recursive: true });
    const file = path.join(dir, "organizations", "sakura-kai.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("enacted: 2023-04-01", "enacted: 2023-05-01"));
    const result = await hoshin(["check", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Array<{ code: string; path: string }> };
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "history-archived-date-missing", path: "policy.revisions" }));
  });

  it("are not flagged for a change elsewhere in the policy", async () => {
    const dir = await folder();
    await mkdir(path.join(dir, "organizations"));
    await cp(path.join(unrecorded, "archive"), path.join(dir, "archive"), { recursive: true });
    const v1 = await read(path.join(FIXTURES, "v1"), "sakura-kai.yaml");
    await writeFile(path.join(dir, "organizations", "sakura-kai.yaml"), v1.replace("accuracy: true", "accuracy: { deleteWhenUnneeded: true }"));
    const result = await hoshin(["check", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ diagnostics: [] });
  });
});
