/**
 * Loading through the store checks many files on several cores (worker threads). Whatever
 * part a file lands in, its problems and its render model are those the main thread finds,
 * history against the archive included. Worker threads run the compiled code, so this test
 * loads it from dist/.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrganizations, storedLoads } from "../../dist/pipeline/load.js";
import { partsFor } from "../../dist/workers/parts.js";
import { writeSyntheticOrganizations } from "../../dist/bench/synthetic.js";
import { REPO } from "../cli/helpers.js";

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "hoshin-parallel-load-"));
  const organizations = path.join(project, "organizations");
  // Enough files for two parts on any machine with two cores, and the examples with their archive.
  await writeSyntheticOrganizations(path.join(REPO, "organizations"), organizations, 320);
  await cp(path.join(REPO, "organizations"), organizations, { recursive: true });
  await cp(path.join(REPO, "archive"), path.join(project, "archive"), { recursive: true });
});
afterAll(() => rm(project, { recursive: true, force: true }));

describe.runIf(partsFor(325) > 1)("loading in parts", () => {
  it("finds the same models and problems as loading on the main thread", async () => {
    const input = path.join(project, "organizations");
    const plain = await loadOrganizations(input, { cwd: project });
    const store = storedLoads(path.join(project, "cache-1"));
    const inParts = await loadOrganizations(input, { cwd: project, store });
    expect(plain.organizations.find((o) => o.slug === "minato-kodomo-net")?.versions.length).toBeGreaterThan(1);
    expect(inParts.diagnostics).toEqual(plain.diagnostics);
    expect(inParts.organizations).toEqual(plain.organizations);
    // And again, every file now from the store.
    await store.settled();
    const again = await loadOrganizations(input, { cwd: project, store });
    expect(again.diagnostics).toEqual(plain.diagnostics);
    expect(again.organizations).toEqual(plain.organizations);
  }, 120_000);

  it("reports every problem of bad files, whichever part they land in", async () => {
    await cp(path.join(REPO, "test", "fixtures", "cli", "invalid"), path.join(project, "organizations"), { recursive: true });
    const input = path.join(project, "organizations");
    const plain = await loadOrganizations(input, { cwd: project });
    const store = storedLoads(path.join(project, "cache-2"));
    const inParts = await loadOrganizations(input, { cwd: project, store });
    await store.settled();
    expect(plain.diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThan(2);
    expect(inParts.diagnostics).toEqual(plain.diagnostics);
    expect(inParts.organizations).toEqual([]);
  }, 120_000);
});
