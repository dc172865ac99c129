/** The one formatter of a scan's result: text for a person, JSON for a program. */
import { externalTransmissionCatalogue } from "../catalogue/external-transmission.js";
import type { Comparison, DeclaredEntry, Finding } from "./compare.js";

export interface ScanReport extends Comparison {
  organization: string;
  /** The organization's data file, as shown to the user. */
  dataFile: string;
  /** The folders and files scanned, as named. */
  scanned: string[];
  files: number;
  ownHosts: string[];
  /** Catalogue ids `--write` added to the data file. */
  written?: string[];
}

/** Sightings listed under one finding in text; JSON lists them all. */
const SHOWN = 5;

export function formatScanReport(report: ScanReport, format: "text" | "json"): string {
  return format === "json" ? `${JSON.stringify(asJson(report), null, 2)}\n` : asText(report);
}

function asJson(report: ScanReport) {
  const catalogue = externalTransmissionCatalogue();
  const finding = (group: Finding) => ({
    ...(group.id ? { catalogue: group.id, service: catalogue.get(group.id)?.service.en } : { host: group.host }),
    ...(group.declaredBy && { entry: group.declaredBy.index }),
    sightings: group.sightings,
  });
  const entry = (declared: DeclaredEntry) => ({
    entry: declared.index,
    ...(declared.id && { catalogue: declared.id }),
    ...(declared.service && { service: declared.service }),
    ...(declared.hosts.length && { hosts: declared.hosts }),
    file: report.dataFile,
    line: declared.line,
    column: declared.column,
  });
  return {
    organization: report.organization,
    dataFile: report.dataFile,
    scanned: report.scanned,
    files: report.files,
    ownHosts: report.ownHosts,
    undeclared: report.undeclared.map(finding),
    declared: report.declared.map(finding),
    notFound: report.notFound.map(entry),
    notLookedFor: report.notLookedFor.map(entry),
    ...(report.written && { written: report.written }),
  };
}

function asText(report: ScanReport): string {
  const catalogue = externalTransmissionCatalogue();
  const name = (group: Finding) => {
    if (!group.id) return `${group.host} (a host outside the site, not in hoshin's catalogue)`;
    const entry = catalogue.get(group.id);
    return entry ? `${group.id} (${entry.service.en}; ${entry.recipient.en})` : group.id;
  };
  const entryName = (entry: DeclaredEntry) => entry.id ?? `"${entry.service ?? `entry ${entry.index}`}"`;
  const at = (entry: DeclaredEntry) => `${report.dataFile}:${entry.line}:${entry.column}`;
  const own = report.ownHosts.length ? `its own hosts: ${report.ownHosts.join(", ")}` : "no website given: every absolute address counts as outside the site";
  const lines = [
    `hoshin scan: ${plural(report.files, "file")} of ${report.scanned.join(", ")} read for ${report.organization} (${own})`,
    "",
  ];
  if (report.undeclared.length) {
    lines.push(`Sent but not declared in ${report.dataFile} (${report.undeclared.length}):`);
    for (const group of report.undeclared) {
      lines.push(`  ${name(group)}`);
      for (const sighting of group.sightings.slice(0, SHOWN)) {
        const url = sighting.url ? ` ${shorten(sighting.url)}` : "";
        lines.push(`    ${sighting.file}:${sighting.line}:${sighting.column}  ${sighting.what}${url}`);
      }
      if (group.sightings.length > SHOWN) lines.push(`    … and ${group.sightings.length - SHOWN} more (--format json lists them all)`);
    }
    lines.push("");
  }
  if (report.declared.length) {
    const names = report.declared.map((group) => entryName(group.declaredBy!));
    lines.push(`Declared and found (${report.declared.length}): ${[...new Set(names)].join(", ")}`, "");
  }
  if (report.notFound.length) {
    lines.push(`Declared but not found in the files read (${report.notFound.length}):`);
    for (const entry of report.notFound) lines.push(`  ${entryName(entry)}  ${at(entry)}`);
    lines.push("  what to do: scan the files that use them, or remove the entries the site no longer needs", "");
  }
  if (report.notLookedFor.length) {
    lines.push(`Not looked for, as they list no \`hosts\` (${report.notLookedFor.length}):`);
    for (const entry of report.notLookedFor) lines.push(`  ${entryName(entry)}  ${at(entry)}`);
    lines.push("  what to do: add `hosts:` to each, the hosts its service is loaded from", "");
  }
  const written = report.written ?? [];
  if (written.length) {
    lines.push(`hoshin scan: added ${plural(written.length, "entry", "entries")} to ${report.dataFile}: ${written.join(", ")}; read what the catalogue says of each on the built page, and override what does not fit`);
  }
  const left = report.undeclared.filter((group) => !group.id || !written.includes(group.id));
  if (left.length) {
    const listed = left.filter((group) => group.id).length;
    const hosts = left.length - listed;
    if (listed) lines.push(`what to do: declare them under \`externalTransmission.entries\`; \`hoshin scan --write\` adds the ${plural(listed, "catalogue entry", "catalogue entries")} for you to check`);
    if (hosts) lines.push(`what to do: describe each outside host as an entry of your own (service, information, recipient, purposes) with \`hosts:\` naming it`);
  } else {
    lines.push(`hoshin scan: every transmission found is declared`);
  }
  return `${lines.join("\n")}\n`;
}

function shorten(url: string): string {
  return url.length > 100 ? `${url.slice(0, 99)}…` : url;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
