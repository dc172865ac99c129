/**
 * The site `hoshin dev` keeps up to date: built whole once, then after each save only the
 * pages that save can change. Each organization file is loaded once and kept (LoadCache);
 * a saved file is loaded again, and if the data as a whole has no error, only its
 * organization's pages and the index are written, into the served folder. A template or
 * schema save rebuilds everything. A save with errors writes nothing, so the last good
 * pages stay served.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { OrganizationModel } from "../model/policy.js";
import { forgetOrganizationSchema } from "../validate/index.js";
import { loadOrganizations, type LoadCache } from "../pipeline/load.js";
import { publishAtomically } from "../publish/publish.js";
import { renderSite } from "../pipeline/eleventy.js";

export interface DevSiteOptions {
  input: string;
  out: string;
}

export interface DevBuild {
  /** Problems of the data as it is now; with an error, nothing was written. */
  diagnostics: Diagnostic[];
  /** Slugs whose pages were written, or "all". Empty when nothing was written. */
  written: string[] | "all";
  milliseconds: number;
}

/** What changed since the last build: organization files, or anything else hoshin reads. */
export type Change = { kind: "organization"; file: string } | { kind: "templates" } | { kind: "schema" };

export class DevSite {
  private readonly cache: LoadCache = new Map();
  private built = new Map<string, OrganizationModel>();
  private needsFullBuild = true;

  constructor(private readonly options: DevSiteOptions) {}

  /** Builds everything into the output folder, replacing it whole (as `hoshin build` does). */
  async buildAll(): Promise<DevBuild> {
    this.needsFullBuild = true;
    return this.update([]);
  }

  async update(changes: readonly Change[]): Promise<DevBuild> {
    const started = performance.now();
    for (const change of changes) {
      if (change.kind === "organization") this.cache.delete(path.resolve(change.file));
      if (change.kind === "schema") {
        forgetOrganizationSchema();
        this.cache.clear();
      }
      if (change.kind !== "organization") this.needsFullBuild = true;
    }
    const { organizations, diagnostics } = await loadOrganizations(this.options.input, { cache: this.cache });
    const done = (written: DevBuild["written"]): DevBuild => ({
      diagnostics,
      written,
      milliseconds: performance.now() - started,
    });
    if (hasErrors(diagnostics)) return done([]);

    const current = new Map(organizations.map((o) => [o.slug, o]));
    if (this.needsFullBuild) {
      await publishAtomically(this.options.out, (staging) =>
        renderSite(organizations, { outDir: staging, liveReload: true }),
      );
      this.built = current;
      this.needsFullBuild = false;
      return done("all");
    }
    // A file's organization is a new object exactly when the file was loaded again.
    const changed = [...current.values()].filter((o) => this.built.get(o.slug) !== o).map((o) => o.slug);
    const removed = [...this.built.keys()].filter((slug) => !current.has(slug));
    for (const slug of removed) await rm(path.join(this.options.out, slug), { recursive: true, force: true });
    if (changed.length || removed.length) {
      await renderSite(organizations, { outDir: this.options.out, liveReload: true, only: new Set(changed), sharedFiles: false });
    }
    this.built = current;
    return done(changed);
  }
}
