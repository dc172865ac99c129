/**
 * The hoshin Eleventy plugin: adds the policy pages, the index and their assets to an
 * Eleventy build. The hoshin CLI uses it with already-validated data; plain Eleventy
 * (`.eleventy.js`) uses it with a folder, which it loads and validates itself.
 */
import { readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import type { ChangePage, Lang, OrganizationModel, PolicyPage, SupersededPage, VersionModel } from "../model/policy.js";
import type { OrganizationListing } from "../model/listing.js";
import { sectionDiff } from "./diff.js";
import { relativeUrl } from "./relative-url.js";
import { formatPolicyDate } from "./dates.js";
import { formatHours, formatTimeRange } from "./hours.js";
import { renderMarkdown } from "./markdown.js";
import { fontFaceCss, fontFiles } from "./fonts.js";
import { languageName } from "./language-names.js";
import { joinList } from "./lists.js";
import { loadCompiled, type CompilingEnvironment, type TemplateLoader } from "./compiled-templates.js";
import { loadWording, sayHtml, sayText, words } from "../wording/wording.js";
import { cspHash, cssString } from "./css.js";
import { normalizeBase, placeUnder } from "./base.js";
import { onlyLanguages } from "./languages.js";
import { transmissionPages, type TransmissionPage, type TransmissionShortLink } from "./transmission.js";

export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** How the policy pages are rendered (the public plugin's options, less where the organizations come from). */
export interface RenderPluginOptions {
  /** A PDF beside every policy page, linked from it and from the index. Default false. */
  pdf?: boolean;
  /**
   * Where the site is published, e.g. `https://example.org/`: links between pages inside
   * the PDFs, and the feeds' links, point there. Without it they are root-relative, as in
   * `hoshin build`.
   */
  siteUrl?: string;
  /**
   * The folder of the site the policy pages go under, e.g. `/privacy/` (default `/`): the
   * index becomes /privacy/ and a policy /privacy/<slug>/ja/. Eleventy's own pathPrefix
   * still applies on top, as for every page of the site.
   */
  base?: string;
  /**
   * Publish only these languages, e.g. `["ja"]` (default: every language of each
   * organization). An organization's authoritative version is kept whatever its language.
   */
  languages?: Lang[];
  /**
   * Write the pages of these organizations only (the index still lists all): one shard of a
   * bigger build (`hoshin build --shard`), or what one save changed (`hoshin dev`).
   */
  only?: ReadonlySet<string>;
  /**
   * Write the files every page shares — stylesheets, fonts, the site's feed. Default true;
   * `hoshin dev` turns it off when it rewrites a few pages into a site it already built.
   */
  sharedFiles?: boolean;
  /**
   * Write the index. Default true; false for all but one part of a build rendered in
   * parts (see pipeline/parallel-render.ts), since one index lists every organization.
   */
  index?: boolean;
  /** Pages load `/.hoshin/dev.js`, which `hoshin dev` serves: live reload and the problems overlay. */
  liveReload?: boolean;
  /**
   * Renders pages to be frozen into the archive (`hoshin freeze`): every link is made
   * relative, so the page works under any path prefix, and each `from` address is moved
   * to its `to` (the stylesheet to the copy kept with the version).
   */
  freeze?: { moves: Record<string, string> };
}

/** The site-wide data templates see as `hoshin`. */
export interface HoshinSiteData {
  /** Every organization: the index lists them all. */
  organizations: OrganizationListing[];
  /** The organizations whose pages are written: all, a shard's, or the one `hoshin dev` rebuilds. */
  shortLinks: OrganizationModel[];
  /** The policy pages written. */
  pages: PolicyPage[];
  changes: ChangePage[];
  superseded: SupersededPage[];
  /** Archived files published as they are: `{ from: absolute path, to: site-relative path }`. */
  archivedFiles: Array<{ from: string; to: string }>;
  /** The external-transmission pages of their own, and their short addresses. */
  transmissionPages: TransmissionPage[];
  transmissionShortLinks: TransmissionShortLink[];
  /** Organizations with versions: each has a feed. */
  feeds: OrganizationModel[];
  /** Every version of every policy, newest first, for the site's feed (none when no policy has a date). */
  siteFeed: Array<Array<VersionModel & { organization: OrganizationListing }>>;
  pdf: boolean;
  liveReload: boolean;
  /** The folder the pages are under: `/`, or e.g. `/privacy/`. */
  base: string;
  /** The @font-face rules of the languages the site publishes (`assets/hoshin/fonts.css`). */
  fontsCss: string;
}

/** What a page's data holds besides Eleventy's own: the site, and the item it is paginated over. */
interface PageData {
  hoshin: HoshinSiteData;
  policy: PolicyPage;
  organization: OrganizationModel;
  change: ChangePage;
  archived: SupersededPage;
  transmission: TransmissionPage;
  short: TransmissionShortLink;
}

/**
 * Where each page is written. Functions, not strings in the pages' front matter: Eleventy
 * renders a permalink string as a Nunjucks template of its own for every page, which cost
 * a fifth of the render stage; the addresses themselves come with the render model.
 */
const PERMALINKS: Readonly<Record<string, (data: PageData) => string | false>> = {
  index: ({ hoshin }) => `${hoshin.base}index.html`,
  policy: ({ policy }) => `${policy.url}index.html`,
  organization: ({ hoshin, organization }) => `${hoshin.base}${organization.slug}/index.html`,
  changes: ({ change }) => `${change.url}index.html`,
  superseded: ({ archived }) => `${archived.url}index.html`,
  // Only organizations with versions have a feed; with no address, nothing is written.
  feed: ({ organization }) => organization.feedUrl ?? false,
  "site-feed": ({ hoshin }) => `${hoshin.base}feed.xml`,
  "external-transmission": ({ transmission }) => `${transmission.policy.transmissionUrl}index.html`,
  "external-transmission-short": ({ short }) => `${short.url}index.html`,
};

/** The parts of Eleventy's UserConfig this plugin uses. */
export interface EleventyConfigLike {
  on(event: "eleventy.engine.njk", callback: (arg: { nunjucks: NunjucksLike; environment: NunjucksEnvironmentLike }) => void): void;
  on(event: "eleventy.after", callback: (arg: { directories: { output: string } }) => Promise<void>): void;
  /** The site's path prefix (`--pathprefix`, or `pathPrefix` in its config). */
  pathPrefix?: string;
  addGlobalData(name: string, data: () => Promise<unknown>): void;
  addTemplate(virtualPath: string, content: string, data?: object): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  getFilter(name: string): ((this: unknown, ...args: unknown[]) => unknown) | undefined;
  addPassthroughCopy(mapping: Record<string, string>): void;
  htmlTransformer: {
    addUrlTransform(extensions: string, callback: (this: { url: string }, url: string) => string): void;
  };
}
interface NunjucksLike {
  FileSystemLoader: new (dirs: string) => NunjucksLoaderLike;
}
interface NunjucksLoaderLike extends TemplateLoader {
  cache?: object;
  pathsToNames?: object;
}
interface NunjucksEnvironmentLike extends CompilingEnvironment {
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

/**
 * Adds hoshin's pages to an Eleventy configuration: the organizations, asked for once when
 * Eleventy first wants its data, rendered as `options` say. Returns the site data once it
 * has been asked for (undefined before), for a caller that does more after Eleventy's run.
 *
 * `listing`, when given, is what the index and the site's feed list instead of the
 * organizations rendered: `hoshin build` renders a few hundred at a time, and lists all.
 * It is listed as it is, so it goes with neither `base` nor `languages`.
 */
export function renderPolicies(
  eleventyConfig: EleventyConfigLike,
  options: RenderPluginOptions,
  organizations: () => Promise<OrganizationModel[]>,
  listing?: readonly OrganizationListing[],
): () => Promise<HoshinSiteData> | undefined {
  const base = normalizeBase(options.base);
  if (listing && (base !== "/" || options.languages)) throw new Error("hoshin: a listing is listed as it is; render it without `base` or `languages`");
  let siteData: Promise<HoshinSiteData> | undefined;
  const loadSiteData = () => (siteData ??= organizations().then((loaded) => siteDataOf(loaded, options, base, listing)));
  eleventyConfig.addGlobalData("hoshin", loadSiteData);

  // Archived files are published byte for byte: copied, never passed through a template.
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { archivedFiles } = await loadSiteData();
    for (const { from, to } of archivedFiles) {
      const target = path.join(directories.output, to);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(from, target);
    }
  });

  if (options.freeze) {
    const moves = options.freeze.moves;
    eleventyConfig.htmlTransformer.addUrlTransform("html", function (url) {
      if (!url.startsWith("/") || url.startsWith("//")) return url;
      const [address = "", fragment] = url.split("#");
      const target = moves[address] ?? address;
      return relativeUrl(this.url, target) + (fragment === undefined ? "" : `#${fragment}`);
    });
  }

  const bodies = new Map<string, string>();
  const pages = ["index", "policy", "organization", "changes", "superseded", "feed", "site-feed", "external-transmission", "external-transmission-short"];
  for (const page of options.index === false ? pages.filter((name) => name !== "index") : pages) {
    // Options given, so gray-matter parses afresh: its cache would hand every build (a dev
    // server makes many) the same front matter object, for Eleventy to add to.
    const { data, content } = matter(readFileSync(path.join(TEMPLATES_DIR, "pages", `${page}.njk`), "utf8"), {});
    const body = `${PAGE_BODY_PREFIX}${page}.njk`;
    bodies.set(body, content);
    eleventyConfig.addTemplate(`hoshin/${page}.njk`, `{% include "${body}" %}`, { ...data, permalink: PERMALINKS[page] ?? data.permalink });
  }

  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks, environment }) => {
    // Our partials live in the package, not in the site's _includes: add them as one more
    // place Nunjucks looks. A new loader needs the cache Environment would have given it.
    const loader = new nunjucks.FileSystemLoader(TEMPLATES_DIR);
    loader.cache = {};
    const bodyLoader = pageBodyLoader(bodies);
    // Compiled once for all of this thread's runs, not again in each.
    for (const own of [loader, bodyLoader]) loadCompiled(own, environment);
    environment.loaders.push(loader, bodyLoader);
    // Everything from a data file is escaped, whatever the host site chose.
    environment.opts.autoescape = true;
  });

  eleventyConfig.addFilter("hoshinDate", (iso: string, lang: PolicyPage["lang"], style: PolicyPage["dateStyle"]) =>
    formatPolicyDate(iso, lang, style),
  );
  eleventyConfig.addFilter("hoshinHours", (hours: Parameters<typeof formatHours>[0], page: PolicyPage) =>
    formatHours(hours, page.lang, page.organization.self),
  );
  // Words by id: `{{ "ui.contents" | hoshinSay(lang) }}`, `{{ "requests.lead" | hoshinSay(lang, { self: org.self }) }}`.
  loadWording();
  eleventyConfig.addFilter("hoshinSay", sayHtml);
  eleventyConfig.addFilter("hoshinText", sayText);
  eleventyConfig.addFilter("hoshinWords", words);
  eleventyConfig.addFilter("hoshinLanguageName", languageName);
  eleventyConfig.addFilter("hoshinUrl", pathPrefixed(eleventyConfig));
  eleventyConfig.addFilter("hoshinTimeRange", formatTimeRange);
  eleventyConfig.addFilter("hoshinList", joinList);
  eleventyConfig.addFilter("hoshinMarkdown", renderMarkdown);
  eleventyConfig.addFilter("hoshinCssString", cssString);
  eleventyConfig.addFilter("hoshinCspHash", cspHash);
  eleventyConfig.addFilter("hoshinSectionDiff", sectionDiff);
  // Feeds: an absolute address when the site's is known, the path-prefixed one otherwise.
  eleventyConfig.addFilter("hoshinAbsoluteUrl", (url: string) => (options.siteUrl ? new URL(url, options.siteUrl).href : url));
  // An Atom id is permanent: the web address when the site's is known, else a URN of the slug and date.
  eleventyConfig.addFilter("hoshinAtomId", (url: string, urn: string) => (options.siteUrl ? new URL(url, options.siteUrl).href : urn));
  eleventyConfig.addFilter("hoshinAtomDate", (date: string) => `${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);

  if (options.sharedFiles !== false) addSharedFiles(eleventyConfig, loadSiteData);
  return () => siteData;
}

/** The stylesheet, the fonts and the font-face rules every page shares. */
function addSharedFiles(eleventyConfig: EleventyConfigLike, loadSiteData: () => Promise<HoshinSiteData>): void {
  // The Japanese and English family every site has is copied as Eleventy copies files; the
  // families of the other languages the site publishes, once the organizations are known.
  eleventyConfig.addTemplate("hoshin/fonts.njk", "{{ hoshin.fontsCss | safe }}", {
    permalink: "/assets/hoshin/fonts.css",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addPassthroughCopy({
    [path.join(TEMPLATES_DIR, "assets", "hoshin.css")]: "assets/hoshin/hoshin.css",
    ...Object.fromEntries(fontFiles()),
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const copied = new Set(fontFiles().map(([, to]) => to));
    for (const [from, to] of fontFiles((await loadSiteData()).organizations.flatMap((o) => o.languages))) {
      if (copied.has(to)) continue;
      const target = path.join(directories.output, to);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(from, target);
    }
  });
}

/**
 * Eleventy's `url` filter, but quick for the root-relative links hoshin's pages are made of:
 * `url` tries `new URL()` on every link and catches the failure, which at a thousand
 * organizations (tens of thousands of links) was a tenth of the render. Where the site's
 * root is under the path prefix is asked of `url` once; every other kind of link still
 * goes to `url` itself.
 */
function pathPrefixed(eleventyConfig: EleventyConfigLike): (this: unknown, url: string) => unknown {
  let root: string | undefined;
  return function (url) {
    const eleventyUrl = eleventyConfig.getFilter("url");
    if (!eleventyUrl) return url;
    if (typeof url !== "string" || !url.startsWith("/") || url.includes("//") || url.includes("/.")) return eleventyUrl.call(this, url);
    root ??= String(eleventyUrl.call(this, "/"));
    return root + url.slice(1);
  };
}

function siteDataOf(
  loaded: OrganizationModel[],
  options: RenderPluginOptions,
  base: string,
  listing: readonly OrganizationListing[] | undefined,
): HoshinSiteData {
  const placed = placeUnder(onlyLanguages(loaded, options.languages), base);
  const only = options.only;
  const shortLinks = only ? placed.filter((o) => only.has(o.slug)) : placed;
  const organizations: OrganizationListing[] = listing ? [...listing] : placed;
  const versions = organizations
    .flatMap((organization) => organization.versions.map((version) => ({ ...version, organization })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.organization.slug.localeCompare(b.organization.slug));
  const transmission = transmissionPages(shortLinks);
  return {
    organizations,
    shortLinks,
    pages: shortLinks.flatMap((o) => o.pages),
    transmissionPages: transmission.pages,
    transmissionShortLinks: transmission.shortLinks,
    changes: shortLinks.flatMap((o) => o.changes),
    superseded: shortLinks.flatMap((o) => o.superseded),
    archivedFiles: shortLinks.flatMap((o) => o.archivedFiles),
    feeds: shortLinks.filter((o) => o.versions.length > 0),
    siteFeed: versions.length && options.sharedFiles !== false ? [versions] : [],
    pdf: options.pdf ?? false,
    liveReload: options.liveReload ?? false,
    base,
    // Only a run that writes the shared files writes fonts.css (a chunked render's first run).
    fontsCss: options.sharedFiles !== false ? fontFaceCss(organizations.flatMap((o) => o.languages)) : "",
  };
}
