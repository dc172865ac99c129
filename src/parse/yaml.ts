/**
 * YAML: the quick read for plain files, the yaml library for everything else (loaded only
 * then), duplicate keys and aliases refused, depth bounded before parsing, and positions
 * found in the document only when a message asks for one.
 */
import { createRequire } from "node:module";
import type { Document, Node as YamlNode } from "yaml";
import { quickYaml } from "./quick-yaml.js";
import { oneLine } from "./source.js";
import type { ScalarSource, ScalarStyle } from "./text-position.js";
import {
  EMPTY_HINT,
  LIMITS,
  duplicateHint,
  findLast,
  findNode,
  findOffset,
  reportTooDeep,
  type LineIndex,
  type Parsed,
  type Reporter,
  type Step,
} from "./plumbing.js";

const require = createRequire(import.meta.url);

type YamlLibrary = typeof import("yaml");
let yamlLibrary: YamlLibrary | undefined;

/**
 * yaml, loaded when first needed (it takes about 50 ms): for the files the quick read
 * leaves, and for positions. A build whose files have nothing to report never loads it.
 */
function yaml(): YamlLibrary {
  return (yamlLibrary ??= require("yaml") as YamlLibrary);
}

// Core schema (YAML 1.2): dates and `yes`/`no` stay strings, which validation expects.
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false } as const;

/** Hints for the YAML mistakes people actually make in hand-written files. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: "indent with spaces, not tabs",
  BLOCK_AS_IMPLICIT_KEY: "put the value in quotes when it contains `: `",
  MULTIPLE_DOCS: "an organization file holds one YAML document; remove the extra `---` line",
};

/**
 * Parse YAML that starts at `base` in the decoded text (0 for a .yaml file, after the
 * opening `---` for Markdown front matter), so every offset reported is a file offset.
 */
export function parseYaml(
  text: string,
  base: number,
  lines: LineIndex,
  report: Reporter,
  emptyMessage: string,
): Parsed | undefined {
  const deep = tooDeepYaml(text);
  if (deep !== undefined) {
    reportTooDeep(report, base + deep);
    return undefined;
  }
  const quick = quickYaml(text, LIMITS);
  if (quick !== undefined) return locatedWhenAsked(quick, text, base);

  const doc = yaml().parseDocument(text, YAML_OPTIONS);

  // yaml's position for a repeated key is the end of whatever came before it: after an empty
  // value (`policy:` then `policy:`) that is the previous line. The repeats are found here.
  // Looked for only when yaml found some: a walk of the whole document, for every file, costs.
  const duplicates = doc.errors.some((error) => error.code === "DUPLICATE_KEY") ? duplicateKeys(doc) : [];
  for (const error of doc.errors) {
    if (error.code === "DUPLICATE_KEY") {
      const duplicate = duplicates.shift();
      if (duplicate) {
        report("yaml-duplicate-key", `key \`${oneLine(duplicate.name)}\` appears twice`, base + duplicate.offset,
          duplicateHint(lines, base + duplicate.firstOffset));
      } else {
        // A repeated key that is itself a mapping or list: rare enough to point where yaml does.
        report("yaml-duplicate-key", "a key appears twice in the same mapping", atText(text, base, error.pos[0]));
      }
    } else {
      report("yaml-syntax", yamlMessage(error.code, error.message), atText(text, base, error.pos[0]), YAML_HINTS[error.code]);
    }
  }
  for (const warning of doc.warnings) {
    report("yaml-warning", cleanYamlMessage(warning.message), atText(text, base, warning.pos[0]), undefined, "warning");
  }
  if (doc.errors.length > 0) return undefined;

  const contents = doc.contents;
  if (contents === null) {
    // Only comments, or a bare `---`.
    report("file-empty", emptyMessage, undefined, EMPTY_HINT);
    return undefined;
  }
  if (!checkKeysAndAliases(doc, base, report)) return undefined;

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message) && /excessive/i.test(message)) reportTooManyAliases(report);
    else report("yaml-syntax", cleanYamlMessage(message));
    return undefined;
  }

  return {
    data,
    topOffset: base + (contents.range?.[0] ?? 0),
    find: (path, part) => findOffset<YamlNode>(contents, path, part, yamlChild(doc, text, base)),
    scalar: (path) => yamlScalar(doc, findNode<YamlNode>(contents, path, yamlChild(doc, text, base)), base),
  };
}

/**
 * A file the quick read took: its data now, its positions from yaml only when a message
 * needs one (most files never do).
 */
function locatedWhenAsked(data: Record<string, unknown>, text: string, base: number): Parsed {
  let doc: Document | undefined;
  const parsed = () => (doc ??= yaml().parseDocument(text, YAML_OPTIONS));
  return {
    data,
    get topOffset() {
      return base + (parsed().contents?.range?.[0] ?? 0);
    },
    find: (path, part) => {
      const full = parsed();
      return findOffset<YamlNode>(full.contents ?? undefined, path, part, yamlChild(full, text, base));
    },
    scalar: (path) => {
      const full = parsed();
      return yamlScalar(full, findNode<YamlNode>(full.contents ?? undefined, path, yamlChild(full, text, base)), base);
    },
  };
}

/**
 * Keys must be names. `? [a, b]` is valid YAML, but `toJS` can only turn it into the text
 * "[ a, b ]", and says so with a Node.js warning on the user's terminal.
 *
 * Aliases are checked by hand before `toJS`: it would throw on an unknown anchor, and its own
 * limit multiplies alias counts, so a flat list of 150 aliases would pass or fail by luck.
 *
 * One walk of the document for both: walks are most of the cost of a file with no problem.
 */
function checkKeysAndAliases(doc: Document, base: number, report: Reporter): boolean {
  const { isNode, isScalar, visit } = yaml();
  let aliases = 0;
  let ok = true;
  visit(doc, {
    Pair(_key, pair) {
      if (pair.key === null || isScalar(pair.key)) return;
      report("yaml-syntax", "a key must be a name, not a list, a mapping or an alias",
        base + (isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0), "write the key as plain text, e.g. `name:`");
      ok = false;
    },
    Alias(_key, alias) {
      aliases += 1;
      if (!alias.resolve(doc)) {
        report("yaml-syntax", `alias \`*${oneLine(alias.source)}\` has no anchor \`&${oneLine(alias.source)}\` before it`,
          base + (alias.range?.[0] ?? 0), "define the anchor (&name) before using the alias (*name)");
        ok = false;
      }
    },
  });
  if (aliases > LIMITS.maxAliases) {
    reportTooManyAliases(report);
    return false;
  }
  return ok;
}

/**
 * Where the YAML first goes more than `LIMITS.maxDepth` levels deep, or undefined: counted on
 * the lexer's tokens, which cost nothing like a parse and stop at the first excess. Flow
 * levels (`[`, `{`) are counted exactly; a block level is counted per column of indentation
 * and per `-`, `?` or `:` on the line. That is within a factor of two of the truth for any
 * layout, and yaml overflows only at several hundred levels.
 */
function tooDeepYaml(text: string): number | undefined {
  // Lexing costs a fifth of parsing; a bound read off the characters spares it for every
  // ordinary file.
  if (depthBound(text) <= LIMITS.maxDepth) return undefined;
  const leadingSpace = /[ \t]*/y;
  let offset = 0;
  let lineStart = 0;
  let countedLine = -1;
  let indent = 0;
  let indicators = 0;
  let flow = 0;
  let blockAtFlowStart = 0;
  const { CST, Lexer } = yaml();
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer's own markers (document, scalar, flow end) are not characters of the text.
    if (type === "doc-mode" || type === "scalar" || type === "flow-error-end") continue;
    const opensFlow = type === "flow-map-start" || type === "flow-seq-start";
    const blockIndicator = flow === 0 && (type === "seq-item-ind" || type === "explicit-key-ind" || type === "map-value-ind");
    if (opensFlow || blockIndicator) {
      if (countedLine !== lineStart) {
        countedLine = lineStart;
        indicators = 0;
        leadingSpace.lastIndex = lineStart;
        indent = leadingSpace.exec(text)?.[0].length ?? 0;
      }
      let depth: number;
      if (blockIndicator) {
        indicators += 1;
        depth = indent + indicators;
      } else {
        if (flow === 0) blockAtFlowStart = indent + indicators;
        flow += 1;
        depth = blockAtFlowStart + flow;
      }
      if (depth > LIMITS.maxDepth) return offset;
    } else if (type === "flow-map-end" || type === "flow-seq-end") {
      flow = Math.max(0, flow - 1);
    }
    const newline = token.lastIndexOf("\n");
    if (newline !== -1) lineStart = offset + newline + 1;
    offset += token.length;
  }
  return undefined;
}

/**
 * A bound on the depth tooDeepYaml measures, never below it: a line's block depth is its
 * indentation plus its indicators (each one of - ? :), and flow collections (each opened by
 * [ or {) add at most one level apiece to the line they start on.
 */
function depthBound(text: string): number {
  let deepestLine = 0;
  let flowOpeners = 0;
  let line = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Lines as tooDeepYaml counts them: a lone \r does not end one.
    if (code === 10 /* \n */) {
      deepestLine = Math.max(deepestLine, line);
      line = 0;
      leading = true;
      continue;
    }
    if (leading && (code === 32 || code === 9)) {
      line++;
      continue;
    }
    leading = false;
    if (code === 45 /* - */ || code === 63 /* ? */ || code === 58 /* : */) line++;
    else if (code === 91 /* [ */ || code === 123 /* { */) flowOpeners++;
  }
  return Math.max(deepestLine, line) + flowOpeners;
}

function reportTooManyAliases(report: Reporter): void {
  report("yaml-aliases", `too many YAML aliases (more than ${LIMITS.maxAliases})`, undefined,
    "write the values out instead of using anchors (&) and aliases (*)");
}

/**
 * Every key that repeats an earlier key of the same mapping, in the order of the text (the
 * order in which yaml reports them), compared as yaml compares them: `1` and `"1"` differ.
 */
function duplicateKeys(doc: Document): Array<{ name: string; offset: number; firstOffset: number }> {
  const { isScalar, visit } = yaml();
  const found: Array<{ name: string; offset: number; firstOffset: number }> = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const first = seen.get(pair.key.value);
        if (first === undefined) seen.set(pair.key.value, pair.key.range[0]);
        else found.push({ name: String(pair.key.value), offset: pair.key.range[0], firstOffset: first });
      }
    },
  });
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * A yaml error offset as a file offset. At the very end of the text it is moved back onto the
 * last character: "expected" there would land on the empty line after the last newline.
 */
function atText(text: string, base: number, offset: number): number {
  return base + Math.min(offset, text.trimEnd().length);
}

function yamlMessage(code: string, message: string): string {
  if (code === "MULTIPLE_DOCS") return "the file contains more than one YAML document";
  return cleanYamlMessage(message);
}

/** yaml's messages are sentences for developers; ours are lower-case, one line, no period. */
function cleanYamlMessage(message: string): string {
  const first = oneLine((message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "").trim().replace(/\.$/, ""));
  // Keep capitals of acronyms ("YAML", "JSON"); lower-case an ordinary first word.
  return /^[A-Z][a-z]/.test(first) ? first.charAt(0).toLowerCase() + first.slice(1) : first;
}

function yamlChild(doc: Document, text: string, base: number) {
  const { isAlias, isMap, isNode, isScalar, isSeq } = yaml();
  return (node: YamlNode, segment: string | number): Step<YamlNode> | undefined => {
    // Descend through an alias into its anchor: that is where the text of the value is.
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(target)) {
      // The last match, as `toJS` keeps the last value (duplicates are refused anyway).
      const pair = findLast(target.items, (item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isScalar(pair.key)) return undefined;
      const keyOffset = base + (pair.key.range?.[0] ?? 0);
      const value = isNode(pair.value) ? pair.value : undefined;
      // `hours:` with nothing after it has an empty null value; its key is the useful place.
      const empty = !value?.range || (isScalar(value) && value.value === null && value.source === "");
      return { node: value, keyOffset, valueOffset: empty || !value?.range ? keyOffset : base + value.range[0] };
    }
    if (isSeq(target) && typeof segment === "number") {
      const item = target.items[segment];
      if (!isNode(item) || !item.range) return undefined;
      // `- ` with nothing after it: its dash is the useful place, not the end of the line.
      const empty = isScalar(item) && item.value === null && item.source === "";
      return { node: item, valueOffset: base + (empty ? dashBefore(text, item.range[0]) : item.range[0]) };
    }
    return undefined;
  };
}

const YAML_STYLES: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: "plain",
  QUOTE_SINGLE: "single",
  QUOTE_DOUBLE: "double",
  BLOCK_LITERAL: "literal",
  BLOCK_FOLDED: "folded",
};

function yamlScalar(doc: Document, node: YamlNode | undefined, base: number): ScalarSource | undefined {
  const { isAlias, isScalar } = yaml();
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isScalar(target) || typeof target.value !== "string" || !target.range) return undefined;
  const style = YAML_STYLES[target.type ?? ""];
  return style && { style, start: base + target.range[0], end: base + target.range[1] };
}

/** The offset of the `-` that opens the empty sequence item ending at `offset`. */
function dashBefore(text: string, offset: number): number {
  let at = Math.min(offset, text.length) - 1;
  while (at > 0 && (text[at] === " " || text[at] === "\t")) at--;
  return text[at] === "-" ? at : offset;
}
