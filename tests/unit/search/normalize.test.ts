/**
 * normalize.ts against the reference in oracle.ts: the same normalized text,
 * and a map that takes every normalized UTF-16 unit back to its source code point.
 */
import { describe, it, expect } from 'vitest';
import {
  normalize,
  normalizeBlocks,
  normalizeWithMap,
  queryKeywords,
} from '../../../src/core/search/normalize';
import { fold, loadReport, referenceKeywords } from './oracle';

const blocks = loadReport().blocks;

/** The reference map, per UTF-16 unit of the normalized text. */
function referenceMap(source: string): { text: string; from: number[]; to: number[] } {
  const folded = fold(source);
  const from: number[] = [];
  const to: number[] = [];
  folded.chars.forEach((char, i) => {
    for (let unit = 0; unit < char.length; unit++) {
      from.push(folded.source[i][0]);
      to.push(folded.source[i][1]);
    }
  });
  return { text: folded.text, from, to };
}

function asPlain(source: string) {
  const { text, from, to } = normalizeWithMap(source);
  return { text, from: Array.from(from), to: Array.from(to) };
}

describe('normalizeWithMap', () => {
  it('agrees with the reference on every block of the report', () => {
    for (const block of blocks)
      expect(asPlain(block.text), block.id).toEqual(referenceMap(block.text));
  });

  it('maps every normalized unit to the source code point it came from', () => {
    for (const block of blocks) {
      const { text, from, to } = normalizeWithMap(block.text);
      expect(from.length).toBe(text.length);
      expect(to.length).toBe(text.length);
      let pieces = '';
      for (let i = 0; i < text.length; i++) {
        expect(to[i]).toBeGreaterThan(from[i]);
        if (i > 0) expect(from[i]).toBeGreaterThanOrEqual(from[i - 1]);
        // Each source range, normalized alone, gives the units mapped to it.
        if (i === 0 || from[i] !== from[i - 1])
          pieces += normalize(block.text.slice(from[i], to[i]));
      }
      expect(pieces).toBe(text);
    }
  });

  it('full-width letters, ideographic spaces and an astral character', () => {
    //             0   1        2   3-4  5  6        7
    const source = 'Ａ\u3000Ｂ𠀀c\u3000５';
    expect(asPlain(source)).toEqual({
      text: 'ab𠀀c5',
      from: [0, 2, 3, 3, 5, 7],
      to: [1, 3, 5, 5, 6, 8],
    });
  });

  it('a code point that expands maps each unit back to the whole of it', () => {
    // ㎡ → m2, ﬁ → fi, İ → i + combining dot.
    expect(asPlain('x㎡ ﬁİ')).toEqual({
      text: 'xm2fii\u0307',
      from: [0, 1, 1, 3, 3, 4, 4],
      to: [1, 2, 2, 4, 4, 5, 5],
    });
  });

  it('whitespace goes, in the text and from NFKC output', () => {
    expect(normalize('2018 年')).toBe('2018年');
    expect(normalize(' a\tb\nc\u00a0d\u3000e\u2003f ')).toBe('abcdef');
    // U+00A8 DIAERESIS is NFKC `space + combining diaeresis`: the space is dropped.
    expect(normalize('a\u00a8')).toBe('a\u0308');
    expect(asPlain('a\u00a8').from).toEqual([0, 1]);
  });

  it('folds full width and case: ５Ｇ = 5G = 5g', () => {
    expect(normalize('５Ｇ')).toBe('5g');
    expect(normalize('5G')).toBe('5g');
    expect(normalize('ＰＰＰ')).toBe('ppp');
    expect(normalize('（一）')).toBe('(一)');
    expect(normalize('Ⅷ')).toBe('viii');
    expect(normalize('①')).toBe('1');
  });

  it('agrees with the reference for every BMP code point', () => {
    const bad: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (normalize(char) !== fold(char).text) bad.push(code.toString(16));
    }
    expect(bad).toEqual([]);
  });

  it('agrees with the reference for astral letters, digits and ideographs', () => {
    const ranges = [
      [0x1d400, 0x1d7ff], // mathematical alphanumerics
      [0x1f100, 0x1f1ff], // enclosed alphanumerics
      [0x20000, 0x200ff], // CJK extension B
      [0x2f800, 0x2fa1f], // CJK compatibility ideographs supplement
    ];
    const bad: string[] = [];
    for (const [low, high] of ranges) {
      for (let code = low; code <= high; code++) {
        const char = String.fromCodePoint(code);
        if (normalize(char) !== fold(char).text) bad.push(code.toString(16));
      }
    }
    expect(bad).toEqual([]);
  });

  it('lone surrogates pass through without throwing', () => {
    expect(() => normalizeWithMap('a\ud800b\udc00')).not.toThrow();
    expect(asPlain('a\ud800b').to).toEqual([1, 2, 3]);
  });
});

describe('normalizeBlocks: a whole report in one text', () => {
  const sources = [
    ...blocks.map((block) => block.text),
    '',
    '2018 年',
    'x㎡ ﬁİ',
    'Ａ\u3000Ｂ𠀀c',
    'a\ud800b',
    '纯中文，没有空格。',
  ];
  const { normalized, starts, plain } = normalizeBlocks(sources);

  it('holds each block as normalizeWithMap makes it, after a line break', () => {
    sources.forEach((source, b) => {
      const start = starts[b];
      const end = starts[b + 1] - 1;
      const own = normalizeWithMap(source);
      expect(normalized.text[start - 1], `block ${b}`).toBe('\n');
      expect(normalized.text.slice(start, end), `block ${b}`).toBe(own.text);
      expect(Array.from(normalized.from.subarray(start, end)), `block ${b}`).toEqual(
        Array.from(own.from),
      );
      expect(Array.from(normalized.to.subarray(start, end)), `block ${b}`).toEqual(
        Array.from(own.to),
      );
    });
    expect(normalized.text.length).toBe(starts[sources.length] - 1);
  });

  it('marks plain exactly the blocks whose every unit is its source unit', () => {
    const expected = sources.map((source) => {
      const { text, from, to } = normalizeWithMap(source);
      return (
        text.length === source.length &&
        Array.from(from).every((f, p) => f === p && to[p] === p + 1)
      );
    });
    expect(Array.from(plain, (flag) => flag === 1)).toEqual(expected);
    // Most of the report's blocks are plain; the awkward ones are not.
    expect(expected.filter(Boolean).length).toBeGreaterThan(blocks.length / 2);
    expect(expected.slice(-6)).toEqual([true, false, false, false, true, true]);
  });
});

describe('queryKeywords', () => {
  it.each([
    ['５Ｇ', ['5g']],
    ['2018年', ['2018年']],
    ['2018 年', ['2018', '年']],
    ['  海曙   发展 ', ['海曙', '发展']],
    ['海曙\u3000发展', ['海曙', '发展']],
    ['海曙\t发展\n创新', ['海曙', '发展', '创新']],
    ['海曙 海曙 ＨＡＩ hai', ['海曙', 'hai']],
    ['', []],
    ['   ', []],
    ['、。，', []],
    ['——', []],
    ['…', []],
    ['、 海曙 ——', ['海曙']],
    ['+海曙 -发展', ['+海曙', '-发展']],
    ['foo:bar', ['foo:bar']],
    ['reader~2', ['reader~2']],
    ['^3', ['^3']],
    [':', []],
    ['*', []],
    ['（一）', ['(一)']],
    ['①', ['1']],
    ['𠀀', ['𠀀']],
    ['\u00a8', []],
  ])('%j → %j', (query, expected) => {
    expect(queryKeywords(query)).toEqual(expected);
    expect([...new Set(referenceKeywords(query))]).toEqual(expected);
  });
});
