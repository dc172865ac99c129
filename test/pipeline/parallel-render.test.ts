/**
 * A build rendered in parts, one Eleventy per core, each reading its models back from the
 * spool a chunk at a time, writes exactly the site one Eleventy writes from the models in
 * memory. The worker threads run the compiled code, so this test loads it from dist/.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOrganizations, storedLoads } from "../../dist/pipeline/load.js";
import { renderSite } from "../../dist/pipeline/eleventy.js";
import { renderInParts } from "../../dist/pipeline/parallel-render.js";
import { chunksOf, renderPart } from "../../dist/pipeline/render-part.js";
import type { SpooledOrganization } from "../../dist/pipeline/model-spool.js";
import { partsFor } from "../../dist/workers/parts.js";
import { hashTree } from "../cli/helpers.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));
const folder = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoshin-parts-"));
  folders.push(dir);
  return dir;
};

/** The examples as `hoshin build` loads them: through a store, with the models spooled. */
async function spooledExamples() {
  const [store, spool] = [await folder(), await folder()];
  const first = await loadOrganizations("organizations", { store: storedLoads(store), spool });
  expect(first.organizations).toEqual([]);
  return first.spooled;
}

describe("rendering in parts", () => {
  it("writes byte for byte the site one Eleventy writes, history and feeds included", async () => {
    const { organizations, diagnostics } = await loadOrganizations("organizations");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [whole, inParts] = [await folder(), await folder()];
    await renderSite(organizations, { outDir: whole, pdf: true });
    const spooled = await spooledExamples();
    expect(spooled.map((o) => o.listing.slug)).toEqual(organizations.map((o) => o.slug));
    const result = await renderInParts(spooled, { outDir: inParts, pdf: true }, { parts: 3 });
    const expected = await hashTree(whole);
    expect(Object.keys(expected)).toContain("minato-kodomo-net/feed.xml");
    expect(await hashTree(inParts)).toEqual(expected);
    expect(result.written).toBeGreaterThan(organizations.length);
  }, 60_000);

  it("cuts a part into runs by the pages they render, never splitting an organization", () => {
    const organization = (slug: string, pages: number, versions = 0) =>
      ({ listing: { slug, pages: Array.from({ length: pages }), versions: Array.from({ length: versions }) } }) as unknown as SpooledOrganization;
    const slugs = (chunks: SpooledOrganization[][]) => chunks.map((chunk) => chunk.map((o) => o.listing.slug));
    // Nine languages and two archived versions: 27 pages.
    const many = [organization("a", 1), organization("b", 9, 2), organization("c", 1), organization("d", 1)];
    expect(slugs(chunksOf(many, 28))).toEqual([["a", "b"], ["c", "d"]]);
    expect(slugs(chunksOf(many, 27))).toEqual([["a"], ["b"], ["c", "d"]]);
    expect(slugs(chunksOf([organization("big", 100), organization("small", 1)], 10))).toEqual([["big"], ["small"]]);
    // The first run writes the index and the shared files, so there is one even of nothing.
    expect(chunksOf([], 10)).toEqual([[]]);
  });

  it("writes the same bytes when a part renders its organizations a chunk at a time", async () => {
    const { organizations } = await loadOrganizations("organizations");
    expect(organizations.length).toBeGreaterThan(4);
    const [whole, inChunks] = [await folder(), await folder()];
    await renderSite(organizations, { outDir: whole });
    // Chunks of two pages: the index and shared files in the first run, each organization
    // (two pages or more) in a run of its own.
    const spooled = await spooledExamples();
    expect(chunksOf(spooled, 2).length).toBe(spooled.length);
    const part = { organizations: spooled, index: spooled.map((o) => o.listing), options: { outDir: inChunks } };
    await renderPart(part, 2);
    expect(await hashTree(inChunks)).toEqual(await hashTree(whole));
    // Used up: the part's listings are let go once the runs need them no more.
    expect(part.organizations).toEqual([]);
    expect(part.index).toBeUndefined();
  }, 60_000);

  it("renders only the organizations asked for, and the index", async () => {
    const out = await folder();
    await renderInParts(await spooledExamples(), { outDir: out, only: new Set(["genron-npo", "ji4pe"]) }, { parts: 2 });
    const top = new Set(Object.keys(await hashTree(out)).map((file) => file.split("/")[0]));
    expect(top).toEqual(new Set(["index.html", "feed.xml", "assets", "genron-npo", "ji4pe"]));
  }, 60_000);

  it("uses one part per core for large builds, and one for small ones", () => {
    expect(partsFor(1000, 2)).toBe(2);
    expect(partsFor(1000, 16)).toBe(4);
    expect(partsFor(1000, 1)).toBe(1);
    expect(partsFor(100, 8)).toBe(1);
    expect(partsFor(300, 8)).toBe(2);
  });
});
