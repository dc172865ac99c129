/**
 * Valid: every HTML file of the built example site (the index, both languages of every
 * policy, every short address, change pages and archived versions) passes html-validate
 * with no error or warning.
 */
import path from "node:path";
import { HtmlValidate, type Message } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ExampleSite, exampleSite } from "./helpers.js";

/**
 * The recommended preset: the HTML standard's rules and html-validate's advice on
 * accessibility and good practice, not the standard's rules alone. Two rules are told
 * about choices made on purpose; none is switched off.
 */
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Every hoshin page writes `<!doctype html>`, as the HTML standard's own examples
    // do; the rule still holds them to that one spelling.
    "doctype-style": ["error", { style: "lowercase" }],
    // A telephone link keeps its hyphens as typed (so a copied number still dials and
    // searches); `.phone-number` in hoshin.css keeps it on one line instead, which
    // mobile.test.ts checks in the browser.
    "tel-non-breaking": ["error", { ignoreClasses: ["phone-number"] }],
  },
});

let site: ExampleSite;

beforeAll(async () => {
  site = await exampleSite();
});
afterAll(() => site?.close());

function describeMessages(file: string, messages: Message[]): string[] {
  return messages.map((message) => `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
}

describe("every HTML file of the example site passes html-validate", () => {
  it("covers the index, every policy page, every short address, change pages, archived versions and external-transmission pages", () => {
    expect(site.htmlFiles).toContain("index.html");
    expect(site.history.some((url) => url.includes("/changes/"))).toBe(true);
    expect(site.history.some((url) => url.includes("/versions/"))).toBe(true);
    expect(site.transmission.length).toBeGreaterThan(0);
    expect(site.htmlFiles).toHaveLength(
      1 + site.policies.length + site.redirects.length + site.history.length + site.transmission.length + site.transmissionRedirects.length,
    );
  });

  it("reports nothing for any of them", async () => {
    const problems: string[] = [];
    for (const file of site.htmlFiles) {
      const report = await validator.validateFile(path.join(site.dir, file));
      problems.push(...report.results.flatMap((result) => describeMessages(file, result.messages)));
    }
    expect(problems).toEqual([]);
  });

  it("would report a mistake: the check is not blind", async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><main><h1>x</h1><ul><p>x</p></ul><img src="x.png"><a href="tel:03-1234-5678">03-1234-5678</a></main></body></html>',
    );
    const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(rules).toContain("element-permitted-content");
    expect(rules).toContain("wcag/h37");
    expect(rules).toContain("tel-non-breaking");
  });
});
