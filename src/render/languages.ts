/**
 * The plugin's `languages` option: a site that publishes only some languages. Pages in
 * other languages are left out, except an organization's authoritative version: it is the
 * text that prevails, and its translations link to it.
 */
import type { Lang, OrganizationModel } from "../model/policy.js";

export function onlyLanguages(organizations: OrganizationModel[], languages: readonly Lang[] | undefined): OrganizationModel[] {
  if (!languages) return organizations;
  return organizations.map((organization) => {
    const kept = organization.pages.filter((page) => languages.includes(page.lang) || page.isAuthoritative);
    const keptLangs = new Set(kept.map((page) => page.lang));
    const keptLinks = <T extends { lang: Lang }>(links: T[]) => links.filter((link) => keptLangs.has(link.lang));
    return {
      ...organization,
      languages: organization.languages.filter((lang) => keptLangs.has(lang)),
      pages: kept.map((page) => ({ ...page, alternates: keptLinks(page.alternates) })),
      versions: organization.versions.map((v) => ({ ...v, urls: keptLinks(v.urls), changesUrls: keptLinks(v.changesUrls) })),
      changes: keptLinks(organization.changes).map((change) => ({ ...change, alternates: keptLinks(change.alternates) })),
      superseded: keptLinks(organization.superseded),
      // An archived version's files sit under `<slug>/versions/<date>/<lang>/`; its stylesheet and data beside them.
      archivedFiles: organization.archivedFiles.filter((file) => {
        const lang = /\/versions\/[^/]+\/([^/]+)\//.exec(file.to)?.[1];
        return lang === undefined || keptLangs.has(lang as Lang);
      }),
    };
  });
}
