/**
 * finalize.ts edits Chromium's PDFs in place (edit-in-place.ts) and gives anything else to
 * pdf-lib. Checked on a real print: the in-place edit changes the document information and
 * the loopback links and not one other byte of any object, every cross-reference row points
 * at its object, and a PDF in another layout (object streams, as pdf-lib writes) still comes
 * out described and rebased.
 */
import { rm } from "node:fs/promises";
import path from "node:path";

import { chromium } from "playwright-core";
import { PDFDocument, PDFName } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { editChromiumPdf, literalString } from "../../src/print/edit-in-place.js";
import { finalizePdf, type LinkRebase, type PdfDescription } from "../../src/print/finalize.js";
import { findBrowser } from "../../src/print/find-browser.js";
import { startPrintServer } from "../../src/print/print-server.js";
import { CHROMIUM_ARGS } from "../../src/print/print-site.js";
import { REPO, buildSite } from "../helpers/site.js";
import { readStructure } from "./structure.js";

const description: PdfDescription = {
  title: "プライバシーポリシー｜特定非営利活動法人 多文化共生支援センター",
  author: "特定非営利活動法人 多文化共生支援センター",
  subject: "(テスト) \\ 説明",
  lang: "en",
  date: "2024-04-01",
};

let site: string;
let printed: Uint8Array;
let links: LinkRebase;

beforeAll(async () => {
  site = await buildSite(path.join(REPO, "organizations"));
  const server = await startPrintServer(site, "/");
  const browser = await chromium.launch({ executablePath: (await findBrowser()).path, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    // The English page links to the Japanese one: a link of the site to rebase.
    await tab.goto(`${server.origin}/tabunka-center/en/`, { waitUntil: "load" });
    await tab.evaluate(() => document.fonts.ready);
    printed = await tab.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    links = { from: `${server.origin}/`, to: "https://example.org/policies/" };
  } finally {
    await browser.close();
    await server.close();
  }
});
afterAll(() => rm(site, { recursive: true, force: true }));

/** Every object of a classic-xref PDF by number, as the table locates it. */
function objects(pdf: Uint8Array): Map<number, string> {
  const text = Buffer.from(pdf).toString("latin1");
  const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  const head = /^xref\n0 (\d+)\n/.exec(text.slice(xref))!;
  const rows = Array.from({ length: Number(head[1]) }, (_, n) => text.slice(xref + head[0].length + 20 * n, xref + head[0].length + 20 * (n + 1)));
  const starts = rows.filter((row) => row[17] === "n").map((row) => Number(row.slice(0, 10))).sort((a, b) => a - b);
  const found = new Map<number, string>();
  rows.forEach((row, number) => {
    if (row[17] !== "n") return;
    const start = Number(row.slice(0, 10));
    found.set(number, text.slice(start, starts.find((offset) => offset > start) ?? xref));
  });
  return found;
}

describe("a PDF as Chromium prints it", () => {
  it("is edited in place: new document information and links, every other object byte for byte", async () => {
    const finished = await finalizePdf(printed, description, "hoshin test", links);
    expect(Buffer.from(finished.subarray(0, 8)).toString("latin1")).toBe("%PDF-1.4");

    const before = objects(printed);
    const after = objects(finished);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const infoNumber = Number(/\/Info (\d+) 0 R/.exec(Buffer.from(printed).toString("latin1"))![1]);
    let linksRebased = 0;
    for (const [number, object] of after) {
      // The table points at each object: it starts where its row says.
      expect(object.startsWith(`${number} 0 obj\n`), `object ${number}`).toBe(true);
      if (number === infoNumber) continue;
      const expected = before.get(number)!.replaceAll(`/URI (${links.from}`, `/URI (${links.to}`);
      if (expected !== before.get(number)) linksRebased++;
      expect(object, `object ${number}`).toBe(expected);
    }
    expect(linksRebased).toBeGreaterThan(0);

    const document = await PDFDocument.load(finished, { updateMetadata: false });
    expect(document.getTitle()).toBe(description.title);
    expect(document.getAuthor()).toBe(description.author);
    expect(document.getSubject()).toBe(description.subject);
    expect(document.getCreator()).toBe("hoshin");
    expect(document.getProducer()).toBe("hoshin test");
    expect(document.getCreationDate()?.toISOString()).toBe("2024-03-31T15:00:00.000Z");
    expect(document.getModificationDate()?.toISOString()).toBe("2024-03-31T15:00:00.000Z");
    const structure = await readStructure(finished);
    expect(structure.lang).toBe("en");
    expect(structure.uris.some((uri) => uri.startsWith(links.to))).toBe(true);
    expect(structure.uris.filter((uri) => uri.includes("127.0.0.1"))).toEqual([]);
  });

  it("states no dates when the policy states none", async () => {
    const finished = await finalizePdf(printed, { ...description, date: undefined }, "hoshin test", links);
    const document = await PDFDocument.load(finished, { updateMetadata: false });
    expect(document.getCreationDate()).toBeUndefined();
    expect(document.getModificationDate()).toBeUndefined();
    expect(Buffer.from(finished.subarray(0, 8)).toString("latin1")).toBe("%PDF-1.4");
  });

  it("is left to pdf-lib when its catalog does not state the expected language", () => {
    expect(editChromiumPdf(printed, { info: "<<>>", links, lang: "ja" })).toBeUndefined();
    expect(editChromiumPdf(printed, { info: "<<>>", links, lang: "en" })).toBeDefined();
  });
});

describe("a PDF in another layout", () => {
  it("is rewritten by pdf-lib, with the same description and links", async () => {
    // Object streams and a cross-reference stream: not the layout edited in place.
    const other = await (await PDFDocument.load(printed, { updateMetadata: false })).save({ useObjectStreams: true });
    expect(editChromiumPdf(other, { info: "<<>>", links, lang: "en" })).toBeUndefined();

    const finished = await finalizePdf(other, description, "hoshin test", links);
    const document = await PDFDocument.load(finished, { updateMetadata: false });
    expect(document.getTitle()).toBe(description.title);
    expect(document.getAuthor()).toBe(description.author);
    expect(document.getProducer()).toBe("hoshin test");
    expect(document.getCreationDate()?.toISOString()).toBe("2024-03-31T15:00:00.000Z");
    expect(document.catalog.get(PDFName.of("Lang"))?.toString()).toBe("(en)");
    const structure = await readStructure(finished);
    expect(structure.uris.some((uri) => uri.startsWith(links.to))).toBe(true);
    expect(structure.uris.filter((uri) => uri.includes("127.0.0.1"))).toEqual([]);
  });
});

describe("literalString", () => {
  it("escapes as Chromium's PDF writer does: backslash and parentheses, other bytes in octal", () => {
    expect(literalString("https://example.org/a(b)\\c")).toBe("(https://example.org/a\\(b\\)\\\\c)");
    expect(literalString("é\n")).toBe("(\\303\\251\\012)");
  });
});
