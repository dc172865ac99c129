/**
 * What the finders hand on: an address the site makes a browser fetch, or a call of a tag
 * snippet, at an offset of the file's text. `recognize` turns offsets into lines and columns
 * and names the catalogue service each belongs to.
 */
import { recognizeAddress, type Detector } from "./detectors.js";

export type Found =
  | { kind: "address"; offset: number; url: string; what: string }
  | { kind: "call"; offset: number; id: string; what: string };

export interface Sighting {
  /** As shown to the user: relative to the working directory. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
  /** What was seen: `script src`, `a string in a script`, or the call of a tag snippet. */
  what: string;
  /** The address as written, when it is one; an address relative to the page has no host and is not a sighting. */
  url?: string;
  host?: string;
  /** The catalogue service, when one is recognized. */
  id?: string;
}

/** Addresses in text: `https://host/…`, `http://host`, or `//host/…` (protocol-relative), not part of a longer word. */
const ADDRESS = /(?:(?<![\w.+-])https?:|(?<![\w.:/+\\-]))\/\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::\d+)?(?:[/?#][^\s"'`<>()\\]*)?/gi;

/** Every address in `text` (a string in a script, a style sheet), with its offset in `text`. */
export function addressesIn(text: string): Array<{ index: number; url: string }> {
  return [...text.matchAll(ADDRESS)].map((match) => ({ index: match.index, url: match[0] }));
}

/** Hosts whose addresses name XML namespaces and vocabularies in scripts; a browser does not fetch them. */
const NAMES_NOT_PLACES = new Set(["www.w3.org", "w3.org", "schema.org", "purl.org", "ns.adobe.com", "xmlns.com"]);

/** The host and the rest (path and query) of an address, or undefined when it is relative to the page or not a web address. */
export function splitAddress(url: string): { host: string; rest: string } | undefined {
  if (!/^(https?:)?\/\//i.test(url.trim())) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), "https://relative.invalid/");
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  const host = parsed.hostname.toLowerCase();
  if (!host.includes(".") || NAMES_NOT_PLACES.has(host)) return undefined;
  return { host, rest: parsed.pathname + parsed.search };
}

/** Offsets to lines and columns, by a binary search of the lines' starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) this.starts.push(index + 1);
  }
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** Sightings of what `found` holds in one file; addresses relative to the page (the site's own) are left out here. */
export function recognize(file: string, text: string, found: readonly Found[], all: readonly Detector[]): Sighting[] {
  const lines = new LineIndex(text);
  const sightings: Sighting[] = [];
  for (const item of found) {
    const at = { file, ...lines.position(item.offset) };
    if (item.kind === "call") {
      sightings.push({ ...at, what: item.what, id: item.id });
      continue;
    }
    const address = splitAddress(item.url);
    if (!address) continue;
    const service = recognizeAddress(all, address.host, address.rest);
    const what = service?.what ? `${item.what}: ${service.what}` : item.what;
    sightings.push({ ...at, what, url: item.url, host: address.host, ...(service && { id: service.id }) });
  }
  return sightings;
}
