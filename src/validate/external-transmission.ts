/**
 * Checks of `externalTransmission` the schema cannot express: an entry of the organization's
 * own states the three matters of the Enforcement Regulations (Art. 22-2-29) and its service,
 * a catalogue id is listed once, and an opt-out given in words is given in every language.
 * An unknown catalogue id fails the schema's enum; `unknownCatalogueId` words that message.
 */
import { languageList } from "./languages.js";
import { distance } from "fastest-levenshtein";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDataPath, oneLine, type DataPath, type SourceFile } from "../parse/parse.js";
import type { Lang } from "../model/policy.js";
import { closestMatch } from "../diagnostics/suggest.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** What an entry of its own must say, in the order the table shows it, and why. */
const OWN_ENTRY_FIELDS: ReadonlyArray<readonly [field: string, what: string]> = [
  ["service", "the name of the service, tag or embed, as a visitor would recognize it"],
  ["information", "what information about the visitor is sent (Enforcement Regulations Art. 22-2-29(i))"],
  ["recipient", "the name of whoever handles the information at the destination (Enforcement Regulations Art. 22-2-29(ii))"],
  ["purposes", "what the information is used for (Enforcement Regulations Art. 22-2-29(iii))"],
];

const WEB_ADDRESS = /^https?:\/\//;

export function externalTransmissionDiagnostics(source: SourceFile, languages: readonly Lang[]): Diagnostic[] {
  const section = isObject(source.data) ? source.data.externalTransmission : undefined;
  if (!isObject(section) || !Array.isArray(section.entries)) return [];
  const diagnostics: Diagnostic[] = [];
  const report = (code: string, path: DataPath, message: string, hint: string, part: "key" | "value" = "value") => {
    const { line, column } = source.locate(path, part);
    diagnostics.push({ code, severity: "error", file: source.file, line, column, path: formatDataPath(path), message, hint });
  };
  const seen = new Map<string, number>();
  section.entries.forEach((entry, index) => {
    if (!isObject(entry)) return;
    const at: DataPath = ["externalTransmission", "entries", index];
    const id = entry.catalogue;
    if (typeof id === "string") {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else {
        report(
          "external-transmission-duplicate",
          [...at, "catalogue"],
          `\`${oneLine(id)}\` is listed twice, also on line ${source.locate(["externalTransmission", "entries", first]).line}`,
          "remove one of them; to change what the catalogue says, override the fields in the one that stays",
        );
      }
    } else if (id === undefined) {
      for (const [field, what] of OWN_ENTRY_FIELDS) {
        if (field in entry) continue;
        report(
          "external-transmission-field-missing",
          at,
          `this entry names no \`catalogue\` id, so it needs \`${field}\`: ${what}`,
          `add \`${field}:\`, or name a service of hoshin's catalogue with \`catalogue:\``,
        );
      }
    }
    // A web address is the same in every language; words are not (the language check reads a string as the address).
    const optOut = entry.optOut;
    if (typeof optOut === "string" && !WEB_ADDRESS.test(optOut) && languages.length > 1) {
      report(
        "text-not-localized",
        [...at, "optOut"],
        `plain text, but the policy is published in ${languageList(languages)}`,
        `write it once per language: ${languages.map((l) => `\`${l}: …\``).join(" and ")}, or give the opt-out page's address, starting with https://`,
      );
    }
  });
  return diagnostics;
}

/** Whether a data path is an entry's catalogue id, whose enum failure `unknownCatalogueId` words. */
export function isCatalogueIdPath(path: DataPath): boolean {
  return path.length === 4 && path[0] === "externalTransmission" && path[1] === "entries" && path[3] === "catalogue";
}

/** "`google-analytic` is not in hoshin's external-transmission catalogue", with the nearest ids. */
export function unknownCatalogueId(value: string, ids: readonly string[]): { message: string; hint: string } {
  const message = `\`${oneLine(value)}\` is not in hoshin's external-transmission catalogue`;
  const word = value.trim().toLowerCase();
  // `ga4` and `gtm` are how people name google-analytics-4 and google-tag-manager: initials count as a match.
  const initials = (id: string) => id.split("-").map((part) => (/^\d+$/.test(part) ? part : part[0])).join("");
  const match = ids.find((id) => initials(id) === word) ?? closestMatch(value, ids);
  if (match) return { message, hint: `did you mean \`${match}\`?` };
  const score = (id: string) => (id.includes(word) ? -1 : distance(word, id));
  const nearest = [...ids].sort((a, b) => score(a) - score(b) || a.localeCompare(b)).slice(0, 3);
  return {
    message,
    hint:
      `the nearest ids are ${nearest.map((id) => `\`${id}\``).join(", ")}; catalogue/external-transmission.yaml lists them all. ` +
      "For a service not in it, leave out `catalogue` and write `service`, `recipient`, `information` and `purposes`",
  };
}
