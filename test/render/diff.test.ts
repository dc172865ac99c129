/** Section text and word diffs for change pages (src/render/diff.ts). */
import { describe, expect, it } from "vitest";
import { sectionDiff, sectionText } from "../../src/render/diff.js";

describe("sectionText", () => {
  it("keeps what a reader sees: one line per block, entities decoded, markup gone", () => {
    const html = `<p>We use it for:</p>\n<ul class="item-list">\n  <li>Contacting &amp; <strong>informing</strong> members</li>\n  <li>Children&#39;s events</li>\n</ul>`;
    expect(sectionText(html)).toBe("We use it for:\nContacting & informing members\nChildren's events");
  });
});

describe("sectionDiff", () => {
  it("says when nothing a reader sees changed, whatever the markup", () => {
    expect(sectionDiff("<p>Same  text</p>", "<p class=\"x\">Same text</p>", "en")).toEqual({ changed: false, parts: [{ value: "Same text" }] });
  });

  it("marks English words added and removed", () => {
    const { changed, parts } = sectionDiff("<li>Announcing our events</li>", "<li>Sending our newsletter</li>", "en");
    expect(changed).toBe(true);
    expect(parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["Announcing", "events"]);
    expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["Sending", "newsletter"]);
  });

  it("finds Japanese words, which no spaces separate", () => {
    const { parts } = sectionDiff("<p>個人情報を第三者に提供します</p>", "<p>個人情報を外国の第三者に提供します</p>", "ja");
    expect(parts).toEqual([{ value: "個人情報を" }, { value: "外国の", added: true }, { value: "第三者に提供します" }]);
  });

  it("leaves a line break after a mark, not inside it", () => {
    const { parts } = sectionDiff("<li>a</li><li>c</li>", "<li>a</li><li>b</li><li>c</li>", "en");
    expect(parts.filter((p) => p.added || p.removed).every((p) => !p.value.endsWith("\n"))).toBe(true);
    expect(parts.map((p) => p.value).join("")).toBe("a\nb\nc");
  });
});
