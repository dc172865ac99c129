/**
 * Finders for scripts and style sheets. A script is read as tokens (acorn's tokenizer), so an
 * address counts only inside a string or template, never in a comment, and the calls of tag
 * snippets are matched against the code with its comments blanked out. A script acorn cannot
 * read (JSX, a template, a syntax error) is searched as plain text instead.
 */
import { tokenizer, tokTypes, type Token } from "acorn";
import type { Detector } from "./detectors.js";
import { addressesIn, type Found } from "./addresses.js";

/** What a script in `text` sends, at offsets counted from `base` (where the script starts in its file). */
export function findInScript(text: string, detectors: readonly Detector[], base = 0): Found[] {
  const found: Found[] = [];
  const comments: Array<[number, number]> = [];
  try {
    const tokens = tokenizer(text, {
      ecmaVersion: "latest",
      allowHashBang: true,
      onComment: (_block, _text, start, end) => void comments.push([start, end]),
    });
    for (const token of tokens) {
      if (token.type === tokTypes.string || token.type === tokTypes.template) found.push(...addressesInToken(text, token, base));
    }
  } catch {
    // Not JavaScript acorn reads: every address in the text counts, comments too.
    found.length = 0;
    comments.length = 0;
    for (const { index, url } of addressesIn(text)) found.push({ kind: "address", offset: base + index, url, what: "an address in a script" });
  }
  found.push(...findCalls(blank(text, comments), detectors, base));
  return found;
}

/** What a style sheet in `text` fetches (`url(…)`, `@import`), at offsets counted from `base`. */
export function findInStyle(text: string, base = 0): Found[] {
  const code = blank(text, [...text.matchAll(/\/\*[\s\S]*?(\*\/|$)/g)].map((m) => [m.index, m.index + m[0].length] as [number, number]));
  return addressesIn(code).map(({ index, url }) => ({ kind: "address", offset: base + index, url, what: "an address in a style sheet" }));
}

function addressesInToken(text: string, token: Token, base: number): Found[] {
  // A string's value can differ from its source (escapes); positions come from the source.
  const source = text.slice(token.start, token.end);
  return addressesIn(source).map(({ index, url }) => ({
    kind: "address",
    offset: base + token.start + index,
    url,
    what: "an address in a script",
  }));
}

function findCalls(code: string, detectors: readonly Detector[], base: number): Found[] {
  const found: Found[] = [];
  for (const detector of detectors) {
    for (const call of detector.calls) {
      for (const match of code.matchAll(call.pattern)) found.push({ kind: "call", offset: base + match.index, id: detector.id, what: call.what });
    }
  }
  return found;
}

/** `text` with the given ranges replaced by spaces, line breaks kept, so offsets stay true. */
function blank(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (!ranges.length) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, " ");
    at = end;
  }
  return out + text.slice(at);
}
