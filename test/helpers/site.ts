/** Builds a real site from a folder of organizations with the real pipeline and Eleventy. */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadOrganizations } from "../../src/pipeline/load.js";
import { renderSite } from "../../src/pipeline/eleventy.js";

export const REPO = path.resolve(import.meta.dirname, "../..");

export async function buildSite(inputDir: string): Promise<string> {
  const { organizations, diagnostics } = await loadOrganizations(inputDir);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(`fixture is invalid: ${JSON.stringify(errors, null, 2)}`);
  const outDir = await mkdtemp(path.join(os.tmpdir(), "hoshin-test-site-"));
  // As `hoshin build` makes it by default: pages link to their PDFs (printing is test/pdf's).
  await renderSite(organizations, { outDir, pdf: true });
  return outDir;
}

export function readPage(site: string, url: string): Promise<string> {
  return readFile(path.join(site, url, "index.html"), "utf8");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** The words a reader sees: tags gone, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<head>[\s\S]*?<\/head>/, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Text with the spaces that tags left between Japanese characters removed. */
export function japaneseText(html: string): string {
  return visibleText(html).replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, "");
}
