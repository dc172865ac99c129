/**
 * The folder of a host site that hoshin's pages go under (the plugin's `base` option):
 * `/privacy/` puts the index at /privacy/ and a policy at /privacy/<slug>/ja/, so they sit
 * beside the host's own pages. Shared assets stay at /assets/hoshin/.
 */
import type { AlternateLink, ChangePage, OrganizationModel, PolicyPage, SupersededPage, VersionModel } from "../model/policy.js";

/** `privacy`, `/privacy`, `/privacy/` → `/privacy/`; undefined and `/` → `/`. */
export function normalizeBase(base: string | undefined): string {
  if (base === undefined) return "/";
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "/";
  if (!/^[a-z0-9._~-]+(\/[a-z0-9._~-]+)*$/i.test(trimmed) || trimmed.split("/").some((part) => /^\.+$/.test(part))) {
    throw new Error(`hoshin: the plugin's base \`${base}\` is not a folder path such as /privacy/`);
  }
  return `/${trimmed}/`;
}

/** The organizations with every page URL moved under `base` (which starts and ends with /). */
export function placeUnder(organizations: OrganizationModel[], base: string): OrganizationModel[] {
  if (base === "/") return organizations;
  const move = (url: string) => `${base}${url.slice(1)}`;
  const moveOptional = (url: string | undefined) => url && move(url);
  const moveLinks = (links: AlternateLink[]) => links.map((link) => ({ ...link, url: move(link.url) }));
  const movePage = (page: PolicyPage): PolicyPage => ({
    ...page,
    url: move(page.url),
    pdfUrl: move(page.pdfUrl),
    alternates: moveLinks(page.alternates),
    revisions: page.revisions.map((r) => ({ ...r, versionUrl: moveOptional(r.versionUrl), changesUrl: moveOptional(r.changesUrl) })),
    enactedVersionUrl: moveOptional(page.enactedVersionUrl),
    feedUrl: moveOptional(page.feedUrl),
    transmissionUrl: moveOptional(page.transmissionUrl),
  });
  const moveVersion = (version: VersionModel): VersionModel => ({
    ...version,
    urls: moveLinks(version.urls),
    changesUrls: moveLinks(version.changesUrls),
  });
  const moveChange = (change: ChangePage): ChangePage => ({
    ...change,
    url: move(change.url),
    alternates: moveLinks(change.alternates),
    from: { ...change.from, url: move(change.from.url), page: movePage(change.from.page) },
    to: { ...change.to, url: move(change.to.url), page: movePage(change.to.page) },
    currentUrl: move(change.currentUrl),
    feedUrl: moveOptional(change.feedUrl),
  });
  const moveSuperseded = (page: SupersededPage): SupersededPage => ({
    ...page,
    url: move(page.url),
    currentUrl: move(page.currentUrl),
    next: { ...page.next, changesUrl: moveOptional(page.next.changesUrl) },
  });
  return organizations.map((organization) => ({
    ...organization,
    pages: organization.pages.map(movePage),
    versions: organization.versions.map(moveVersion),
    changes: organization.changes.map(moveChange),
    superseded: organization.superseded.map(moveSuperseded),
    // Archived files keep their place relative to the policy: `<slug>/versions/…` under the base.
    archivedFiles: organization.archivedFiles.map((file) => ({ ...file, to: `${base.slice(1)}${file.to}` })),
    feedUrl: moveOptional(organization.feedUrl),
  }));
}
