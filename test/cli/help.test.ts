/**
 * The command line explains itself: `hoshin --help` names every command, `hoshin <command>
 * --help` every option that command takes (read from the program itself, so an option
 * added later is covered), and a mistyped command or option gets a suggestion.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProgram } from "../../src/cli/main.js";
import { processOutput } from "../../src/cli/output.js";
import { VERSION, hoshin, makeProject, removeProjects } from "./helpers.js";

afterAll(removeProjects);

const program = createProgram(processOutput());
const commands = program.commands.filter((command) => command.name() !== "help");

describe.concurrent("hoshin --help, <command> --help, --version", () => {
  let project: string;
  beforeAll(async () => {
    project = await makeProject([]);
  });

  it("lists every command", async () => {
    const result = await hoshin(["--help"], { cwd: project });
    expect(result.code).toBe(0);
    expect(commands.map((c) => c.name()).sort()).toEqual(["add-language", "build", "check", "dev", "freeze", "new", "scan"]);
    for (const command of commands) expect(result.stdout).toMatch(new RegExp(`^  ${command.name()} `, "m"));
  });

  for (const command of commands) {
    it(`${command.name()} --help lists every option it takes`, async () => {
      const result = await hoshin([command.name(), "--help"], { cwd: project });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(new RegExp(`^Usage: hoshin ${command.name()} \\[options\\]`));
      for (const option of command.options) expect(result.stdout, option.flags).toContain(option.flags);
    });
  }

  it("--version prints the package's version", async () => {
    expect(await hoshin(["--version"], { cwd: project })).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it.each([
    [["nwe", "sakura"], "error: unknown command 'nwe'\n(Did you mean new?)\n"],
    [["deb"], "error: unknown command 'deb'\n(Did you mean dev?)\n"],
    [["dev", "--prot", "3000"], "error: unknown option '--prot'\n(Did you mean --port?)\n"],
    [["new", "sakura", "--fromat", "json"], "error: unknown option '--fromat'\n(Did you mean --format?)\n"],
    [["build", "--no-pfd"], "error: unknown option '--no-pfd'\n(Did you mean --no-pdf?)\n"],
  ])("hoshin %j suggests what was meant, exit 2", async (args, stderr) => {
    expect(await hoshin(args, { cwd: project })).toEqual({ code: 2, stdout: "", stderr });
  });

  it("refuses a port that is not one", async () => {
    const result = await hoshin(["dev", "--port", "http"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: option '-p, --port <number>' argument 'http' is invalid. a port is a number from 0 to 65535 (0: any free port)\n");
  });
});
