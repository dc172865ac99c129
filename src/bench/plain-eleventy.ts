/**
 * The baseline for the HTML build: plain Eleventy, no hoshin, building as many Markdown
 * pages as hoshin writes policy pages, each as large as hoshin's average policy page, into
 * a Nunjucks layout much like hoshin's (head, header, navigation, footer).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const ELEVENTY_CLI = path.join("node_modules", "@11ty", "eleventy", "cmd.cjs");

const LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}｜{{ organization }}</title>
<meta name="description" content="{{ organization }} — {{ title }}">
<link rel="stylesheet" href="{{ '/assets/site.css' | url }}">
</head>
<body>
<header class="site-header"><a href="{{ '/' | url }}">All policies</a></header>
<main id="main">
<article>
<p class="organization">{{ organization }}</p>
<h1>{{ title }}</h1>
{{ content | safe }}
</article>
</main>
<footer><p>{{ organization }} · {{ page.date.toISOString().slice(0, 10) }}</p></footer>
</body>
</html>
`;

const SECTIONS = [
  ["基本方針", "当法人は、個人情報の保護に関する法律その他の関係法令を遵守し、個人情報を適正に取り扱います。"],
  ["Purposes of Use", "We use personal information only for the purposes stated here, and only as far as they require."],
  ["第三者への提供", "当法人は、次の場合を除き、あらかじめご本人の同意を得ないで個人情報を第三者に提供しません。"],
  ["Security Control Measures", "We take organizational, personnel, physical and technical measures to protect the data we hold."],
] as const;

/** Markdown of about `bytes` bytes: headings, paragraphs and lists, in Japanese and English. */
export function markdownPage(index: number, bytes: number): string {
  let text = "";
  for (let section = 0; Buffer.byteLength(text) < bytes; section++) {
    const [title, sentence] = SECTIONS[(index + section) % SECTIONS.length] as readonly [string, string];
    text += `## ${section + 1}. ${title}\n\n${sentence} ${sentence}\n\n`;
    text += `- ${sentence}\n- **${title}**: ${sentence}\n- [${title}](https://example.org/${index}/${section})\n\n`;
  }
  return text;
}

export async function writePlainEleventySite(dir: string, pages: number, bytesPerPage: number): Promise<void> {
  await mkdir(path.join(dir, "_includes"), { recursive: true });
  await writeFile(path.join(dir, "_includes", "layout.njk"), LAYOUT);
  for (let start = 0; start < pages; start += 256) {
    await Promise.all(
      Array.from({ length: Math.min(256, pages - start) }, async (_, offset) => {
        const index = start + offset;
        const folder = path.join(dir, `org-${String(Math.floor(index / 2)).padStart(5, "0")}`);
        await mkdir(folder, { recursive: true });
        const lang = index % 2 === 0 ? "ja" : "en";
        const front = `---\nlayout: layout.njk\nlang: ${lang}\ntitle: Privacy Policy ${index}\norganization: Organization ${index}\ndate: 2024-04-01\n---\n`;
        await writeFile(path.join(folder, `${lang}.md`), front + markdownPage(index, bytesPerPage));
      }),
    );
  }
}
