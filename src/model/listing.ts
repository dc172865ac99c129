/**
 * What the site's index and feed, and the PDF stage, need of an organization: its model
 * without the policy's contents. A build of ten thousand organizations holds these, a few
 * hundred bytes each, and leaves the models (tens of kilobytes each) on disk until the
 * part of the render that writes their pages reads them (see pipeline/model-spool.ts).
 */
import type { OrganizationModel, PolicyPage } from "./policy.js";

/** A policy page as the index links it and the PDF stage prints it. */
export type ListedPage = Pick<PolicyPage, "slug" | "lang" | "url" | "pdfUrl" | "isAuthoritative" | "transmissionUrl" | "lastRevised"> & {
  organization: Pick<PolicyPage["organization"], "name">;
};

/** An organization as the index lists it and the site's feed names it. A model is one too. */
export type OrganizationListing = Pick<
  OrganizationModel,
  "slug" | "name" | "languages" | "authoritative" | "dateStyle" | "enacted" | "lastRevised" | "missing" | "versions" | "feedUrl"
> & { pages: ListedPage[] };

export function listingOf(model: OrganizationModel): OrganizationListing {
  const { slug, name, languages, authoritative, dateStyle, enacted, lastRevised, missing, versions, feedUrl } = model;
  return {
    slug,
    name,
    languages,
    authoritative,
    dateStyle,
    enacted,
    lastRevised,
    missing,
    versions,
    feedUrl,
    pages: model.pages.map(({ slug, lang, url, pdfUrl, isAuthoritative, transmissionUrl, lastRevised, organization }) => ({
      slug,
      lang,
      url,
      pdfUrl,
      isAuthoritative,
      transmissionUrl,
      lastRevised,
      organization: { name: organization.name },
    })),
  };
}
