/**
 * A policy page carries its running header (organization, title, page numbers) as its own
 * `<style media="print">`, allowed by a hash in its Content-Security-Policy and by nothing
 * broader. The hash must be of exactly the text the page carries, and change with it.
 */
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import { afterAll, describe, expect, it } from "vitest";

import { loadOrganizations } from "../../src/pipeline/load.js";
import { renderSite } from "../../src/pipeline/eleventy.js";
import { REPO } from "../helpers/site.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** Builds the fixture with the organization's Japanese name replaced, and reads one page. */
async function pageWithName(name: string): Promise<string> {
  const input = await mkdtemp(path.join(os.tmpdir(), "hoshin-print-rules-input-"));
  const output = await mkdtemp(path.join(os.tmpdir(), "hoshin-print-rules-site-"));
  folders.push(input, output);
  const fixture = path.join(REPO, "test", "fixtures", "cli", "valid", "minato-support.yaml");
  await cp(fixture, path.join(input, "minato-support.yaml"));
  const yaml = await readFile(fixture, "utf8");
  await writeFile(path.join(input, "minato-support.yaml"), yaml.replace("ja: 一般社団法人 みなと支援ネット", `ja: ${JSON.stringify(name)}`));
  const { organizations, diagnostics } = await loadOrganizations(input);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  await renderSite(organizations, { outDir: output });
  return readFile(path.join(output, "minato-support", "ja", "index.html"), "utf8");
}

/** The page's inline style texts and its style-src sources. */
function styleAndPolicy(html: string): { styles: string[]; styleSources: string[] } {
  const document = parseDocument(html);
  const styles: string[] = [];
  let policy = "";
  const visit = (node: { type?: string; name?: string; attribs?: Record<string, string>; children?: unknown[]; data?: string }) => {
    if (node.name === "style") styles.push((node.children as Array<{ data?: string }>).map((child) => child.data ?? "").join(""));
    if (node.name === "meta" && node.attribs?.["http-equiv"] === "Content-Security-Policy") policy = node.attribs.content ?? "";
    for (const child of (node.children ?? []) as Array<typeof node>) visit(child);
  };
  visit(document as never);
  const styleSrc = policy.split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name === "style-src") ?? [];
  return { styles, styleSources: styleSrc.slice(1) };
}

const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("a policy page's rules for paper", () => {
  it("are in the page, and its CSP allows exactly them by their hash", async () => {
    const html = await pageWithName("一般社団法人 みなと支援ネット");
    const { styles, styleSources } = styleAndPolicy(html);
    expect(styles).toHaveLength(1);
    expect(styles[0]).toContain('@top-left { content: "一般社団法人 みなと支援ネット"; }');
    expect(styleSources).toEqual(["'self'", hashOf(styles[0]!)]);
  });

  it("change with the organization's name, hash and all; markup in a name stays text", async () => {
    const before = styleAndPolicy(await pageWithName("一般社団法人 みなと支援ネット"));
    const after = styleAndPolicy(await pageWithName("</style><b>みなと</b>"));
    expect(after.styles).toHaveLength(1);
    expect(after.styles[0]).toContain('content: "\\3c /style\\3e \\3c b\\3e みなと\\3c /b\\3e "');
    expect(after.styleSources).toEqual(["'self'", hashOf(after.styles[0]!)]);
    expect(after.styleSources[1]).not.toBe(before.styleSources[1]);
  });
});
