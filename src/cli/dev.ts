/**
 * `hoshin dev`: build, serve on loopback, rebuild on every save, until Ctrl-C. The pages
 * are HTML only: printing PDFs on every save would cost seconds and show nothing the page
 * does not (`hoshin build` prints them).
 */
import { InvalidArgumentError } from "commander";
import { formatDiagnostics } from "../diagnostics/format.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { assertSafeOutputFolder } from "../publish/publish.js";
import type { DevBuild } from "../dev/dev-server.js";
import type { Output } from "./output.js";

export interface DevCommandOptions {
  input: string;
  out: string;
  port: number;
}

export async function runDev(options: DevCommandOptions, output: Output): Promise<number> {
  assertSafeOutputFolder(options.out, options.input, process.cwd());
  // Loaded only now, as in build: Eleventy takes most of a second to import.
  const { startDevServer } = await import("../dev/dev-server.js");
  const report = (build: DevBuild) => {
    if (build.diagnostics.length) output.err(formatDiagnostics(build.diagnostics, "text"));
    if (hasErrors(build.diagnostics)) output.err("hoshin: not rebuilt; the last good pages stay served\n");
    else if (build.written === "all") output.out(`hoshin: built the site in ${duration(build.milliseconds)}\n`);
    else if (build.written.length) output.out(`hoshin: rebuilt ${build.written.join(", ")} in ${duration(build.milliseconds)}\n`);
  };
  const server = await startDevServer({
    input: options.input,
    out: options.out,
    port: options.port,
    onBuild: report,
    onFailure: (error) => output.err(`hoshin: not rebuilt: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  output.out(`hoshin: serving ${options.out}/ at ${server.url} (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}

/** commander's parser for `--port`. */
export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new InvalidArgumentError("a port is a number from 0 to 65535 (0: any free port)");
  return port;
}

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}
