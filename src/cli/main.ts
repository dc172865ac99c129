/**
 * The command line: parse arguments, run a command, turn its outcome into an exit code.
 * Errors become exit codes here and only here (0 ok, 1 bad data or a failure of the machine,
 * 2 bad usage, 3 a bug).
 */
import { Command, CommanderError, Option } from "commander";
import { HoshinError } from "../diagnostics/errors.js";
import { stopStartedWorkers } from "../workers/parts.js";
import { runBuild, type BuildCommandOptions } from "./build.js";
import { runCheck } from "./check.js";
import { runAddLanguage, type AddLanguageOptions } from "./add-language.js";
import { runScan, type ScanCommandOptions } from "./scan.js";
import { runFreeze, type FreezeCommandOptions } from "./freeze.js";
import { parsePort, runDev, type DevCommandOptions } from "./dev.js";
import type { NewCommandOptions } from "./new.js";
import { terminalQuestions } from "./questions.js";
import type { Output } from "./output.js";
import { packageInfo } from "../model/package-info.js";
import { describeFsError, findOsError, fsAdvice } from "../diagnostics/fs-error.js";
import { holdingLateRejections } from "./late-rejections.js";


export function createProgram(output: Output): Command {
  const program = new Command("hoshin")
    .description("Standard-form privacy policies for many organizations, as a static site in the languages their readers read.")
    .version(packageInfo.version, "-v, --version", "print the version")
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => output.out(text),
      writeErr: (text) => output.err(text),
    })
    .exitOverride();

  const repeatable = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
  const format = () =>
    new Option("--format <format>", "report problems as text or JSON").choices(["text", "json"]).default("text");
  const strict = () =>
    new Option("--strict", "treat matters the law requires the policy to state, and it does not, as errors");

  program
    .command("check")
    .description("validate every organization file and report all problems at once")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .option("--archive <dir>", "folder of archived versions (default: archive, beside the input folder)")
    .option("--languages <dir>", "folder of languages the site adds as data, <tag>.yaml (default: languages, beside the input folder)")
    .addOption(format())
    .addOption(strict())
    .action(async (options: { input: string; archive?: string; languages?: string; format: "text" | "json"; strict?: boolean }) => {
      output.exitCode = await runCheck(options, output);
    });

  program
    .command("scan")
    .description("read an organization's website as files and report what it sends elsewhere that the policy does not declare")
    .argument("<paths...>", "folders and files of the website: HTML, scripts, style sheets")
    .requiredOption("--org <slug>", "the organization whose policy declares the site's external transmissions")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .option("--archive <dir>", "folder of archived versions (default: archive, beside the input folder)")
    .option("--site-host <host>", "a host that is the site's own, beside its website's; .example.org for every host under it; repeatable", repeatable)
    .addOption(new Option("--format <format>", "report as text or JSON").choices(["text", "json"]).default("text"))
    .option("--write", "add an entry for each catalogue service found and not declared to the organization's file, for you to check")
    .action(async (paths: string[], options: ScanCommandOptions) => {
      output.exitCode = await runScan(paths, options, output);
    });

  program
    .command("build")
    .description("validate every organization file, then build the site into the output folder")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .option("-o, --out <dir>", "output folder, replaced only when the whole build succeeds", "_site")
    .option("--no-pdf", "build the HTML pages only, without printing PDFs")
    .option("--site-url <url>", "address the site is published at, e.g. https://example.org/policies/ (links in PDFs)")
    .option("--path-prefix <prefix>", "URL path the site is served under, e.g. /policies/ (default: the path of --site-url, or /)")
    .option("--archive <dir>", "folder of archived versions (default: archive, beside the input folder)")
    .option("--shard <i/n>", "build only shard i of n, e.g. 2/4, for a CI matrix; copied together, the shards' output folders make the whole site")
    .option("--languages <dir>", "folder of languages the site adds as data, <tag>.yaml (default: languages, beside the input folder)")
    .addOption(format())
    .addOption(strict())
    .action(async (options: BuildCommandOptions) => {
      output.exitCode = await holdingLateRejections(() => runBuild(options, output));
    });

  program
    .command("freeze")
    .description("archive the current version of organizations (pages, PDFs, data) into the archive folder, to commit")
    .argument("[slugs...]", "organizations to freeze")
    .option("--all", "freeze every organization whose current version is not archived yet")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .option("--archive <dir>", "folder of archived versions (default: archive, beside the input folder)")
    .option("--site-url <url>", "address the site is published at (links in the archived PDFs)")
    .action(async (slugs: string[], options: FreezeCommandOptions) => {
      output.exitCode = await runFreeze(slugs, options, output);
    });

  program
    .command("new")
    .description("write a new organization file, every section present, that already validates")
    .argument("<slug>", "the file name and URL: lower-case letters, digits and hyphens, e.g. sakura-kai")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .option("--lang <languages>", "languages the policy is published in, comma-separated BCP 47 tags: ja, ja,en, ja,en,vi", "ja")
    .addOption(new Option("--format <format>", "file format").choices(["yaml", "json", "md"]).default("yaml"))
    .option("--name <text>", "the organization's name; once per language, in --lang order", repeatable)
    .option("--address <text>", "postal address of the organization and its contact desk; once per language, in --lang order", repeatable)
    .option("--phone <number>", "phone number of the contact desk")
    .option("--email <address>", "e-mail address of the contact desk")
    .option("--hours <hours>", "reception hours, e.g. \"mon-fri 10:00-17:00\"")
    .addHelpText("after", "\nIn a terminal, hoshin new asks for what the options do not give; elsewhere --name is required.\n")
    .action(async (slug: string, options: NewCommandOptions) => {
      // Imported when used: its YAML writer would load yaml into every other command.
      const { runNew } = await import("./new.js");
      const questions = output.interactive && process.stdin.isTTY ? terminalQuestions() : undefined;
      try {
        output.exitCode = await runNew(slug, options, output, questions?.ask);
      } finally {
        questions?.close();
      }
    });

  program
    .command("add-language")
    .description("write a language file with every id of hoshin's wording, to translate, so the site can publish in that language")
    .argument("<tag>", "the language's BCP 47 tag, e.g. th, pt-PT, zh-Hant-HK")
    .option("--from <tag>", "the language whose words the file starts from", "en")
    .option("-i, --input <dir>", "folder of organization files (the file goes in languages/ beside it)", "organizations")
    .option("--out <file>", "write the file here instead")
    .action(async (tag: string, options: AddLanguageOptions) => {
      output.exitCode = await runAddLanguage(tag, options, output);
    });

  program
    .command("dev")
    .description("build the pages (no PDFs), serve them on this machine, and rebuild on every save with live reload")
    .option("-i, --input <dir>", "folder of organization files", "organizations")
    .option("-o, --out <dir>", "output folder the pages are built into and served from", "_site")
    .option("-p, --port <number>", "port to serve on, 0 for any free port", parsePort, 8080)
    .action(async (options: DevCommandOptions) => {
      output.exitCode = await runDev(options, output);
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
  } finally {
    // Threads started ahead for a part that never came (a build refused, say) end here.
    await stopStartedWorkers();
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
  // A failure of the machine that no stage put in words is still the machine's, not a bug.
  const os = findOsError(error);
  if (os) {
    const where = os.path ? ` \`${os.path}\`` : "";
    output.err(`hoshin: the operating system refused${where}: ${describeFsError(os)} (${os.code}, ${os.syscall})\n  what to do: ${fsAdvice(os.code!)}\n`);
    return 1;
  }
  const where = packageInfo.bugs?.url ?? "the hoshin issue tracker";
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  output.err(
    `hoshin: internal error — this is a bug in hoshin ${packageInfo.version}, not a problem with your data.\n` +
      `Please report it at ${where}, with the command you ran and the details below.\n\n${detail}\n`,
  );
  return 3;
}
