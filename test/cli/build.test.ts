/**
 * `hoshin build`, driven as a user drives it: `node bin/hoshin.js build …` in a project
 * folder, judged by the exit code, what it said, and the files it left behind.
 */
import { cp, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  DIAGNOSTIC_LINE,
  FIXTURES,
  STACK_FRAME,
  hashTree,
  hoshin,
  htmlFiles,
  links,
  listFiles,
  makeProject,
  read,
  removeProjects,
  splitReport,
  tags,
  type RunResult,
} from "./helpers.js";

afterAll(removeProjects);

/** The pages fixtures/cli/valid must give: one per organization and language, plus redirects. */
const PAGES = [
  "index.html",
  "kodomo-shokudo/index.html",
  "kodomo-shokudo/ja/index.html",
  "minato-support/en/index.html",
  "minato-support/index.html",
  "minato-support/ja/index.html",
  "open-data-lab/en/index.html",
  "open-data-lab/index.html",
];

// Other tests of this file build the same organizations with the same cache: some may be taken from it.
const BUILT = /^hoshin: built 3 organizations \(4 policy pages\) into (?<out>\S+) in \d+\.\d\d s(; [1-3] unchanged, taken from the cache)?\n$/;

describe.concurrent("hoshin build on valid data", () => {
  let project: string;
  let site: string;
  let result: RunResult;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
    site = path.join(project, "_site");
    result = await hoshin(["build", "--no-pdf"], { cwd: project, env: { TZ: "America/Los_Angeles" } });
  });

  it("exits 0 and says what it built, and where", () => {
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(BUILT);
    expect(result.stdout.match(BUILT)?.groups?.out).toBe("_site/");
    expect(result.code).toBe(0);
  });

  it("writes the index, a redirect per organization and a page per language, and nothing else", async () => {
    expect(await htmlFiles(site)).toEqual(PAGES);
  });

  it("writes the stylesheet, the font CSS and every font file the CSS names", async () => {
    const files = await listFiles(site);
    expect(files).toContain("assets/hoshin/hoshin.css");
    expect(files).toContain("assets/hoshin/fonts.css");
    const fontCss = await read(site, "assets/hoshin/fonts.css");
    const urls = [...fontCss.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^\.\/fonts\/[^/]+\.woff2$/);
      expect(files).toContain(path.posix.join("assets/hoshin", url));
    }
  });

  // @fontsource also ships whole-script `noto-sans-jp-japanese-*` files (about 1 MB each)
  // that no @font-face rule names; visitors' hosts should not have to carry them.
  it("copies no font file the CSS does not name", async () => {
    const files = await listFiles(site);
    const fontCss = await read(site, "assets/hoshin/fonts.css");
    const named = [...fontCss.matchAll(/url\(\.\/([^)]+)\)/g)].map((m) => `assets/hoshin/${m[1]}`);
    const copied = files.filter((f) => f.startsWith("assets/hoshin/fonts/"));
    expect(new Set(copied)).toEqual(new Set(named));
  });

  it("leaves no staging or previous folder behind", async () => {
    expect((await readdir(project)).sort()).toEqual(["_site", "organizations"]);
  });

  it.skipIf(process.platform === "win32")("publishes a folder as open as any new folder (a web server must read it)", async () => {
    // Not a private temporary folder's 0700: the mode mkdir gives under this umask.
    const probe = path.join(os.tmpdir(), `hoshin-cli-test-mode-${process.pid}`);
    await mkdir(probe);
    const expected = (await stat(probe)).mode & 0o777;
    await rm(probe, { recursive: true });
    expect((await stat(site)).mode & 0o777).toBe(expected);
  });

  it("marks every page with its language", async () => {
    const lang = async (file: string) => tags(await read(site, file), "html")[0]?.attributes.lang;
    expect(await lang("index.html")).toBe("ja");
    expect(await lang("minato-support/ja/index.html")).toBe("ja");
    expect(await lang("minato-support/en/index.html")).toBe("en");
    expect(await lang("kodomo-shokudo/ja/index.html")).toBe("ja");
    expect(await lang("open-data-lab/en/index.html")).toBe("en");
    // A redirect is in the language it sends people to: the authoritative one.
    expect(await lang("minato-support/index.html")).toBe("en");
    expect(await lang("kodomo-shokudo/index.html")).toBe("ja");
  });

  it("sends /<slug>/ on to the authoritative language", async () => {
    const redirect = await read(site, "minato-support/index.html");
    const meta = tags(redirect, "meta").find((t) => t.attributes["http-equiv"] === "refresh");
    expect(meta?.attributes.content).toBe("0; url=/minato-support/en/");
    expect(tags(redirect, "link").find((t) => t.attributes.rel === "canonical")?.attributes.href).toBe("/minato-support/en/");
  });

  it("links each language version to the other with hreflang", async () => {
    for (const lang of ["ja", "en"]) {
      const page = await read(site, `minato-support/${lang}/index.html`);
      const alternates = tags(page, "link")
        // The other `alternate` is the Atom feed, which has a type and no language.
        .filter((t) => t.attributes.rel === "alternate" && t.attributes.type === undefined)
        .map((t) => [t.attributes.hreflang, t.attributes.href]);
      expect(alternates).toEqual([
        ["ja", "/minato-support/ja/"],
        ["en", "/minato-support/en/"],
      ]);
      const other = lang === "ja" ? "en" : "ja";
      const switchLink = tags(page, "a").find((t) => t.attributes.hreflang === other && t.attributes.href === `/minato-support/${other}/`);
      expect(switchLink?.attributes.lang).toBe(other);
    }
    // The Japanese page is a translation here, and says which version prevails.
    const ja = await read(site, "minato-support/ja/index.html");
    expect(tags(ja, "p").some((t) => t.attributes.class === "translation-note")).toBe(true);
    const en = await read(site, "minato-support/en/index.html");
    expect(tags(en, "p").some((t) => t.attributes.class === "translation-note")).toBe(false);
  });

  it("lists every organization on the index, with its languages and last revision date", async () => {
    const index = await read(site, "index.html");
    const body = index.slice(index.indexOf("<tbody>"), index.indexOf("</tbody>"));
    const rows = body.split("<tr>").slice(1).map((row) => {
      const languages = tags(row, "a")
        .filter((a) => a.attributes.class !== "organization-name")
        .map((a) => `${a.attributes.hreflang} ${a.attributes.href}`);
      return { languages, lastRevised: tags(row, "time")[0]?.attributes.datetime };
    });
    expect(rows).toEqual([
      { languages: ["ja /kodomo-shokudo/ja/"], lastRevised: "2022-06-15" },
      { languages: ["ja /minato-support/ja/", "en /minato-support/en/"], lastRevised: "2023-04-01" },
      { languages: ["en /open-data-lab/en/"], lastRevised: "2024-07-01" },
    ]);
    for (const name of ["こども食堂ひまわり", "一般社団法人 みなと支援ネット", "Minato Support Network", "Open Data Lab"]) {
      expect(body).toContain(`>${name}</a>`);
    }
  });

  it("renders the section in a Markdown file's body", async () => {
    const page = await read(site, "kodomo-shokudo/ja/index.html");
    expect(page).toMatch(/<h2 id="[^"]+"><span class="section-number">\d+\.<\/span> 写真の撮影について<\/h2>/);
    expect(page).toContain("<strong>ご本人の同意</strong>");
  });

  it("gives byte-identical files when built again, elsewhere, in another time zone, over an old site", async () => {
    const again = await makeProject(["valid"]);
    // An old site with a page this data no longer makes: publishing replaces it whole.
    await mkdir(path.join(again, "_site", "retired-org"), { recursive: true });
    await writeFile(path.join(again, "_site", "retired-org", "index.html"), "old\n");
    await writeFile(path.join(again, "_site", "index.html"), '<meta name="generator" content="hoshin">\n');
    const second = await hoshin(["build", "--no-pdf"], { cwd: again, env: { TZ: "Pacific/Kiritimati", LANG: "C" } });
    expect(second.code).toBe(0);
    const first = await hashTree(site);
    expect(Object.keys(first).length).toBeGreaterThan(PAGES.length);
    expect(await hashTree(path.join(again, "_site"))).toEqual(first);
    expect((await readdir(again)).sort()).toEqual(["_site", "organizations"]);
  });
});

describe.concurrent("hoshin build --path-prefix", () => {
  let site: string;
  let result: RunResult;
  beforeAll(async () => {
    const project = await makeProject(["valid"]);
    result = await hoshin(["build", "--no-pdf", "--path-prefix", "/policies/", "--out", "public"], { cwd: project });
    site = path.join(project, "public");
  });

  it("builds the same pages into --out", async () => {
    expect(result.stderr).toBe("");
    expect(result.stdout.match(BUILT)?.groups?.out).toBe("public/");
    expect(result.code).toBe(0);
    expect(await htmlFiles(site)).toEqual(PAGES);
  });

  it("puts the prefix on every root-relative href and src in every page", async () => {
    let checked = 0;
    for (const file of await htmlFiles(site)) {
      const html = await read(site, file);
      for (const link of links(html).filter((l) => l.startsWith("/"))) {
        expect(link, `${file}: ${link}`).toMatch(/^\/policies\//);
        checked += 1;
      }
      // The redirect's target too, though it sits in a meta tag.
      for (const meta of tags(html, "meta").filter((t) => t.attributes["http-equiv"] === "refresh")) {
        expect(meta.attributes.content, file).toMatch(/^0; url=\/policies\//);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe.concurrent("hoshin build on bad data", () => {
  let project: string;
  let before: Record<string, string>;
  let text: RunResult;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
    expect((await hoshin(["build", "--no-pdf"], { cwd: project })).code).toBe(0);
    before = await hashTree(path.join(project, "_site"));
    // Now someone breaks the data: two broken files beside a good one.
    await cp(path.join(FIXTURES, "invalid"), path.join(project, "organizations"), { recursive: true });
    text = await hoshin(["build", "--no-pdf"], { cwd: project });
  });

  it("exits 1, reports every problem on stderr, and says nothing was built", () => {
    expect(text.code).toBe(1);
    expect(text.stdout).toBe("");
    const { lines, rest } = splitReport(text.stderr);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line).toMatch(DIAGNOSTIC_LINE);
    expect(new Set(lines.map((l) => l.split(":")[0]))).toEqual(
      new Set(["organizations/alpha-center.yaml", "organizations/beta-club.json"]),
    );
    expect(rest).toEqual([`${lines.length} errors in 2 files`, "hoshin: nothing was built; _site/ is unchanged", ""]);
    expect(text.stderr).not.toMatch(STACK_FRAME);
  });

  it("gives the same report as check", async () => {
    const check = await hoshin(["check"], { cwd: project });
    expect(text.stderr.startsWith(check.stdout)).toBe(true);
  });

  it("leaves the previous site byte for byte as it was, and no staging folder", async () => {
    expect(await hashTree(path.join(project, "_site"))).toEqual(before);
    expect((await readdir(project)).sort()).toEqual(["_site", "organizations"]);
  });

  it("creates no output folder that did not exist", async () => {
    const result = await hoshin(["build", "--no-pdf", "--out", "fresh/site"], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr.endsWith("hoshin: nothing was built; fresh/site/ is unchanged\n")).toBe(true);
    expect((await readdir(project)).sort()).toEqual(["_site", "organizations"]);
  });

  it("gives the report as JSON on stdout with --format json", async () => {
    const result = await hoshin(["build", "--no-pdf", "--format", "json"], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("hoshin: nothing was built; _site/ is unchanged\n");
    const report = JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; severity: string }>; summary: string };
    expect(report.diagnostics.length).toBe(splitReport(text.stderr).lines.length);
    expect(report.diagnostics.every((d) => d.severity === "error")).toBe(true);
    expect(report.summary).toBe(`${report.diagnostics.length} errors in 2 files`);
    expect(await hashTree(path.join(project, "_site"))).toEqual(before);
  });
});

describe.concurrent("hoshin build --format json on valid data, into a folder that does not exist yet", () => {
  it("creates the parent folders and prints only the (empty) JSON report on stdout", async () => {
    const project = await makeProject(["valid"]);
    const result = await hoshin(["build", "--no-pdf", "--format", "json", "--out", "public/site/policies"], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ diagnostics: [], summary: "0 errors in 0 files" });
    expect(await htmlFiles(path.join(project, "public", "site", "policies"))).toEqual(PAGES);
    expect((await readdir(path.join(project, "public", "site"))).sort()).toEqual(["policies"]);
  });
});

describe.concurrent("hoshin build refuses output folders that would destroy the user's files (exit 2)", () => {
  let project: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
    await writeFile(path.join(project, "notes.txt"), "my notes\n");
    await mkdir(path.join(project, "docs"));
    await writeFile(path.join(project, "docs", "index.html"), "<h1>Our handbook</h1>\n");
    await mkdir(path.join(project, "data", "orgs"), { recursive: true });
    // The input folder under a second name.
    await symlink("organizations", path.join(project, "orgs-link"), "dir");
    before = await hashTree(project);
  });

  it.each([
    [[], ".", "is the project folder or contains it"],
    [[], "..", "is the project folder or contains it"],
    [[], "./", "is the project folder or contains it"],
    [[], "organizations", "is the input folder or contains it"],
    [["--input", "data/orgs"], "data", "is the input folder or contains it"],
    [[], "organizations/site", "is inside the input folder"],
    [["--input", "orgs-link"], "organizations", "is the input folder or contains it"],
    [[], "orgs-link", "is the input folder or contains it"],
    [[], "orgs-link/site", "is inside the input folder"],
    [[], "docs", "holds files hoshin did not build, which the build would replace"],
  ])("%j --out %s", async (extra, out, why) => {
    const result = await hoshin(["build", "--no-pdf", ...extra, "--out", out], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^hoshin: output folder \`${out.replace(/[.]/g, "\\.")}\` ${why}; [^\\n]+\\n$`));
    expect(await hashTree(project)).toEqual(before);
    expect((await readdir(project)).sort()).toEqual(["data", "docs", "notes.txt", "organizations", "orgs-link"]);
  });
});

describe("hoshin build with a file where the output folder must be (exit 1)", () => {
  it.each([
    ["notes.txt", "is a file, not a folder"],
    ["notes.txt/site", "is inside a file, not a folder"],
  ])("--out %s", async (out, why) => {
    const project = await makeProject(["valid"]);
    await writeFile(path.join(project, "notes.txt"), "my notes\n");
    const result = await hoshin(["build", "--no-pdf", "--out", out], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `hoshin: output folder \`${out}\` ${why}; choose a folder of its own, such as _site\n` +
        "  what to do: remove or rename the file that stands where a folder must be, or choose another folder with --out\n",
    );
    expect(await readFile(path.join(project, "notes.txt"), "utf8")).toBe("my notes\n");
  });
});

describe.concurrent("hoshin build usage mistakes (exit 2)", () => {
  let project: string;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
  });

  it("names a missing input folder and writes nothing", async () => {
    const result = await hoshin(["build", "--no-pdf", "--input", "orgs"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^hoshin: input folder `orgs` does not exist[^\n]*\n$/);
    expect(await readdir(project)).toEqual(["organizations"]);
  });

  it("suggests the option meant for an unknown one", async () => {
    const result = await hoshin(["build", "--no-pdf", "--inptu", "organizations"], { cwd: project });
    expect(result).toEqual({ code: 2, stdout: "", stderr: "error: unknown option '--inptu'\n(Did you mean --input?)\n" });
    expect(await readdir(project)).toEqual(["organizations"]);
  });

  it("refuses arguments it does not take", async () => {
    const result = await hoshin(["build", "--no-pdf", "organizations"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: too many arguments for 'build'/);
  });
});

describe.concurrent("data that looks like markup", () => {
  let site: string;
  beforeAll(async () => {
    const project = await makeProject(["script-name"]);
    const result = await hoshin(["build", "--no-pdf"], { cwd: project });
    expect(result.code).toBe(0);
    site = path.join(project, "_site");
  });

  it("is shown escaped, never as a tag", async () => {
    const files = await htmlFiles(site);
    expect(files).toEqual(["evil/en/index.html", "evil/index.html", "index.html"]);
    for (const file of files) {
      const html = await read(site, file);
      expect(html, file).not.toMatch(/<script/i);
      expect(html, file).not.toMatch(/<img/i);
      expect(html, file).not.toMatch(/<[bi]>/);
      expect(html, file).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      // No attribute sprang from the data: every tag still has only hoshin's attributes.
      for (const tag of tags(html)) expect(Object.keys(tag.attributes), file).not.toContain("onerror");
    }
    const page = await read(site, "evil/en/index.html");
    expect(page).toContain("<title>Privacy Policy | &lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(page).toContain("&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;i&gt;not italic&lt;/i&gt;");
    expect(page).toContain("&lt;script&gt;alert(3)&lt;/script&gt;");
  });
});

describe.concurrent("hoshin build --strict: an incomplete policy is not published", () => {
  let project: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    project = await makeProject(["valid", "incomplete"]);
    const first = await hoshin(["build", "--no-pdf"], { cwd: project });
    expect(first.code).toBe(0);
    before = await hashTree(path.join(project, "_site"));
  });

  it("without --strict: builds, warns on stderr, and the index counts what each policy lacks", async () => {
    const result = await hoshin(["build", "--no-pdf", "--out", "lenient"], { cwd: project });
    expect(result.code).toBe(0);
    const { lines, rest } = splitReport(result.stderr);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^organizations\/sakura-kai\.yaml:\d+:\d+  \S+  warning: /);
    expect(rest).toEqual(["0 errors, 3 warnings in 1 file", ""]);
    const index = await read(path.join(project, "lenient"), "index.html");
    expect(index).toContain('<span class="completeness-missing">3項目不足 <span lang="en">3 items missing</span></span>');
    expect(index.match(/class="completeness-complete"/g)).toHaveLength(3);
  });

  it("with --strict: exits 1, builds nothing, and leaves the previous site as it was", async () => {
    const result = await hoshin(["build", "--no-pdf", "--strict"], { cwd: project });
    expect(result.code).toBe(1);
    const { lines, rest } = splitReport(result.stderr);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain("warning:");
    expect(rest).toEqual(["3 errors in 1 file", "hoshin: nothing was built; _site/ is unchanged", ""]);
    expect(await hashTree(path.join(project, "_site"))).toEqual(before);
  });

  it("with --strict --format json: the findings as errors on stdout, exit 1", async () => {
    const result = await hoshin(["build", "--no-pdf", "--strict", "--format", "json", "--out", "strict-json"], { cwd: project });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: Array<{ code: string; severity: string }> };
    expect(report.diagnostics.map((d) => d.code)).toEqual(["appi-complaints-contact", "appi-security-measures", "appi-operator-address"]);
    expect(report.diagnostics.every((d) => d.severity === "error")).toBe(true);
    expect(result.stderr).toBe("hoshin: nothing was built; strict-json/ is unchanged\n");
  });

  it("with --strict on complete data: builds as usual", async () => {
    const complete = await makeProject(["valid"]);
    const result = await hoshin(["build", "--no-pdf", "--strict"], { cwd: complete });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(BUILT);
  });
});
