/**
 * `hoshin dev`'s server: the DevSite served on loopback by Eleventy's dev server (which
 * adds live reload to every page), rebuilt on every save that chokidar reports. Saves
 * that come together (an editor writing a file twice, `git checkout`) make one rebuild.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import chokidar from "chokidar";
import { formatDiagnostics } from "../diagnostics/format.js";
import { UsageError } from "../diagnostics/errors.js";
import { TEMPLATES_DIR } from "../render/plugin.js";
import { SCHEMA_FILE } from "../validate/index.js";
import { DevSite, type Change, type DevBuild } from "./dev-site.js";
import { defaultLanguagesDir } from "../pipeline/languages.js";

export interface DevServerOptions {
  input: string;
  out: string;
  /** 0 picks a free port. */
  port: number;
  /** Told after every build, and when a build fails for another reason than the data. */
  onBuild?: (build: DevBuild) => void;
  onFailure?: (error: unknown) => void;
}

export interface DevServer {
  url: string;
  /** Resolves when every save seen so far has been built. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const CLIENT = readFileSync(path.join(TEMPLATES_DIR, "dev", "dev.js"), "utf8");
const SCHEMA_PATH = fileURLToPath(SCHEMA_FILE);
/** Long enough to gather one save's events, short enough not to be seen. */
const SETTLE_MS = 15;

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  if (options.port !== 0) await assertPortFree(options.port);
  const site = new DevSite({ input: options.input, out: options.out });
  let report = "";
  const publish = (build: DevBuild) => {
    report = build.diagnostics.some((d) => d.severity === "error") ? formatDiagnostics(build.diagnostics, "text") : "";
    options.onBuild?.(build);
  };
  publish(await site.buildAll());

  const server = new EleventyDevServer("hoshin", options.out, {
    messageOnStart: () => false,
    logger: { info: () => {}, log: () => {}, error: () => {} },
    onRequest: {
      "/.hoshin/dev.js": () => ({ headers: { "Content-Type": "text/javascript; charset=utf-8" }, body: CLIENT }),
      "/.hoshin/problems.json": () => ({
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
        body: JSON.stringify({ report }),
      }),
    },
  });
  // Loopback only: a preview is for this machine, not for the network. (`serve()` would
  // listen on every interface.)
  server.server.listen({ port: options.port, host: "127.0.0.1" });
  await server.ready();
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  let pending: Change[] = [];
  let timer: NodeJS.Timeout | undefined;
  let queue = Promise.resolve();
  const rebuild = () => {
    timer = undefined;
    const changes = pending;
    pending = [];
    queue = queue.then(async () => {
      try {
        const build = await site.update(changes);
        publish(build);
        server.sendUpdateNotification({ type: "hoshin.problems", report });
        if (build.written.length) server.reload({ files: [] });
      } catch (error) {
        // A template that does not compile, a schema that is not JSON: the last good
        // pages stay, and the page says what happened.
        report = `hoshin: ${error instanceof Error ? error.message : String(error)}`;
        server.sendUpdateNotification({ type: "hoshin.problems", report });
        options.onFailure?.(error);
      }
    });
  };
  const inputDir = path.resolve(options.input);
  const languagesDir = defaultLanguagesDir(options.input);
  const watcher = chokidar.watch([inputDir, languagesDir, TEMPLATES_DIR, SCHEMA_PATH], { ignoreInitial: true });
  watcher.on("all", (_event, file) => {
    pending.push(classify(file, inputDir, languagesDir));
    timer ??= setTimeout(rebuild, SETTLE_MS);
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    url: `http://127.0.0.1:${port}/`,
    async idle() {
      while (timer || pending.length) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await queue;
    },
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await queue;
      await server.close();
    },
  };
}

function classify(file: string, inputDir: string, languagesDir: string): Change {
  // A language file words every page in it, and its checks decide every file's: as the schema does.
  if (file === SCHEMA_PATH || file.startsWith(`${languagesDir}${path.sep}`)) return { kind: "schema" };
  if (file.startsWith(`${inputDir}${path.sep}`)) return { kind: "organization", file };
  return { kind: "templates" };
}

/** Eleventy's server, on a busy port, would try the next ones on every interface; say it instead. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new UsageError(`hoshin: port ${port} is in use; choose another with --port, or --port 0 for any free port`)
          : error,
      ),
    );
    probe.listen({ port, host: "127.0.0.1" }, () => probe.close(() => resolve()));
  });
}

export type { Change, DevBuild } from "./dev-site.js";
