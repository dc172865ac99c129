/**
 * The Markdown body of a `.md` organization file holds extra sections: each starts with a
 * `## Heading`. An organization of several languages divides the body by language with
 * `# ja`, `# en`, `# vi`… headings, each holding the same number of sections.
 */
import MarkdownIt from "markdown-it";
import { oneLine, type MarkdownBody } from "./source.js";
import type { Lang } from "../model/policy.js";
import { knownLanguages } from "../wording/wording.js";

export interface BodySection {
  title: string;
  markdown: string;
  /** 1-based line of the heading in the whole file. */
  line: number;
}

export interface BodyProblem {
  code: string;
  line: number;
  message: string;
  hint?: string;
}

export interface SplitBody {
  sections: Partial<Record<Lang, BodySection[]>>;
  problems: BodyProblem[];
}

const headingReader = new MarkdownIt({ html: false });

export function splitMarkdownBody(body: MarkdownBody, languages: readonly Lang[]): SplitBody {
  const lines = body.text.split("\n");
  const tokens = headingReader.parse(body.text, {});
  const headings: Array<{ level: number; text: string; start: number; end: number }> = [];
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open" || !token.map) return;
    const level = Number(token.tag.slice(1));
    if (level > 2) return;
    headings.push({ level, text: tokens[index + 1]?.content.trim() ?? "", start: token.map[0], end: token.map[1] });
  });

  const problems: BodyProblem[] = [];
  const fileLine = (bodyLine: number) => body.line + bodyLine;
  const firstHeading = headings[0]?.start ?? lines.length;
  const leading = lines.slice(0, firstHeading).join("\n").trim();
  if (leading) {
    const offset = lines.findIndex((line) => line.trim() !== "");
    problems.push({
      code: "body-text-before-heading",
      line: fileLine(offset),
      message: "text before the first section heading",
      hint: "start each extra section with a `## Heading` line",
    });
  }

  const sections: Partial<Record<Lang, BodySection[]>> = {};
  // Only a real `# ja` / `# en` divides the body: in a one-language body, a stray `# Title`
  // is one mistake, not a reason to disown every section above it.
  const languageOf = (text: string): Lang | undefined =>
    [...languages, ...knownLanguages()].find((lang) => lang.toLowerCase() === text.trim().toLowerCase());
  const usesLanguageHeadings = headings.some((h) => h.level === 1 && languageOf(h.text) !== undefined);
  const languageHeadingLines: Partial<Record<Lang, number>> = {};
  const firstSection = headings.find((h) => h.level === 2);
  // Without `# ja` / `# en` every section would count as the first language's, and the
  // count check below would ask for a "missing" section that is really a missing heading.
  const headingsMissing = !usesLanguageHeadings && languages.length > 1 && firstSection !== undefined;
  if (headingsMissing) {
    problems.push({
      code: "body-language-missing",
      line: fileLine(firstSection.start),
      message: "sections without a language heading",
      hint: `divide the body with ${languageHeadings(languages)} headings, each above that language's sections`,
    });
  }
  let current: Lang | undefined = usesLanguageHeadings ? undefined : languages[0];
  let ignoring = false;
  headings.forEach((heading, index) => {
    const nextStart = headings[index + 1]?.start ?? lines.length;
    if (heading.level === 1) {
      const lang = languageOf(heading.text);
      ignoring = false;
      if (lang === undefined) {
        problems.push({
          code: "body-language-heading",
          line: fileLine(heading.start),
          message: `\`# ${oneLine(heading.text)}\` is not a language heading`,
          hint:
            languages.length > 1
              ? `divide the body with ${languageHeadings(languages)}, and start each extra section with \`## Heading\``
              : "start each extra section with two #: `## Heading`",
        });
        ignoring = true;
        return;
      }
      if (!languages.includes(lang)) {
        problems.push({
          code: "language-undeclared",
          line: fileLine(heading.start),
          message: `sections in \`${lang}\`, but \`languages\` does not include \`${lang}\``,
          hint: `add \`${lang}\` to \`languages\`, or remove these sections`,
        });
        ignoring = true;
        return;
      }
      current = lang;
      sections[current] ??= [];
      languageHeadingLines[current] ??= fileLine(heading.start);
      // Text between `# ja` and its first `##` belongs to no section and would be dropped.
      const stray = lines.slice(heading.end, nextStart).findIndex((line) => line.trim() !== "");
      if (stray !== -1) {
        problems.push({
          code: "body-text-before-heading",
          line: fileLine(heading.end + stray),
          message: `text under \`# ${lang}\` before its first section heading`,
          hint: "start each extra section with a `## Heading` line",
        });
      }
      return;
    }
    if (ignoring) return;
    if (!current) {
      problems.push({
        code: "body-language-missing",
        line: fileLine(heading.start),
        message: "section before any language heading",
        hint: `put ${languages.map((lang) => `\`# ${lang}\``).join(" or ")} above the sections of that language`,
      });
      return;
    }
    (sections[current] ??= []).push({
      title: heading.text,
      markdown: lines.slice(heading.end, nextStart).join("\n").trim(),
      line: fileLine(heading.start),
    });
  });

  const counts = languages.map((lang) => sections[lang]?.length ?? 0);
  if (headings.length > 0 && languages.length > 1 && !headingsMissing && new Set(counts).size > 1) {
    const fewest = languages[counts.indexOf(Math.min(...counts))] as Lang;
    const sectionCount = (n: number) => `${n} section${n === 1 ? "" : "s"}`;
    problems.push({
      code: "body-sections-mismatch",
      // Where the missing section goes: under the heading of the language that lacks it.
      line: languageHeadingLines[fewest] ?? fileLine(headings[0]?.start ?? 0),
      message: `the body has ${languages.map((l, i) => `${sectionCount(counts[i] ?? 0)} in \`${l}\``).join(" and ")}`,
      hint: `every extra section needs a version in each language; add the missing one under \`# ${fewest}\``,
    });
  }
  return { sections, problems };
}

/** "`# ja` and `# en`" */
function languageHeadings(languages: readonly Lang[]): string {
  return languages.map((lang) => `\`# ${lang}\``).join(" and ");
}
