import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The README is the door (at most 12 KB); the guides in docs/ hold the rest, and every link between them leads somewhere. */
const PAGES = ["README.md", ...readdirSync("docs").filter((file) => file.endsWith(".md")).map((file) => `docs/${file}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/^```[\s\S]*?^```/gm, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)));
}

function links(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
}

describe("the README and the guides", () => {
  it("keep the README to the door: at most 12 KB", () => {
    expect(readFileSync("README.md").length).toBeLessThanOrEqual(12 * 1024);
  });

  it("link only to files and headings that exist", () => {
    const broken = PAGES.flatMap((page) =>
      links(page).flatMap((link) => {
        const [target = "", fragment] = link.split("#");
        const file = target === "" ? page : path.join(path.dirname(page), decodeURI(target));
        if (!existsSync(file)) return [`${page}: ${link} (no such file)`];
        if (fragment === undefined || !file.endsWith(".md")) return [];
        return anchors(file).has(fragment) ? [] : [`${page}: ${link} (no such heading)`];
      }),
    );
    expect(broken).toEqual([]);
  });

  it("are each linked from the README", () => {
    const fromReadme = new Set(links("README.md").map((link) => link.split("#")[0]));
    const unlinked = PAGES.filter((page) => page !== "README.md" && page !== "docs/benchmarks-log.md" && !fromReadme.has(page));
    expect(unlinked).toEqual([]);
  });
});
