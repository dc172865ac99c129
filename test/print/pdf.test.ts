/**
 * The PDF beside every policy page, judged as a reader and a PDF tool see it: a real
 * `hoshin build` of the real examples in `organizations/`, printed by the real headless
 * Chromium, read back with poppler (pdftotext, pdfinfo, pdffonts) and pdf-lib.
 *
 * One full build is shared by every test here; printing costs seconds.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findBrowser } from "../../src/print/find-browser.js";
import { hashTree, hoshin, read, removeProjects, tags, type RunResult } from "../cli/helpers.js";
import { visibleText } from "../helpers/site.js";
import { EXAMPLES, OTHER_LANGUAGE_PDFS, emptyCacheDir, examplesProject, normalise, pdfPages, pdfPath, pdffonts, pdfinfo, type Example } from "./helpers.js";
import { flattenOutline, readStructure } from "./structure.js";

const caches: string[] = [];
afterAll(async () => {
  await removeProjects();
  await Promise.all(caches.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function freshCache(): Promise<string> {
  const dir = await emptyCacheDir();
  caches.push(dir);
  return dir;
}

const BUILT = /^hoshin: built 6 organizations \(16 policy pages\) into _site\/ in \d+\.\d\d s\nhoshin: PDF: printed 16 documents in \d+\.\d\d s \(\d+ ms each\), \d+ KB in all\n$/;

/** Midnight in Japan on a policy date, as an instant. */
const midnightJst = (day: string) => new Date(`${day}T00:00:00+09:00`).getTime();

/** The headings of a policy page as a PDF outline should list them: [level, text], the contents box left out. */
function headings(html: string): Array<[number, string]> {
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return [...main.matchAll(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/g)]
    .filter((match) => !/id="toc-title"/.test(match[2]!))
    .map((match) => [Number(match[1]), visibleText(match[3]!)]);
}

/** The links of the policy itself: what is on paper, leaving out the download link and jumps within the page. */
function policyLinks(html: string): string[] {
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return tags(main, "a")
    .flatMap((a) => (a.attributes.href ? [a.attributes.href.replace(/&amp;/g, "&")] : []))
    .filter((href) => !href.startsWith("#") && !href.endsWith(".pdf"));
}

const label = (example: Example) => `${example.slug} (${example.lang})`;

let project: string;
let site: string;
let cache: string;
let build: RunResult;

beforeAll(async () => {
  project = await examplesProject();
  site = path.join(project, "_site");
  cache = await freshCache();
  build = await hoshin(["build"], { cwd: project, env: { HOSHIN_CACHE_DIR: cache, TZ: "America/Los_Angeles" } });
});

describe("hoshin build of the examples", () => {
  it("exits 0, prints every one and says so", () => {
    expect(build.stderr).toBe("");
    expect(build.stdout).toMatch(BUILT);
    expect(build.code).toBe(0);
  });

  it("writes a PDF beside every policy page, and no other", async () => {
    const pdfs = Object.keys(await hashTree(site)).filter((file) => file.endsWith(".pdf"));
    expect(pdfs).toEqual([...EXAMPLES, ...OTHER_LANGUAGE_PDFS].map(pdfPath).sort());
  });

  it("links every PDF from its page and from the index", async () => {
    const index = await read(site, "index.html");
    const fromIndex = tags(index, "a").map((a) => a.attributes.href);
    for (const example of EXAMPLES) {
      const href = `/${pdfPath(example)}`;
      expect(fromIndex, label(example)).toContain(href);
      const page = await read(site, `${example.slug}/${example.lang}/index.html`);
      const pdfLinks = tags(page, "a").filter((a) => a.attributes.href?.endsWith(".pdf"));
      expect(pdfLinks.map((a) => a.attributes.href), label(example)).toEqual([href]);
      expect(pdfLinks[0]!.attributes.type).toBe("application/pdf");
    }
  });
});

describe.each(EXAMPLES)("the PDF of $slug ($lang)", (example) => {
  let file: string;
  let html: string;
  beforeAll(async () => {
    file = path.join(site, pdfPath(example));
    html = await read(site, `${example.slug}/${example.lang}/index.html`);
  });

  it("gives back its words in its language (pdftotext)", async () => {
    const text = normalise((await pdfPages(file)).join("\n"));
    expect(text).toContain(normalise(example.organization));
    expect(text).toContain(normalise(example.section));
    if (example.hours) expect(text).toContain(normalise(example.hours));
    if (example.lang === "en") {
      // Not a word of Japanese: the English PDF is not the Japanese one.
      expect(text).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
    } else {
      expect(text.match(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu)?.length ?? 0).toBeGreaterThan(500);
    }
    // Every heading of the page is in the PDF. (Without its number: pdftotext reads a
    // hanging "5." apart from its title when the running header sits beside it.)
    for (const [, heading] of headings(html)) expect(text).toContain(normalise(heading.replace(/^\d+\. /, "")));
  });

  it("has the running header and page N of M on every page, and no navigation", async () => {
    const pages = await pdfPages(file);
    const total = Number((await pdfinfo(file)).Pages);
    expect(pages).toHaveLength(total);
    expect(total).toBeGreaterThanOrEqual(2);
    const title = headings(html)[0]![1];
    pages.forEach((page, index) => {
      const text = normalise(page);
      const where = `${label(example)} page ${index + 1}`;
      // The header comes first on every page; the page number is a line of its own (the last,
      // unless a table's cells follow it: pdftotext reads a table's columns in an order of its own).
      expect(text.startsWith(normalise(example.organization)), `${where}: ${text.slice(0, 80)}`).toBe(true);
      expect(text, where).toContain(title);
      const number = example.lang === "ja" ? new RegExp(`^${index + 1} ?/ ?${total}$`) : new RegExp(`^Page ${index + 1} of ${total}$`);
      expect(page.split("\n").map((line) => line.trim()).filter((line) => number.test(line)), where).toHaveLength(1);
    });
    const all = normalise(pages.join("\n"));
    const chrome =
      example.lang === "ja" ? ["一覧に戻る", "PDF版をダウンロード", "目次", "English"] : ["All policies", "Download PDF", "Contents", "日本語"];
    for (const words of chrome) expect(all, `${label(example)}: ${words}`).not.toContain(words);
  });

  it("is described by its page, tagged, A4 and dated from the policy (pdfinfo)", async () => {
    const info = await pdfinfo(file);
    const meta = (name: string) => tags(html, "meta").find((m) => m.attributes.name === name)?.attributes.content;
    const decode = (s: string | undefined) => s?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    expect(info.Title).toBe(visibleText(/<title>([\s\S]*?)<\/title>/.exec(html)![1]!));
    expect(info.Author).toBe(decode(meta("author")));
    expect(info.Author).toBe(example.organization);
    expect(info.Subject).toBe(decode(meta("description")));
    expect(info.Creator).toBe("hoshin");
    expect(info.Producer).toMatch(/^hoshin \d+\.\d+\.\d+/);
    expect(info.Tagged).toBe("yes");
    const size = /^([\d.]+) x ([\d.]+) pts/.exec(info["Page size"] ?? "");
    expect(size?.slice(1).map((n) => Math.round(Number(n)))).toEqual([595, 842]);
    expect(info["Page size"]).toContain("(A4)");
    expect(info["Page rot"]).toBe("0");
    expect(info.Encrypted).toBe("no");
    if (example.lastRevised) {
      expect(new Date(info.CreationDate!).getTime(), info.CreationDate).toBe(midnightJst(example.lastRevised));
      expect(info.ModDate).toBe(info.CreationDate);
    } else {
      // The policy states no date: the PDF claims none (and certainly not the build's).
      expect(info).not.toHaveProperty("CreationDate");
      expect(info).not.toHaveProperty("ModDate");
    }
  });

  it("embeds subsets of the two Noto Sans JP fonts, and no Type 3 (pdffonts)", async () => {
    const fonts = await pdffonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["NotoSansJP-Bold", "NotoSansJP-Regular"]);
    for (const font of fonts) {
      expect(font.name, font.name).toMatch(/^[A-Z]{6}\+/);
      expect(font, font.name).toMatchObject({ type: "CID TrueType", encoding: "Identity-H", embedded: true, subset: true, unicode: true });
      expect(font.type).not.toMatch(/Type 3/);
    }
  });

  it("states its language, has an outline of its headings, and keeps its links (pdf-lib)", async () => {
    const structure = await readStructure(await readFile(file));
    expect(structure.lang).toBe(example.lang);
    expect(structure.marked).toBe(true);
    expect(structure.structTree).toBe(true);
    // Bookmarks: the policy's title, its sections and their subsections, nested as on the page.
    expect(structure.outline).toBeDefined();
    const outline = flattenOutline(structure.outline!);
    expect(outline).toEqual(headings(html));
    expect(outline[0]![0]).toBe(1);
    // Links work where the PDF is read, not on the machine that printed it.
    for (const uri of structure.uris) {
      expect(uri).not.toMatch(/127\.0\.0\.1|localhost/);
      expect(uri).toMatch(/^(\/|https:\/\/|mailto:|tel:)/);
      // The page's own navigation and download link are not printed.
      expect(uri).not.toMatch(/\.pdf$/);
      expect(uri).not.toBe("/");
    }
    // Every link of the policy is there, to the address the page gives.
    expect(new Set(structure.uris)).toEqual(new Set(policyLinks(html)));
  });
});

describe("links between the languages", () => {
  it("are root-relative, as the site's are", async () => {
    const structure = await readStructure(await readFile(path.join(site, pdfPath({ slug: "tabunka-center", lang: "en" }))));
    expect(structure.uris).toContain("/tabunka-center/ja/");
    const minato = await readStructure(await readFile(path.join(site, pdfPath({ slug: "minato-kodomo-net", lang: "en" }))));
    expect(minato.uris).toContain("/minato-kodomo-net/ja/");
    expect(minato.uris).toContain("https://minato-kodomo.example.org/contact/");
    expect(minato.uris).toContain("mailto:privacy@minato-kodomo.example.org");
  });

  describe("with --site-url", () => {
    let small: string;
    let result: RunResult;
    beforeAll(async () => {
      const project = await examplesProject(["tabunka-center.yaml"]);
      small = path.join(project, "_site");
      result = await hoshin(["build", "--site-url", "https://example.org/policies/"], {
        cwd: project,
        env: { HOSHIN_CACHE_DIR: await freshCache() },
      });
    });

    it("are absolute under the published address", async () => {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("PDF: printed 6 documents");
      const en = await readStructure(await readFile(path.join(small, pdfPath({ slug: "tabunka-center", lang: "en" }))));
      expect(en.uris).toContain("https://example.org/policies/tabunka-center/ja/");
      for (const uri of en.uris) {
        expect(uri).not.toMatch(/127\.0\.0\.1/);
        if (!/^(mailto|tel):/.test(uri)) expect(uri).toMatch(/^https:\/\/example\.org\/policies\//);
      }
    });

    it("print under the path prefix with the same fonts, header and words", async () => {
      const page = await read(small, "tabunka-center/en/index.html");
      expect(tags(page, "a").map((a) => a.attributes.href)).toContain(`/policies/${pdfPath({ slug: "tabunka-center", lang: "en" })}`);
      for (const lang of ["ja", "en"] as const) {
        const example = EXAMPLES.find((e) => e.slug === "tabunka-center" && e.lang === lang)!;
        const file = path.join(small, pdfPath(example));
        // fonts.css is answered under the prefix too: no fallback font.
        expect((await pdffonts(file)).map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["NotoSansJP-Bold", "NotoSansJP-Regular"]);
        const pages = await pdfPages(file);
        expect(normalise(pages[0]!).startsWith(normalise(example.organization))).toBe(true);
        expect(normalise(pages.join("\n"))).toContain(normalise(example.hours!));
      }
    });
  });
});

describe("reproducible PDFs", () => {
  const pdfHashes = async (dir: string) =>
    Object.fromEntries(Object.entries(await hashTree(dir)).filter(([file]) => file.endsWith(".pdf")));

  it("are byte-identical from another project, an empty cache and another time zone, printed by one browser", async () => {
    const twin = await examplesProject();
    // The same browser behind a script that counts its launches, named by HOSHIN_CHROMIUM.
    const launches = path.join(twin, "launches.log");
    const wrapper = path.join(twin, "chromium.sh");
    await writeFile(wrapper, `#!/bin/sh\necho "$$" >> '${launches}'\nexec '${(await findBrowser()).path}' "$@"\n`, { mode: 0o755 });
    const result = await hoshin(["build"], {
      cwd: twin,
      env: { HOSHIN_CACHE_DIR: await freshCache(), HOSHIN_CHROMIUM: wrapper, TZ: "Pacific/Kiritimati", LANG: "C" },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("PDF: printed 16 documents");
    expect((await readFile(launches, "utf8")).trim().split("\n")).toHaveLength(1);
    const theirs = await pdfHashes(path.join(twin, "_site"));
    expect(Object.keys(theirs)).toHaveLength(16);
    expect(theirs).toEqual(await pdfHashes(site));
  });

  it("are not printed again when nothing changed, and stay byte-identical", async () => {
    // Into another folder: over the same one, the build would find the whole site up to date.
    const again = await hoshin(["build", "--out", "_site-again"], { cwd: project, env: { HOSHIN_CACHE_DIR: cache, TZ: "Asia/Tokyo" } });
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\nhoshin: PDF: all 16 up to date, nothing printed \(\d+ KB in all\)\n$/);
    expect(await hashTree(path.join(project, "_site-again"))).toEqual(await hashTree(site));
  });

  it("leave the whole site as it is when nothing changed", async () => {
    const before = await hashTree(site);
    const again = await hoshin(["build"], { cwd: project, env: { HOSHIN_CACHE_DIR: cache } });
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^hoshin: nothing changed since the last build; _site\/ is up to date \(6 organizations \(16 policy pages\), checked in \d+\.\d\d s\)\n$/);
    expect(await hashTree(site)).toEqual(before);
  });
});
