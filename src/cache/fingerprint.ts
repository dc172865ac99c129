/**
 * What a cached result was made by: this hoshin's code, templates, schema, clause library,
 * wording and catalogues, the libraries it renders with, and Node itself. A cache entry made by anything
 * else is never used, so an upgrade (or a local edit to a template) rebuilds everything.
 */
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Everything of hoshin's own that shapes a checked organization or a rendered page: every folder it ships but `bin`. */
export const OWN_FOLDERS: readonly string[] = ["dist", "templates", "schemas", "clauses", "catalogue", "wording"];

let computed: Promise<string> | undefined;

export function hoshinFingerprint(): Promise<string> {
  return (computed ??= compute());
}

async function compute(): Promise<string> {
  const hash = createHash("sha256");
  // Node's version too: the cache is written with v8.serialize, and ICU segments the diffs.
  hash.update(`node ${process.version}\0`);
  const manifest = JSON.parse(await readFile(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  hash.update(`hoshin ${manifest.version}\0`);
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    hash.update(`${name} ${await installedVersion(name)}\0`);
  }
  for (const folder of OWN_FOLDERS) {
    for (const file of await filesUnder(path.join(PACKAGE_ROOT, folder))) {
      hash.update(`${path.relative(PACKAGE_ROOT, file)}\0`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex");
}

/** The version Node would load, found as Node finds packages: up the folders from hoshin's. */
async function installedVersion(name: string): Promise<string> {
  for (let dir = PACKAGE_ROOT; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(await readFile(path.join(dir, "node_modules", name, "package.json"), "utf8")) as { version?: string };
      return manifest.version ?? "unknown";
    } catch {
      if (path.dirname(dir) === dir) return "not installed";
    }
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".map") && !entry.name.endsWith(".tsbuildinfo"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
