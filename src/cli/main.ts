/**
 * The command line: parse arguments, run a command, turn its outcome into an exit code.
 * Errors become exit codes here and only here (0 ok, 1 bad data, 2 bad usage, 3 a bug).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { HoshinError } from "../errors.js";
import { runBuild } from "./build.js";
import { runCheck } from "./check.js";
import type { Output } from "./output.js";

interface PackageInfo {
  version: string;
  bugs?: { url?: string };
}
const packageInfo = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as PackageInfo;

export function createProgram(output: Output): Command {
  const program = new Command("hoshin")
    .description("Standard-form privacy policies for many organizations, as a bilingual static site.")
    .version(packageInfo.version, "-v, --version", "print the version")
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => output.out(text),
      writeErr: (text) => output.err(text),
    })
    .exitOverride();

  const format = () =>
    new Option("--format <format>", "report problems as text or JSON").choices(["text", "json"]).default("text");

  program
    .command("check")
    .description("validate every organization file and report all problems at once")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .addOption(format())
    .action(async (options: { input: string; format: "text" | "json" }) => {
      output.exitCode = await runCheck(options, output);
    });

  program
    .command("build")
    .description("validate every organization file, then build the site into the output folder")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .option("-o, --out <dir>", "output folder, replaced only when the whole build succeeds", "_site")
    .option("--no-pdf", "skip PDF output (this version writes HTML only; the flag is accepted so scripts keep working)")
    .option("--path-prefix <prefix>", "URL path the site is served under, e.g. /policies/", "/")
    .addOption(format())
    .action(async (options: { input: string; out: string; pdf: boolean; pathPrefix: string; format: "text" | "json" }) => {
      output.exitCode = await runBuild(options, output);
    });

  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function run(argv: readonly string[], output: Output): Promise<number> {
  const program = createProgram(output);
  try {
    if (argv.length <= 2) {
      // No command is a usage mistake: help goes where errors go, so `hoshin > out` still shows it.
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync([...argv]);
    return output.exitCode;
  } catch (error) {
    return exitCodeFor(error, output);
  }
}

function exitCodeFor(error: unknown, output: Output): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (with "did you mean" where it has one).
    const ok = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
    return ok ? 0 : 2;
  }
  if (error instanceof HoshinError) {
    output.err(`${error.message}\n`);
    return error.exitCode;
  }
  const where = packageInfo.bugs?.url ?? "the hoshin issue tracker";
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  output.err(
    `hoshin: internal error — this is a bug in hoshin ${packageInfo.version}, not a problem with your data.\n` +
      `Please report it at ${where}, with the command you ran and the details below.\n\n${detail}\n`,
  );
  return 3;
}
