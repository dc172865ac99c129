// Plain Eleventy (`npx @11ty/eleventy`) builds the same site as `hoshin build --no-pdf`:
// the hoshin plugin loads and validates organizations/ and adds every page.
import { hoshin } from "./dist/index.js";

export default function (eleventyConfig) {
  // hoshin's pages are all virtual; hoshin's own template sources and test fixtures are not pages.
  eleventyConfig.ignores.add("templates/**");
  eleventyConfig.ignores.add("test/**");
  eleventyConfig.addPlugin(hoshin, { input: "organizations" });
}

export const config = {
  // Only Nunjucks: README.md and other Markdown in the repository are not pages.
  templateFormats: ["njk"],
  dir: { input: ".", output: "_site" },
};
