/**
 * Templates compiled once for every Eleventy run in a thread (src/render/compiled-templates.ts):
 * each environment gets the same compiled functions, and they still render with that
 * environment's own filters and data, so a run never sees another run's.
 */
import path from "node:path";
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";

import { loadCompiled, type TemplateLoader, type TemplateSource } from "../../src/render/compiled-templates.js";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/templates");

interface Env {
  render(name: string, context: object): string;
  addFilter(name: string, filter: (value: string) => string): void;
  asyncFilters: string[];
  extensionsList: object[];
  opts: object;
}

function environment(shout: (value: string) => string, options: object = {}): { env: Env; loader: TemplateLoader } {
  const loader = new (nunjucks as unknown as { FileSystemLoader: new (dir: string) => TemplateLoader }).FileSystemLoader(FIXTURES);
  const env = new (nunjucks as unknown as { Environment: new (loader: TemplateLoader, options: object) => Env }).Environment(loader, {
    autoescape: true,
    ...options,
  });
  env.addFilter("shout", shout);
  loadCompiled(loader, env);
  return { env, loader };
}

const compiledForm = (loader: TemplateLoader, name: string) => (loader.getSource(name)?.src as { obj: object }).obj;

describe("templates compiled once per thread", () => {
  it("gives every environment the same compiled functions, rendered with its own filters and data", () => {
    const first = environment((value) => value.toUpperCase());
    const second = environment((value) => `${value}!`);
    expect(first.env.render("page.njk", { name: "minato", items: ["a", "<b>"] })).toBe("<main>MINATO<i>a</i><i>&lt;b&gt;</i></main>");
    expect(second.env.render("page.njk", { name: "minato", items: [] })).toBe("<main>minato!</main>");
    expect(compiledForm(second.loader, "page.njk")).toBe(compiledForm(first.loader, "page.njk"));
    expect(compiledForm(second.loader, "base.njk")).toBe(compiledForm(first.loader, "base.njk"));
  });

  it("compiles again when the text or the compiler's settings differ", () => {
    const texts = new Map([["one.njk", "{{ a }}"]]);
    const memory: TemplateLoader = { getSource: (name) => (texts.has(name) ? { src: texts.get(name)!, path: name, noCache: false } : null) };
    const before = environment((value) => value);
    loadCompiled(memory, before.env);
    const once = (memory.getSource("one.njk") as TemplateSource).src;
    texts.set("one.njk", "{{ a }}{{ a }}");
    expect((memory.getSource("one.njk") as TemplateSource).src).not.toBe(once);

    const trimming = environment((value) => value, { trimBlocks: true });
    expect(compiledForm(trimming.loader, "page.njk")).not.toBe(compiledForm(before.loader, "page.njk"));
  });

  it("passes on what the loader does not find", () => {
    expect(environment((value) => value).loader.getSource("missing.njk")).toBeNull();
  });
});
