import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The import graph of `src/`, drawn from the source itself (type-only imports count: they bind modules too). */
const SRC = path.resolve("src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.c?ts$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function importsOf(file: string, known: Set<string>): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => path.resolve(path.dirname(file), name).replace(/\.c?js$/, ""))
    .flatMap((base) => [`${base}.ts`, `${base}.cts`].filter((candidate) => known.has(candidate)));
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "open") return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, "open");
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The folders of `src/` in the order data flows through them (see docs/architecture.md):
 * a module may import from its own rank or an earlier one, never a later one. Folders of
 * one rank do not depend on each other's order (the circle test still holds them apart).
 */
const LAYERS: readonly (readonly string[])[] = [
  ["types", "model", "diagnostics", "workers", "cache"],
  ["clauses", "catalogue", "wording"],
  ["discover"],
  ["parse"],
  ["validate"],
  ["normalize"],
  ["render"],
  ["print"],
  ["pipeline"],
  ["publish"],
  ["dev"],
  ["scan", "scaffold"],
  ["cli", "bench", "index.ts"],
];

/**
 * What each folder offers the others: its entry module, and in the few folders made of
 * separate concepts (the shared shapes, the caches, the build's steps) the modules named
 * here. Anything else in a folder is its own business. bench/ measures the internals, and
 * may import any of them; tests may too.
 */
const PUBLIC: Readonly<Record<string, readonly string[]>> = {
  model: ["policy", "listing", "input", "links", "package-info"],
  diagnostics: ["diagnostic", "format", "errors", "fs-error", "suggest"],
  workers: ["parts", "batches"],
  cache: ["disk-store", "cache-dir", "fingerprint", "up-to-date"],
  clauses: ["library", "external-transmission"],
  catalogue: ["external-transmission"],
  wording: ["wording", "cite", "law-words"],
  discover: ["discover"],
  parse: ["parse"],
  validate: ["index"],
  normalize: ["normalize", "history"],
  render: ["plugin", "fonts"],
  print: ["print-site", "find-browser", "cache", "after-eleventy"],
  pipeline: ["load", "languages", "eleventy", "plugin", "incremental", "page-store", "parallel-render", "model-spool"],
  publish: ["publish", "shard", "freeze"],
  dev: ["dev-server"],
  scan: ["scan"],
  scaffold: ["organization", "language"],
};

function topOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!;
}

function rankOf(file: string): number {
  const top = path.relative(SRC, file).split(path.sep)[0]!;
  const rank = LAYERS.findIndex((layer) => layer.includes(top));
  if (rank < 0) throw new Error(`src/${top} is in no layer: give it its place in LAYERS and in docs/architecture.md`);
  return rank;
}

describe("the source's imports", () => {
  const files = sources(SRC);
  const known = new Set(files);
  const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

  it("are read from every module", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(path.join(SRC, "cli/main.ts"))!.length).toBeGreaterThan(0);
  });

  it("place every folder of src/ in a layer, and no build/ folder among them", () => {
    const tops = new Set(files.map((file) => path.relative(SRC, file).split(path.sep)[0]!));
    expect([...tops].filter((top) => !LAYERS.flat().includes(top))).toEqual([]);
    expect(tops.has("build")).toBe(false);
    const open = new Set(["types", "cli", "bench", "index.ts"]);
    expect([...tops].filter((top) => !open.has(top) && !(top in PUBLIC))).toEqual([]);
  });

  it("never run back up the flow", () => {
    const backwards = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => rankOf(target) > rankOf(file)).map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`),
    );
    expect(backwards).toEqual([]);
  });

  it("reach into another folder only through what it offers", () => {
    const reaching = [...graph].flatMap(([file, targets]) =>
      topOf(file) === "bench"
        ? []
        : targets
            .filter((target) => topOf(target) !== topOf(file) && topOf(target) in PUBLIC)
            .filter((target) => !PUBLIC[topOf(target)]!.includes(path.basename(target).replace(/\.c?ts$/, "")))
            .map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`),
    );
    expect(reaching).toEqual([]);
  });

  it("form no circle", () => {
    const cycle = findCycle(graph);
    expect(cycle?.map((file) => path.relative(SRC, file)).join(" → ")).toBeUndefined();
  });
});
