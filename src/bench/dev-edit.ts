/**
 * `hoshin dev` in a 1,000-organization site: from saving one organization file to the
 * moment the server has written its pages and tells the open browser to reload (then one
 * fetch checks the page shows the change). Polling the page instead would measure the
 * polling too: it competes with the rebuild for the same process. Baseline: the
 * full build the same server made at start, which a rebuild without the per-organization
 * path would cost on every save.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startDevServer } from "../dev/dev-server.js";
import type { DevBuild } from "../dev/dev-server.js";
import { writeSyntheticOrganizations } from "./synthetic.js";

export interface DevEditResult {
  organizations: number;
  /** Save to updated page (the reload sent to the browser), one per edit, in ms. */
  edits: number[];
  /** Of that, the rebuild itself: loading the saved file, validating, writing the pages. */
  rebuilds: number[];
  /** The first build of the whole site, in ms. */
  fullBuild: number;
}

export async function benchDevEdit(examplesDir: string, organizations = 1000, edits = 5): Promise<DevEditResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), "hoshin-bench-dev-"));
  try {
    const input = path.join(work, "organizations");
    await writeSyntheticOrganizations(examplesDir, input, organizations);
    // tabunka-center: its first purpose, お問い合わせへの回答, is the text edited.
    const file = (await readdir(input)).find((name) => name.endsWith("-tabunka-center.yaml"))!;
    const slug = path.basename(file, ".yaml");
    let fullBuild = NaN;
    // Each save's build reports here; the server sends the browser its reload right after.
    let built: ((build: DevBuild) => void) | undefined;
    const server = await startDevServer({
      input,
      out: path.join(work, "site"),
      port: 0,
      onBuild: (build: DevBuild) => {
        if (build.written === "all") fullBuild = build.milliseconds;
        else if (build.written.includes(slug)) built?.(build);
      },
    });
    try {
      const times: number[] = [];
      const rebuilds: number[] = [];
      const original = await readFile(path.join(input, file), "utf8");
      for (let edit = 1; edit <= edits; edit++) {
        const marker = `bench-edit-${edit}`;
        const edited = original.replace("お問い合わせへの回答", `お問い合わせへの回答 ${marker}`);
        if (edited === original) throw new Error(`${file} has no purpose お問い合わせへの回答 to edit`);
        const done = new Promise<DevBuild>((resolve) => (built = resolve));
        const started = performance.now();
        await writeFile(path.join(input, file), edited);
        const build = await done;
        times.push(performance.now() - started);
        rebuilds.push(build.milliseconds);
        // What the reloading browser then gets: the page, changed.
        const page = await (await fetch(`${server.url}${slug}/ja/`)).text();
        if (!page.includes(marker)) throw new Error(`${slug}/ja/ was rebuilt but does not show ${marker}`);
        await server.idle();
      }
      return { organizations, edits: times, rebuilds, fullBuild };
    } finally {
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
