/**
 * The external-transmission pages of its own (`externalTransmission.page: true`): one per
 * policy page that has one, linking to each other by language, and one short address per
 * organization that sends visitors on to the authoritative language. Read from the pages as
 * they are published, so a `base` or a choice of `languages` applies to them too.
 */
import type { AlternateLink, NumberedSection, OrganizationModel, PolicyPage } from "../model/policy.js";

export interface TransmissionPage {
  policy: PolicyPage;
  section: Extract<NumberedSection, { id: "externalTransmission" }>;
  alternates: AlternateLink[];
}

export interface TransmissionShortLink {
  /** `/<slug>/external-transmission/`. */
  url: string;
  /** The authoritative language's page, where visitors are sent. */
  target: string;
  lang: PolicyPage["lang"];
  name: string;
  pages: AlternateLink[];
}

export function transmissionPages(organizations: readonly OrganizationModel[]): { pages: TransmissionPage[]; shortLinks: TransmissionShortLink[] } {
  const pages: TransmissionPage[] = [];
  const shortLinks: TransmissionShortLink[] = [];
  for (const organization of organizations) {
    const withPage = organization.pages.filter((page) => page.transmissionUrl !== undefined);
    if (withPage.length === 0) continue;
    const alternates = withPage.map((page) => ({ lang: page.lang, url: page.transmissionUrl as string }));
    for (const policy of withPage) {
      const section = policy.sections.find((s) => s.id === "externalTransmission") as TransmissionPage["section"] | undefined;
      if (section) pages.push({ policy, section, alternates });
    }
    const main = withPage.find((page) => page.isAuthoritative) ?? (withPage[0] as PolicyPage);
    shortLinks.push({
      url: (main.transmissionUrl as string).replace(/[^/]+\/$/, ""),
      target: main.transmissionUrl as string,
      lang: main.lang,
      name: main.organization.name,
      pages: alternates,
    });
  }
  return { pages, shortLinks };
}
