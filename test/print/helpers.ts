/**
 * Shared by the PDF tests: a project holding the real examples of `organizations/`, the
 * poppler tools run on what hoshin printed, and what each example must show on paper.
 * Not a test file itself (no `.test.ts`).
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { REPO, makeProject } from "../cli/helpers.js";

const run = promisify(execFile);

/**
 * A throwaway project whose `organizations/` is a copy of the repository's examples
 * (all of them, or the named files).
 */
export async function examplesProject(only?: readonly string[]): Promise<string> {
  const project = await makeProject([]);
  const from = path.join(REPO, "organizations");
  await cp(from, path.join(project, "organizations"), {
    recursive: true,
    filter: (source) => !only || source === from || only.includes(path.basename(source)),
  });
  return project;
}

/** A fresh, empty folder for printed PDFs, so a build really prints. */
export function emptyCacheDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "hoshin-pdf-test-cache-"));
}

async function poppler(tool: string, args: readonly string[]): Promise<string> {
  // TZ=UTC: pdfinfo shows dates in the local zone; the tests compare instants anyway.
  const { stdout } = await run(tool, args, { encoding: "utf8", env: { ...process.env, TZ: "UTC" }, maxBuffer: 16 << 20 });
  return stdout;
}

/** `pdfinfo -isodates`, as `Key: value` pairs. */
export async function pdfinfo(file: string): Promise<Record<string, string>> {
  const info: Record<string, string> = {};
  for (const line of (await poppler("pdfinfo", ["-isodates", file])).split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

export interface FontRow {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** `pdffonts`, one row per font. */
export async function pdffonts(file: string): Promise<FontRow[]> {
  const lines = (await poppler("pdffonts", [file])).split("\n");
  const rule = lines.findIndex((line) => line.startsWith("-----"));
  return lines
    .slice(rule + 1)
    .filter((line) => line.trim())
    .map((line) => {
      // name, type (may hold spaces), encoding, emb, sub, uni, object, generation
      const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
      return {
        name: match[1]!,
        type: match[2]!.trim(),
        encoding: match[3]!,
        embedded: match[4] === "yes",
        subset: match[5] === "yes",
        unicode: match[6] === "yes",
      };
    });
}

/** `pdftotext`, one string per page (poppler ends every page with a form feed). */
export async function pdfPages(file: string): Promise<string[]> {
  const pages = (await poppler("pdftotext", ["-enc", "UTF-8", file, "-"])).split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/**
 * Text as a reader would quote it: whitespace collapsed, and the line breaks (or spaces)
 * that pdftotext leaves between two Japanese characters removed.
 */
export function normalise(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, "")
    .trim();
}

export interface Example {
  slug: string;
  lang: "ja" | "en";
  organization: string;
  /** A section title of this example's policy only, or rare among them. */
  section: string;
  /** The reception-hours line of its contact point, when it has one. */
  hours?: string;
  /** The policy's last revision (the last `revisions` date, else `enacted`); none when the policy states no date. */
  lastRevised?: string;
}

/** The twelve policy pages of `organizations/`, and what each must say (from their data). */
export const EXAMPLES: readonly Example[] = [
  {
    slug: "genron-npo",
    lang: "ja",
    organization: "特定非営利活動法人 言論NPO",
    section: "クッキー（Cookie）とアクセス解析",
    hours: "受付時間 9:00〜17:30（土日を除く）",
  },
  {
    slug: "genron-npo",
    lang: "en",
    organization: "The Genron NPO",
    section: "Cookies and Access Analysis",
    hours: "Reception hours: 9:00–17:30 (excluding Saturdays and Sundays)",
  },
  { slug: "ji4pe", lang: "ja", organization: "日本パブリックエンゲージメント研究所", section: "個人情報の定義", lastRevised: "2020-09-01" },
  {
    slug: "ji4pe",
    lang: "en",
    organization: "Japanese Institute for Public Engagement",
    section: "Definition of Personal Information",
    lastRevised: "2020-09-01",
  },
  {
    slug: "kanagawa-community-net",
    lang: "ja",
    organization: "一般社団法人 かながわ地域ネット",
    section: "位置情報の取扱い",
    hours: "受付時間 10:00〜17:00（土日祝日を除く）",
    lastRevised: "2023-06-16",
  },
  {
    slug: "kanagawa-community-net",
    lang: "en",
    organization: "Kanagawa Community Network",
    section: "Location Information",
    hours: "Reception hours: 10:00–17:00 (excluding Saturdays, Sundays and national holidays)",
    lastRevised: "2023-06-16",
  },
  {
    slug: "minato-kodomo-net",
    lang: "ja",
    organization: "特定非営利活動法人 みなと子ども支援ネットワーク",
    section: "マイナンバーの取扱い",
    hours: "受付時間 月・水・金曜日 13:00〜17:00（祝日を除く）",
    lastRevised: "2025-04-01",
  },
  {
    slug: "minato-kodomo-net",
    lang: "en",
    organization: "Minato Children's Support Network (NPO)",
    section: "Individual Numbers (My Number)",
    hours: "Reception hours: Mondays, Wednesdays and Fridays, 13:00–17:00 (excluding national holidays)",
    lastRevised: "2025-04-01",
  },
  {
    slug: "tabunka-center",
    lang: "ja",
    organization: "特定非営利活動法人 多文化共生支援センター",
    section: "お問い合わせ窓口",
    hours: "受付時間 10:00〜18:00（土日祝日・当センター休業日を除く）",
  },
  {
    slug: "tabunka-center",
    lang: "en",
    organization: "NPO Multicultural Symbiotic Support Center",
    section: "Contact Point",
    hours: "Reception hours: 10:00–18:00 (excluding Saturdays, Sundays, national holidays and our center's holidays)",
  },
  { slug: "tokyo-small-business-center", lang: "ja", organization: "東京都中小企業センター", section: "苦情の処理", lastRevised: "2006-04-01" },
  {
    slug: "tokyo-small-business-center",
    lang: "en",
    organization: "Tokyo Metropolitan Small Business Center",
    section: "Handling of Complaints",
    lastRevised: "2006-04-01",
  },
];

/**
 * The multicultural example's pages beyond Japanese and English (test/print/languages.test.ts
 * reads back every shipped language): printed with the others, and counted with them.
 */
export const OTHER_LANGUAGE_PDFS: readonly { slug: string; lang: string }[] = ["zh-Hans", "ko", "vi", "pt-BR"].map((lang) => ({ slug: "tabunka-center", lang }));

/** Where hoshin puts an example's PDF, relative to the site root. */
export function pdfPath({ slug, lang }: { slug: string; lang: string }): string {
  return `${slug}/${lang}/${slug}-privacy-policy-${lang}.pdf`;
}
