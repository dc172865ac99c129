/**
 * `hoshin dev`, driven as a user drives it: started in a project on an ephemeral port,
 * fetched, an organization file saved (good, then bad), fetched again, stopped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BIN, hoshin, makeProject, removeProjects } from "./helpers.js";

afterAll(removeProjects);

/** Polls `url` until `accept` holds for its body, or gives up after `ms`. */
async function fetchUntil(url: string, accept: (body: string) => boolean, ms = 15_000): Promise<string> {
  const until = Date.now() + ms;
  let body = "";
  while (Date.now() < until) {
    body = await (await fetch(url)).text();
    if (accept(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never matched; last body:\n${body.slice(0, 500)}`);
}

/**
 * The page as a browser's navigation gets it: the server adds its live-reload client to
 * navigations only, and fetch() always says it is not one (Sec-Fetch-Mode: cors).
 */
function navigate(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "sec-fetch-mode": "navigate" } }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve(body));
    }).on("error", reject);
  });
}

describe("hoshin dev", () => {
  let project: string;
  let child: ChildProcess;
  let stdout = "";
  let stderr = "";
  let origin: string;
  const file = () => path.join(project, "organizations", "minato-support.yaml");

  beforeAll(async () => {
    project = await makeProject(["valid"]);
    child = spawn(process.execPath, [BIN, "dev", "--port", "0"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    origin = await new Promise<string>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`hoshin dev exited ${code}: ${stderr}`)));
      child.stdout!.on("data", () => {
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
        if (match) resolve(match[1]!);
      });
    });
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    }
  });

  it("builds, then serves the pages on loopback with live reload and no PDF links", async () => {
    expect(stdout).toMatch(/^hoshin: built the site in /);
    const page = await navigate(`${origin}/minato-support/ja/`);
    expect(page).toContain('<meta name="generator" content="hoshin">');
    expect(page).toContain('src="/.11ty/reload-client.js"');
    expect(page).toContain('src="/.hoshin/dev.js"');
    expect(page).not.toContain(".pdf");
    expect((await fetch(`${origin}/.hoshin/dev.js`)).status).toBe(200);
    expect(await (await fetch(`${origin}/.hoshin/problems.json`)).json()).toEqual({ report: "" });
  });

  it("rebuilds the saved organization's pages, and only them", async () => {
    const before = await (await fetch(`${origin}/kodomo-shokudo/ja/`)).text();
    const text = await readFile(file(), "utf8");
    const purpose = /- ja: (\S+)/.exec(text.slice(text.indexOf("purposes:")))![1]!;
    await writeFile(file(), text.replace(purpose, `${purpose}（改訂）`));
    await fetchUntil(`${origin}/minato-support/ja/`, (body) => body.includes(`${purpose}（改訂）`));
    await fetchUntil(`${origin}/.hoshin/problems.json`, () => stdout.includes("rebuilt minato-support in"));
    expect(await (await fetch(`${origin}/kodomo-shokudo/ja/`)).text()).toBe(before);
  });

  it("on a bad save prints the problem, keeps the last good page and reports it to the page", async () => {
    const good = await (await fetch(`${origin}/minato-support/ja/`)).text();
    await writeFile(file(), `${await readFile(file(), "utf8")}\npurpose: oops\n`);
    const problems = await fetchUntil(`${origin}/.hoshin/problems.json`, (body) => body.includes("purpose"));
    expect(JSON.parse(problems).report).toMatch(/^organizations\/minato-support\.yaml:\d+:1  purpose  unknown key `purpose` \(did you mean `purposes`\?\)/);
    await fetchUntil(`${origin}/`, () => stderr.includes("not rebuilt; the last good pages stay served"));
    expect(stderr).toContain("organizations/minato-support.yaml:");
    expect(await (await fetch(`${origin}/minato-support/ja/`)).text()).toBe(good);
  });

  it("stops on Ctrl-C with exit code 0", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});

describe("hoshin dev on a busy port", () => {
  it("says so and exits 2, instead of serving elsewhere", async () => {
    const { createServer } = await import("node:net");
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const project = await makeProject(["valid"]);
      const result = await hoshin(["dev", "--port", String(port)], { cwd: project });
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: `hoshin: port ${port} is in use; choose another with --port, or --port 0 for any free port\n`,
      });
    } finally {
      busy.close();
    }
  });
});
