/** The render stage: Eleventy writes the pages of already-validated organizations. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type { OrganizationModel } from "../normalize/model.js";
import { hoshin, type EleventyConfigLike } from "../render/plugin.js";

export interface RenderOptions {
  outDir: string;
  /** URL path the site is served under, e.g. `/policies/`. */
  pathPrefix?: string;
  /** PDFs will be printed beside the pages, so the pages link to them. */
  pdf?: boolean;
  /** Only these organizations' pages are written (a shard); default all of them. */
  pagesOf?: OrganizationModel[];
}

export interface RenderResult {
  /** Files Eleventy wrote (pages and copied assets). */
  written: number;
}

export async function renderSite(organizations: OrganizationModel[], options: RenderOptions): Promise<RenderResult> {
  // Eleventy wants an input folder; every hoshin page is virtual, so it gets an empty one
  // and never picks up the user's other files (README.md and the like).
  const emptyInput = await mkdtemp(path.join(os.tmpdir(), "hoshin-input-"));
  try {
    const eleventy = new Eleventy(emptyInput, options.outDir, {
      quietMode: true,
      configPath: false,
      pathPrefix: options.pathPrefix ?? "/",
      config: (config: EleventyConfigLike & { addPlugin: (plugin: unknown, options: object) => void }) => {
        config.addPlugin(hoshin, { organizations, pdf: options.pdf ?? false, pagesOf: options.pagesOf });
      },
    });
    eleventy.disableLogger();
    const result = await eleventy.write();
    return { written: result.flat().length };
  } finally {
    await rm(emptyInput, { recursive: true, force: true });
  }
}
