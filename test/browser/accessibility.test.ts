/**
 * Accessible: axe-core, run in a real Chromium on every example page (the index, both
 * languages of every policy, every short address), finds nothing wrong.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { AxeResults, Result } from "axe-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ExampleSite, eachPage, exampleSite, launchChromium } from "./helpers.js";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Every rule axe runs by default, and also those of WCAG 2.0 and 2.1, levels A and AA, that
 * it leaves off by default (experimental ones, such as css-orientation-lock). Deprecated
 * rules stay off: newer rules cover what they did.
 */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let site: ExampleSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([exampleSite(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** One line per offending element, enough to find it in the template. */
function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`),
  );
}

/** axe's verdict on the page at `url` as a visitor's browser shows it (with its stylesheets, fonts, colours). */
async function audit(url: string, { stayOnPage = false } = {}): Promise<AxeResults> {
  // The pages' Content-Security-Policy allows no script at all, so axe could not be added
  // to them; this context ignores the policy, for the audit only. The tests in
  // self-hosted.test.ts load the same pages with the policy in force.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    if (stayOnPage) {
      // A short address sends its visitor on at once; to audit what it shows meanwhile (and
      // to anyone whose browser does not follow refreshes), its next page answers "No Content".
      await page.route(`${site.origin}/**`, (route) =>
        route.request().isNavigationRequest() && route.request().url() !== site.origin + url
          ? route.fulfill({ status: 204 })
          : route.continue(),
      );
    }
    await page.goto(site.origin + url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.addScriptTag({ content: AXE_SOURCE });
    return await page.evaluate(async (tags) => {
      const { axe } = window as unknown as { axe: typeof import("axe-core") };
      const rules = Object.fromEntries(
        axe
          .getRules(tags)
          .filter((rule) => !rule.tags.includes("deprecated"))
          .map((rule) => [rule.ruleId, { enabled: true }]),
      );
      return axe.run(document, { rules, resultTypes: ["violations"] });
    }, WCAG_21_AA);
  } finally {
    await context.close();
  }
}

describe("every example page passes axe-core", () => {
  it("runs the WCAG 2.1 AA rules that are off by default as well", async () => {
    const results = await audit(site.index);
    const ran = new Set([...results.passes, ...results.inapplicable, ...results.incomplete, ...results.violations].map((r) => r.id));
    expect(ran).toContain("css-orientation-lock");
    expect(ran).toContain("color-contrast");
    expect(ran).toContain("region");
  });

  it("the index, every policy page and every external-transmission page, in both languages", async () => {
    await eachPage([site.index, ...site.policies, ...site.transmission], async (url) => {
      const results = await audit(url);
      expect(describeViolations(results.violations), url).toEqual([]);
    });
  });

  it("every change page and archived version (a superseded one with its notice)", async () => {
    expect(site.history.length).toBeGreaterThanOrEqual(4);
    await eachPage(site.history, async (url) => {
      const results = await audit(url);
      expect(describeViolations(results.violations), url).toEqual([]);
    });
  });

  it("every short address, while it sends its visitor on", async () => {
    await eachPage([...site.redirects, ...site.transmissionRedirects], async ({ url }) => {
      const results = await audit(url, { stayOnPage: true });
      expect(describeViolations(results.violations), url).toEqual([]);
    });
  });
});
