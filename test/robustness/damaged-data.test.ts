/**
 * Property: damaged data yields diagnostics, never a crash. Starting from the example
 * organizations, keys are deleted, renamed and invented, values swapped for values of other
 * types, files cut short and bytes flipped; and the parser is fed arbitrary text and bytes.
 * Whatever comes in, loading never throws, every diagnostic keeps the contract (one line,
 * inside the file, a stable code), a file the schema refuses is reported, and a file
 * reported as fine goes on to normalize and render.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";

import { loadOrganizations } from "../../src/pipeline/load.js";
import { renderSite } from "../../src/pipeline/eleventy.js";
import { parseOrganizationText } from "../../src/parse/parse.js";
import type { SourceFile, SourceFormat } from "../../src/parse/source.js";
import { hasErrors, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { OrganizationModel } from "../../src/model/policy.js";
import { normalizeOrganization } from "../../src/normalize/normalize.js";
import { completenessFindings, isCompletenessFinding } from "../../src/validate/completeness.js";
import { validateOrganization } from "../../src/validate/index.js";
import { schemaErrors } from "../../src/validate/schema.js";
import { byteDamage, damage, hostileText, mutate, mutation } from "./arbitraries.js";
import { REPO, allProblems, discovered, markupProblems, removeFolders, serialize, tempFolder } from "./support.js";
import { assertProperty } from "./seed.js";

afterAll(removeFolders);

interface Example {
  name: string;
  format: SourceFormat;
  bytes: Uint8Array;
  data: unknown;
  /** The Markdown body, kept as it was when the front matter is damaged. */
  body: string;
}

/** The example organizations and the valid fixtures: real files, each a different shape. */
function examples(): Example[] {
  const folders = ["organizations", "test/fixtures/cli/valid", "test/fixtures/validate/valid"];
  return folders.flatMap((folder) =>
    readdirSync(path.join(REPO, folder))
      .filter((name) => /\.(ya?ml|json|md)$/.test(name))
      .map((name) => {
        const bytes = readFileSync(path.join(REPO, folder, name));
        const text = bytes.toString("utf8");
        const format: SourceFormat = name.endsWith(".json") ? "json" : name.endsWith(".md") ? "md" : "yaml";
        if (format === "md") {
          const end = text.indexOf("\n---", 3);
          return { name: `${folder}/${name}`, format, bytes, data: parseYaml(text.slice(4, end)), body: text.slice(end + 4) };
        }
        return { name: `${folder}/${name}`, format, bytes, data: format === "json" ? JSON.parse(text) : parseYaml(text), body: "" };
      }),
  );
}

/** Shown by name in a counterexample (`organizations/ji4pe.yaml`), not as a page of bytes. */
const example = fc.constantFrom(...examples().map((e) => Object.assign(e, { [fc.toStringMethod]: () => e.name })));

interface Outcome {
  diagnostics: Diagnostic[];
  source?: SourceFile;
  model?: OrganizationModel;
}

/** parse → validate → normalize in memory, as `loadOrganizations` chains them for one file. */
function load(bytes: Uint8Array, format: SourceFormat, slug = "damaged"): Outcome {
  const parsed = parseOrganizationText(discovered(slug, format), bytes);
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.source) return { diagnostics };
  diagnostics.push(...validateOrganization(parsed.source));
  if (hasErrors(diagnostics)) return { diagnostics, source: parsed.source };
  const findings = completenessFindings(parsed.source);
  diagnostics.push(...findings);
  return { diagnostics, source: parsed.source, model: normalizeOrganization(parsed.source, findings.filter(isCompletenessFinding)) };
}

/** The rules any outcome keeps, whatever went in. */
function expectSound(outcome: Outcome, format: SourceFormat, bytes: Uint8Array, slug = "damaged"): void {
  const file = discovered(slug, format).file;
  expect(allProblems(outcome.diagnostics, file, bytes)).toEqual([]);
  // Refused to parse: there must be an error to say why.
  if (!outcome.source) expect(hasErrors(outcome.diagnostics)).toBe(true);
  // The schema refuses it: hoshin must say so, not filter every complaint away.
  if (outcome.source && schemaErrors(outcome.source.data).length > 0) expect(hasErrors(outcome.diagnostics)).toBe(true);
  // Reported as fine: then it is fine, and the next stage takes it.
  if (!hasErrors(outcome.diagnostics)) expect(outcome.model).toBeDefined();
}

/** Organizations that survived damage and were reported as fine: they must render too. */
const survivors: OrganizationModel[] = [];

describe("damaged organization data (property)", () => {
  it("mutated data: diagnostics for every problem, never an exception (in memory)", () => {
    assertProperty(
      fc.property(example, fc.array(mutation, { minLength: 1, maxLength: 4 }), (original, mutations) => {
        const data = mutate(original.data, mutations);
        const bytes = new TextEncoder().encode(serialize(data, original.format, original.body));
        const slug = `survivor-${survivors.length}`;
        const outcome = load(bytes, original.format, slug);
        expectSound(outcome, original.format, bytes, slug);
        if (outcome.model && survivors.length < 60) survivors.push(outcome.model);
      }),
      { numRuns: 400 },
    );
  });

  it("damaged bytes: cut short, flipped, junk inserted (in memory)", () => {
    assertProperty(
      fc.property(example, fc.array(byteDamage, { minLength: 1, maxLength: 3 }), (original, changes) => {
        const bytes = damage(original.bytes, changes);
        expectSound(load(bytes, original.format), original.format, bytes);
      }),
      { numRuns: 400 },
    );
  });

  it("arbitrary text and bytes as a YAML, JSON or Markdown file never throw (in memory)", () => {
    const format = fc.constantFrom<SourceFormat>("yaml", "json", "md");
    const contents = fc.oneof(
      hostileText.map((text) => new TextEncoder().encode(text)),
      hostileText.map((text) => new TextEncoder().encode(`---\n${text}\n---\n`)),
      fc.uint8Array({ maxLength: 300 }),
    );
    assertProperty(
      fc.property(format, contents, (f, bytes) => {
        expectSound(load(bytes, f), f, bytes);
      }),
      { numRuns: 300 },
    );
  });

  it("mutated files in a folder: loadOrganizations never throws and reports each broken file", async () => {
    const project = await tempFolder();
    const input = path.join(project, "organizations");
    await assertProperty(
      fc.asyncProperty(
        fc.array(fc.tuple(example, fc.array(mutation, { maxLength: 3 })), { minLength: 1, maxLength: 4 }),
        async (files) => {
          await rm(input, { recursive: true, force: true });
          await mkdir(input);
          const written: Array<{ file: string; bytes: Uint8Array }> = [];
          for (const [index, [original, mutations]] of files.entries()) {
            const ext = original.format === "yaml" ? "yaml" : original.format;
            const name = `file-${index}.${ext}`;
            const bytes = new TextEncoder().encode(serialize(mutate(original.data, mutations), original.format, original.body));
            await writeFile(path.join(input, name), bytes);
            written.push({ file: path.relative(process.cwd(), path.join(input, name)).split(path.sep).join("/"), bytes });
          }
          const result = await loadOrganizations(input);
          for (const { file, bytes } of written) {
            const own = result.diagnostics.filter((d) => d.file === file);
            expect(allProblems(own, file, bytes)).toEqual([]);
            const data = readBack(bytes, file);
            if (data !== undefined && schemaErrors(data).length > 0) expect(hasErrors(own), file).toBe(true);
          }
          // All of the data or none: a site is never built from the good half.
          if (hasErrors(result.diagnostics)) expect(result.organizations).toEqual([]);
          else expect(result.organizations).toHaveLength(files.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("whatever survived damage as valid renders, showing its text as text", async () => {
    expect(survivors.length).toBeGreaterThan(0);
    const site = path.join(await tempFolder(), "_site");
    await renderSite(survivors, { outDir: site });
    for (const model of survivors) {
      for (const page of model.pages) {
        const html = await readFile(path.join(site, page.url, "index.html"), "utf8");
        expect(markupProblems(html), page.url).toEqual([]);
      }
    }
  });
});

/** The data of a written file, read the way a person would check it; undefined if it does not parse. */
function readBack(bytes: Uint8Array, file: string): unknown {
  const text = new TextDecoder().decode(bytes);
  try {
    if (file.endsWith(".json")) return JSON.parse(text);
    if (file.endsWith(".md")) return parseYaml(text.slice(4, text.indexOf("\n---", 3)));
    return parseYaml(text);
  } catch {
    return undefined;
  }
}
