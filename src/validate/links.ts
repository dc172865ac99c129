/**
 * Links and raw HTML in the Markdown a user writes: custom sections' `body` and the body of a
 * `.md` file. A link the page may not carry (`javascript:`, `data:`, `file:`, …) is an error
 * at its own line and column: the renderer would show it as its raw Markdown, silently. Raw
 * HTML is shown as text (the page reads no HTML), which is worth a warning, with the Markdown
 * that says the same.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDataPath, oneLine, type DataPath, type Position, type SourceFile } from "../parse/parse.js";
import { ALLOWED_SCHEMES, percentDecoded, refusedLink, type RefusedLink } from "../model/links.js";
import { scanMarkdown, type MarkdownFinding } from "./markdown-scan.js";

export function linkDiagnostics(source: SourceFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const data = source.data as { customSections?: unknown } | null;
  const sections = Array.isArray(data?.customSections) ? data.customSections : [];
  sections.forEach((section: unknown, index) => {
    const body = (section as { body?: unknown } | null)?.body;
    const texts: Array<[DataPath, unknown]> =
      typeof body === "object" && body !== null
        ? Object.entries(body).map(([lang, text]) => [["customSections", index, "body", lang], text])
        : [[["customSections", index, "body"], body]];
    for (const [path, text] of texts) {
      if (typeof text !== "string") continue;
      check(text, formatDataPath(path), (finding) => {
        const exact = source.locateText?.(path, finding.index);
        // Where the source cannot tell (a folded `>` block), the text's start, and the line within it.
        return exact ? { ...exact, where: "" } : { ...source.locate(path), where: ` (line ${finding.line + 1}, column ${finding.column + 1} of the text)` };
      }, source.file, diagnostics);
    }
  });
  const body = source.body;
  if (body) {
    check(body.text, "(body)", (finding) => ({ line: body.line + finding.line, column: finding.column + 1, where: "" }), source.file, diagnostics);
  }
  return diagnostics;
}

function check(
  markdown: string,
  path: string,
  place: (finding: MarkdownFinding) => Position & { where: string },
  file: string,
  diagnostics: Diagnostic[],
): void {
  // Nothing a scan could find: most texts, at no cost.
  if (!/[[<]/.test(markdown)) return;
  for (const finding of scanMarkdown(markdown)) {
    const problem = finding.kind === "html" ? rawHtml(finding.text) : refusal(finding);
    if (!problem) continue;
    const { line, column, where } = place(finding);
    diagnostics.push({ ...problem, file, line, column, path, message: problem.message + where });
  }
}

type Problem = Pick<Diagnostic, "code" | "severity" | "message" | "hint">;

const schemes = ALLOWED_SCHEMES.map((scheme) => `${scheme}:`);
const ALLOWED = `${schemes.slice(0, -1).join(", ")} and ${schemes.at(-1)} addresses, or to a page of this site: a path such as \`/forms/\`, a \`#section\` or a \`?query\``;

function refusal(finding: MarkdownFinding): Problem | undefined {
  const refused = refusedLink(finding.text);
  if (!refused) return undefined;
  const what = finding.kind === "image" ? "image from" : finding.kind === "definition" ? "link definition for" : "link to";
  return {
    code: "link-not-allowed",
    severity: "error",
    message: `${what} \`${shown(finding.text)}\` is not allowed: ${reason(refused)}`,
    hint: `${advice(refused, finding.text)}; a policy may link to ${ALLOWED}`,
  };
}

const SCRIPTS = new Set(["javascript", "vbscript", "livescript"]);

function reason(refused: RefusedLink): string {
  if (refused.kind === "host-relative") return "an address starting with `//` names another site without saying how to reach it";
  if (SCRIPTS.has(refused.scheme)) return "it would run a script, not open a page";
  if (refused.scheme === "data") return "it holds a whole file inside the page";
  if (refused.scheme === "file" || refused.scheme.length === 1) return "it points at a file on one computer, which readers cannot open";
  return `\`${refused.scheme}:\` is not a kind of address the page links to`;
}

function advice(refused: RefusedLink, href: string): string {
  if (refused.kind === "host-relative") return `write the whole address: \`https:${shown(href.replace(/^[/\\]+/, "//"))}\``;
  if (SCRIPTS.has(refused.scheme)) return "link to the page or form itself";
  if (refused.scheme === "data" || refused.scheme === "file" || refused.scheme.length === 1) {
    return "publish the file on the site or the web and link to its address";
  }
  return "link to a web page that offers it instead";
}

/** The address as the user recognizes it, on one line, and not a whole `data:` file long. */
function shown(href: string): string {
  const text = oneLine(percentDecoded(href));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** What to write in Markdown instead of each kind of HTML. */
const MARKDOWN_FOR: ReadonlyArray<[RegExp, string]> = [
  [/^br$/, "for a line break, end the line with a backslash `\\`; for a new paragraph, leave an empty line"],
  [/^p$/, "leave an empty line between paragraphs"],
  [/^(b|strong)$/, "write bold text as `**text**`"],
  [/^(i|em)$/, "write emphasis as `*text*`"],
  [/^a$/, "write a link as `[text](https://…)`"],
  [/^img$/, "write an image as `![description](/images/file.png)`"],
  [/^(ul|ol|li)$/, "write a list as lines starting with `- ` (or `1. `)"],
  [/^h[1-6]$/, "write a heading as a line starting with `### `"],
  [/^(table|thead|tbody|tr|td|th)$/, "write a table as rows of cells between `|`: `| a | b |`"],
  [/^(code|pre|tt|kbd)$/, "put code between backticks: `` `code` ``"],
  [/^!--/, "Markdown here keeps no comments: delete it"],
];

function rawHtml(html: string): Problem {
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html)?.[1]?.toLowerCase() ?? html.slice(1, 4);
  const instead = MARKDOWN_FOR.find(([pattern]) => pattern.test(tag))?.[1] ?? "Markdown has no such markup: remove the tag and keep the text";
  const first = oneLine(html.split("\n")[0] ?? "");
  return {
    code: "markdown-raw-html",
    severity: "warning",
    message: `raw HTML \`${first.length > 40 ? `${first.slice(0, 39)}…` : first}\` is shown on the page as text: HTML is not read in Markdown here`,
    hint: `${instead}; to show a \`<\` as it is, write \`\\<\``,
  };
}
