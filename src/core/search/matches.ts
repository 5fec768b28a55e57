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
 * Where a normalized text's units came from: unit p from source offsets
 * [from[base + p], to[base + p]). Null when each unit is its source's own
 * unit (the same offset, one for one): most blocks, read then without it.
 */
export interface UnitMap {
  from: Int32Array;
  to: Int32Array;
}

/**
 * A block's number of matches when its normalized `text` holds every
 * keyword, else 0: the exact check and the count in one pass over the text,
 * so that a hit's text is read once. The count is of the ranges findMatches
 * would return, without making them: the occurrences of every keyword taken
 * in order of where they start (a normalized position's source offset never
 * decreases along the text), a range counted where one starts past the end
 * of all before it. `map` and `base` as UnitMap says.
 */
export function countHit(
  text: string,
  keywords: string[],
  map: UnitMap | null,
  base: number,
): number {
  return keywords.length === 1
    ? countKeyword(text, keywords[0], map, base)
    : countAll(text, keywords, map, base, true);
}

/**
 * One keyword's merged ranges. A one-unit keyword (most first keystrokes) is
 * counted by a plain loop over the text, cheaper than an indexOf per occurrence.
 */
function countKeyword(text: string, keyword: string, map: UnitMap | null, base: number): number {
  let count = 0;
  let lastEnd = -1;
  if (keyword.length === 1) {
    const code = keyword.charCodeAt(0);
    for (let at = 0; at < text.length; at++) {
      if (text.charCodeAt(at) !== code) continue;
      if ((map ? map.from[base + at] : at) > lastEnd) count++;
      lastEnd = map ? map.to[base + at] : at + 1;
    }
    return count;
  }
  const last = keyword.length - 1;
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    if ((map ? map.from[base + at] : at) > lastEnd) count++;
    lastEnd = Math.max(lastEnd, map ? map.to[base + at + last] : at + last + 1);
  }
  return count;
}

/** Each keyword's next occurrence (a position in the text, or -1), reused from call to call. */
let cursors = new Int32Array(4);

/** Merged ranges of several keywords, their occurrences merged in order with one cursor each; 0 if `every` and one is missing. */
function countAll(
  text: string,
  keywords: string[],
  map: UnitMap | null,
  base: number,
  every: boolean,
): number {
  const k = keywords.length;
  if (cursors.length < k) cursors = new Int32Array(k);
  const next = cursors;
  for (let i = 0; i < k; i++) {
    next[i] = text.indexOf(keywords[i]);
    if (next[i] < 0 && every) return 0;
  }
  let count = 0;
  let lastEnd = -1;
  for (;;) {
    let first = -1;
    for (let i = 0; i < k; i++) {
      if (next[i] >= 0 && (first < 0 || next[i] < next[first])) first = i;
    }
    if (first < 0) return count;
    const at = next[first];
    const keyword = keywords[first];
    if ((map ? map.from[base + at] : at) > lastEnd) count++;
    const end = map ? map.to[base + at + keyword.length - 1] : at + keyword.length;
    lastEnd = Math.max(lastEnd, end);
    next[first] = text.indexOf(keyword, at + 1);
  }
}
