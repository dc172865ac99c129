/**
 * A text the user writes must show something: a name of "   ", a purpose of " " or a
 * revision summary of line breaks would be an empty heading or bullet on the page.
 *
 * Blank is: nothing but white space (spaces, tabs, line breaks, the ideographic space
 * U+3000, no-break spaces), format characters that have no glyph (zero-width space and
 * joiners, U+FEFF, the soft hyphen) and the Hangul and Braille fillers that draw nothing.
 * Leading and trailing white space around visible text is kept as written: a page shows
 * it as HTML does (collapsed), so it changes nothing a reader sees.
 */
const BLANK = /^[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** Whether a non-empty text holds no visible character (an empty one is the schema's `minLength`). */
export function isBlank(text: string): boolean {
  return text.length > 0 && BLANK.test(text);
}
