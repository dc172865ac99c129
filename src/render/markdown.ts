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
