/**
 * `hoshin scan`, as a library: read a website's own files, find what they make a visitor's
 * browser send elsewhere, and hold it against what the organization declares under
 * `externalTransmission`. Its own flow, beside the build's: files → finders (with offsets)
 * → sightings (with lines and columns, named by catalogue/detect.yaml) → comparison → report.
 */
import type { SourceFile } from "../parse/parse.js";
import { recognize, type Sighting } from "./addresses.js";
import { compare, declaredEntries, ownHosts } from "./compare.js";
import { detectors } from "./detectors.js";
import { readSiteFiles, type SiteFile } from "./files.js";
import { findInHtml } from "./html.js";
import type { ScanReport } from "./report.js";
import { findInScript, findInStyle } from "./script.js";

export { SiteInputError, SCANNED_EXTENSIONS } from "./files.js";
export { formatScanReport, type ScanReport } from "./report.js";
export { writeEntries, withEntries } from "./write.js";
export type { Sighting } from "./addresses.js";

export interface ScanOptions {
  /** Folders and files of the website, as named on the command line. */
  paths: readonly string[];
  /** The organization's (valid) data file. */
  source: SourceFile;
  /** Further hosts that are the site's own, beside the host of `organization.website`. */
  siteHosts?: readonly string[];
  cwd?: string;
}

export async function scanSite(options: ScanOptions): Promise<ScanReport> {
  const files = await readSiteFiles(options.paths, options.cwd);
  const sightings = files.flatMap(sightingsIn);
  const website = (options.source.data as { organization?: { website?: string } }).organization?.website;
  const own = ownHosts(website, options.siteHosts ?? []);
  return {
    organization: options.source.slug,
    dataFile: options.source.file,
    scanned: [...options.paths],
    files: files.length,
    ownHosts: own,
    ...compare(sightings, declaredEntries(options.source), own),
  };
}

/** What one file sends, in the order it is written. */
export function sightingsIn(file: SiteFile): Sighting[] {
  const all = detectors();
  const found = file.kind === "html" ? findInHtml(file.text, all) : file.kind === "script" ? findInScript(file.text, all) : findInStyle(file.text);
  found.sort((a, b) => a.offset - b.offset);
  return recognize(file.file, file.text, found, all);
}
