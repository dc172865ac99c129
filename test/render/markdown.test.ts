/**
 * The page's Markdown, the second line of defence behind validation: a link it may not carry
 * is left as text, whatever the validation let through; every link validation allows is a
 * link. One rule (src/model/links.ts) decides for both.
 */
import { describe, expect, it } from "vitest";

import { refusedLink } from "../../src/model/links.js";
import { renderMarkdown } from "../../src/render/markdown.js";

const ALLOWED = [
  "https://example.org/forms/",
  "HTTP://example.org/",
  "mailto:info@example.org",
  "tel:+81-3-1234-5678",
  "/forms/photo/",
  "../other/",
  "policies/list.html",
  "#contact",
  "?lang=en",
  "",
];

const REFUSED: ReadonlyArray<[string, ReturnType<typeof refusedLink>]> = [
  ["javascript:alert(1)", { kind: "scheme", scheme: "javascript" }],
  ["  JaVaScRiPt:alert(1)", { kind: "scheme", scheme: "javascript" }],
  ["java%09script:alert(1)", { kind: "scheme", scheme: "javascript" }],
  ["java%E2%80%8Bscript:alert(1)", { kind: "scheme", scheme: "javascript" }],
  ["vbscript:msgbox", { kind: "scheme", scheme: "vbscript" }],
  ["data:text/html;base64,PHNjcmlwdD4=", { kind: "scheme", scheme: "data" }],
  ["file:///etc/passwd", { kind: "scheme", scheme: "file" }],
  ["C:%5CUsers%5Cshare", { kind: "scheme", scheme: "c" }],
  ["ftp://example.org/", { kind: "scheme", scheme: "ftp" }],
  ["//evil.example/", { kind: "host-relative" }],
  ["/%5Cevil.example/", { kind: "host-relative" }],
];

describe("refusedLink", () => {
  it.each(ALLOWED)("allows %j", (href) => {
    expect(refusedLink(href)).toBeUndefined();
  });

  it.each(REFUSED)("refuses %j", (href, why) => {
    expect(refusedLink(href)).toEqual(why);
  });
});

describe("renderMarkdown", () => {
  it("makes a link of every address a policy may link to", () => {
    const html = renderMarkdown("[a](/forms/) [b](?lang=en) [c](#contact) [d](tel:03-1234-5678) [e](https://example.org/)");
    expect(html).toBe(
      '<p><a href="/forms/">a</a> <a href="?lang=en">b</a> <a href="#contact">c</a> <a href="tel:03-1234-5678">d</a> <a href="https://example.org/">e</a></p>\n',
    );
  });

  it("leaves any other link as text, entities and case tricks included", () => {
    for (const markdown of ["[a](javascript:alert(1))", "[a](java&#x09;script:alert(1))", "![a](data:image/png;base64,AAAA)", "<vbscript:msgbox>", "[a](//evil.example/)"]) {
      const html = renderMarkdown(markdown);
      expect(html, markdown).not.toMatch(/<a |<img /);
    }
  });

  it("shows raw HTML as text", () => {
    expect(renderMarkdown("<b>x</b><br>")).toBe("<p>&lt;b&gt;x&lt;/b&gt;&lt;br&gt;</p>\n");
  });
});
