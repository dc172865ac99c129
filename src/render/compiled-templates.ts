/**
 * hoshin's Nunjucks templates compiled once per thread, not once per Eleventy run.
 *
 * A build renders each part a chunk at a time, one Eleventy run per chunk (see
 * pipeline/render-part.ts), and each run has a new Nunjucks environment whose loaders
 * compile every template again: new functions, which V8 then optimizes again once they are
 * hot. At 1,000 organizations, compiling and optimizing the same templates afresh in every
 * run was about a tenth of a render thread's time.
 *
 * A compiled template is plain functions of the environment, context and frame it is
 * given (Nunjucks' precompiled form, `{ root, b_<block>… }`), so one compiled form serves
 * every environment whose compiler settings are the same. The key holds everything the
 * compiler reads: the template's name and text, the names of async filters, the extensions'
 * tags, and the options that change parsing.
 */
import nunjucks from "nunjucks";

export interface TemplateSource {
  src: string | { type: "code"; obj: object };
  path: string;
  noCache: boolean;
}

export interface TemplateLoader {
  getSource(name: string): TemplateSource | null;
}

/** The parts of a Nunjucks environment its compiler reads. */
export interface CompilingEnvironment {
  asyncFilters: readonly string[];
  extensionsList: ReadonlyArray<{ __name?: string; tags?: readonly string[] }>;
  opts: object;
}

const compiled = new Map<string, object>();

/** The options of `Environment` that change how a template is parsed or compiled. */
const COMPILER_OPTIONS = ["throwOnUndefined", "trimBlocks", "lstripBlocks", "tags"] as const;

/**
 * Makes `loader` hand out templates compiled already: the first environment that asks for
 * a template compiles it, and every later one, in this thread, gets the same functions.
 */
export function loadCompiled(loader: TemplateLoader, environment: CompilingEnvironment): void {
  const read = loader.getSource.bind(loader);
  loader.getSource = (name) => {
    const source = read(name);
    if (!source || typeof source.src !== "string") return source;
    return { ...source, src: { type: "code", obj: compile(source.src, source.path, environment) } };
  };
}

function compile(text: string, name: string, environment: CompilingEnvironment): object {
  const options = environment.opts as Record<string, unknown>;
  const key = JSON.stringify([
    name,
    text,
    environment.asyncFilters,
    environment.extensionsList.map((extension) => [extension.__name, extension.tags]),
    COMPILER_OPTIONS.map((option) => options[option]),
  ]);
  let template = compiled.get(key);
  if (!template) {
    // What Nunjucks' own Template does with a text (`_compile`), done once.
    const code = nunjucks.compiler.compile(text, environment.asyncFilters, environment.extensionsList, name, environment.opts);
    template = new Function(code)() as object;
    compiled.set(key, template);
  }
  return template;
}
