/**
 * Self-hosted Japanese web fonts: Noto Sans JP from @fontsource, as unicode-range woff2
 * subsets, so a visitor downloads only the slices of the font a page uses and no page
 * asks a third-party host for anything.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
export const FONT_PACKAGE_DIR = path.dirname(require.resolve("@fontsource/noto-sans-jp/package.json"));
export const FONT_WEIGHTS = [400, 700] as const;

/** Where the font files go in the site, relative to the output folder. */
export const FONT_OUTPUT_DIR = "assets/hoshin/fonts";

/** The @font-face rules for our weights, pointing at woff2 files beside the CSS. */
export function fontFaceCss(): string {
  return FONT_WEIGHTS.map((weight) =>
    readFileSync(path.join(FONT_PACKAGE_DIR, `${weight}.css`), "utf8")
      // woff2 is understood by every browser we serve; the woff fallbacks would double the copy.
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, "")
      .replace(/url\(\.\/files\//g, "url(./fonts/"),
  ).join("\n");
}

/**
 * The font files the CSS names, and only those: the package also ships a whole-font
 * `japanese` file (2 MB a weight) that no @font-face rule uses.
 */
export function fontFiles(css: string): string[] {
  return [...new Set([...css.matchAll(/url\(\.\/fonts\/([^)]+\.woff2)\)/g)].map((match) => match[1] as string))];
}
