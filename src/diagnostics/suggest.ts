import { distance } from "fastest-levenshtein";

/** The closest candidate to a mistyped word, if it is close enough to be a likely typo. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  // A short word can be rewritten entirely within the tolerance (`fr` → `ja`); that is a
  // different word, not a typo.
  const rewritten = best !== undefined && bestDistance >= Math.min(word.length, best.length);
  return bestDistance <= tolerance && !rewritten ? best : undefined;
}

/** "did you mean `purposes`?" or "allowed: a, b, c" — whichever helps more. */
export function suggestionHint(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  if (match) return `did you mean \`${match}\`?`;
  return `allowed: ${candidates.join(", ")}`;
}
