/**
 * Property: any organization the schema allows builds, and builds safely. Organizations are
 * generated across the whole schema (see arbitraries.ts), written as YAML, JSON and Markdown
 * front matter, and must come through every stage without a diagnostic or an exception;
 * their pages must show every string from the data as text, never as markup or template code.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

import { loadOrganizations } from "../../src/pipeline/load.js";
import { renderSite } from "../../src/pipeline/eleventy.js";
import { parseOrganizationText } from "../../src/parse/parse.js";
import type { SourceFormat } from "../../src/parse/source.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { OrganizationInput, Text } from "../../src/model/input.js";
import { normalizeOrganization } from "../../src/normalize/normalize.js";
import { validateOrganization } from "../../src/validate/index.js";
import { completenessFindings, isCompletenessFinding } from "../../src/validate/completeness.js";
import { ENUMS, TOP_LEVEL_KEYS, organization } from "./arbitraries.js";
import { discovered, escapeHtml, markupProblems, removeFolders, serialize, tempFolder } from "./support.js";
import { assertProperty } from "./seed.js";

afterAll(removeFolders);

const FORMATS: readonly SourceFormat[] = ["yaml", "json", "md"];

/**
 * The warnings valid data may get: a custom section placed after a section it lacks, what it
 * does not state of the law's requirements, an acknowledgement of what it does state, and
 * raw HTML in Markdown (shown as text, which the page checks below prove).
 */
const WARNINGS = new Set(["custom-after-absent", "acknowledge-unneeded", "markdown-raw-html"]);
const unexpected = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => !WARNINGS.has(d.code) && !isCompletenessFinding(d));

describe("valid organizations (property)", () => {
  it("the generator reaches every top-level key, every language setting and both kinds of text", () => {
    const samples = fc.sample(organization, { numRuns: 400, seed: 1 });
    const keys = new Set(samples.flatMap((o) => Object.keys(o)));
    expect([...keys].sort()).toEqual([...TOP_LEVEL_KEYS].sort());
    const settings = new Set(samples.map((o) => o.languages.join("+")));
    expect([...settings].sort()).toEqual(["en", "en+ja", "ja", "ja+en"]);
    const names = samples.map((o) => o.organization.name);
    expect(names.some((n) => typeof n === "string")).toBe(true);
    expect(names.some((n) => typeof n === "object")).toBe(true);
    const clauses = new Set(samples.flatMap((o) => o.useBeyondPurpose?.exceptions ?? []).filter((e) => typeof e === "string"));
    expect([...clauses].sort()).toEqual([...ENUMS.useExceptions].sort());
  });

  it("the page checks catch what they look for, and only that", () => {
    expect(markupProblems("<p><b>x</b></p>")).not.toEqual([]);
    expect(markupProblems('<p><img src=x onerror="alert(1)"></p>')).not.toEqual([]);
    expect(markupProblems("<title>a</title></title>")).not.toEqual([]);
    expect(markupProblems("<p>NJKEVAL</p>")).not.toEqual([]);
    expect(markupProblems("<p>NJKIF</p>")).not.toEqual([]);
    expect(markupProblems('<a href="javascript:alert(1)">x</a>')).not.toEqual([]);
    const escaped = `<title>${escapeHtml("</title><b>")}</title><meta content="${escapeHtml('"><svg onload=alert(1)>')}"><p>{% if true %}NJKIF{% endif %}</p>`;
    expect(markupProblems(escaped)).toEqual([]);
  });

  it("parse, validate and normalize without a diagnostic, as YAML, JSON and Markdown (in memory)", () => {
    assertProperty(
      fc.property(organization, (data) => {
        for (const format of FORMATS) {
          const file = discovered("org", format);
          const parsed = parseOrganizationText(file, new TextEncoder().encode(serialize(data, format)));
          expect(parsed.diagnostics, format).toEqual([]);
          const source = parsed.source;
          if (!source) throw new Error(`${format}: no source`);
          // The file says what the generator meant: a failure here is the serializer's, not hoshin's.
          expect(source.data, format).toEqual(data);
          expect(unexpected(validateOrganization(source)), format).toEqual([]);
          const findings = completenessFindings(source);
          expect(unexpected(findings), format).toEqual([]);
          const model = normalizeOrganization(source, findings.filter(isCompletenessFinding));
          expect(model.pages.map((p) => p.lang)).toEqual(data.languages);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("load from a folder without an error and render pages that show the data as text", async () => {
    // Rendering costs about half a second, so each run renders a folder of several organizations.
    await assertProperty(
      fc.asyncProperty(fc.array(organization, { minLength: 1, maxLength: 4 }), async (organizations) => {
        const project = await tempFolder();
        const input = path.join(project, "organizations");
        await mkdir(input);
        const written = new Map<string, OrganizationInput>();
        for (const [index, data] of organizations.entries()) {
          for (const format of FORMATS) {
            const slug = `org-${index}-${format}`;
            written.set(slug, data);
            await writeFile(path.join(input, `${slug}.${format}`), serialize(data, format));
          }
        }

        const result = await loadOrganizations(input);
        expect(unexpected(result.diagnostics)).toEqual([]);
        expect(result.organizations.map((o) => o.slug).sort()).toEqual([...written.keys()].sort());

        const site = path.join(project, "_site");
        await renderSite(result.organizations, { outDir: site, pdf: true });
        expect(markupProblems(await readFile(path.join(site, "index.html"), "utf8"))).toEqual([]);
        for (const model of result.organizations) {
          const data = written.get(model.slug) as OrganizationInput;
          for (const lang of model.languages) {
            const page = `${model.slug}/${lang}/index.html`;
            const html = await readFile(path.join(site, page), "utf8");
            expect(markupProblems(html), page).toEqual([]);
            // Printed exactly as written, only escaped: nothing evaluated, dropped or re-encoded.
            const shown = (text: Text | undefined) => (typeof text === "string" ? text : text?.[lang]);
            for (const value of [data.organization.name, data.policy?.title, data.policy?.introduction]) {
              const expected = shown(value);
              if (expected !== undefined) expect(html, page).toContain(`>${escapeHtml(expected)}<`);
            }
            // The running header: the names in a CSS string, in the page's own <style>.
            const css = /<style media="print">([\s\S]*?)<\/style>/.exec(html)?.[1];
            expect(css, page).toMatch(/@page/);
            expect(css).not.toContain("NJKEVAL");
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});
