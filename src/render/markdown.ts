/**
 * Markdown from organization files, rendered so it cannot carry markup or script:
 * raw HTML off, and links only to the web, email and telephone.
 */
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:|mailto:|tel:|#)/i;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// markdown-it already refuses javascript: and the like; we allow less still.
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/** Custom sections sit under the section's own h2: their headings start at h3. */
markdown.core.ruler.push("hoshin_demote_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      const level = Math.min(6, Number(token.tag.slice(1)) + 2);
      token.tag = `h${level}`;
    }
  }
  return true;
});

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
