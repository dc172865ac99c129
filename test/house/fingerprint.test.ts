import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OWN_FOLDERS } from "../../src/cache/fingerprint.js";

describe("the cache's fingerprint of hoshin itself", () => {
  it("covers every folder the package ships that shapes a page (all but bin/, which only starts dist/)", () => {
    // A folder left out would let an edit to it (a wording file, a template) serve stale cached pages.
    const shipped = (JSON.parse(readFileSync("package.json", "utf8")) as { files: string[] }).files.filter((folder) => folder !== "bin");
    expect([...OWN_FOLDERS].sort()).toEqual([...shipped].sort());
  });
});
