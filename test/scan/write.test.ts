/**
 * `--write`'s edit of a data file, on the shapes a person writes: it inserts lines and
 * changes nothing else — line endings, comments after the last entry, a file without a
 * final line break, zero-indented lists, flow lists.
 */
import { describe, expect, it } from "vitest";
import { withEntries } from "../../src/scan/scan.js";

describe("withEntries", () => {
  it.each([
    [
      "CRLF line endings, a zero-indented list, comments after the last entry",
      "a: 1\r\nexternalTransmission:\r\n  entries:\r\n  - catalogue: youtube   # c\r\n  # trailing\r\nz: 2\r\n",
      "a: 1\r\nexternalTransmission:\r\n  entries:\r\n  - catalogue: youtube   # c\r\n  - catalogue: vimeo\r\n  # trailing\r\nz: 2\r\n",
    ],
    [
      "a last entry of several lines, then a blank line",
      "externalTransmission:\n  entries:\n    - service: { ja: x }\n      hosts: [a.b]\n\nz: 2",
      "externalTransmission:\n  entries:\n    - service: { ja: x }\n      hosts: [a.b]\n    - catalogue: vimeo\n\nz: 2",
    ],
    [
      "no final line break",
      "z: 1\nexternalTransmission:\n  entries:\n    - catalogue: youtube",
      "z: 1\nexternalTransmission:\n  entries:\n    - catalogue: youtube\n    - catalogue: vimeo\n",
    ],
    [
      "a flow list",
      "externalTransmission:\n  entries: [ { catalogue: youtube } ] # ours\n",
      "externalTransmission:\n  entries: [ { catalogue: youtube }, { catalogue: vimeo } ] # ours\n",
    ],
  ])("YAML: %s", (_, before, after) => {
    expect(withEntries(before, "yaml", ["vimeo"])).toBe(after);
  });

  it("JSON with comments keeps them (jsonc-parser lays out the list it inserts into)", () => {
    const before = '{\n  // ours\n  "externalTransmission": { "entries": [ { "catalogue": "youtube" } ] }\n}\n';
    const after = withEntries(before, "json", ["vimeo"]);
    expect(after).toContain("// ours");
    expect(after).toMatch(/"catalogue": "youtube"\s*\},\s*\{\s*"catalogue": "vimeo"\s*\}/);
  });
});
