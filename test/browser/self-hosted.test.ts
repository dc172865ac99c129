/**
 * Nothing from outside: every example page, loaded in a real Chromium from a plain static
 * server, asks only its own origin for anything, gets everything it asks for, breaks no
 * rule of its Content-Security-Policy, and is set in the self-hosted Noto Sans JP.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { type ExampleSite, eachPage, exampleSite, launchChromium, load, recordingPage, settled, type LoadRecord } from "./helpers.js";

let site: ExampleSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([exampleSite(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The page loaded nothing but its own files, all of them successfully, and broke no CSP rule. */
function expectSelfContained(url: string, record: LoadRecord): void {
  expect(record.requests.length, `${url} made no request at all`).toBeGreaterThan(0);
  expect(
    record.requests.filter((request) => !request.startsWith(`${site.origin}/`)),
    `${url} asked another origin for something`,
  ).toEqual([]);
  expect(record.failures, `${url} has requests that failed`).toEqual([]);
  expect(record.violations, `${url} broke its Content-Security-Policy`).toEqual([]);
  expect(record.console, `${url} logged errors or warnings`).toEqual([]);
}

/** The page's Content-Security-Policy, directive by directive. */
async function contentSecurityPolicy(page: Page): Promise<Map<string, string[]>> {
  const policies = await page.locator('head > meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) =>
    metas.map((meta) => meta.getAttribute("content") ?? ""),
  );
  expect(policies, "one Content-Security-Policy meta tag").toHaveLength(1);
  const directives = new Map<string, string[]>();
  for (const directive of policies[0]!.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe("every example page loads nothing from outside", () => {
  it("has pages to test: the index, both languages of every policy, every short address", () => {
    expect(site.policies.length).toBeGreaterThanOrEqual(10);
    expect(site.policies.filter((url) => url.endsWith("/ja/"))).toHaveLength(site.redirects.length);
    expect(site.policies.filter((url) => url.endsWith("/en/"))).toHaveLength(site.redirects.length);
    expect(site.redirects.length).toBeGreaterThanOrEqual(5);
  });

  it("the index and every policy page ask only their own origin, and get every file they ask for", async () => {
    await eachPage([site.index, ...site.policies], async (url) => {
      const { page, record } = await recordingPage(browser);
      try {
        await load(page, site.origin + url, record);
        expectSelfContained(url, record);
        // The page really is styled and set in a web font: those requests are the proof
        // that the self-hosted assets were found, not silently skipped.
        expect(record.requests.some((request) => request.endsWith("/assets/hoshin/hoshin.css")), `${url} loaded hoshin.css`).toBe(true);
        expect(record.requests.some((request) => request.endsWith("/assets/hoshin/fonts.css")), `${url} loaded fonts.css`).toBe(true);
        expect(record.requests.some((request) => request.endsWith(".woff2")), `${url} loaded a font file`).toBe(true);
        if (url !== site.index) {
          // The running header is the page's own <style media="print">: applied, not refused.
          const rules = await page.evaluate(() => {
            const style = document.head.querySelector<HTMLStyleElement>('style[media="print"]');
            return style?.sheet ? [...style.sheet.cssRules].map((rule) => rule.cssText) : null;
          });
          expect(rules, `${url} has its rules for paper, applied`).not.toBeNull();
          expect(rules!.join(" "), `${url}: the running header`).toMatch(/@page/);
        }
      } finally {
        await page.context().close();
      }
    });
  });

  it("change pages and archived versions ask only their own origin, and get every file they ask for", async () => {
    expect(site.history.length).toBeGreaterThanOrEqual(4);
    await eachPage(site.history, async (url) => {
      const { page, record } = await recordingPage(browser);
      try {
        await load(page, site.origin + url, record);
        expectSelfContained(url, record);
        expect(record.requests.some((request) => request.endsWith(".woff2")), `${url} loaded a font file`).toBe(true);
        // An archived version is styled by the stylesheet frozen with it, not today's.
        const stylesheet = url.includes("/versions/") ? `${url.replace(/[a-z]{2}\/$/, "")}hoshin.css` : "/assets/hoshin/hoshin.css";
        expect(record.requests, `${url} loaded ${stylesheet}`).toContain(site.origin + stylesheet);
      } finally {
        await page.context().close();
      }
    });
  });

  it("every short address sends its visitor on to the authoritative language, asking only its own origin", async () => {
    await eachPage([...site.redirects, ...site.transmissionRedirects], async ({ url, target }) => {
      const { page, record } = await recordingPage(browser);
      try {
        // Only until the document arrives: its refresh may start the next load before its own ends.
        await page.goto(site.origin + url, { waitUntil: "commit" });
        await page.waitForURL(site.origin + target);
        await settled(page, record);
        expect(record.requests[0], `${url} was requested first`).toBe(site.origin + url);
        expect(record.requests).toContain(site.origin + target);
        expectSelfContained(url, record);
      } finally {
        await page.context().close();
      }
    });
  });

  it("every page says so in a Content-Security-Policy that allows its own origin at most", async () => {
    const shortAddresses = [...site.redirects, ...site.transmissionRedirects].map((redirect) => redirect.url);
    await eachPage([site.index, ...site.policies, ...site.history, ...site.transmission, ...shortAddresses], async (url) => {
      const page = await browser.newPage();
      try {
        // The short addresses are not followed here: this is about each document's own policy.
        await page.route(`${site.origin}/**`, (route) =>
          route.request().isNavigationRequest() && route.request().url() !== site.origin + url
            ? route.fulfill({ status: 204 })
            : route.continue(),
        );
        await page.goto(site.origin + url, { waitUntil: "domcontentloaded" });
        const policy = await contentSecurityPolicy(page);
        expect(policy.get("default-src"), `${url}: default-src`).toEqual(["'none'"]);
        // A policy page also allows its own inline rules for paper, by their hash, and no other.
        const styles = await page.evaluate(() => [...document.querySelectorAll("style")].map((style) => style.textContent ?? ""));
        const hashes = styles.map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);
        expect(policy.get("style-src")?.filter((source) => source.startsWith("'sha256-")) ?? [], `${url}: style-src hashes`).toEqual(hashes);
        for (const [directive, sources] of policy) {
          expect(
            sources.filter((source) => source !== "'none'" && source !== "'self'" && !(directive === "style-src" && hashes.includes(source))),
            `${url}: ${directive} allows only 'self', its own inline style's hash, or nothing`,
          ).toEqual([]);
        }
        expect(styles.length, `${url}: inline styles`).toBe(site.policies.includes(url) ? 1 : 0);
        expect(policy.has("script-src"), `${url} allows no script`).toBe(false);
        // A meta policy covers only what comes after it: nothing in <head> may load before it.
        const before = await page.evaluate(() => {
          const meta = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
          const earlier: string[] = [];
          for (const element of document.head.children) {
            if (element === meta) break;
            earlier.push(element.localName);
          }
          return earlier;
        });
        expect(before.filter((name) => ["link", "script", "style", "base"].includes(name)), `${url}: before the policy`).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  });

  it("is enforced: a stylesheet or script from elsewhere, or an inline style, is refused, and the refusal is seen", async () => {
    // Proves the recorder above is not blind: the same listener must catch a real breach.
    const { page, record } = await recordingPage(browser);
    try {
      const url = site.policies[0]!;
      await load(page, site.origin + url, record);
      await page.evaluate(() => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = "https://fonts.googleapis.com/css2?family=Noto+Sans+JP";
        document.head.append(link);
        const script = document.createElement("script");
        script.src = "https://cdn.example.com/tracker.js";
        document.head.append(script);
        const style = document.createElement("style");
        style.textContent = "@font-face { font-family: Elsewhere; src: url(https://fonts.gstatic.com/x.woff2); }";
        document.head.append(style);
      });
      await expect.poll(() => record.violations.length).toBeGreaterThanOrEqual(3);
      expect(record.violations.join("\n")).toMatch(/^style-src-elem https:\/\/fonts\.googleapis\.com/m);
      expect(record.violations.join("\n")).toMatch(/^script-src-elem https:\/\/cdn\.example\.com/m);
      expect(record.violations.join("\n")).toMatch(/^style-src-elem inline/m);
      // Chromium reports a refused load as a request (so the origin check above would see it
      // too) that failed with `csp`; it never reaches the network.
      await expect.poll(() => record.failures.length).toBeGreaterThanOrEqual(2);
      expect(record.failures).toEqual([
        "https://fonts.googleapis.com/css2?family=Noto+Sans+JP: csp",
        "https://cdn.example.com/tracker.js: csp",
      ]);
    } finally {
      await page.context().close();
    }
  });
});

describe("the self-hosted font", () => {
  it("is what every Japanese page is set in", async () => {
    const japanese = site.policies.filter((url) => url.endsWith("/ja/"));
    await eachPage([site.index, ...japanese], async (url) => {
      const page = await browser.newPage();
      try {
        await load(page, site.origin + url);
        const faces = await page.evaluate(() =>
          [...document.fonts].map((face) => ({ family: face.family.replace(/^["']|["']$/g, ""), weight: face.weight, status: face.status })),
        );
        const loaded = faces.filter((face) => face.family === "Noto Sans JP" && face.status === "loaded");
        expect(loaded.length, `${url}: Noto Sans JP faces loaded`).toBeGreaterThan(0);
        // Body text and headings: both weights came from the site.
        expect(new Set(loaded.map((face) => face.weight)), `${url}: weights loaded`).toEqual(new Set(["400", "700"]));
        expect(faces.filter((face) => face.status === "error"), `${url}: faces that failed`).toEqual([]);

        // What Chromium really drew the heading and a paragraph with: the web font, not a system one.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("DOM.enable");
        await cdp.send("CSS.enable");
        const { root } = await cdp.send("DOM.getDocument");
        for (const selector of ["h1", url === site.index ? "tbody th a" : ".policy-lead"]) {
          const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
          expect(nodeId, `${url}: ${selector}`).toBeGreaterThan(0);
          const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
          expect(fonts.length, `${url}: ${selector} drew glyphs`).toBeGreaterThan(0);
          for (const font of fonts) {
            // The files' own name table calls the family "Noto Sans JP Thin" (subfamily Bold
            // or Regular), a leftover of how @fontsource cut them from the variable font.
            expect({ selector, family: font.familyName.replace(/ Thin$/, ""), custom: font.isCustomFont }, url).toEqual({
              selector,
              family: "Noto Sans JP",
              custom: true,
            });
          }
        }
      } finally {
        await page.context().close();
      }
    });
  });
});

describe("the server's side of it", () => {
  // Last in this file: by now every page has been loaded, redirects followed, fonts fetched.
  it("answered every request the browser made, with a file", () => {
    expect(site.served.length).toBeGreaterThan(site.policies.length * 5);
    expect(site.served.filter((answer) => answer.status >= 400)).toEqual([]);
  });
});
