/**
 * JSON (no comments, no trailing commas): jsonc-parser's tree, for its offsets, with
 * messages a person writing JSON by hand can act on.
 */
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { oneLine } from "./source.js";
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

/** Where the JSON first opens more than `LIMITS.maxDepth` levels, or undefined (see `tooDeepYaml`). */
function tooDeepJson(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth += 1;
      if (depth > LIMITS.maxDepth) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

export function parseJson(text: string, lines: LineIndex, report: Reporter): Parsed | undefined {
  const deep = tooDeepJson(text);
  if (deep !== undefined) {
    reportTooDeep(report, deep);
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    // Only the first: jsonc-parser's recovery turns one mistake into a cascade of
    // "value expected" that would send the user looking in the wrong places.
    const { message, offset, hint } = jsonError(text, first);
    // "expected" at the very end would land on the empty line after the last newline.
    report("json-syntax", message, Math.min(offset, text.trimEnd().length), hint);
    return undefined;
  }
  if (!root) {
    report("file-empty", "file is empty", undefined, EMPTY_HINT);
    return undefined;
  }
  reportJsonDuplicates(root, lines, report);

  let data: unknown;
  try {
    // JSON.parse, not jsonc's getNodeValue: it makes `__proto__` an own property.
    data = JSON.parse(text);
  } catch (error) {
    report("json-syntax", error instanceof Error ? error.message : String(error));
    return undefined;
  }
  return {
    data,
    topOffset: root.offset,
    find: (path, part) => findOffset<JsonNode>(root, path, part, jsonChild),
    scalar: (path) => {
      const node = findNode<JsonNode>(root, path, jsonChild);
      return node?.type === "string" ? { style: "json", start: node.offset, end: node.offset + node.length } : undefined;
    },
  };
}

function jsonError(text: string, error: ParseError): { message: string; offset: number; hint?: string } {
  const token = text.slice(error.offset, error.offset + error.length);
  switch (printParseErrorCode(error.error)) {
    case "PropertyNameExpected":
    case "ValueExpected": {
      const comma = trailingComma(text, error.offset);
      if (comma !== undefined) {
        return { message: "trailing comma is not allowed in JSON", offset: comma, hint: "remove the comma after the last item" };
      }
      const what = printParseErrorCode(error.error) === "ValueExpected" ? "value expected" : "property name expected";
      return { message: what, offset: error.offset };
    }
    case "InvalidSymbol":
      return {
        message: `unexpected \`${oneLine(token.length > 20 ? `${token.slice(0, 20)}…` : token)}\``,
        offset: error.offset,
        hint: token.startsWith("'")
          ? "JSON strings and names take double quotes (\"), not single quotes"
          : "in JSON, names and strings need double quotes; true, false and null are lower-case",
      };
    case "InvalidCommentToken":
      return {
        message: "comments are not allowed in JSON",
        offset: error.offset,
        hint: "remove the comment, or write the file in YAML, which allows # comments",
      };
    case "InvalidCharacter": {
      // jsonc reports the whole string; point at the control character itself.
      const inside = token.search(/[\u0000-\u001f]/);
      return {
        message: "control character (such as a tab or line break) inside a string",
        offset: error.offset + Math.max(inside, 0),
        hint: "write a tab as \\t and a line break as \\n",
      };
    }
    case "CommaExpected":
      // jsonc points at the next token; the comma belongs right after the previous one.
      return { message: "comma expected", offset: text.slice(0, error.offset).trimEnd().length };
    case "CloseBraceExpected":
      return { message: "closing brace `}` expected", offset: error.offset };
    case "CloseBracketExpected":
      return { message: "closing bracket `]` expected", offset: error.offset };
    case "UnexpectedEndOfString":
      return { message: "string is not closed: `\"` expected", offset: error.offset };
    case "EndOfFileExpected":
      return { message: "end of file expected: there is more after the data", offset: error.offset };
    default:
      return { message: readableCode(printParseErrorCode(error.error)), offset: error.offset };
  }
}

/** Offset of the comma in `, }` / `, ]` just before `offset`, if that is what is there. */
function trailingComma(text: string, offset: number): number | undefined {
  const closer = text.charAt(offset);
  if (closer !== "}" && closer !== "]") return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text.charAt(i))) i -= 1;
  return text.charAt(i) === "," ? i : undefined;
}

/** "ColonExpected" → "colon expected". */
function readableCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function reportJsonDuplicates(node: JsonNode, lines: LineIndex, report: Reporter): void {
  if (node.type === "object") {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key) {
        const name = String(key.value);
        const first = seen.get(name);
        if (first === undefined) seen.set(name, key.offset);
        else report("json-duplicate-key", `key \`${oneLine(name)}\` appears twice`, key.offset, duplicateHint(lines, first));
      }
      if (value) reportJsonDuplicates(value, lines, report);
    }
  } else if (node.type === "array") {
    for (const item of node.children ?? []) reportJsonDuplicates(item, lines, report);
  }
}

function jsonChild(node: JsonNode, segment: string | number): Step<JsonNode> | undefined {
  if (node.type === "object") {
    // The last match, as JSON.parse keeps the last value.
    const property = findLast(node.children ?? [], (p) => p.children?.[0]?.value === String(segment));
    const [key, value] = property?.children ?? [];
    if (!key) return undefined;
    return { node: value, keyOffset: key.offset, valueOffset: value?.offset ?? key.offset };
  }
  if (node.type === "array" && typeof segment === "number") {
    const item = node.children?.[segment];
    return item ? { node: item, valueOffset: item.offset } : undefined;
  }
  return undefined;
}
