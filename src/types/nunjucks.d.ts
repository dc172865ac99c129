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
