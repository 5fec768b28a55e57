/**
 * Counting a block's matches without making them (matches.ts): countHit, the
 * check and count of a candidate in one pass, is exactly
 * the number of ranges findMatches makes (every occurrence, merged where they
 * overlap or touch in the source), whether the map is read or the block is
 * plain (each unit its source's own) and it is not; and countHit is 0 when a
 * keyword is missing. Random texts over a few letters make overlaps and
 * touches common; spaces, full-width letters and expanding code points make
 * the map matter.
 */
import { describe, it, expect } from 'vitest';
import { countHit, findMatches } from '../../../src/core/search/matches';
import { normalize, normalizeBlocks, normalizeWithMap } from '../../../src/core/search/normalize';
import { mulberry32, randomInt, referenceMatches, fold } from './oracle';

const PLAIN_LETTERS = ['a', 'b', 'a', 'b', 'c', '的'];
const AWKWARD_LETTERS = [...PLAIN_LETTERS, ' ', 'Ａ', '㎡', 'ﬁ', '\u3000', '𠀀'];

function randomText(random: () => number, letters: string[], length: number): string {
  return Array.from({ length }, () => letters[randomInt(random, 0, letters.length - 1)]).join('');
}

/** 1–3 distinct normalized keywords of 1–4 letters. */
function randomKeywords(random: () => number, letters: string[]): string[] {
  const count = randomInt(random, 1, 3);
  const keywords = Array.from({ length: count }, () =>
    normalize(randomText(random, letters, randomInt(random, 1, 4))),
  ).filter((keyword) => keyword.length > 0);
  return [...new Set(keywords)];
}

describe.each([
  ['plain texts', PLAIN_LETTERS],
  ['texts with spaces, full width and expanding code points', AWKWARD_LETTERS],
])('%s', (_, letters) => {
  const random = mulberry32(letters.length * 7919);
  const cases = Array.from({ length: 3000 }, () => ({
    text: randomText(random, letters, randomInt(random, 0, 24)),
    keywords: randomKeywords(random, letters),
  })).filter(({ keywords }) => keywords.length > 0);

  it('countHit counts findMatches’s ranges, or 0 unless every keyword is there', () => {
    const wrong: string[] = [];
    for (const { text, keywords } of cases) {
      const normalized = normalizeWithMap(text);
      const ranges = findMatches(normalized, keywords).length;
      const every = keywords.every((keyword) => normalized.text.includes(keyword));
      // findMatches itself, against the oracle.
      if (ranges !== referenceMatches(fold(text), keywords).length) wrong.push(`find ${text}`);
      const hit = countHit(normalized.text, keywords, normalized, 0);
      if (hit !== (every ? ranges : 0)) wrong.push(`hit ${text} ${keywords}`);
    }
    expect(wrong).toEqual([]);
  });

  it('in a whole report’s text: the same counts, the map read at the block’s offset or not at all when plain', () => {
    const texts = cases.map(({ text }) => text);
    const { normalized, starts, plain } = normalizeBlocks(texts);
    const wrong: string[] = [];
    cases.forEach(({ text, keywords }, b) => {
      const own = normalizeWithMap(text);
      const expected = keywords.every((keyword) => own.text.includes(keyword))
        ? findMatches(own, keywords).length
        : 0;
      const slice = normalized.text.slice(starts[b], starts[b + 1] - 1);
      if (countHit(slice, keywords, normalized, starts[b]) !== expected) wrong.push(`map ${text}`);
      if (plain[b] && countHit(slice, keywords, null, 0) !== expected) wrong.push(`plain ${text}`);
    });
    expect(wrong).toEqual([]);
    expect(plain.some((flag) => flag === 1)).toBe(true);
  });
});

describe('touching and overlapping occurrences', () => {
  it.each([
    ['abab', ['ab'], 1], // touching: one range
    ['ab ab', ['ab'], 2], // a space between: two
    ['aaa', ['aa'], 1], // overlapping
    ['abcab', ['ab', 'c'], 1], // different keywords touching
    ['ab c ab', ['ab', 'c'], 3],
    ['的的确确', ['的'], 1],
    ['ab', ['ab', 'x'], 0], // a keyword missing: no hit
  ])('%s, %j: %i', (text, keywords, count) => {
    const normalized = normalizeWithMap(text);
    expect(countHit(normalized.text, keywords, normalized, 0)).toBe(count);
    if (!text.includes(' ')) expect(countHit(normalized.text, keywords, null, 0)).toBe(count);
  });
});
