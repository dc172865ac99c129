/**
 * What was found against what the organization declares: each catalogue service or outside
 * host found, grouped, declared or not; and each declared entry not found. An entry names a
 * catalogue service by id, and any entry may list `hosts` it covers; an entry of its own
 * without `hosts` cannot be looked for, and is reported as such.
 */
import type { DataPath, SourceFile } from "../parse/parse.js";
import { hostMatches } from "./detectors.js";
import type { Sighting } from "./addresses.js";

export interface DeclaredEntry {
  /** Index in `externalTransmission.entries`. */
  index: number;
  id?: string;
  /** The service's name as the data gives it (first language), for an entry of its own. */
  service?: string;
  hosts: string[];
  line: number;
  column: number;
}

export interface Finding {
  /** The catalogue service, or, for an address outside the catalogue, its host. */
  id?: string;
  host?: string;
  /** The declared entry that covers it. */
  declaredBy?: DeclaredEntry;
  sightings: Sighting[];
}

export interface Comparison {
  undeclared: Finding[];
  declared: Finding[];
  notFound: DeclaredEntry[];
  /** Entries of the organization's own that list no `hosts`, so could not be looked for. */
  notLookedFor: DeclaredEntry[];
}

/** The entries of `externalTransmission`, read from the (valid) data file with their positions. */
export function declaredEntries(source: SourceFile): DeclaredEntry[] {
  const data = source.data as { externalTransmission?: { entries?: Array<Record<string, unknown>> } };
  return (data.externalTransmission?.entries ?? []).map((entry, index) => {
    const at: DataPath = ["externalTransmission", "entries", index];
    const service = entry.service;
    const name = typeof service === "string" ? service : service && typeof service === "object" ? Object.values(service)[0] : undefined;
    return {
      index,
      ...(typeof entry.catalogue === "string" && { id: entry.catalogue }),
      ...(typeof name === "string" && { service: name }),
      hosts: Array.isArray(entry.hosts) ? (entry.hosts as string[]) : [],
      ...source.locate(at),
    };
  });
}

/**
 * The site's own hosts, each covering the hosts under it: the website's host (without its
 * `www.`, so `static.example.org` is the site's own too) and those named on the command line.
 */
export function ownHosts(website: string | undefined, named: readonly string[]): string[] {
  const hosts = new Set(named.map((host) => host.toLowerCase()));
  if (website) {
    const host = new URL(website).hostname.toLowerCase();
    hosts.add(host.startsWith("www.") ? host.slice(4) : host);
  }
  return [...hosts];
}

export function compare(sightings: readonly Sighting[], declared: readonly DeclaredEntry[], own: readonly string[]): Comparison {
  const groups = new Map<string, Finding>();
  for (const sighting of sightings) {
    const host = sighting.host;
    if (host && own.some((pattern) => hostMatches(host, pattern))) continue;
    const key = sighting.id ?? `host:${sighting.host}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ...(sighting.id ? { id: sighting.id } : { host: sighting.host }), sightings: [] }));
    group.sightings.push(sighting);
  }
  const found = new Set<number>();
  for (const group of groups.values()) {
    const entry = declared.find((candidate) => covers(candidate, group));
    if (entry) {
      group.declaredBy = entry;
      found.add(entry.index);
    }
  }
  const all = [...groups.values()];
  return {
    undeclared: all.filter((group) => group.declaredBy === undefined),
    declared: all.filter((group) => group.declaredBy !== undefined),
    notFound: declared.filter((entry) => !found.has(entry.index) && (entry.id !== undefined || entry.hosts.length > 0)),
    notLookedFor: declared.filter((entry) => entry.id === undefined && entry.hosts.length === 0),
  };
}

function covers(entry: DeclaredEntry, group: Finding): boolean {
  if (entry.id !== undefined && entry.id === group.id) return true;
  return group.sightings.some((sighting) => sighting.host !== undefined && entry.hosts.some((pattern) => hostMatches(sighting.host!, pattern)));
}
