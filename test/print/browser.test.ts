/**
 * No browser, no PDFs, no damage: `hoshin build` finds Chromium before it writes anything,
 * says how to get one (or to build without PDFs), and leaves the previous site as it was.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { BROWSER_ENV, BrowserNotFoundError, browserCandidates, bundledChromium, findBrowser } from "../../src/print/find-browser.js";
import { STACK_FRAME, hashTree, hoshin, removeProjects } from "../cli/helpers.js";
import { examplesProject } from "./helpers.js";

afterAll(removeProjects);

const NOWHERE = "/nonexistent/chrome";

/** No browser bundled with hoshin either (the optional @sparticuz/chromium is installed here). */
const noBundled = async () => undefined;

describe("findBrowser", () => {
  it("says how to install a browser, or to build without PDFs, when there is none", async () => {
    const error: unknown = await findBrowser({}, [], () => false, noBundled).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain("apt-get install chromium-headless-shell");
    expect(message).toContain("--no-pdf");
    expect(message).toContain(BROWSER_ENV);
    expect((error as BrowserNotFoundError).exitCode).toBe(1);
  });

  it("takes HOSHIN_CHROMIUM first, and never falls back from a wrong one", async () => {
    const installed = (file: string) => file === "/opt/my/chrome" || file === "/usr/bin/chromium";
    expect(await findBrowser({ [BROWSER_ENV]: "/opt/my/chrome" }, ["/usr/bin/chromium"], installed, noBundled)).toMatchObject({
      path: "/opt/my/chrome",
      source: "environment",
    });
    await expect(findBrowser({ [BROWSER_ENV]: NOWHERE }, ["/usr/bin/chromium"], installed, noBundled)).rejects.toThrow(
      /HOSHIN_CHROMIUM is set to `\/nonexistent\/chrome`[\s\S]*--no-pdf/,
    );
    await expect(findBrowser({ [BROWSER_ENV]: NOWHERE }, ["/usr/bin/chromium"], installed, noBundled)).rejects.toBeInstanceOf(
      BrowserNotFoundError,
    );
  });

  it("searches the usual places, the headless shell first, before any bundled browser", async () => {
    const linux = browserCandidates("linux");
    expect(linux[0]).toBe("/usr/bin/chromium-headless-shell");
    expect(linux.indexOf("/usr/bin/chromium-headless-shell")).toBeLessThan(linux.indexOf("/usr/bin/chromium"));
    let bundledAsked = false;
    const bundled = async () => {
      bundledAsked = true;
      return undefined;
    };
    expect(await findBrowser({}, linux, (file) => file === "/usr/bin/chromium", bundled)).toMatchObject({
      path: "/usr/bin/chromium",
      source: "search",
    });
    expect(bundledAsked).toBe(false);
  });
});

describe.runIf(process.platform === "linux" && process.arch === "x64")("the bundled headless shell", () => {
  it("unpacks into a private folder of hoshin's per version, not the shared temp folder", async () => {
    const cacheRoot = await mkdtemp(path.join(os.tmpdir(), "hoshin-bundled-"));
    const temporaryFolder = process.env.TMPDIR;
    try {
      const browser = await bundledChromium(cacheRoot);
      expect(browser?.source).toBe("bundled");
      expect(browser?.identity).toMatch(/^@sparticuz\/chromium@\d+\.\d+\.\d+$/);
      const version = browser?.identity?.split("@").at(-1) ?? "";
      expect(browser?.path).toBe(path.join(cacheRoot, "hoshin", "browser", version, "chromium"));
      accessSync(browser?.path ?? "", constants.X_OK);
      // Nobody else may put a browser there for hoshin to run.
      expect(statSync(path.dirname(browser?.path ?? "")).mode & 0o077).toBe(0);
      expect(process.env.TMPDIR).toBe(temporaryFolder);
    } finally {
      await rm(cacheRoot, { recursive: true, force: true });
    }
  });
});

describe("hoshin build with no browser", () => {
  it("builds the HTML site alone with --no-pdf, then refuses a build with PDFs and leaves it intact", async () => {
    const project = await examplesProject();
    const env = { [BROWSER_ENV]: NOWHERE };

    const htmlOnly = await hoshin(["build", "--no-pdf"], { cwd: project, env });
    expect(htmlOnly.stderr).toBe("");
    expect(htmlOnly.code).toBe(0);
    expect(htmlOnly.stdout).toMatch(/^hoshin: built 6 organizations \(16 policy pages\) into _site\/ in \d+\.\d\d s\n$/);
    const before = await hashTree(project);
    expect(Object.keys(before).filter((file) => file.startsWith("_site/") && file.endsWith(".html")).length).toBeGreaterThan(10);
    expect(Object.keys(before).filter((file) => file.endsWith(".pdf"))).toEqual([]);

    const refused = await hoshin(["build"], { cwd: project, env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`${BROWSER_ENV} is set to \`${NOWHERE}\``);
    expect(refused.stderr).toContain("--no-pdf");
    expect(refused.stderr).not.toMatch(STACK_FRAME);
    // Nothing written: not the site, not a staging folder beside it.
    expect(await hashTree(project)).toEqual(before);
  });

  it("writes no output folder at all when there was none", async () => {
    const project = await examplesProject(["tabunka-center.yaml"]);
    const refused = await hoshin(["build"], { cwd: project, env: { [BROWSER_ENV]: NOWHERE } });
    expect(refused.code).toBe(1);
    expect(existsSync(path.join(project, "_site"))).toBe(false);
    expect(Object.keys(await hashTree(project))).toEqual(["organizations/tabunka-center.yaml"]);
  });

  it("leaves the previous site intact when the browser will not start", async () => {
    const project = await examplesProject(["tabunka-center.yaml"]);
    expect((await hoshin(["build", "--no-pdf"], { cwd: project })).code).toBe(0);
    const before = await hashTree(project);
    // A file that exists but is no browser: found, launched, fails.
    const broken = await hoshin(["build"], { cwd: project, env: { [BROWSER_ENV]: "/bin/false" } });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("could not start the browser at /bin/false");
    expect(broken.stderr).not.toMatch(STACK_FRAME);
    expect(await hashTree(project)).toEqual(before);
  });
});
