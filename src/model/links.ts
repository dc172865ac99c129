/**
 * Which links a policy page may carry, decided the way a browser reads an address. One rule
 * for both stages: validation refuses a link with its position (src/validate/links.ts), and
 * the Markdown renderer applies the same rule again, as a second line of defence.
 *
 * Allowed: https, http, mailto and tel addresses, and links within the site — a path
 * (`/forms/`, `../other/`), a `#fragment` or a `?query`, which have no scheme.
 */

export const ALLOWED_SCHEMES = ["https", "http", "mailto", "tel"] as const;

/** Why a link is refused: a scheme not allowed (`javascript`, `data`, `c` of `C:\…`), or another host without a scheme (`//host`). */
export type RefusedLink = { kind: "scheme"; scheme: string } | { kind: "host-relative" };

/** A scheme as RFC 3986 spells it: a letter, then letters, digits, `+`, `-` or `.`, then `:`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/**
 * What a browser drops or ignores when it reads a scheme (tab, line breaks, other controls and
 * spaces), and invisible format characters (zero-width space, joiners, BOM) a paste can hide
 * in it: `java\tscript:` is run as `javascript:` by some browsers and meant as it by anyone.
 */
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Why `href` may not be linked, or undefined when it may. `href` is the address as
 * markdown-it hands it on (HTML entities decoded, then percent-encoded), so percent-escapes
 * are decoded first: `java%09script:` was written `java&#x09;script:`.
 */
export function refusedLink(href: string): RefusedLink | undefined {
  const read = percentDecoded(href).replace(IGNORED, "");
  const scheme = SCHEME.exec(read)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    return (ALLOWED_SCHEMES as readonly string[]).includes(scheme) ? undefined : { kind: "scheme", scheme };
  }
  // `//host/…` (and `/\host`, `\\host`, which browsers read the same way) leaves the site.
  if (/^[/\\]{2}/.test(read)) return { kind: "host-relative" };
  return undefined;
}

/** The address a reader would recognize: percent-escapes decoded where they decode. */
export function percentDecoded(href: string): string {
  return href.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
