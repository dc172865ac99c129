/**
 * `hoshin scan`, driven as a user drives it: `node bin/hoshin.js scan …` on the fixture site
 * (test/fixtures/scan/site), against the fixture organizations beside it. The site plants
 * every kind of transmission the scan must find, and the look-alikes it must not count:
 * links a visitor may follow, comments, JSON-LD, XML namespaces, the site's own hosts, and
 * a dependency folder the site does not serve.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { externalTransmissionCatalogue } from "../../src/catalogue/external-transmission.js";
import { detectors } from "../../src/scan/detectors.js";
import type { Sighting } from "../../src/scan/scan.js";
import { REPO, hoshin, makeProject, removeProjects } from "../cli/helpers.js";

afterAll(removeProjects);

const FIXTURE = path.join(REPO, "test", "fixtures", "scan");

/** The JSON report's sightings are the scan's own, as data. */
type JsonSighting = Sighting;
interface JsonFinding {
  catalogue?: string;
  host?: string;
  entry?: number;
  sightings: JsonSighting[];
}
interface JsonReport {
  files: number;
  ownHosts: string[];
  undeclared: JsonFinding[];
  declared: JsonFinding[];
  notFound: Array<{ entry: number; catalogue?: string; line: number }>;
  notLookedFor: Array<{ entry: number; service?: string; line: number }>;
  written?: string[];
}

/** Every transmission planted in the fixture site, as `file:line:column service`. */
const PLANTED = [
  "access.html:6:14 google-maps", // iframe src
  "access.html:7:14 cdn.example.net", // img srcset, first candidate
  "access.html:7:61 cdn.example.net", // and the second
  "access.html:8:36 cdn.example.net", // an inline style's url()
  "css/site.css:2:14 adobe-fonts", // @import url(...)
  "donate.html:6:14 google-recaptcha", // script src
  "donate.html:16:2 meta-pixel", // the address of fbevents.js in the inline snippet
  "donate.html:17:1 meta-pixel", // fbq('init', …)
  "donate.html:18:1 meta-pixel", // fbq('track', …)
  "donate.html:21:6 meta-pixel", // the <noscript> image beacon, its src on a line of its own
  "donate.html:24:14 pay.example-payment.jp", // the donation form, an entry of the organization's own
  "events/index.html:10:2 google-tag-manager", // gtm.js, built in the snippet
  "events/index.html:11:41 google-tag-manager", // the container id
  "events/index.html:14:24 google-tag-manager", // the <noscript> iframe
  "index.html:8:30 google-fonts", // link rel=stylesheet
  "index.html:11:20 google-analytics-4", // gtag.js with a G- id
  "index.html:16:3 google-analytics-4", // gtag('config', 'G-…')
  "index.html:27:39 youtube", // youtube-nocookie iframe, after its width and height
  "js/app.js:5:43 microsoft-clarity", // the tag's address
  "js/app.js:7:22 microsoft-clarity", // the snippet's call
  "js/app.js:10:3 meta-pixel", // fbq('track', 'Donate'); the one in a comment above does not count
];

function sightings(report: JsonReport): string[] {
  return [...report.undeclared, ...report.declared]
    .flatMap((group) => group.sightings.map((s) => `${s.file.replace("site/", "")}:${s.line}:${s.column} ${group.catalogue ?? group.host}`))
    .sort();
}

async function project(...organizations: string[]): Promise<string> {
  const dir = await makeProject([]);
  await cp(path.join(FIXTURE, "site"), path.join(dir, "site"), { recursive: true });
  for (const name of organizations) await cp(path.join(FIXTURE, "organizations", name), path.join(dir, "organizations", name));
  return dir;
}

describe("the README's run of hoshin scan", () => {
  it("is what hoshin scan prints today", async () => {
    const readme = await readFile(path.join(REPO, "README.md"), "utf8");
    const block = /\n\$ npx hoshin scan ([^\n]+)\n([\s\S]*?)\$ echo \$\?\n(\d+)\n```/.exec(readme);
    expect(block, "README.md shows a run of hoshin scan").not.toBeNull();
    const result = await hoshin(["scan", ...block![1]!.split(" ")], { cwd: REPO });
    expect(result.stdout).toBe(block![2]);
    expect(String(result.code)).toBe(block![3]);
  });
});

describe("catalogue/detect.yaml", () => {
  it("recognizes every service of the catalogue, and only those", () => {
    expect(detectors().map((d) => d.id).sort()).toEqual([...externalTransmissionCatalogue().keys()].sort());
  });
});

describe.concurrent("hoshin scan on the fixture site", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await project("kodomo.yaml", "complete.json");
  });

  it("finds every planted transmission at its file, line and column, and nothing else", async () => {
    const result = await hoshin(["scan", "site", "--org", "kodomo", "--format", "json"], { cwd: dir });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(sightings(report)).toEqual([...PLANTED].sort());
    expect(report.files).toBe(6); // four pages, a script and a style sheet; not node_modules/ or NOTES.txt
    expect(report.ownHosts).toEqual(["kodomo.example.org"]);
  });

  it("exits 1 and says what is sent but not declared, declared but not found, and not looked for", async () => {
    const result = await hoshin(["scan", "site", "--org", "kodomo", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.undeclared.map((g) => g.catalogue ?? g.host).sort()).toEqual(
      ["adobe-fonts", "cdn.example.net", "google-analytics-4", "google-tag-manager", "microsoft-clarity"],
    );
    expect(report.declared.map((g) => [g.catalogue ?? g.host, g.entry]).sort()).toEqual([
      ["google-fonts", 4],
      ["google-maps", 1],
      ["google-recaptcha", 2],
      ["meta-pixel", 3],
      ["pay.example-payment.jp", 6],
      ["youtube", 0],
    ]);
    expect(report.notFound).toMatchObject([{ entry: 5, catalogue: "vimeo", line: 18 }]);
    expect(report.notLookedFor).toMatchObject([{ entry: 7, service: "会員向けチャット", line: 26 }]);
  });

  it("reports in text with file:line:column, and tells what to do", async () => {
    const result = await hoshin(["scan", "site", "--org", "kodomo"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Sent but not declared in organizations/kodomo.yaml (5):");
    expect(result.stdout).toContain("  google-analytics-4 (Google Analytics; Google LLC)\n    site/index.html:11:20  script src: the Google tag (gtag.js)");
    expect(result.stdout).toContain("  cdn.example.net (a host outside the site, not in hoshin's catalogue)\n    site/access.html:7:14  img srcset https://cdn.example.net/photos/hall-1x.jpg");
    expect(result.stdout).toContain("Declared but not found in the files read (1):\n  vimeo  organizations/kodomo.yaml:18:7");
    expect(result.stdout).toContain("`hoshin scan --write` adds the 4 catalogue entries");
  });

  it("exits 0 when everything found is declared, an outside host by an entry's `hosts`", async () => {
    const result = await hoshin(["scan", "site", "--org", "complete"], { cwd: dir });
    expect(result.stdout).toContain("hoshin scan: every transmission found is declared");
    expect(result.code).toBe(0);
  });

  it("reads only the files named, and takes --site-host as the site's own", async () => {
    const one = await hoshin(["scan", "site/js/app.js", "site/access.html", "--org", "kodomo", "--site-host", "cdn.example.net", "--format", "json"], { cwd: dir });
    const report = JSON.parse(one.stdout) as JsonReport;
    expect(report.files).toBe(2);
    expect(report.undeclared.map((g) => g.catalogue ?? g.host)).toEqual(["microsoft-clarity"]);
  });
});

describe.concurrent("hoshin scan refuses what it cannot do", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await project("kodomo.yaml");
    await writeFile(path.join(dir, "organizations", "broken.yaml"), "languages: [ja]\norganization:\n  name: 例\npolicy:\n  enacted: 2024-13-01\n");
    await mkdir(path.join(dir, "empty"));
    await writeFile(path.join(dir, "empty", "NOTES.txt"), "no pages here\n");
  });

  it.each([
    [["scan", "nowhere", "--org", "kodomo"], "`nowhere` does not exist"],
    [["scan", "site", "--org", "kodomoo"], "there is no organization `kodomoo` in organizations (did you mean `kodomo`?)"],
    [["scan", "empty", "--org", "kodomo"], "no file to read in empty"],
    [["scan", "site/NOTES.txt", "--org", "kodomo"], "`site/NOTES.txt` is not a file hoshin scan reads"],
    [["scan", "site", "--org", "kodomo", "--site-host", "https://x.example"], "--site-host `https://x.example` is not a host name"],
    [["scan", "site"], "required option '--org <slug>' not specified"],
  ])("%j exits 2: %s", async (args, message) => {
    const result = await hoshin(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("exits 1 with the data file's problems when it does not pass hoshin check", async () => {
    const result = await hoshin(["scan", "site", "--org", "broken"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("organizations/broken.yaml:5:12  policy.enacted");
    expect(result.stderr).toContain("fix organizations/broken.yaml first");
  });
});

describe.concurrent("hoshin scan --write", () => {
  it("adds the catalogue entries to a YAML file, keeping every comment and line as written", async () => {
    const dir = await project("kodomo.yaml");
    const file = path.join(dir, "organizations", "kodomo.yaml");
    const before = await readFile(file, "utf8");
    const result = await hoshin(["scan", "site", "--org", "kodomo", "--write"], { cwd: dir });
    expect(result.stdout).toContain("added 4 entries to organizations/kodomo.yaml: adobe-fonts, google-tag-manager, google-analytics-4, microsoft-clarity");
    expect(result.code).toBe(1); // the outside image host is still to be described
    const added = ["adobe-fonts", "google-tag-manager", "google-analytics-4", "microsoft-clarity"].map((id) => `    - catalogue: ${id}\n`).join("");
    expect(await readFile(file, "utf8")).toBe(before.replace("# Kept at the end", `${added}# Kept at the end`));
    expect((await hoshin(["check"], { cwd: dir })).code).toBe(0);
    const again = JSON.parse((await hoshin(["scan", "site", "--org", "kodomo", "--format", "json"], { cwd: dir })).stdout) as JsonReport;
    expect(again.undeclared.map((g) => g.catalogue ?? g.host)).toEqual(["cdn.example.net"]);
  });

  it("adds them to a JSON file in its own indentation, and to Markdown front matter", async () => {
    const dir = await project();
    const json = JSON.parse(await readFile(path.join(FIXTURE, "organizations", "complete.json"), "utf8")) as { externalTransmission: { entries: Array<{ catalogue?: string }> } };
    json.externalTransmission.entries = json.externalTransmission.entries.filter((e) => e.catalogue !== "adobe-fonts");
    const jsonText = `${JSON.stringify(json, null, 4)}\n`;
    await writeFile(path.join(dir, "organizations", "tabs.json"), jsonText);
    const markdown = "---\n# The organization's data\nlanguages: [ja]\norganization:\n  name: 例\n  website: https://kodomo.example.org/\npolicy:\n  enacted: 2024-04-01\ncookies: true\nexternalTransmission:\n  entries: [{ catalogue: youtube }]\n---\n\n## 補足\n\n本文はそのまま残ります。\n";
    await writeFile(path.join(dir, "organizations", "page.md"), markdown);

    expect((await hoshin(["scan", "site/css", "--org", "tabs", "--write"], { cwd: dir })).code).toBe(0);
    const jsonAfter = await readFile(path.join(dir, "organizations", "tabs.json"), "utf8");
    expect(jsonAfter).toContain('            },\n            {\n                "catalogue": "adobe-fonts"\n            }\n        ]');
    expect(JSON.parse(jsonAfter)).toEqual({ ...json, externalTransmission: { entries: [...json.externalTransmission.entries, { catalogue: "adobe-fonts" }] } });

    expect((await hoshin(["scan", "site/css", "site/access.html", "--org", "page", "--write", "--site-host", ".example.net"], { cwd: dir })).code).toBe(0);
    expect(await readFile(path.join(dir, "organizations", "page.md"), "utf8")).toBe(
      markdown.replace("[{ catalogue: youtube }]", "[{ catalogue: youtube }, { catalogue: adobe-fonts }, { catalogue: google-maps }]"),
    );
    expect((await hoshin(["check"], { cwd: dir })).code).toBe(0);
  });

  it("starts the section in a file that has none", async () => {
    const dir = await project();
    const yaml = "languages: [ja]\norganization:\n  name: 例\n  website: https://kodomo.example.org/\npolicy:\n  enacted: 2024-04-01\n";
    await writeFile(path.join(dir, "organizations", "bare.yaml"), yaml);
    const result = await hoshin(["scan", "site/js", "--org", "bare", "--write"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await readFile(path.join(dir, "organizations", "bare.yaml"), "utf8")).toBe(
      `${yaml}externalTransmission:\n  entries:\n    - catalogue: microsoft-clarity\n    - catalogue: meta-pixel\n`,
    );
    expect((await hoshin(["check"], { cwd: dir })).code).toBe(0);
  });
});
