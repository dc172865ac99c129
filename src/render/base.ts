/**
 * The folder of a host site that hoshin's pages go under (the plugin's `base` option):
 * `/privacy/` puts the index at /privacy/ and a policy at /privacy/<slug>/ja/, so they sit
 * beside the host's own pages. Shared assets stay at /assets/hoshin/.
 */
import type { OrganizationModel, PolicyPage } from "../normalize/model.js";

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
  const movePage = (page: PolicyPage): PolicyPage => ({
    ...page,
    url: move(page.url),
    pdfUrl: move(page.pdfUrl),
    alternates: page.alternates.map((alternate) => ({ ...alternate, url: move(alternate.url) })),
  });
  return organizations.map((organization) => ({ ...organization, pages: organization.pages.map(movePage) }));
}
