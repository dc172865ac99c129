// The slice of Nunjucks hoshin uses directly (`hoshin new`); Eleventy drives it for pages.
declare module "nunjucks" {
  export class FileSystemLoader {
    constructor(searchPaths: string);
  }
  export class Environment {
    constructor(loader: FileSystemLoader, options?: { autoescape?: boolean; throwOnUndefined?: boolean });
    render(name: string, context: object): string;
  }
}

// What the wording filter needs to escape as `{{ }}` does, and to keep markup given to it.
declare module "nunjucks" {
  export namespace runtime {
    class SafeString {
      constructor(value: string);
      val: string;
    }
    function markSafe(value: string): SafeString;
  }
  export namespace lib {
    function escape(value: string): string;
  }
}

// What render/compiled-templates.ts needs to compile a template once for many environments.
declare module "nunjucks" {
  export namespace compiler {
    function compile(text: string, asyncFilters: readonly string[], extensions: readonly object[], name: string, options: object): string;
  }
}
