/**
 * The plugin's `languages` option: a site that publishes only some languages. Pages in
 * other languages are left out, except an organization's authoritative version: it is the
 * text that prevails, and its translations link to it.
 */
import type { Lang, OrganizationModel } from "../normalize/model.js";

export function onlyLanguages(organizations: OrganizationModel[], languages: readonly Lang[] | undefined): OrganizationModel[] {
  if (!languages) return organizations;
  return organizations.map((organization) => {
    const kept = organization.pages.filter((page) => languages.includes(page.lang) || page.isAuthoritative);
    const keptLangs = new Set(kept.map((page) => page.lang));
    return {
      ...organization,
      languages: organization.languages.filter((lang) => keptLangs.has(lang)),
      pages: kept.map((page) => ({ ...page, alternates: page.alternates.filter((a) => keptLangs.has(a.lang)) })),
    };
  });
}
