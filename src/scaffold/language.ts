/**
 * The file `hoshin add-language` writes: every id of hoshin's wording, in one language's
 * words, to translate: the wording file of that language (with its comments, which explain
 * the grammar ids) and the law's and the catalogue's words under their ids.
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { WORDING_DIR, wordingOf } from "../wording/wording.js";

export function languageTemplate(tag: string, from: string): string {
  const document = parseDocument(readFileSync(`${WORDING_DIR}${from}.yaml`, "utf8"));
  const words = wordingOf(from);
  for (const [id, message] of words) {
    const path = id.split(".");
    if (!document.hasIn(path)) document.setIn(path, document.createNode(message));
  }
  document.commentBefore =
    ` The words of hoshin's pages in \`${tag}\`, to translate: every id of hoshin's wording,\n` +
    ` written here in \`${from}\` by \`hoshin add-language\`.\n` +
    `\n` +
    ` Translate each text; keep every id, every {placeholder} a text has, and the number of\n` +
    ` parts of each list. A text that starts with a space is joined to the one before it.\n` +
    ` \`hoshin check\` names each id this file lacks or gets wrong; docs/languages.md explains\n` +
    ` the ids that are choices (hours.grammar, reference.itemNumerals). Record here who\n` +
    ` translated it, from what, and when.`;
  return document.toString({ lineWidth: 0 });
}
