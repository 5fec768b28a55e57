/**
 * Where a query's keywords occur in a block: every occurrence as a range of
 * the block's source text, merged where they overlap or touch. Both engines
 * (engine.ts over one report, cross-report.ts over the library) answer with
 * these, so a hit's ranges and count mean the same everywhere.
 */
import type { Normalized } from './normalize';

/**
 * Every occurrence of every keyword, as source offsets, merged where they
 * overlap or touch, in order. Overlapping occurrences count too (`00` twice
 * in `3000`), so the whole of `000` is marked.
 */
export function findMatches(normalized: Normalized, keywords: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const keyword of keywords) {
    for (
      let at = normalized.text.indexOf(keyword);
      at >= 0;
      at = normalized.text.indexOf(keyword, at + 1)
    ) {
      ranges.push([normalized.from[at], normalized.to[at + keyword.length - 1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * How many ranges findMatches would return, without making them: for one
 * keyword, its occurrences in order, merged where they overlap or touch in
 * the source. A one-unit keyword (most first keystrokes) is counted by a
 * plain loop over the text, cheaper than an indexOf per occurrence.
 */
export function countMatches(normalized: Normalized, keywords: string[]): number {
  if (keywords.length > 1) return findMatches(normalized, keywords).length;
  const [keyword] = keywords;
  const { text, from, to } = normalized;
  let count = 0;
  let lastEnd = -1;
  if (keyword.length === 1) {
    const code = keyword.charCodeAt(0);
    for (let at = 0; at < text.length; at++) {
      if (text.charCodeAt(at) !== code) continue;
      if (from[at] > lastEnd) count++;
      lastEnd = to[at];
    }
    return count;
  }
  const last = keyword.length - 1;
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    if (from[at] > lastEnd) count++;
    lastEnd = Math.max(lastEnd, to[at + last]);
  }
  return count;
}
