import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** A file a reader can hold in their head: about 400 lines at most, or a reason written here. */
const MOST_LINES = 400;
const LONGER_BECAUSE: Readonly<Record<string, string>> = {
  "validate/schema-diagnostics.ts":
    "one table from each kind of AJV error to the message a person can act on; split, the same keyword would be worded in two places",
  "validate/requirements.ts": "the list of what the law asks a policy to state, one entry per matter with its article, read top to bottom",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.c?ts$/.test(entry.name) ? [full] : [];
  });
}

describe("the source files", () => {
  const lines = new Map(sources(path.resolve("src")).map((file) => [path.relative("src", file).split(path.sep).join("/"), readFileSync(file, "utf8").split("\n").length]));

  it(`are at most ${MOST_LINES} lines, or say here why not`, () => {
    const long = [...lines].filter(([file, count]) => count > MOST_LINES && !(file in LONGER_BECAUSE)).map(([file, count]) => `${file}: ${count} lines`);
    expect(long).toEqual([]);
  });

  it("name no reason for a file that is no longer long, or gone", () => {
    expect(Object.keys(LONGER_BECAUSE).filter((file) => (lines.get(file) ?? 0) <= MOST_LINES)).toEqual([]);
  });
});
