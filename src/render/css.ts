import { createHash } from "node:crypto";

/**
 * A value as a CSS string literal. Names from data files end up in the print rules'
 * `content:`; escaping every character that could end the string or the rule keeps them text.
 */
export function cssString(value: string): string {
  const escaped = [...value]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (char === '"' || char === "\\" || char === "<" || char === ">" || code < 0x20 || code === 0x7f) {
        return `\\${code.toString(16)} `;
      }
      return char;
    })
    .join("");
  return `"${escaped}"`;
}

/**
 * The Content-Security-Policy source that allows one inline `<style>` whose text is exactly
 * `css`: a page carries its own rules for paper without allowing any other inline style.
 */
export function cspHash(css: string): string {
  return `'sha256-${createHash("sha256").update(String(css)).digest("base64")}'`;
}
