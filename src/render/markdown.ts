/**
 * Markdown from organization files, rendered so it cannot carry markup or script:
 * raw HTML off, and links only to the web, email, telephone and the site itself.
 */
import MarkdownIt from "markdown-it";

import { refusedLink } from "../model/links.js";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Validation refuses any other link with its position (src/validate/links.ts); this is the
// second line of defence, should a text reach the page unchecked.
markdown.validateLink = (url: string) => refusedLink(url) === undefined;

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

/**
 * A line break inside a Japanese paragraph is not a space: browsers would show one between
 * two kanji. Soft breaks next to CJK text are dropped (CSS Text 3's segment-break rule,
 * which browsers do not yet implement).
 */
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
markdown.core.ruler.push("hoshin_cjk_line_breaks", (state) => {
  for (const block of state.tokens) {
    const children = block.children;
    if (!children) continue;
    children.forEach((token, index) => {
      if (token.type !== "softbreak") return;
      const before = children[index - 1]?.content.slice(-1) ?? "";
      const after = children[index + 1]?.content.slice(0, 1) ?? "";
      if (CJK.test(before) || CJK.test(after)) {
        token.type = "text";
        token.content = "";
      }
    });
  }
  return true;
});

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
