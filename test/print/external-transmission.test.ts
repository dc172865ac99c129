/**
 * The external-transmission table on paper: a real `hoshin build` printed by the real
 * headless Chromium, read back with poppler. Every entry's three matters are in the PDF in
 * each language, and a table longer than a page repeats its header row on every page it
 * spans. (That it fits the page's width is test/browser/print-layout.test.ts's to prove:
 * Chromium shrinks a page too wide to fit, so the PDF alone would not show it.)
 */
import { execFile } from "node:child_process";
import { copyFile, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { externalTransmissionCatalogue } from "../../src/catalogue/external-transmission.js";
import { stableNodeIds } from "../../src/print/node-ids.js";
import { FIXTURES, hoshin, removeProjects, type RunResult } from "../cli/helpers.js";
import { emptyCacheDir, examplesProject, pdfPages, pdfPath } from "./helpers.js";

const run = promisify(execFile);
const catalogue = externalTransmissionCatalogue();

/** Text with every space and line break gone: a table cell's text is broken into lines anywhere. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

/** The three matters and the service of a catalogue entry, in one language. */
const matters = (id: string, lang: "ja" | "en") => {
  const entry = catalogue.get(id)!;
  return [entry.service[lang], entry.recipient[lang], ...entry.information.map((t) => t[lang]), ...entry.purposes.map((t) => t[lang])];
};

/** A4 in points, and the page's side margins (hoshin.css: 18 mm). */
const PAGE_WIDTH = 595.28;
const SIDE_MARGIN = (18 / 25.4) * 72;
/** The table's columns on paper, as hoshin.css sets their widths (percent of the page's width). */
const COLUMNS = [14, 24, 13, 23, 13, 13];

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  word: string;
}

/** Every word's box on every page, from `pdftotext -bbox`. */
async function words(file: string): Promise<Word[]> {
  const { stdout } = await run("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 32 << 20 });
  const found: Word[] = [];
  let page = 0;
  for (const line of stdout.split("\n")) {
    if (line.includes("<page ")) page++;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (match) found.push({ page, xMin: Number(match[1]), yMin: Number(match[2]), word: decode(match[3]!) });
  }
  return found;
}

const decode = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&");

/**
 * What each column of each page says, top to bottom, squeezed: plain pdftotext reads a table
 * line by line across its cells, so an item broken over lines would come out interleaved
 * with its neighbours'. Read by column, a cell's text is whole.
 */
async function columns(file: string): Promise<string[][]> {
  const edges = COLUMNS.reduce<number[]>((at, width) => [...at, at.at(-1)! + ((PAGE_WIDTH - 2 * SIDE_MARGIN) * width) / 100], [SIDE_MARGIN]);
  const pages: Word[][][] = [];
  for (const word of await words(file)) {
    const column = Math.max(0, edges.findIndex((edge) => word.xMin < edge) - 1);
    ((pages[word.page - 1] ??= COLUMNS.map(() => []))[column] ??= []).push(word);
  }
  return [...pages].map((page = []) =>
    page.map((column = []) => squeeze(column.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin).map((w) => w.word).join(""))),
  );
}

let project: string;
let cache: string;
let build: RunResult;

beforeAll(async () => {
  project = await examplesProject(["minato-kodomo-net.md"]);
  await copyFile(path.join(FIXTURES, "external-transmission", "all-services.yaml"), path.join(project, "organizations", "all-services.yaml"));
  cache = await emptyCacheDir();
  build = await hoshin(["build"], { cwd: project, env: { HOSHIN_CACHE_DIR: cache } });
});
afterAll(async () => {
  await removeProjects();
  await rm(cache, { recursive: true, force: true });
});

const pdf = (slug: string, lang: "ja" | "en") => path.join(project, "_site", pdfPath({ slug, lang }));

describe("the external-transmission table in the PDF", () => {
  it("is printed", () => {
    expect(build.stdout).toMatch(/^hoshin: built 2 organizations \(4 policy pages\)/);
    expect(build.code).toBe(0);
  });

  it.each(["ja", "en"] as const)("minato-kodomo-net (%s): every entry's service, recipient, information and purposes", async (lang) => {
    const cells = (await columns(pdf("minato-kodomo-net", lang))).flat();
    const text = squeeze((await pdfPages(pdf("minato-kodomo-net", lang))).join("\n"));
    const own =
      lang === "ja"
        ? ["オンライン寄付フォーム", "株式会社みなとペイメント", "寄付フォームを表示するページのURL", "IPアドレス及びブラウザの情報", "寄付のお申込みを受け付け、寄付金を決済するため", "不正な決済を防止するため"]
        : ["Online donation form", "Minato Payment K.K.", "URL of the page that shows the donation form", "IP address and browser information", "To take donations and process their payment", "To prevent fraudulent payments"];
    const expected = [
      lang === "ja" ? "YouTube（活動紹介の動画）" : "YouTube (videos of our activities)",
      ...matters("youtube", lang).slice(1),
      ...matters("google-maps", lang),
      ...matters("google-recaptcha", lang),
      ...own,
    ];
    expect(expected.filter((item) => !cells.some((cell) => cell.includes(squeeze(item))))).toEqual([]);
    // The headings are the law's words, and the section cites the articles.
    expect(cells.some((cell) => cell.includes(squeeze(lang === "ja" ? "送信される利用者に関する情報の内容" : "Information about the user that is sent")))).toBe(true);
    expect(text).toContain(squeeze(lang === "ja" ? "電気通信事業法第27条の12" : "Telecommunications Business Act Art. 27-12"));
  });

  it.each(["ja", "en"] as const)("a table over several pages (%s) repeats its header row on each of them", async (lang) => {
    const pages = await columns(pdf("all-services", lang));
    const heading = squeeze(lang === "ja" ? "送信される利用者に関する情報の内容" : "Information about the user that is sent");
    // A page holds a row when its second column shows an entry's first item of information.
    const firsts = [...catalogue.values()].map((entry) => squeeze(entry.information[0]![lang]));
    const withRows = pages.flatMap((page, index) => (firsts.some((first) => page[1]?.includes(first)) ? [index + 1] : []));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    expect(withRows.filter((page) => !pages[page - 1]![1]!.includes(heading))).toEqual([]);
    // And all nineteen services are there, with everything they send, to whom and why.
    const cells = pages.flat();
    const missing = [...catalogue.keys()].flatMap((id) => matters(id, lang)).filter((item) => !cells.some((cell) => cell.includes(squeeze(item))));
    expect(missing).toEqual([]);
  });
});

describe("the table's header ids in the PDF", () => {
  it("are numbered by the page alone, in their own order and at their width", () => {
    const printed = Buffer.from(
      "<</S /TH /ID (node00000807)>> <</S /TD /A [<</O /Table /Headers [(node00000800) (node00000807)]>>]>>\n" +
        "<</Limits [(node00000800) (node00000807)] /Names [(node00000800) 490 0 R (node00000807) 492 0 R]>>\n" +
        "<</URI (https://example.org/a\\(node00000999\\))>>",
      "latin1",
    );
    const stable = Buffer.from(stableNodeIds(printed)).toString("latin1");
    expect(stable).toBe(
      "<</S /TH /ID (node00000002)>> <</S /TD /A [<</O /Table /Headers [(node00000001) (node00000002)]>>]>>\n" +
        "<</Limits [(node00000001) (node00000002)] /Names [(node00000001) 490 0 R (node00000002) 492 0 R]>>\n" +
        "<</URI (https://example.org/a\\(node00000999\\))>>",
    );
    expect(stable.length).toBe(printed.length);
  });

  it("are what the printed table carries", async () => {
    const text = (await readFile(pdf("minato-kodomo-net", "en"))).toString("latin1");
    expect(text).toContain("/ID (node00000001)");
    expect(text).toMatch(/\/Headers \[\(node\d{8}\)/);
  });
});
