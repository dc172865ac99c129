/**
 * The finder for HTML (and templates written as HTML): the attributes that make a browser
 * fetch an address on its own — script, iframe, img, link and the like, and `ping` beacons —
 * and the scripts and styles written inline, read by the script finder at their true
 * offsets. A link a visitor may follow (`<a href>`) sends nothing until they do, so it does
 * not count; nor do comments, or script elements that hold data (JSON-LD, templates).
 */
import { Parser } from "htmlparser2";
import type { Detector } from "./detectors.js";
import type { Found } from "./addresses.js";
import { findInScript, findInStyle } from "./script.js";

/** Attributes whose value is an address the browser fetches, by element. */
const FETCHED: Readonly<Record<string, readonly string[]>> = {
  script: ["src"],
  iframe: ["src", "data-src"],
  frame: ["src"],
  img: ["src", "srcset", "data-src", "data-srcset"],
  source: ["src", "srcset", "data-srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
  input: ["src"],
  link: ["href"],
  a: ["ping"],
  area: ["ping"],
};

/** `<link rel>` values that fetch the address; `canonical`, `alternate`, `preconnect` and the like do not. */
const LINK_FETCHES = new Set(["stylesheet", "icon", "preload", "modulepreload", "prefetch", "prerender", "manifest", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon"]);

/** Script types that are data, not code: the browser runs none of them. */
const DATA_SCRIPTS = new Set(["application/ld+json", "application/json", "importmap", "speculationrules", "text/template", "text/x-template", "text/html", "text/x-handlebars-template"]);

export function findInHtml(html: string, detectors: readonly Detector[]): Found[] {
  const found: Found[] = [];
  let inline: { kind: "script" | "style"; start: number; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = { start: parser.startIndex, end: parser.endIndex };
        for (const attribute of FETCHED[name] ?? []) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          if (name === "link" && !relFetches(attributes.rel)) continue;
          const offset = valueOffset(html, tag, value);
          for (const url of urlsOf(attribute, value)) found.push({ kind: "address", offset: offset + Math.max(0, value.indexOf(url)), url, what: `${name} ${attribute}` });
        }
        if (attributes.style !== undefined) found.push(...findInStyle(attributes.style, valueOffset(html, tag, attributes.style)));
        const type = (attributes.type ?? "").trim().toLowerCase();
        if (name === "script" && attributes.src === undefined && !DATA_SCRIPTS.has(type)) inline = { kind: "script", start: -1, text: "" };
        if (name === "style") inline = { kind: "style", start: -1, text: "" };
      },
      ontext(text) {
        if (!inline) return;
        if (inline.start < 0) inline.start = parser.startIndex;
        inline.text += text;
      },
      onclosetag(name) {
        if (!inline || name !== inline.kind) return;
        if (inline.start >= 0) {
          found.push(...(inline.kind === "script" ? findInScript(inline.text, detectors, inline.start) : findInStyle(inline.text, inline.start)));
        }
        inline = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

function relFetches(rel: string | undefined): boolean {
  return (rel ?? "").toLowerCase().split(/\s+/).some((token) => LINK_FETCHES.has(token));
}

/** The addresses an attribute holds: one, or a `srcset`'s candidates, or `ping`'s list. */
function urlsOf(attribute: string, value: string): string[] {
  if (attribute.endsWith("srcset")) return value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "").filter(Boolean);
  if (attribute === "ping") return value.split(/\s+/).filter(Boolean);
  return [value.trim()];
}

/** Where an attribute's value was written inside its tag; the tag's start when entities make the written form differ. */
function valueOffset(html: string, tag: { start: number; end: number }, value: string): number {
  const source = html.slice(tag.start, tag.end + 1);
  for (const written of [value, value.replaceAll("&", "&amp;")]) {
    const index = written ? source.indexOf(written) : -1;
    if (index !== -1) return tag.start + index;
  }
  return tag.start;
}
