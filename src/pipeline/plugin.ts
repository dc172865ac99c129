/**
 * hoshin as an Eleventy plugin, the package's public entry for plain Eleventy sites: the
 * organizations loaded from a folder (discover → parse → validate → normalize, refusing
 * the build on any error) or handed over already loaded, rendered into the site, and
 * optionally printed once Eleventy has written it.
 */
import { DataError } from "../diagnostics/errors.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import type { OrganizationModel } from "../model/policy.js";
import { printSitePdfs } from "../print/after-eleventy.js";
import { renderPolicies, type EleventyConfigLike, type RenderPluginOptions } from "../render/plugin.js";
import { loadOrganizations } from "./load.js";

export interface HoshinPluginOptions extends RenderPluginOptions {
  /** Folder of organization files, loaded and validated by the plugin. Default `organizations`. */
  input?: string;
  /** Already-validated organizations (the CLI passes these; `input` is then ignored). */
  organizations?: OrganizationModel[];
  /** Folder of archived versions (plain Eleventy only); default `archive` beside `input`. */
  archive?: string;
  /** Folder of languages the site adds, `<tag>.yaml` (plain Eleventy only); default `languages` beside `input`. */
  languagesDir?: string;
  /**
   * With `pdf`, the PDFs are printed once Eleventy has written the site (Chromium found as
   * `hoshin build` finds it), unless the caller prints them itself in its own stage, as the
   * hoshin CLI does.
   */
  pdfPrintedByCaller?: boolean;
}

export function hoshin(eleventyConfig: EleventyConfigLike, options: HoshinPluginOptions = {}): void {
  const siteData = renderPolicies(eleventyConfig, options, async () => options.organizations ?? loadOrRefuse(options));
  if (!options.pdf || options.pdfPrintedByCaller) return;
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const data = siteData();
    if (!data) return;
    const { pages } = await data;
    await printSitePdfs(pages, { siteDir: directories.output, pathPrefix: eleventyConfig.pathPrefix ?? "/", siteUrl: options.siteUrl });
  });
}

async function loadOrRefuse(options: HoshinPluginOptions): Promise<OrganizationModel[]> {
  const result = await loadOrganizations(options.input ?? "organizations", { archive: options.archive, languagesDir: options.languagesDir });
  if (result.diagnostics.some((d) => d.severity === "error")) {
    const error = new DataError(result.diagnostics);
    error.message = `${error.message}:\n${formatDiagnostics(result.diagnostics, "text")}`;
    throw error;
  }
  return result.organizations;
}
