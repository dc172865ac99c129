/**
 * Self-hosted web fonts: Noto Sans from @fontsource, as unicode-range woff2 subsets, so a
 * visitor downloads only the slices of the font a page uses and no page asks a third-party
 * host for anything. Noto Sans JP serves Japanese and English, as it always has; every other
 * script a shipped language is written in has its own Noto family, chosen by the script
 * Intl gives the language (zh-Hans → Hans → Noto Sans SC), and a site carries only the
 * families of the languages it publishes. The static TrueType files of the same families
 * (@expo-google-fonts, with a real bold) are what the PDFs embed: see print/print-server.ts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

export interface FontFamily {
  family: string;
  /** The @fontsource package of its woff2 subsets. */
  web: string;
  /** The @expo-google-fonts package of its static TrueType files, and their name: `NotoSansSC`. */
  ttf: string;
  ttfName: string;
}

const family = (name: string, slug: string): FontFamily => ({
  family: name,
  web: `@fontsource/${slug}`,
  ttf: `@expo-google-fonts/${slug}`,
  ttfName: name.replaceAll(" ", ""),
});

/** Japanese and English pages, and the fallback of every other. */
export const BASE_FAMILY = family("Noto Sans JP", "noto-sans-jp");

const NOTO_SANS = family("Noto Sans", "noto-sans");

/** The family for each script (ISO 15924, as Intl's likely subtags give it) beside Japanese. */
const BY_SCRIPT: Readonly<Record<string, FontFamily>> = {
  Hans: family("Noto Sans SC", "noto-sans-sc"),
  Hant: family("Noto Sans TC", "noto-sans-tc"),
  Kore: family("Noto Sans KR", "noto-sans-kr"),
  Deva: family("Noto Sans Devanagari", "noto-sans-devanagari"),
  // Latin beyond English (Vietnamese's stacked diacritics, ñ, ã), Greek and Cyrillic.
  Latn: NOTO_SANS,
  Grek: NOTO_SANS,
  Cyrl: NOTO_SANS,
};

/** Every family a page may need, the base first: the print server serves them all. */
export const FONT_FAMILIES: readonly FontFamily[] = [BASE_FAMILY, ...new Set(Object.values(BY_SCRIPT))];

export const FONT_WEIGHTS = [400, 700] as const;

/** Where the font files go in the site, relative to the output folder. */
export const FONT_OUTPUT_DIR = "assets/hoshin/fonts";

/**
 * The family a language's pages are set in before the base one; undefined for Japanese and
 * English (the base family), and for a script no shipped family covers (the reader's own
 * fonts then draw it).
 */
export function familyOf(lang: string): FontFamily | undefined {
  if (lang === "ja" || lang === "en") return undefined;
  let script: string | undefined;
  try {
    script = new Intl.Locale(lang).maximize().script;
  } catch {
    return undefined;
  }
  return script === "Jpan" ? undefined : script === undefined ? undefined : BY_SCRIPT[script];
}

/** `:lang(zh-Hans) { font-family: "Noto Sans SC", "Noto Sans JP", … }` for each language that has a family. */
export function languageFontRules(langs: Iterable<string>, baseStack: string): string {
  return [...new Set(langs)]
    .flatMap((lang) => {
      const found = familyOf(lang);
      return found ? [`:lang(${lang}) {\n  font-family: "${found.family}", ${baseStack};\n}\n`] : [];
    })
    .join("\n");
}

/** The font stack hoshin.css sets on `html`, after which each language's own family comes first. */
export const BASE_STACK = `"Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif`;

/** The families a site's pages need: the base one, and each language's own. */
export function familiesOf(langs: Iterable<string>): FontFamily[] {
  return [BASE_FAMILY, ...new Set([...langs].flatMap((lang) => familyOf(lang) ?? []))];
}

/** One family's @font-face rules for our weights, pointing at woff2 files beside the CSS, and those files. */
function facesOf(one: FontFamily): { css: string; files: Array<[string, string]> } {
  const dir = packageDir(one.web);
  const css = FONT_WEIGHTS.map((weight) =>
    readFileSync(path.join(dir, `${weight}.css`), "utf8")
      // woff2 is understood by every browser we serve; the woff fallbacks would double the copy.
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, "")
      .replace(/url\(\.\/files\//g, "url(./fonts/"),
  ).join("\n");
  // Only the files the rules name: the packages also ship whole-font files (2 MB a weight).
  const names = [...new Set([...css.matchAll(/url\(\.\/fonts\/([^)]+\.woff2)\)/g)].map((match) => match[1] as string))];
  return { css, files: names.map((name) => [path.join(dir, "files", name), `${FONT_OUTPUT_DIR}/${name}`]) };
}

/** The @font-face rules of the base family and of the languages' families, and the `:lang()` rules that pick them. */
export function fontFaceCss(langs: Iterable<string> = []): string {
  const wanted = [...new Set(langs)];
  const rules = languageFontRules(wanted, BASE_STACK);
  return familiesOf(wanted).map((one) => facesOf(one).css).join("\n") + (rules ? `\n${rules}` : "");
}

/** The font files those rules name, as [the package's file, its place in the site]. */
export function fontFiles(langs: Iterable<string> = []): Array<[string, string]> {
  return familiesOf(langs).flatMap((one) => facesOf(one).files);
}

/** The static TrueType file of a family's weight, for printing. */
export function ttfFile(one: FontFamily, weight: (typeof FONT_WEIGHTS)[number]): string {
  const style = weight === 400 ? "400Regular" : "700Bold";
  return path.join(packageDir(one.ttf), style, `${one.ttfName}_${style}.ttf`);
}
