/**
 * On a phone: at 375 CSS pixels wide (the narrowest common phone), no page of the examples
 * scrolls sideways, and no telephone number is broken across lines.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ExampleSite, eachPage, exampleSite, launchChromium, load } from "./helpers.js";

const WIDTH = 375;

interface Measured {
  /** The layout viewport's width: the page's viewport meta tag at work. */
  viewport: number;
  scrollWidth: number;
  /** What sticks out past the right edge, to say where to look if the page does scroll. */
  wide: string[];
  /** Every telephone link, and how many line boxes it was laid out in. */
  phones: { text: string; lines: number }[];
}

let site: ExampleSite;
let browser: Browser;
const measured = new Map<string, Measured>();

beforeAll(async () => {
  [site, browser] = await Promise.all([exampleSite(), launchChromium()]);
  // Each page is laid out once, on a phone, and measured for every test below.
  await eachPage([site.index, ...site.policies, ...site.history, ...site.transmission], async (url) => {
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await context.newPage();
      await load(page, site.origin + url);
      measured.set(
        url,
        await page.evaluate((): Measured => {
          const right = document.documentElement.clientWidth;
          return {
            viewport: right,
            scrollWidth: (document.scrollingElement ?? document.documentElement).scrollWidth,
            wide: [...document.body.querySelectorAll("*")]
              .filter((element) => element.getBoundingClientRect().right > right + 0.5)
              .map((element) => `<${element.localName} class="${element.className}">${element.textContent?.trim().slice(0, 40)}`)
              .slice(0, 5),
            phones: [...document.querySelectorAll('a[href^="tel:"]')].map((link) => ({
              text: link.textContent ?? "",
              lines: link.getClientRects().length,
            })),
          };
        }),
      );
    } finally {
      await context.close();
    }
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe(`at ${WIDTH} px wide`, () => {
  it("no policy page, change page, archived version or external-transmission page, and not the index, scrolls horizontally", () => {
    expect(measured.size).toBe(1 + site.policies.length + site.history.length + site.transmission.length);
    for (const [url, { viewport, scrollWidth, wide }] of measured) {
      expect(viewport, `${url}: the layout viewport`).toBe(WIDTH);
      expect(scrollWidth, `${url} scrolls sideways; what sticks out: ${wide.join(" | ")}`).toBeLessThanOrEqual(WIDTH);
    }
  });

  it("every telephone number stays on one line", () => {
    const phones = [...measured].flatMap(([url, { phones }]) => phones.map((phone) => ({ url, ...phone })));
    expect(phones.length, "the examples have telephone numbers to check").toBeGreaterThan(0);
    expect(phones.filter((phone) => phone.lines !== 1)).toEqual([]);
  });
});
