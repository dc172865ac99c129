/**
 * Table cells in a tagged PDF name their header cells: a header's structure element has
 * `/ID (node00000642)`, each data cell lists its headers under `/Headers [(node00000642) …]`,
 * and the catalog's ID tree maps the ids to the elements. Chromium takes the ids from its DOM
 * nodes, which count every node the tab ever made: the same page prints other ids after
 * another page was swapped into the tab, or when another ran first. Renumbered here from 1, in
 * their own order (so the ID tree stays sorted) and at the same width (so every offset stays),
 * the bytes depend on the page alone.
 */
/** `(node…)` as a literal string of its own; inside another string its parentheses would be escaped. */
const NODE_ID = /(?<!\\)\(node(\d+)\)/g;

export function stableNodeIds(printed: Uint8Array): Uint8Array {
  // latin1: one character per byte, so the text is written back byte for byte.
  const text = Buffer.from(printed.buffer, printed.byteOffset, printed.byteLength).toString("latin1");
  const found = [...new Set([...text.matchAll(NODE_ID)].map((match) => match[1]!))].sort(
    (a, b) => Number(a) - Number(b) || a.localeCompare(b),
  );
  if (found.length === 0) return printed;
  const renumbered = new Map(found.map((digits, index) => [digits, String(index + 1).padStart(digits.length, "0")]));
  return Buffer.from(
    text.replace(NODE_ID, (_, digits: string) => `(node${renumbered.get(digits)})`),
    "latin1",
  );
}
