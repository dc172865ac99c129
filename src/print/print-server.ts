/**
 * A loopback HTTP server for the staging site while it is printed: pages load their
 * stylesheets and fonts by URL (fonts under setContent() silently fall back), and the
 * path prefix is honoured so every link resolves as it will when published.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { BASE_FAMILY, BASE_STACK, FONT_FAMILIES, FONT_WEIGHTS, familiesOf, languageFontRules, ttfFile, type FontFamily } from "../render/fonts.js";
import { knownLanguages } from "../wording/wording.js";

const require = createRequire(import.meta.url);

export const PRINT_FONTS_CSS = fileURLToPath(new URL("../../templates/print/fonts.css", import.meta.url));
const fontUrl = (family: FontFamily, weight: number) => `/__hoshin-print/${family.ttfName}-${weight}.ttf`;
const PRINT_FONT_FILES: Record<string, string> = Object.fromEntries(
  FONT_FAMILIES.flatMap((family) => FONT_WEIGHTS.map((weight) => [fontUrl(family, weight), ttfFile(family, weight)])),
);

/**
 * The stylesheet served in place of the site's fonts.css while printing: Noto Sans JP's
 * TrueType files (templates/print/fonts.css), and the families of the other languages
 * printed beside them with their `:lang()` rules. Only those: each tab loads every face the
 * stylesheet declares, and a CJK family is 20 MB of TrueType.
 */
export function printFontsCss(langs: Iterable<string> = knownLanguages()): string {
  const wanted = [...new Set(langs)];
  const base = readFileSync(PRINT_FONTS_CSS, "utf8");
  const others = familiesOf(wanted).filter((family) => family !== BASE_FAMILY).flatMap((family) =>
    FONT_WEIGHTS.map(
      (weight) =>
        `@font-face {\n  font-family: "${family.family}";\n  font-style: normal;\n  font-weight: ${weight};\n  src: url(${fontUrl(family, weight)}) format("truetype");\n}\n`,
    ),
  );
  const rules = languageFontRules(wanted, BASE_STACK);
  return others.length || rules ? [base, ...others, rules].join("\n") : base;
}

/** What the printed output depends on besides each page: for cache keys. */
export function printAssetsFingerprint(): string {
  const versions = FONT_FAMILIES.map((family) => {
    const { version } = JSON.parse(readFileSync(require.resolve(`${family.ttf}/package.json`), "utf8")) as { version: string };
    return `${family.ttf}@${version}`;
  });
  return `${printFontsCss()}\n${versions.join("\n")}`;
}

export interface PrintServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

/** Serves the site in `siteDir` for printing pages in `langs` (default: every language this process knows). */
export async function startPrintServer(siteDir: string, pathPrefix: string, langs?: Iterable<string>): Promise<PrintServer> {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  // Files looked up when asked for (sirv's "dev" mode), not listed up front: the browser
  // asks for a few (a page per tab and its stylesheets), and listing a large site took
  // longer than printing a PDF. That mode serves dot files, so they are refused here.
  const site = sirv(siteDir, { dev: true, etag: false });
  const fontsCss = printFontsCss(langs);
  const fontCache = new Map<string, Buffer>();

  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://loopback").pathname;
    const fontFile = PRINT_FONT_FILES[pathname];
    if (fontFile) {
      let font = fontCache.get(fontFile);
      if (!font) fontCache.set(fontFile, (font = readFileSync(fontFile)));
      // Not stored in the browser's HTTP cache: tabs asking for the same font at once wait on
      // one cache entry, and for Noto Sans SC (10 MB) that wait failed one load in three
      // ("NetworkError"). From memory on loopback, each tab fetching its own copy costs nothing
      // measurable (16 example PDFs: 2.6–3.0 s either way).
      response.writeHead(200, { "content-type": "font/ttf", "cache-control": "no-store" });
      response.end(font);
      return;
    }
    if (pathname === `${prefix}assets/hoshin/fonts.css`) {
      response.writeHead(200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=31536000" });
      response.end(fontsCss);
      return;
    }
    if (!pathname.startsWith(prefix) || isDotPath(pathname)) {
      response.writeHead(404).end();
      return;
    }
    request.url = `/${(request.url ?? "/").slice(prefix.length)}`;
    site(request, response, () => {
      response.writeHead(404).end();
    });
  });
  return listenOnLoopback(server);
}

/** A path with a segment that starts with a dot, encoded or not: never served. */
function isDotPath(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: judged as written.
  }
  return decoded.includes("/.") || pathname.includes("/.");
}

/** Starts `server` on a free port of 127.0.0.1, reachable from this machine only. */
export async function listenOnLoopback(server: http.Server): Promise<PrintServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
