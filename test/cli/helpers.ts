/**
 * Shared by the CLI tests: run `node bin/hoshin.js` as a user would, in a throwaway
 * project folder, and read what it wrote. Not a test file itself (no `.test.ts`).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = path.join(REPO, "bin", "hoshin.js");
export const FIXTURES = path.join(REPO, "test", "fixtures", "cli");
export const VERSION = (JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as { version: string }).version;

// The bin runs the compiled code: testing a stale dist/ would test yesterday's hoshin.
assertCompiled();

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <argv0> …args` in `cwd` and collects everything it says. */
export function runNode(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<RunResult> {
  // PDFs printed by tests are cached in the test's own temp folder, not the user's.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", HOSHIN_CACHE_DIR: TEST_CACHE_DIR, ...options.env };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `hoshin …args`, as typed in `cwd`. */
export function hoshin(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<RunResult> {
  return runNode([BIN, ...args], options);
}

const projects: string[] = [];
const TEST_CACHE_DIR = await mkdtemp(path.join(os.tmpdir(), "hoshin-cli-test-cache-"));
projects.push(TEST_CACHE_DIR);
// Every test file that imports these helpers gets a cache folder, so every one removes it,
// whether or not it makes projects of its own.
afterAll(removeProjects);

/**
 * A fresh project folder under the system temp folder, with the files of each named
 * fixture folder copied into `organizations/` (or `into`).
 */
export async function makeProject(fixtures: readonly string[], into = "organizations"): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-cli-test-"));
  projects.push(dir);
  await mkdir(path.join(dir, into), { recursive: true });
  for (const fixture of fixtures) {
    await cp(path.join(FIXTURES, fixture), path.join(dir, into), { recursive: true });
  }
  return dir;
}

/** Removes every project made so far (call from afterAll). */
export async function removeProjects(): Promise<void> {
  await Promise.all(projects.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** sha256 of every file under `dir`, by relative path: equal maps mean byte-identical trees. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    hashes[file] = createHash("sha256").update(await readFile(path.join(dir, file))).digest("hex");
  }
  return hashes;
}

export async function htmlFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith(".html"));
}

export function read(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), "utf8");
}

export interface Tag {
  name: string;
  attributes: Record<string, string>;
}

/**
 * Start tags and their attributes. Enough for the HTML hoshin writes (quoted attribute
 * values, no comments holding tags); it decodes nothing, so values are as written.
 */
export function tags(html: string, name?: string): Tag[] {
  const found: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[2] ?? "").matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attributes[attribute[1]!.toLowerCase()] = attribute[2] ?? attribute[3] ?? attribute[4] ?? "";
    }
    const tagName = match[1]!.toLowerCase();
    if (!name || tagName === name) found.push({ name: tagName, attributes });
  }
  return found;
}

/** The value of every `href` and `src` attribute in the page. */
export function links(html: string): string[] {
  return tags(html).flatMap((tag) => ["href", "src"].flatMap((a) => (a in tag.attributes ? [tag.attributes[a]!] : [])));
}

/** The lines of a text report, split into diagnostic lines and the summary after the blank line. */
export function splitReport(text: string): { lines: string[]; rest: string[] } {
  const all = text.split("\n");
  const blank = all.indexOf("");
  return { lines: all.slice(0, blank), rest: all.slice(blank + 1) };
}

/** `file:line:column  data.path  message (hint)`, as the contract spells it. */
export const DIAGNOSTIC_LINE = /^(?<file>[^\s:]+)(?::(?<line>\d+):(?<column>\d+))?  (?<path>\S+)  (?<message>.+)$/;

/** No stack trace in what a user sees for their own mistake. */
export const STACK_FRAME = /^\s+at .+[:(]/m;

function assertCompiled(): void {
  const buildInfo = path.join(REPO, "dist", ".tsbuildinfo");
  if (!existsSync(path.join(REPO, "dist", "cli", "main.js")) || !existsSync(buildInfo)) {
    throw new Error("dist/ is missing: run `npx tsc -b` before the CLI tests (they run bin/hoshin.js)");
  }
  const built = statSync(buildInfo).mtimeMs;
  const newer = (readdirSync(path.join(REPO, "src"), { recursive: true }) as string[]).filter(
    (file) => file.endsWith(".ts") && statSync(path.join(REPO, "src", file)).mtimeMs > built,
  );
  if (newer.length) {
    throw new Error(`dist/ is older than src/ (${newer.join(", ")}): run \`npx tsc -b\` before the CLI tests`);
  }
}
