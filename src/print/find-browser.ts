/**
 * Where the Chromium that prints PDFs lives: the environment variable first, then the
 * usual install locations, then the headless shell that the optional npm dependency
 * @sparticuz/chromium carries (Linux x64), so `npm ci` alone can give a fresh machine a
 * PDF engine. The headless shell comes first among system browsers: it prints the same
 * page about seven times faster than the full browser.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, realpath, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { userCacheDir } from "../cache/cache-dir.js";
import { EnvironmentError } from "../diagnostics/errors.js";

export const BROWSER_ENV = "HOSHIN_CHROMIUM";

export interface BrowserExecutable {
  path: string;
  /** How it was found, for messages. */
  source: "environment" | "search" | "bundled";
  /** What identifies this browser's build when its file says nothing stable (the bundled one is unpacked anew). */
  identity?: string;
}

/**
 * The bundled headless shell, unpacked (about 2 s the first time), or undefined where there
 * is none. The package unpacks into `$TMPDIR/chromium` and runs whatever file it finds
 * there — another version's, or another user's on a shared machine. So it is given a
 * folder of hoshin's own for its temp folder, one per version, readable by this user alone.
 */
export async function bundledChromium(cacheRoot: string = userCacheDir()): Promise<BrowserExecutable | undefined> {
  if (process.platform !== "linux" || process.arch !== "x64") return undefined;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  } catch {
    return undefined;
  }
  const version = packageVersion(entry, "@sparticuz/chromium");
  if (version === undefined) return undefined;
  const home = path.join(cacheRoot, "hoshin", "browser", version);
  await mkdir(home, { recursive: true, mode: 0o700 });
  const temporaryFolder = process.env.TMPDIR;
  process.env.TMPDIR = home;
  try {
    const { default: chromium } = (await import("@sparticuz/chromium")) as { default: { executablePath(): Promise<string> } };
    return { path: await chromium.executablePath(), source: "bundled", identity: `@sparticuz/chromium@${version}` };
  } finally {
    if (temporaryFolder === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = temporaryFolder;
  }
}


/**
 * The version of the package `name` whose entry point is `entry`. Its exports hide its
 * package.json, which sits above the entry point; the build folders between hold
 * package.json files of their own (`{"type": "commonjs"}`) that name no package.
 */
function packageVersion(entry: string, name: string): string | undefined {
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (manifest.name === name) return manifest.version;
  }
  return undefined;
}

export function browserCandidates(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === "darwin") {
    const apps = [
      "Chromium.app/Contents/MacOS/Chromium",
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    return [...apps.map((app) => path.join("/Applications", app)), ...apps.map((app) => path.join(os.homedir(), "Applications", app))];
  }
  if (platform === "win32") {
    const roots = [process.env.PROGRAMFILES, process.env["PROGRAMFILES(X86)"], process.env.LOCALAPPDATA].filter(Boolean) as string[];
    return roots.flatMap((root) => [
      path.join(root, "Google", "Chrome", "Application", "chrome.exe"),
      path.join(root, "Chromium", "Application", "chrome.exe"),
      path.join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
    ]);
  }
  return [
    "/usr/bin/chromium-headless-shell",
    "/usr/lib/chromium/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
    "/opt/google/chrome/chrome",
    "/usr/bin/microsoft-edge",
  ];
}

export class BrowserNotFoundError extends EnvironmentError {}

/** The browser to print with, or a BrowserNotFoundError that says how to get one. */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = browserCandidates(),
  exists: (file: string) => boolean = existsSync,
  bundled: () => Promise<BrowserExecutable | undefined> = bundledChromium,
): Promise<BrowserExecutable> {
  const fromEnv = env[BROWSER_ENV];
  if (fromEnv) {
    if (exists(fromEnv)) return { path: fromEnv, source: "environment" };
    throw new BrowserNotFoundError(
      `hoshin: ${BROWSER_ENV} is set to \`${fromEnv}\`, but there is no such file.\n` +
        `Set it to the path of a Chromium or Chrome executable, or build without PDFs: hoshin build --no-pdf`,
    );
  }
  const found = candidates.find((candidate) => exists(candidate));
  if (found) return { path: found, source: "search" };
  const fallback = await bundled().catch(() => undefined);
  if (fallback) return fallback;
  throw new BrowserNotFoundError(
    "hoshin: no Chromium found to print the PDFs, so nothing was built.\n" +
      "  Debian/Ubuntu:  sudo apt-get install chromium-headless-shell   (or chromium)\n" +
      "  macOS:          install Google Chrome or Chromium\n" +
      `  elsewhere:      set ${BROWSER_ENV} to the path of a Chromium or Chrome executable\n` +
      "Or build the HTML site alone: hoshin build --no-pdf",
  );
}

/** A system browser is its file: another build of Chromium prints other bytes. */
export async function fileIdentity(file: string): Promise<string> {
  const real = await realpath(file).catch(() => file);
  const info = await stat(real).catch(() => undefined);
  return info ? `${real}:${info.size}:${info.mtimeMs}` : real;
}
