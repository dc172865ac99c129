/**
 * PDFs for plain Eleventy builds: the plugin's `pdf: true` prints every policy page once
 * Eleventy has written the site, with the same browser search, cache and printing as
 * `hoshin build`. Loaded only when printing: Playwright is slow to import.
 */
import { packageInfo } from "../model/package-info.js";
import type { PrintedPage } from "./print-site.js";

export async function printSitePdfs(
  pages: readonly PrintedPage[],
  options: { siteDir: string; pathPrefix: string; siteUrl?: string },
): Promise<void> {
  const [{ findBrowser }, { PdfCache, defaultCacheDir }, { printPdfs }] = await Promise.all([
    import("./find-browser.js"),
    import("./cache.js"),
    import("./print-site.js"),
  ]);
  const siteUrl = options.siteUrl && !options.siteUrl.endsWith("/") ? `${options.siteUrl}/` : options.siteUrl;
  // Eleventy accepts `policies` for `/policies/`; the print server wants the slashes.
  const pathPrefix = `/${options.pathPrefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  await printPdfs(pages, {
    siteDir: options.siteDir,
    pathPrefix,
    browser: await findBrowser(),
    cache: new PdfCache(defaultCacheDir()),
    producer: `hoshin ${packageInfo.version}`,
    siteUrl,
  });
}
