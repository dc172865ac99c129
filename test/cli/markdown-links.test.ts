/**
 * Links and raw HTML in the Markdown of organization files, through `hoshin build` as a user
 * runs it: a link the page may not carry stops the build at its line and column; raw HTML is
 * a warning and is published as text; the links a policy may have are links on the page and
 * in the PDF, where the site is published, not where it was printed.
 */
import { cp, readFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DIAGNOSTIC_LINE, FIXTURES, STACK_FRAME, hashTree, hoshin, makeProject, read, removeProjects, splitReport, tags, type RunResult } from "./helpers.js";
import { readStructure } from "../print/structure.js";

afterAll(removeProjects);

describe.concurrent("Markdown with raw HTML and the links a policy may have, built under --path-prefix", () => {
  let site: string;
  let result: RunResult;
  beforeAll(async () => {
    const project = await makeProject(["markdown-text"]);
    site = path.join(project, "_site");
    result = await hoshin(["build", "--path-prefix", "/policies/"], { cwd: project });
  });

  it("builds, and warns about each piece of raw HTML at its place", () => {
    expect(result.code).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("raw HTML"));
    expect(warnings).toEqual([
      "organizations/himawari.md:24:4  (body)  warning: raw HTML `<b>` is shown on the page as text: HTML is not read in Markdown here (write bold text as `**text**`; to show a `<` as it is, write `\\<`)",
      "organizations/himawari.md:32:39  (body)  warning: raw HTML `<br>` is shown on the page as text: HTML is not read in Markdown here (for a line break, end the line with a backslash `\\`; for a new paragraph, leave an empty line; to show a `<` as it is, write `\\<`)",
    ]);
  });

  it("shows the raw HTML as text, and every allowed link as a link", async () => {
    const ja = await read(site, "himawari/ja/index.html");
    expect(ja).toContain("写真は&lt;b&gt;同意がある場合に限り&lt;/b&gt;撮影します。");
    const hrefs = tags(ja, "a").map((a) => a.attributes.href);
    for (const href of ["/forms/photo/", "#contact", "?lang=en", "mailto:info@example.org", "tel:03-1234-5678", "https://example.org/"]) {
      expect(hrefs).toContain(href);
    }
    expect(await read(site, "himawari/en/index.html")).toContain("only with consent.&lt;br&gt;");
  });

  it("rebases the site's links in the PDF, those outside the prefix too", async () => {
    const pdf = (await read(site, "himawari/ja/index.html")).match(/href="\/policies\/([^"]+\.pdf)"/)?.[1];
    expect(pdf).toBeDefined();
    const { uris } = await readStructure(await readFile(path.join(site, pdf!)));
    expect(uris).toContain("/forms/photo/");
    expect(uris).toContain("/policies/himawari/ja/?lang=en");
    for (const uri of uris) expect(uri).not.toMatch(/127\.0\.0\.1|localhost/);
  });
});

describe.concurrent("a custom section with a javascript: link", () => {
  let project: string;
  let before: Record<string, string>;
  let result: RunResult;
  beforeAll(async () => {
    project = await makeProject(["valid"]);
    expect((await hoshin(["build", "--no-pdf"], { cwd: project })).code).toBe(0);
    before = await hashTree(path.join(project, "_site"));
    await cp(path.join(FIXTURES, "bad-link"), path.join(project, "organizations"), { recursive: true });
    result = await hoshin(["build", "--no-pdf"], { cwd: project });
  });

  it("stops the build with the link's line, column, field and the allowed links", () => {
    expect(result.code).toBe(1);
    const { lines, rest } = splitReport(result.stderr);
    const errors = lines.filter((line) => !line.includes("warning:"));
    expect(errors).toEqual([
      "organizations/sakura.yaml:15:10  customSections[0].body  link to `javascript:document.forms[0].submit()` is not allowed: it would run a script, not open a page (link to the page or form itself; a policy may link to https:, http:, mailto: and tel: addresses, or to a page of this site: a path such as `/forms/`, a `#section` or a `?query`)",
    ]);
    for (const line of lines) expect(line).toMatch(DIAGNOSTIC_LINE);
    expect(rest.at(-2)).toBe("hoshin: nothing was built; _site/ is unchanged");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("leaves the previous site byte for byte as it was", async () => {
    expect(await hashTree(path.join(project, "_site"))).toEqual(before);
  });
});
