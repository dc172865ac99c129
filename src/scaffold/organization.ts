/**
 * `hoshin new`: a new organization file, every section present, which validates as
 * written. The wording and the sections live in templates/new/organization.yaml.njk;
 * JSON, which has no comments, is that file's data without them.
 */
import nunjucks from "nunjucks";
import path from "node:path";
import { parseDocument } from "yaml";
import { TEMPLATES_DIR } from "../render/plugin.js";
import type { Lang, Weekday } from "../model/policy.js";
import type { SourceFormat } from "../parse/parse.js";

export interface ScaffoldFacts {
  langs: Lang[];
  /** Texts, one per language in `langs`. */
  name: Partial<Record<Lang, string>>;
  address?: Partial<Record<Lang, string>>;
  phone?: string;
  email?: string;
  hours?: { days: Weekday[]; open: string; close: string };
  /** YYYY-MM-DD. */
  enacted: string;
}

const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(TEMPLATES_DIR, "new")), {
  autoescape: false,
  throwOnUndefined: false,
});

/** The file's text; `schemaPath` is the schema as the file should point at it. */
export function scaffoldOrganization(facts: ScaffoldFacts, format: SourceFormat, schemaPath: string): string {
  // The example revision, commented out, must come after the enactment to validate.
  const revised = `${Number(facts.enacted.slice(0, 4)) + 1}${facts.enacted.slice(4)}`.replace(/-02-29$/, "-02-28");
  const yaml = environment.render("organization.yaml.njk", { ...facts, revised, schemaPath, format });
  if (format === "yaml") return yaml;
  if (format === "md") return `---\n${yaml}---\n`;
  const data = parseDocument(yaml).toJS() as Record<string, unknown>;
  return `${JSON.stringify({ $schema: schemaPath, ...data }, null, 2)}\n`;
}

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * `mon-fri 10:00-17:00` or `mon,wed,fri 13:00-17:00` → hours; undefined if it is not in
 * that form. Whether the times make sense is the validator's to say.
 */
export function parseHours(text: string): ScaffoldFacts["hours"] {
  const match = /^\s*([a-z,-]+)\s+(\d{1,2}:\d{2})\s*[-–〜~]\s*(\d{1,2}:\d{2})\s*$/i.exec(text);
  if (!match) return undefined;
  const days: Weekday[] = [];
  for (const part of match[1]!.toLowerCase().split(",")) {
    const [from, to] = part.split("-") as [string, string | undefined];
    const start = WEEKDAYS.indexOf(from as Weekday);
    const end = to === undefined ? start : WEEKDAYS.indexOf(to as Weekday);
    if (start < 0 || end < start) return undefined;
    days.push(...WEEKDAYS.slice(start, end + 1));
  }
  const pad = (time: string) => time.padStart(5, "0");
  return { days: [...new Set(days)], open: pad(match[2]!), close: pad(match[3]!) };
}
