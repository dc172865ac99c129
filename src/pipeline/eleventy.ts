/** The render stage: Eleventy writes the pages of already-validated organizations. */
import { addLanguages, type AddedLanguage } from "../wording/wording.js";
import "./eleventy-without-esm-resolver.js";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type { OrganizationModel } from "../model/policy.js";
import type { OrganizationListing } from "../model/listing.js";
import { renderPolicies, type EleventyConfigLike, type RenderPluginOptions } from "../render/plugin.js";

type HoshinEleventyConfig = EleventyConfigLike & {
  addPlugin: (plugin: unknown, options: object) => void;
};

export interface RenderOptions {
  outDir: string;
  /** URL path the site is served under, e.g. `/policies/`. */
  pathPrefix?: string;
  /** PDFs will be printed beside the pages, so the pages link to them. */
  pdf?: boolean;
  /** Where the site is published, for absolute links in the feeds. */
  siteUrl?: string;
  /** Render for the archive (`hoshin freeze`): see RenderPluginOptions.freeze. */
  freeze?: RenderPluginOptions["freeze"];
  /** Write only these organizations' pages and the index (see RenderPluginOptions). */
  only?: ReadonlySet<string>;
  /** Write the shared stylesheets, fonts and site feed; default true (see RenderPluginOptions). */
  sharedFiles?: boolean;
  /** Write the index; default true (see RenderPluginOptions). */
  index?: boolean;
  /** Pages load the `hoshin dev` client. */
  liveReload?: boolean;
  /** The languages the site adds (LoadResult.languages): a worker thread registers them before it renders. */
  languages?: AddedLanguage[];
}

interface EleventyBenchmarksLike {
  benchmarkManager: { get(name: string): { setIsVerbose(verbose: boolean): void } };
}

export interface RenderResult {
  /** Files Eleventy wrote (pages and copied assets). */
  written: number;
}

/** A page Eleventy wrote, and the text it wrote there. */
export interface WrittenPage {
  outputPath: string;
  content: string;
}

export interface RenderedSite extends RenderResult {
  /** Every page written, with its text: what the page store keeps, without reading it back. */
  pages: WrittenPage[];
}

/**
 * Renders `organizations` as `options` say. The index and the site's feed list `listing`
 * when it is given (every organization of a build rendered a few hundred at a time), and
 * `organizations` otherwise.
 */
export async function renderSite(
  organizations: OrganizationModel[],
  options: RenderOptions,
  listing?: readonly OrganizationListing[],
): Promise<RenderedSite> {
  addLanguages(options.languages);
  // Eleventy wants an input folder; every hoshin page is virtual, so it gets an empty one
  // and never picks up the user's other files (README.md and the like).
  const emptyInput = await mkdtemp(path.join(os.tmpdir(), "hoshin-input-"));
  try {
    const eleventy = new Eleventy(emptyInput, options.outDir, {
      quietMode: true,
      configPath: false,
      pathPrefix: options.pathPrefix ?? "/",
      config: (config: HoshinEleventyConfig & EleventyBenchmarksLike) => {
        // Eleventy makes this benchmark group before quietMode applies, so without this its
        // "Benchmark" warnings (a Nunjucks filter on small rebuilds, the freeze transform on a
        // small site) reach the terminal; hoshin reports its own timings.
        config.benchmarkManager.get("Configuration").setIsVerbose(false);
        // The render alone: the caller prints in a stage of its own, with progress.
        const plugin: RenderPluginOptions = {
          pdf: options.pdf ?? false,
          siteUrl: options.siteUrl,
          freeze: options.freeze,
          only: options.only,
          sharedFiles: options.sharedFiles,
          index: options.index,
          liveReload: options.liveReload ?? false,
        };
        config.addPlugin((eleventyConfig: EleventyConfigLike) => {
          renderPolicies(eleventyConfig, plugin, async () => organizations, listing);
        }, {});
      },
    });
    eleventy.disableLogger();
    const [copied, templates] = await eleventy.write();
    const pages = templates.flatMap(({ outputPath, content }) =>
      typeof outputPath === "string" && typeof content === "string" ? [{ outputPath, content }] : [],
    );
    return { written: copied.length + templates.length, pages };
  } finally {
    await rm(emptyInput, { recursive: true, force: true });
  }
}
