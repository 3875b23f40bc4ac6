/**
 * @module steam/webapi/suggest
 * "Did you mean …?" for the generic caller: the closest listed name by edit distance,
 * ignoring case, or one that starts with what was typed.
 */

/** Levenshtein distance (insert, delete, substitute: 1 each), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name` (case-insensitive), or undefined when none is close: a
 * candidate that extends what was typed wins, then the smallest distance within about a
 * third of the name's length (at least 2), the shorter candidate on a tie.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const score = lower.startsWith(wanted) && wanted.length >= 3 ? 0.5 : editDistance(wanted, lower);
    if (score > Math.max(2, Math.ceil(wanted.length / 3))) continue;
    if (!best || score < best.score || (score === best.score && candidate.length < best.name.length)) {
      best = { name: candidate, score };
    }
  }
  return best?.name;
}
