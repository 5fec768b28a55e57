/** What the interface derives from a search result: pure, tested under Node. */
import type { OutlineEntry } from '../../../shared/document';
import { sectionPath } from '../../../core/report/location';
import type { SearchHit } from '../../../shared/search';

export { sectionPath };

export interface Occurrence {
  block: string;
  start: number;
  end: number;
}

/**
 * Every match of every hit, in reading order (whatever order the hits are
 * ranked in). A hit whose ranges have not arrived yet adds none.
 */
export function occurrencesInOrder(
  hits: SearchHit[],
  blockOrder: ReadonlyMap<string, number>,
): Occurrence[] {
  return [...hits]
    .sort((a, b) => (blockOrder.get(a.block) ?? 0) - (blockOrder.get(b.block) ?? 0))
    .flatMap((hit) =>
      (hit.matches ?? []).map(([start, end]) => ({ block: hit.block, start, end })),
    );
}

/** Hits in reading order, for 按原文顺序. */
export function hitsInDocumentOrder(
  hits: SearchHit[],
  blockOrder: ReadonlyMap<string, number>,
): SearchHit[] {
  return [...hits].sort((a, b) => (blockOrder.get(a.block) ?? 0) - (blockOrder.get(b.block) ?? 0));
}

/**
 * Matches per outline entry, counting everything in its section (its own
 * block up to the next entry of the same or a higher level), keyed by the
 * entry's block id. Entries without matches are left out.
 */
export function matchesPerSection(
  outline: OutlineEntry[],
  blockOrder: ReadonlyMap<string, number>,
  hits: SearchHit[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hit of hits) {
    for (const entry of sectionPath(outline, blockOrder, hit.block)) {
      counts.set(entry.block, (counts.get(entry.block) ?? 0) + hit.count);
    }
  }
  return counts;
}

/** The first occurrence at or after a block, wrapping to the first one. */
export function firstOccurrenceFrom(
  occurrences: readonly Occurrence[],
  blockOrder: ReadonlyMap<string, number>,
  block: string | null,
): number {
  if (occurrences.length === 0) return -1;
  const position = block === null ? 0 : (blockOrder.get(block) ?? 0);
  const index = occurrences.findIndex(
    (occurrence) => (blockOrder.get(occurrence.block) ?? 0) >= position,
  );
  return index < 0 ? 0 : index;
}

/** Where a hit is, as the results list says it: its section path, or 开篇 before the first heading. */
export function hitPlace(
  outline: OutlineEntry[],
  blockOrder: ReadonlyMap<string, number>,
  block: string,
): string {
  const path = sectionPath(outline, blockOrder, block).map((entry) => entry.title);
  return path.length === 0 ? '开篇' : path.join(' › ');
}

/**
 * Per block, the numbers of its first and last occurrence in reading order
 * (1-based, as 第 k/N 处 counts them): a result says which of the steps it holds.
 */
export function occurrenceNumbers(
  occurrences: readonly Occurrence[],
): Map<string, [number, number]> {
  const numbers = new Map<string, [number, number]>();
  occurrences.forEach((occurrence, index) => {
    const seen = numbers.get(occurrence.block);
    if (seen) seen[1] = index + 1;
    else numbers.set(occurrence.block, [index + 1, index + 1]);
  });
  return numbers;
}

/** `第 3 处`, `第 3–5 处`. */
export function numbersLabel([first, last]: readonly [number, number]): string {
  return first === last ? `第 ${first} 处` : `第 ${first}–${last} 处`;
}
