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

const require = createRequire(import.meta.url);
const TTF_PACKAGE = path.dirname(require.resolve("@expo-google-fonts/noto-sans-jp/package.json"));

export const PRINT_FONTS_CSS = fileURLToPath(new URL("../../templates/print/fonts.css", import.meta.url));
const PRINT_FONT_FILES: Record<string, string> = {
  "/__hoshin-print/NotoSansJP-400.ttf": path.join(TTF_PACKAGE, "400Regular", "NotoSansJP_400Regular.ttf"),
  "/__hoshin-print/NotoSansJP-700.ttf": path.join(TTF_PACKAGE, "700Bold", "NotoSansJP_700Bold.ttf"),
};

/** What the printed output depends on besides each page: for cache keys. */
export function printAssetsFingerprint(): string {
  const version = (JSON.parse(readFileSync(path.join(TTF_PACKAGE, "package.json"), "utf8")) as { version: string }).version;
  return `${readFileSync(PRINT_FONTS_CSS, "utf8")}\nnoto-sans-jp-ttf@${version}`;
}

export interface PrintServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

export async function startPrintServer(siteDir: string, pathPrefix: string): Promise<PrintServer> {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  // Files looked up when asked for (sirv's "dev" mode), not listed up front: the browser
  // asks for a few (a page per tab and its stylesheets), and listing a large site took
  // longer than printing a PDF. That mode serves dot files, so they are refused here.
  const site = sirv(siteDir, { dev: true, etag: false });
  const fontsCss = readFileSync(PRINT_FONTS_CSS);
  const fontCache = new Map<string, Buffer>();

  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://loopback").pathname;
    const fontFile = PRINT_FONT_FILES[pathname];
    if (fontFile) {
      let font = fontCache.get(fontFile);
      if (!font) fontCache.set(fontFile, (font = readFileSync(fontFile)));
      // Cacheable, so the browser decodes each 5.5 MB font once for the whole run.
      response.writeHead(200, { "content-type": "font/ttf", "cache-control": "public, max-age=31536000, immutable" });
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
