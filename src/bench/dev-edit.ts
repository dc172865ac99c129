/**
 * `hoshin dev` in a 1,000-organization site: from saving one organization file to the
 * served page showing the change, as a browser reloading it would see it. Baseline: the
 * full build the same server made at start, which a rebuild without the per-organization
 * path would cost on every save.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startDevServer } from "../build/dev-server.js";
import type { DevBuild } from "../build/dev-site.js";
import { writeSyntheticOrganizations } from "./synthetic.js";

export interface DevEditResult {
  organizations: number;
  /** Save to updated page, one per edit, in ms. */
  edits: number[];
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
    const server = await startDevServer({
      input,
      out: path.join(work, "site"),
      port: 0,
      onBuild: (build: DevBuild) => {
        if (build.written === "all") fullBuild = build.milliseconds;
      },
    });
    try {
      const times: number[] = [];
      const original = await readFile(path.join(input, file), "utf8");
      for (let edit = 1; edit <= edits; edit++) {
        const marker = `bench-edit-${edit}`;
        const edited = original.replace("お問い合わせへの回答", `お問い合わせへの回答 ${marker}`);
        if (edited === original) throw new Error(`${file} has no purpose お問い合わせへの回答 to edit`);
        const started = performance.now();
        await writeFile(path.join(input, file), edited);
        await waitForText(`${server.url}${slug}/ja/`, marker);
        times.push(performance.now() - started);
        await server.idle();
      }
      return { organizations, edits: times, fullBuild };
    } finally {
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function waitForText(url: string, text: string): Promise<void> {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    if ((await (await fetch(url)).text()).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} never showed ${text}`);
}
