/**
 * On paper, the external-transmission table fits the page: laid out for print at the width
 * of an A4 page inside its margins, the table is no wider than the page, and no cell's text —
 * a long web address least of all — runs out of its cell. (The PDF cannot show an overflow:
 * Chromium shrinks a page that is too wide until it fits.)
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ExampleSite, eachPage, exampleSite, launchChromium, load } from "./helpers.js";

/** A4 (210 mm) less hoshin.css's side margins (2 × 18 mm), in CSS pixels. */
const A4_CONTENT_WIDTH = Math.floor((174 / 25.4) * 96);

let site: ExampleSite;
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([exampleSite(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Measured {
  tables: number;
  pageWidth: number;
  tableRight: number;
  /** Cells whose content is wider than the cell, by their text. */
  overflowing: string[];
}

describe("the external-transmission table on paper", () => {
  it("fits an A4 page's width, every cell holding its text", async () => {
    const urls = [...site.policies.filter((url) => url.startsWith("/minato-kodomo-net/") || url.startsWith("/ji4pe/")), ...site.transmission];
    expect(urls.length).toBe(6);
    await eachPage(urls, async (url) => {
      const context = await browser.newContext({ viewport: { width: A4_CONTENT_WIDTH, height: 1000 } });
      try {
        const page = await context.newPage();
        await page.emulateMedia({ media: "print" });
        await load(page, site.origin + url);
        const measured = await page.evaluate((): Measured => {
          const tables = [...document.querySelectorAll<HTMLTableElement>(".transmission-table")];
          const cells = tables.flatMap((table) => [...table.querySelectorAll<HTMLElement>("th, td")]);
          return {
            tables: tables.length,
            pageWidth: document.documentElement.clientWidth,
            tableRight: Math.max(...tables.map((table) => table.getBoundingClientRect().right)),
            overflowing: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent?.trim().slice(0, 40) ?? ""),
          };
        });
        expect(measured.tables, url).toBe(1);
        expect(measured.tableRight, `${url}: the table's right edge`).toBeLessThanOrEqual(measured.pageWidth + 0.5);
        expect(measured.overflowing, `${url}: cells whose text runs out of them`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
