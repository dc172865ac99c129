/**
 * The catalogue of well-known external transmissions (`catalogue/external-transmission.yaml`):
 * tags, embeds and fonts by stable id, each with the three matters of the Telecommunications
 * Business Act's Art. 27-12 in both languages, written from the provider's own pages.
 * Validation uses it to know which ids exist; normalization to put an entry's words on the page.
 *
 * The file is hoshin's own: a malformed entry is a bug in hoshin, reported at once by name.
 */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";

/** Words in both languages, as every catalogue text is. */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface CatalogueEntry {
  id: string;
  service: Bilingual;
  /** The provider's legal name: whoever handles the information at the destination. */
  recipient: Bilingual;
  information: Bilingual[];
  /** The website's purpose first, then the provider's own. */
  purposes: Bilingual[];
  /** The provider's privacy policy. */
  policy: string;
  /** How to opt out, where the provider offers a way: a web address, or words. */
  optOut?: string | Bilingual;
  source: { checked: string; urls: string[] };
  /**
   * The provider links what it receives to the accounts of its own users (ad audiences,
   * conversion matching, a logged-in account): it may acquire personally referable
   * information as personal data (APPI Art. 31), so the website confirms consent first.
   */
  linksToAccounts: boolean;
}

export const EXTERNAL_TRANSMISSION_CATALOGUE_FILE = new URL("../../catalogue/external-transmission.yaml", import.meta.url);

let cached: ReadonlyMap<string, CatalogueEntry> | undefined;

export function externalTransmissionCatalogue(): ReadonlyMap<string, CatalogueEntry> {
  cached ??= readExternalTransmissionCatalogue(readFileSync(EXTERNAL_TRANSMISSION_CATALOGUE_FILE, "utf8"));
  return cached;
}

export function readExternalTransmissionCatalogue(yamlText: string): ReadonlyMap<string, CatalogueEntry> {
  const raw = load(yamlText) as unknown;
  if (!isRecord(raw)) throw new CatalogueError("", "the file is not a mapping of ids to entries");
  const entries = new Map<string, CatalogueEntry>();
  for (const [id, value] of Object.entries(raw)) entries.set(id, readEntry(id, value));
  return entries;
}

class CatalogueError extends Error {
  constructor(where: string, problem: string) {
    super(`catalogue/external-transmission.yaml${where ? `, ${where}` : ""}: ${problem}`);
    this.name = "CatalogueError";
  }
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const URL_FORM = /^https:\/\/\S+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = new Set(["service", "recipient", "information", "purposes", "policy", "optOut", "source", "linksToAccounts"]);

function readEntry(id: string, value: unknown): CatalogueEntry {
  const fail = (problem: string): never => {
    throw new CatalogueError(`\`${id}\``, problem);
  };
  if (!ID.test(id)) fail("the id is not lower-case letters, digits and hyphens");
  if (!isRecord(value)) return fail("the entry is not a mapping");
  const unknown = Object.keys(value).filter((key) => !FIELDS.has(key));
  if (unknown.length) fail(`unknown field ${unknown.map((key) => `\`${key}\``).join(", ")}`);
  const list = (field: string): Bilingual[] => {
    const items = value[field];
    if (!Array.isArray(items) || items.length === 0) return fail(`\`${field}\` is not a list of texts`);
    return items.map((item, index) => bilingual(item, `${field}[${index}]`, fail));
  };
  const url = (field: string, given: unknown): string => {
    if (typeof given !== "string" || !URL_FORM.test(given)) return fail(`\`${field}\` is not an https:// address`);
    return given;
  };
  const source = value.source;
  if (!isRecord(source)) return fail("`source` is missing");
  if (typeof source.checked !== "string" || !DAY.test(source.checked)) fail("`source.checked` is not a quoted YYYY-MM-DD date");
  if (!Array.isArray(source.urls) || source.urls.length === 0) fail("`source.urls` lists no page");
  const optOut = value.optOut;
  const linksToAccounts = value.linksToAccounts ?? false;
  if (typeof linksToAccounts !== "boolean") fail("`linksToAccounts` is not true or false");
  return {
    id,
    service: bilingual(value.service, "service", fail),
    recipient: bilingual(value.recipient, "recipient", fail),
    information: list("information"),
    purposes: list("purposes"),
    policy: url("policy", value.policy),
    optOut: optOut === undefined ? undefined : typeof optOut === "string" ? url("optOut", optOut) : bilingual(optOut, "optOut", fail),
    source: {
      checked: source.checked as string,
      urls: (source.urls as unknown[]).map((page, index) => url(`source.urls[${index}]`, page)),
    },
    linksToAccounts: linksToAccounts as boolean,
  };
}

/** Exactly `ja` and `en`, each with a visible character: a stray comma in a YAML flow mapping makes a third key. */
function bilingual(value: unknown, field: string, fail: (problem: string) => never): Bilingual {
  if (!isRecord(value)) return fail(`\`${field}\` is not a mapping of \`ja\` and \`en\``);
  const keys = Object.keys(value).sort();
  const visible = (text: unknown) => typeof text === "string" && /\S/.test(text);
  if (keys.join(",") !== "en,ja" || !visible(value.ja) || !visible(value.en)) {
    return fail(`\`${field}\` must have exactly \`ja\` and \`en\` texts (has ${keys.map((key) => `\`${key}\``).join(", ")}); quote a text that holds a comma`);
  }
  return { ja: value.ja as string, en: value.en as string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
