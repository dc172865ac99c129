/**
 * The history of an organization's policy in the render model: its versions (the archived
 * ones and the current one), a change page for each revision whose predecessor is archived,
 * the archived pages a later version superseded, and links to all of them from the pages.
 */
import path from "node:path";
import type { ArchivedVersion } from "../parse/parse.js";
import { snapshotSource } from "../parse/parse.js";
import { isMaterialSection, materialDifferences } from "../parse/parse.js";
import type { SourceFile } from "../parse/parse.js";
import type { OrganizationInput } from "../model/input.js";
import type {
  AlternateLink,
  ChangePage,
  Lang,
  NumberedSection,
  OrganizationModel,
  PolicyPage,
  SectionChange,
  SupersededPage,
  VersionModel,
} from "../model/policy.js";
import { normalizeOrganization } from "./normalize.js";

export function versionUrl(slug: string, date: string, lang: Lang): string {
  return `/${slug}/versions/${date}/${lang}/`;
}

export function changesUrl(slug: string, date: string, lang: Lang): string {
  return `/${slug}/changes/${date}/${lang}/`;
}

/**
 * `archived` is oldest first; `comparable` says which archived versions can still be read by
 * this hoshin (their snapshots validate), and so can be compared in a change page.
 */
export function attachHistory(
  organization: OrganizationModel,
  source: SourceFile,
  archived: readonly ArchivedVersion[],
  comparable: (version: ArchivedVersion) => boolean,
): OrganizationModel {
  const current = organization.lastRevised;
  if (!current) return organization;
  const data = source.data as OrganizationInput;
  const revisions = data.policy?.revisions ?? [];
  const byDate = new Map(archived.map((version) => [version.date, version]));
  const dates = [...new Set([...archived.map((v) => v.date), current])].sort();
  const { slug, languages } = organization;
  const liveUrl = (lang: Lang) => `/${slug}/${languages.includes(lang) ? lang : organization.authoritative}/`;

  // Each side of a comparison as the render model, normalized by today's hoshin, so a change
  // page shows what the data changed and never a change in hoshin's own wording. The
  // current version is the organization itself; only archived ones are normalized here.
  const sides = new Map<string, { source: SourceFile; model: OrganizationModel }>();
  for (const date of dates) {
    const version = byDate.get(date);
    if (!version) sides.set(date, { source, model: organization });
    else if (comparable(version)) {
      const side = snapshotSource(version);
      sides.set(date, { source: side, model: normalizeOrganization(side) });
    }
  }

  const changes: ChangePage[] = [];
  const changesByDate = new Map<string, AlternateLink[]>();
  // Material as found in the data, whether or not the revision says so.
  const detected = new Set<string>();
  dates.forEach((date, index) => {
    const before = sides.get(dates[index - 1] ?? "");
    const after = sides.get(date);
    if (index === 0 || !before || !after) return;
    const revision = revisions.find((r) => r.date === date);
    const material = materialDifferences(before.source.data, after.source.data);
    if (material.length) detected.add(date);
    const pages = after.model.pages.filter((page) => before.model.pages.some((p) => p.lang === page.lang));
    const links = pages.map((page) => ({ lang: page.lang, url: changesUrl(slug, date, page.lang) }));
    changesByDate.set(date, links);
    for (const page of pages) {
      const previous = before.model.pages.find((p) => p.lang === page.lang) as PolicyPage;
      const live = organization.pages.find((p) => p.lang === page.lang);
      changes.push({
        slug,
        lang: page.lang,
        url: changesUrl(slug, date, page.lang),
        alternates: links,
        organizationName: (live ?? page).organization.name,
        title: (live ?? page).title,
        dateStyle: organization.dateStyle,
        from: { date: dates[index - 1] as string, url: versionUrl(slug, dates[index - 1] as string, page.lang), page: previous },
        to: {
          date,
          url: date === current ? liveUrl(page.lang) : versionUrl(slug, date, page.lang),
          page,
          summary: pickText(revision?.summary, page.lang),
          material: !!revision?.material || material.length > 0,
        },
        sections: compareSections(previous.sections, page.sections, material),
        currentUrl: liveUrl(page.lang),
        feedUrl: organization.feedUrl,
      });
    }
  });

  const isSuperseded = (date: string) => date < current;
  const versions: VersionModel[] = dates
    .map((date) => {
      const revision = revisions.find((r) => r.date === date);
      const version = byDate.get(date);
      const archivedLanguages = version ? languagesOf(version) : [];
      return {
        date,
        current: date === current,
        archived: !!version,
        material: !!revision?.material || detected.has(date),
        summary: revision?.summary === undefined ? undefined : textByLanguage(revision.summary, languages),
        urls:
          version && isSuperseded(date)
            ? archivedLanguages.map((lang) => ({ lang, url: versionUrl(slug, date, lang) }))
            : languages.map((lang) => ({ lang, url: `/${slug}/${lang}/` })),
        changesUrls: changesByDate.get(date) ?? [],
      };
    })
    .reverse();

  const superseded: SupersededPage[] = [];
  const archivedFiles: Array<{ from: string; to: string }> = [];
  for (const version of archived) {
    const next = dates[dates.indexOf(version.date) + 1];
    for (const file of version.files) {
      const html = version.pages.find((page) => `${page.lang}/index.html` === file)?.html;
      if (html !== undefined && next && isSuperseded(version.date)) {
        const lang = file.slice(0, 2) as Lang;
        const body = /<body[^>]*>/.exec(html);
        if (body) {
          const cut = body.index + body[0].length;
          superseded.push({
            slug,
            lang,
            url: versionUrl(slug, version.date, lang),
            date: version.date,
            dateStyle: organization.dateStyle,
            head: html.slice(0, cut),
            rest: html.slice(cut),
            next: { date: next, changesUrl: changesByDate.get(next)?.find((link) => link.lang === lang)?.url },
            currentUrl: liveUrl(lang),
          });
          continue;
        }
      }
      archivedFiles.push({ from: path.join(version.dir, file), to: `${slug}/versions/${version.date}/${file}` });
    }
  }

  const link = (date: string, lang: Lang) => {
    const version = versions.find((v) => v.date === date);
    return version?.archived && isSuperseded(date) ? versionUrl(slug, date, lang) : undefined;
  };
  const pages = organization.pages.map((page) => ({
    ...page,
    enactedVersionUrl: page.enacted ? link(page.enacted, page.lang) : undefined,
    revisions: page.revisions.map((revision) => ({
      ...revision,
      versionUrl: link(revision.date, page.lang),
      changesUrl: changesByDate.get(revision.date)?.find((l) => l.lang === page.lang)?.url,
    })),
  }));
  return { ...organization, pages, versions, changes, superseded, archivedFiles };
}

/** Sections matched by kind (own sections by title), in the new order, removed ones where they stood. */
function compareSections(before: NumberedSection[], after: NumberedSection[], material: readonly string[]): SectionChange[] {
  const key = (section: NumberedSection) => (section.id === "custom" ? `custom:${section.title}` : section.id);
  const result: SectionChange[] = after.map((section) => ({
    title: section.id === "custom" ? section.title : "",
    before: before.find((s) => key(s) === key(section)),
    after: section,
    material: isMaterialSection(section.id) && material.includes(section.id),
  }));
  before.forEach((section, index) => {
    if (after.some((s) => key(s) === key(section))) return;
    const predecessor = before[index - 1];
    const at = predecessor ? result.findIndex((change) => change.before && key(change.before) === key(predecessor)) + 1 : 0;
    result.splice(at, 0, {
      title: section.id === "custom" ? section.title : "",
      before: section,
      material: isMaterialSection(section.id) && material.includes(section.id),
    });
  });
  return result;
}

function languagesOf(version: ArchivedVersion): Lang[] {
  return version.pages.map((page) => page.lang);
}

function pickText(text: string | Partial<Record<Lang, string>> | undefined, lang: Lang): string | undefined {
  return text === undefined || typeof text === "string" ? text : text[lang];
}

function textByLanguage(text: string | Partial<Record<Lang, string>>, languages: Lang[]): Partial<Record<Lang, string>> {
  return Object.fromEntries(languages.map((lang) => [lang, pickText(text, lang)]));
}
