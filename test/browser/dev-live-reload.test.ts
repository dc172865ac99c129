/**
 * `hoshin dev` seen from the open browser: a real Chromium on a page it serves, under the
 * page's own Content-Security-Policy. A save shows without touching the browser; a bad
 * save puts the problems over the page; the next good save takes them away.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CHROMIUM_ARGS } from "../../src/print/print-site.js";
import { BIN, makeProject, removeProjects } from "../cli/helpers.js";
import { CHROMIUM } from "./helpers.js";

describe("hoshin dev in the browser", () => {
  let child: ChildProcess;
  let browser: Browser;
  let page: Page;
  let file: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const project = await makeProject(["valid"]);
    file = path.join(project, "organizations", "minato-support.yaml");
    child = spawn(process.execPath, [BIN, "dev", "--port", "0"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    const origin = await new Promise<string>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`hoshin dev exited ${code}`)));
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
        if (match) resolve(match[1]!);
      });
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    const connected = page.waitForEvent("console", (message) => message.text().includes("Connected"));
    await page.goto(`${origin}/minato-support/ja/`);
    await connected;
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    }
    await removeProjects();
  });

  it("shows a save in the open page by itself", async () => {
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("相談への対応", "相談への迅速な対応"));
    await page.waitForFunction(() => document.body.textContent!.includes("相談への迅速な対応"));
  });

  it("puts a bad save's problems over the page, and the next good save takes them away", async () => {
    const good = await readFile(file, "utf8");
    await writeFile(file, `${good}\npurpose: oops\n`);
    const overlay = page.locator("#hoshin-problems");
    await overlay.waitFor();
    expect(await overlay.getAttribute("role")).toBe("alert");
    expect(await overlay.textContent()).toContain("minato-support.yaml");
    expect(await overlay.textContent()).toContain("unknown key `purpose` (did you mean `purposes`?)");
    // The last good page is still there, under the overlay.
    expect(await page.textContent("body")).toContain("相談への迅速な対応");

    await writeFile(file, good);
    await overlay.waitFor({ state: "detached" });
  });

  it("breaks no rule of the page's Content-Security-Policy", () => {
    expect(consoleErrors).toEqual([]);
  });
});
