/**
 * The ranking of a report's hits (hit-set.ts): by score descending, ties in
 * document order, whichever way it sorts — counting (many hits, close
 * scores), packed keys, or a comparator — the same order as a plain sort.
 */
import { describe, it, expect } from 'vitest';
import { rankByScore } from '../../../src/core/search/hit-set';
import { mulberry32 } from './oracle';

/** The reference: positions sorted by score descending, then position. */
function reference(scores: number[]): number[] {
  return scores.map((_, k) => k).sort((a, b) => scores[b] - scores[a] || a - b);
}

/** `length` scores in thousandths, up to `spread` thousandths apart, some tied. */
function scoresOf(length: number, spread: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length }, () => Math.round(1000 + random() * spread) / 1000);
}

describe('rankByScore', () => {
  const cases: [string, number, number][] = [
    ['many hits, close scores (counting sort)', 4000, 3000],
    ['many hits, all tied (counting sort)', 600, 0],
    ['exactly as many as counting needs', 256, 2000],
    ['many hits, scores far apart (packed keys)', 3000, 10_000_000],
    ['few hits (packed keys)', 40, 500],
    ['one hit', 1, 0],
    ['none', 0, 0],
  ];

  it.each(cases)('%s: score descending, ties in document order', (_, length, spread) => {
    const scores = scoresOf(length, spread, length + spread);
    const ranked = rankByScore(Float64Array.from(scores), length);
    expect(Array.from(ranked)).toEqual(reference(scores));
  });

  it('reads only the first `length` scores', () => {
    const scores = Float64Array.from([1, 3, 2, 9, 9]);
    expect(Array.from(rankByScore(scores, 3))).toEqual([1, 2, 0]);
  });

  it('scores of zero and whole numbers rank alike both ways', () => {
    const scores = Array.from({ length: 512 }, (_, k) => (k % 3 === 0 ? 0 : k % 7));
    expect(Array.from(rankByScore(Float64Array.from(scores), scores.length))).toEqual(
      reference(scores),
    );
  });
});
