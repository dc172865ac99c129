import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { discoverOrganizations, InputFolderError } from "../../src/discover/discover.js";

const fixtures = fileURLToPath(new URL("../fixtures/data/discover/", import.meta.url));

/** Discover a fixture folder as the user would, from the folder that holds it. */
function discover(name: string) {
  return discoverOrganizations(name, { cwd: fixtures });
}

describe("discoverOrganizations", () => {
  it("finds organization files in name order, with slug and format", async () => {
    const { files } = await discover("basic");
    expect(files).toEqual([
      { absolutePath: path.join(fixtures, "basic/genron.yaml"), file: "basic/genron.yaml", slug: "genron", format: "yaml" },
      {
        absolutePath: path.join(fixtures, "basic/kodomo-shokudo.json"),
        file: "basic/kodomo-shokudo.json",
        slug: "kodomo-shokudo",
        format: "json",
      },
      { absolutePath: path.join(fixtures, "basic/shien.yml"), file: "basic/shien.yml", slug: "shien", format: "yaml" },
      {
        absolutePath: path.join(fixtures, "basic/tabunka-center.md"),
        file: "basic/tabunka-center.md",
        slug: "tabunka-center",
        format: "md",
      },
    ]);
  });

  it("warns about other files but says nothing of README, dotfiles and sub-folders", async () => {
    const { diagnostics } = await discover("basic");
    expect(diagnostics).toEqual([
      {
        code: "file-ignored",
        severity: "warning",
        file: "basic/notes.txt",
        line: 0,
        column: 0,
        path: "",
        message: "not an organization file, ignored",
        hint: "organization files end in .yaml, .yml, .json or .md",
      },
    ]);
  });

  it("defaults to the process working directory for display paths", async () => {
    const { files } = await discoverOrganizations(path.join(fixtures, "basic"));
    expect(files[0]?.file).toBe(path.relative(process.cwd(), path.join(fixtures, "basic/genron.yaml")).split(path.sep).join("/"));
  });

  it("refuses file names that are not slugs, suggesting one", async () => {
    const { files, diagnostics } = await discover("bad-slug");
    expect(files.map((f) => f.slug)).toEqual(["ok"]);
    expect(diagnostics.map(({ code, severity, file, line, column, message, hint }) => ({ code, severity, file, line, column, message, hint }))).toEqual([
      {
        code: "slug-invalid",
        severity: "error",
        file: "bad-slug/Genron_NPO.yaml",
        line: 0,
        column: 0,
        message: "file name `Genron_NPO` is not a valid slug: use lower-case letters, digits and hyphens",
        hint: "rename the file to `genron-npo.yaml`",
      },
      {
        code: "slug-invalid",
        severity: "error",
        file: "bad-slug/a-very-long-organization-name-that-keeps-going-well-past-the-limit.yaml",
        line: 0,
        column: 0,
        message:
          "file name `a-very-long-organization-name-that-keeps-going-well-past-the-limit` is not a valid slug: use at most 64 characters",
        hint: "rename the file to `a-very-long-organization-name-that-keeps-going-well-past-the-lim.yaml`",
      },
      {
        code: "slug-invalid",
        severity: "error",
        file: "bad-slug/foo.bar.json",
        line: 0,
        column: 0,
        message: "file name `foo.bar` is not a valid slug: use lower-case letters, digits and hyphens",
        hint: "rename the file to `foo-bar.json`",
      },
      {
        code: "slug-invalid",
        severity: "error",
        file: "bad-slug/日本語.yaml",
        line: 0,
        column: 0,
        message: "file name `日本語` is not a valid slug: use lower-case letters, digits and hyphens",
        hint: "rename the file with lower-case letters, digits and hyphens, e.g. `my-organization.yaml`",
      },
    ]);
  });

  it("keeps the first file of a slug and reports each later one", async () => {
    const { files, diagnostics } = await discover("duplicate");
    expect(files.map((f) => f.file)).toEqual(["duplicate/genron.json", "duplicate/other.yaml"]);
    expect(diagnostics).toEqual(
      ["duplicate/genron.md", "duplicate/genron.yaml"].map((file) => ({
        code: "slug-duplicate",
        severity: "error",
        file,
        line: 0,
        column: 0,
        path: "",
        message: "slug `genron` is already used by duplicate/genron.json",
        hint: "each organization needs its own file name; rename or remove one",
      })),
    );
  });

  it("throws InputFolderError when the input folder is missing", async () => {
    const attempt = discover("organizations");
    await expect(attempt).rejects.toBeInstanceOf(InputFolderError);
    await expect(attempt).rejects.toThrow("input folder `organizations` does not exist");
  });

  it("throws InputFolderError when the input is a file", async () => {
    await expect(discover("basic/notes.txt")).rejects.toThrow(
      new InputFolderError("input folder `basic/notes.txt` is not a folder"),
    );
    await expect(discover("basic/notes.txt")).rejects.toMatchObject({ name: "InputFolderError" });
  });
});

// Created per test rather than committed: git and some global ignore files treat these
// names specially (symbolic links, editor backups), which would make fixtures unreliable.
describe("discoverOrganizations in a scratch folder", () => {
  let root: string;
  let input: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "hoshin-discover-"));
    input = path.join(root, "organizations");
    await mkdir(input);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const write = (name: string, text = "languages: [ja]\n") => writeFile(path.join(input, name), text);

  it("ignores editor backups and system files without a word", async () => {
    await write("genron.yaml");
    for (const junk of ["genron.yaml~", "genron.yaml.bak", "genron.yaml.swp", "genron.tmp", "#genron.yaml#", ".DS_Store", ".genron.yaml.swp", "readme.txt", "README"]) {
      await write(junk);
    }
    const { files, diagnostics } = await discoverOrganizations("organizations", { cwd: root });
    expect(files.map((f) => f.file)).toEqual(["organizations/genron.yaml"]);
    expect(diagnostics).toEqual([]);
  });

  it("follows a link that stays inside the input folder", async () => {
    await write("target.yaml");
    await symlink("target.yaml", path.join(input, "alias.yaml"));
    const { files, diagnostics } = await discoverOrganizations("organizations", { cwd: root });
    expect(files.map((f) => f.slug)).toEqual(["alias", "target"]);
    expect(files[0]?.absolutePath).toBe(path.join(input, "alias.yaml"));
    expect(diagnostics).toEqual([]);
  });

  it("refuses a link that leads outside the input folder", async () => {
    await writeFile(path.join(root, "secret.yaml"), "languages: [ja]\n");
    await symlink("../secret.yaml", path.join(input, "escape.yaml"));
    const { files, diagnostics } = await discoverOrganizations("organizations", { cwd: root });
    expect(files).toEqual([]);
    expect(diagnostics).toEqual([
      {
        code: "file-outside-input",
        severity: "error",
        file: "organizations/escape.yaml",
        line: 0,
        column: 0,
        path: "",
        message: "symbolic link leads outside the input folder (to ../secret.yaml)",
        hint: "copy the file into the input folder instead",
      },
    ]);
  });

  it("reports a broken link as unreadable", async () => {
    await symlink("missing.yaml", path.join(input, "broken.yaml"));
    const { files, diagnostics } = await discoverOrganizations("organizations", { cwd: root });
    expect(files).toEqual([]);
    expect(diagnostics).toEqual([
      {
        code: "file-unreadable",
        severity: "error",
        file: "organizations/broken.yaml",
        line: 0,
        column: 0,
        path: "",
        message: "symbolic link is broken: missing.yaml does not exist",
        hint: "fix the link or remove it",
      },
    ]);
  });

  it("warns about each folder named like an organization file, and still says nothing of other folders", async () => {
    await write("genron.yaml");
    // An archive unzipped into a folder of the file's own name, and two empty ones.
    await mkdir(path.join(input, "sakura.yaml"));
    await writeFile(path.join(input, "sakura.yaml", "sakura.yaml"), "languages: [ja]\n");
    await mkdir(path.join(input, "x.md"));
    await mkdir(path.join(input, "y.JSON"));
    await mkdir(path.join(input, "drafts"));
    await mkdir(path.join(root, "shared.yml"));
    await symlink("../shared.yml", path.join(input, "z.yml"));
    const { files, diagnostics } = await discoverOrganizations("organizations", { cwd: root });
    expect(files.map((f) => f.file)).toEqual(["organizations/genron.yaml"]);
    const folder = (name: string, ext: string) => ({
      code: "folder-ignored",
      severity: "warning",
      file: `organizations/${name}/`,
      line: 0,
      column: 0,
      path: "",
      message: "a folder named like an organization file, ignored",
      hint: `hoshin reads only the files directly in the input folder: if the organization's file is inside, move it up beside the others; otherwise rename the folder so its name does not end in ${ext}`,
    });
    expect(diagnostics).toEqual([folder("sakura.yaml", ".yaml"), folder("x.md", ".md"), folder("y.JSON", ".JSON"), folder("z.yml", ".yml")]);
  });

  it("skips a linked folder and works when the input folder itself is a link", async () => {
    await write("genron.yaml");
    await mkdir(path.join(root, "shared"));
    await symlink("../shared", path.join(input, "shared"));
    await symlink("genron.yaml", path.join(input, "alias.yaml"));
    await symlink("organizations", path.join(root, "linked"));
    const { files, diagnostics } = await discoverOrganizations("linked", { cwd: root });
    expect(files.map((f) => f.file)).toEqual(["linked/alias.yaml", "linked/genron.yaml"]);
    expect(diagnostics).toEqual([]);
  });
});
