/**
 * The hoshin Eleventy plugin: adds the policy pages, the index and their assets to an
 * Eleventy build. The hoshin CLI uses it with already-validated data; plain Eleventy
 * (`.eleventy.js`) uses it with a folder, which it loads and validates itself.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { loadOrganizations } from "../build/load.js";
import { DataError } from "../errors.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import type { OrganizationModel, PolicyPage } from "../normalize/model.js";
import { formatPolicyDate } from "./dates.js";
import { formatHours, formatTimeRange } from "./hours.js";
import { renderMarkdown } from "./markdown.js";
import { FONT_OUTPUT_DIR, FONT_PACKAGE_DIR, fontFaceCss, fontFiles } from "./fonts.js";
import { joinList } from "./lists.js";
import { cssString } from "./css.js";

export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface HoshinPluginOptions {
  /** Folder of organization files, loaded and validated by the plugin. Default `organizations`. */
  input?: string;
  /** Already-validated organizations (the CLI passes these; `input` is then ignored). */
  organizations?: OrganizationModel[];
  /** Whether PDFs are built beside the pages, so pages link to them. Default false. */
  pdf?: boolean;
  /**
   * The organizations whose pages this build writes, when it is one shard of a bigger build
   * (`hoshin build --shard`); default every organization. The index still lists them all.
   */
  pagesOf?: OrganizationModel[];
}

/** The site-wide data templates see as `hoshin`. */
export interface HoshinSiteData {
  /** The organizations whose pages this build writes: all of them, or a shard's. */
  organizations: OrganizationModel[];
  /** Their policy pages. */
  pages: PolicyPage[];
  /** Every organization on the site, for site-wide pages such as the index. */
  allOrganizations: OrganizationModel[];
  pdf: boolean;
}

/** The parts of Eleventy's UserConfig this plugin uses. */
export interface EleventyConfigLike {
  on(event: string, callback: (arg: { nunjucks: NunjucksLike; environment: NunjucksEnvironmentLike }) => void): void;
  addGlobalData(name: string, data: () => Promise<unknown>): void;
  addTemplate(virtualPath: string, content: string, data?: object): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
}
interface NunjucksLike {
  FileSystemLoader: new (dirs: string) => NunjucksLoaderLike;
}
interface NunjucksLoaderLike {
  cache?: object;
  pathsToNames?: object;
  getSource(name: string): { src: string; path: string; noCache: boolean } | null;
}
interface NunjucksEnvironmentLike {
  loaders: NunjucksLoaderLike[];
  opts: { autoescape?: boolean };
}

/**
 * Eleventy 3.1 compiles a Nunjucks page template anew for every page it paginates (its own
 * compile cache is off for Nunjucks, and Nunjucks caches only what a loader loads): at a
 * thousand organizations that was 40 % of the build. So each page is added as a one-line
 * template that includes its body, and the bodies come from a loader, compiled once.
 */
const PAGE_BODY_PREFIX = "hoshin:pages/";

function pageBodyLoader(bodies: ReadonlyMap<string, string>): NunjucksLoaderLike {
  return {
    cache: {},
    // Eleventy's watch mode reads this map when a file changes; page bodies are not files.
    pathsToNames: {},
    getSource(name) {
      const src = bodies.get(name);
      return src === undefined ? null : { src, path: name, noCache: false };
    },
  };
}

export function hoshin(eleventyConfig: EleventyConfigLike, options: HoshinPluginOptions = {}): void {
  let siteData: Promise<HoshinSiteData> | undefined;
  eleventyConfig.addGlobalData("hoshin", () => (siteData ??= loadSiteData(options)));

  const bodies = new Map<string, string>();
  for (const page of ["index", "policy", "organization", "print"]) {
    // Options given, so gray-matter parses afresh: its cache would hand every build (a dev
    // server makes many) the same front matter object, for Eleventy to add to.
    const { data, content } = matter(readFileSync(path.join(TEMPLATES_DIR, "pages", `${page}.njk`), "utf8"), {});
    const body = `${PAGE_BODY_PREFIX}${page}.njk`;
    bodies.set(body, content);
    eleventyConfig.addTemplate(`hoshin/${page}.njk`, `{% include "${body}" %}`, data);
  }

  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks, environment }) => {
    // Our partials live in the package, not in the site's _includes: add them as one more
    // place Nunjucks looks. A new loader needs the cache Environment would have given it.
    const loader = new nunjucks.FileSystemLoader(TEMPLATES_DIR);
    loader.cache = {};
    environment.loaders.push(loader, pageBodyLoader(bodies));
    // Everything from a data file is escaped, whatever the host site chose.
    environment.opts.autoescape = true;
  });

  eleventyConfig.addFilter("hoshinDate", (iso: string, lang: PolicyPage["lang"], style: PolicyPage["dateStyle"]) =>
    formatPolicyDate(iso, lang, style),
  );
  eleventyConfig.addFilter("hoshinHours", (hours: Parameters<typeof formatHours>[0], page: PolicyPage) =>
    formatHours(hours, page.lang, { ja: page.organization.self ?? "", en: page.organization.self }),
  );
  eleventyConfig.addFilter("hoshinTimeRange", formatTimeRange);
  eleventyConfig.addFilter("hoshinList", joinList);
  eleventyConfig.addFilter("hoshinMarkdown", renderMarkdown);
  eleventyConfig.addFilter("hoshinCssString", cssString);

  const css = fontFaceCss();
  eleventyConfig.addTemplate("hoshin/fonts.njk", `{% raw %}${css}{% endraw %}`, {
    permalink: "/assets/hoshin/fonts.css",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addPassthroughCopy({
    [path.join(TEMPLATES_DIR, "assets", "hoshin.css")]: "assets/hoshin/hoshin.css",
    ...Object.fromEntries(
      fontFiles(css).map((file) => [path.join(FONT_PACKAGE_DIR, "files", file), `${FONT_OUTPUT_DIR}/${file}`]),
    ),
  });
}

async function loadSiteData(options: HoshinPluginOptions): Promise<HoshinSiteData> {
  let organizations = options.organizations;
  if (!organizations) {
    const result = await loadOrganizations(options.input ?? "organizations");
    if (result.diagnostics.some((d) => d.severity === "error")) {
      const error = new DataError(result.diagnostics);
      error.message = `${error.message}:\n${formatDiagnostics(result.diagnostics, "text")}`;
      throw error;
    }
    organizations = result.organizations;
  }
  const built = options.pagesOf ?? organizations;
  return { organizations: built, pages: built.flatMap((o) => o.pages), allOrganizations: organizations, pdf: options.pdf ?? false };
}
