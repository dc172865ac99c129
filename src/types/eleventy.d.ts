// The slice of Eleventy's programmatic API hoshin uses (Eleventy ships JSDoc, not .d.ts).
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    quietMode?: boolean;
    /** false: read no eleventy config file from the working directory. */
    configPath?: string | false;
    pathPrefix?: string;
    config?: (eleventyConfig: any) => void | Promise<void>;
  }
  export class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    disableLogger(): void;
    /** The passthrough copies, then each template output: where it went and what was written. */
    write(): Promise<[unknown[], Array<{ outputPath?: string | false; content?: unknown }>]>;
  }
}
