/**
 * Match ranges and snippets: every occurrence of every keyword, in source
 * offsets, merged where they overlap or touch; a snippet around the first.
 */
import { describe, it, expect } from 'vitest';
import type { Block } from '../../../src/shared/document';
import type { SearchResult } from '../../../src/shared/search';
import { makeSnippet } from '../../../src/core/search/snippet';
import {
  Oracle,
  fold,
  loadEngine,
  loadReport,
  mulberry32,
  REALISTIC_QUERIES,
  randomInt,
  referenceKeywords,
} from './oracle';

const blocks = loadReport().blocks;
const engine = loadEngine(blocks);
const oracle = new Oracle(blocks);
const textOf = new Map(blocks.map((block) => [block.id, block.text]));

const REALISTIC = REALISTIC_QUERIES;

interface MatchMismatch {
  query: string;
  block: string;
  engine: [number, number][];
  oracle: [number, number][];
}

/** Hits whose matches differ from the oracle's. */
function matchMismatches(queries: string[]): MatchMismatch[] {
  const out: MatchMismatch[] = [];
  for (const query of queries) {
    const expected = new Map(oracle.search(query).map((hit) => [hit.block, hit.matches]));
    for (const hit of engine.search(query).hits) {
      const want = expected.get(hit.block) ?? [];
      const got = hit.matches ?? [];
      if (JSON.stringify(hit.matches) !== JSON.stringify(want) || hit.count !== want.length) {
        out.push({ query, block: hit.block, engine: got, oracle: want });
      }
    }
  }
  return out;
}

/** Structural checks that hold for any result, independent of the oracle. */
function checkResult(result: SearchResult): void {
  const keywords = referenceKeywords(result.query);
  let total = 0;
  for (const hit of result.hits) {
    const text = textOf.get(hit.block)!;
    const label = `${result.query} @ ${hit.block}`;
    expect(hit.matches, label).toBeDefined();
    const matches = hit.matches ?? [];
    expect(matches.length, label).toBeGreaterThan(0);
    expect(hit.count, label).toBe(matches.length);
    total += matches.length;
    let previousEnd = -1;
    for (const [start, end] of matches) {
      expect(Number.isInteger(start) && Number.isInteger(end), label).toBe(true);
      expect(start, label).toBeGreaterThan(previousEnd); // sorted, not overlapping, not touching
      expect(end, label).toBeGreaterThan(start);
      expect(end, label).toBeLessThanOrEqual(text.length);
      const slice = fold(text.slice(start, end)).text;
      expect(
        keywords.some((keyword) => slice.includes(keyword)),
        `${label}: ${text.slice(start, end)}`,
      ).toBe(true);
      previousEnd = end;
    }

    // The snippet: an extract of the text (ellipses where cut) showing the first match.
    expect(hit.snippet, label).toBeDefined();
    const snippet = hit.snippet ?? '';
    const core = snippet.replace(/^…/u, '').replace(/…$/u, '');
    expect(text.includes(core), label).toBe(true);
    expect(core.length, label).toBeLessThanOrEqual(70);
    expect(snippet.length, label).toBeLessThanOrEqual(72);
    expect(snippet.startsWith('…'), label).toBe(!text.startsWith(core));
    expect(snippet.endsWith('…'), label).toBe(!text.endsWith(core));
    const [firstStart, firstEnd] = matches[0];
    expect(snippet, label).toContain(text.slice(firstStart, firstEnd));
  }
  expect(result.total, result.query).toBe(total);
}

describe('matches of realistic queries', () => {
  it('equal the oracle: every occurrence, in source offsets, merged', () => {
    expect(matchMismatches(REALISTIC)).toEqual([]);
  });

  it('are sorted, disjoint, each covers a keyword; total counts them; snippets show the first', () => {
    for (const query of REALISTIC) checkResult(engine.search(query, { snippets: true }));
  });

  it('are the same in document order', () => {
    for (const query of REALISTIC) {
      const byBlock = (result: SearchResult) =>
        Object.fromEntries(result.hits.map((hit) => [hit.block, [hit.matches, hit.snippet]]));
      const relevance = engine.search(query, { order: 'relevance', snippets: true });
      const document = engine.search(query, { order: 'document', snippets: true });
      expect(byBlock(document), query).toEqual(byBlock(relevance));
      expect(document.total, query).toBe(relevance.total);
    }
  });

  it('map back to the source form', () => {
    const [hit] = engine.search('５Ｇ').hits;
    const text = textOf.get(hit.block)!;
    expect(hit.matches?.map(([start, end]) => text.slice(start, end))).toEqual(['5G']);

    const speaker = engine.search('区长褚孟彤').hits;
    expect(speaker).toHaveLength(1);
    expect(speaker[0].matches).toEqual([[0, 6]]); // `区长 褚孟彤`, the space inside
    expect(textOf.get(speaker[0].block)!.slice(0, 6)).toBe('区长 褚孟彤');

    // Two keywords side by side touch, and merge into one range.
    for (const hit of engine.search('污水 零直排').hits) {
      const text = textOf.get(hit.block)!;
      const shown = (hit.matches ?? []).map(([start, end]) => text.slice(start, end));
      expect(shown).toContain('污水零直排');
      expect(shown).not.toContain('零直排');
    }
  });
});

describe('matches of random substrings', () => {
  const rng = mulberry32(7);
  const queries = Array.from({ length: 200 }, () => {
    const block = blocks[randomInt(rng, 0, blocks.length - 1)];
    const start = randomInt(rng, 0, block.text.length - 1);
    return block.text.slice(start, start + randomInt(rng, 1, 6));
  });

  it('pass the structural checks', () => {
    for (const query of queries) checkResult(engine.search(query, { snippets: true }));
  });

  it('equal the oracle', () => {
    expect(matchMismatches(queries)).toEqual([]);
  });
});

describe('overlapping occurrences of one keyword', () => {
  it('are all highlighted: `00` in `3000` covers `000`', () => {
    // b41 has `3000人`; the three zeros hold `00` twice, overlapping.
    const block = blocks.find((candidate) => candidate.text.includes('3000人'))!;
    const at = block.text.indexOf('3000人') + 1;
    const hit = engine.search('00').hits.find((candidate) => candidate.block === block.id)!;
    expect(hit.matches).toContainEqual([at, at + 3]);
    expect(matchMismatches(['00', '000'])).toEqual([]);
  });

  it('in a one-block corpus', () => {
    const corpus: Block[] = [{ id: 'x1', kind: 'paragraph', text: '增长1000个，哈哈哈' }];
    const small = loadEngine(corpus);
    expect(small.search('00').hits[0].matches).toEqual([[3, 6]]);
    // 增0 长1 1₂ 0₃ 0₄ 0₅ 个6 ，7 哈8 哈9 哈10: `哈哈` twice, overlapping, is 8–11.
    expect(small.search('哈哈').hits[0].matches).toEqual([[8, 11]]);
  });
});

describe('makeSnippet', () => {
  /** 100 distinct characters, so every slice is unambiguous. */
  const long = Array.from({ length: 100 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');

  /** Each mark in the snippet shows the same characters as the (clipped) match in the text. */
  function expectMarksMatch(text: string, matches: [number, number][]): void {
    const snippet = makeSnippet(text, matches);
    const core = snippet.text.replace(/^…/u, '').replace(/…$/u, '');
    const offset = text.indexOf(core);
    expect(offset).toBeGreaterThanOrEqual(0);
    const lead = snippet.text.startsWith('…') ? 1 : 0;
    const visible = matches
      .map(([start, end]): [number, number] => [
        Math.max(start, offset),
        Math.min(end, offset + core.length),
      ])
      .filter(([start, end]) => start < end);
    expect(snippet.marks).toEqual(
      visible.map(([start, end]) => [start - offset + lead, end - offset + lead]),
    );
  }

  it('match at the start: no leading ellipsis', () => {
    const snippet = makeSnippet(long, [[0, 2]]);
    expect(snippet.text.startsWith('…')).toBe(false);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.startsWith(long.slice(0, 2))).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(71);
    expect(snippet.marks).toEqual([[0, 2]]);
  });

  it('match at the end: no trailing ellipsis, the window still full', () => {
    const snippet = makeSnippet(long, [[98, 100]]);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(false);
    expect(snippet.text.endsWith(long.slice(98))).toBe(true);
    expect(snippet.text.length).toBeGreaterThan(40);
    expect(snippet.text.length).toBeLessThanOrEqual(71);
    const [[start, end]] = snippet.marks;
    expect(snippet.text.slice(start, end)).toBe(long.slice(98, 100));
    expectMarksMatch(long, [[98, 100]]);
  });

  it('match in the middle: ellipses on both sides, some context before it', () => {
    const snippet = makeSnippet(long, [[50, 52]]);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text).toContain(long.slice(40, 52));
    expect(snippet.text.length).toBeLessThanOrEqual(72);
    expectMarksMatch(long, [[50, 52]]);
  });

  it('several keywords: the first match whose stretch shows the most of them', () => {
    // 海曙 at 2, 人才 at 70: no stretch shows both; 海曙 at 130 with 人才 at 150: that one does.
    const text = `${long}${long}`.split('');
    const put = (at: number, word: string) => text.splice(at, word.length, ...word);
    put(2, '海曙');
    put(70, '人才');
    put(130, '海曙');
    put(150, '人才');
    const joined = text.join('');
    const matches: [number, number][] = [
      [2, 4],
      [70, 72],
      [130, 132],
      [150, 152],
    ];
    const snippet = makeSnippet(joined, matches, ['海曙', '人才']);
    const shown = snippet.marks.map(([start, end]) => snippet.text.slice(start, end));
    expect(shown).toEqual(['海曙', '人才']);
    expect(snippet.text).toContain(joined.slice(112, 152));
    // One keyword, or none given: around the first match, as before.
    for (const keywords of [['海曙'], []]) {
      expect(makeSnippet(joined, matches, keywords).text).toBe(makeSnippet(joined, [[2, 4]]).text);
    }
    // Keywords are compared as the search compares them: ５ Ｇ is 5g.
    const spaced = `${long.slice(0, 40)}５ Ｇ${long.slice(0, 50)}海曙${long.slice(0, 2)}5G${long}`;
    const found = makeSnippet(
      spaced,
      [
        [40, 43],
        [93, 95],
        [97, 99],
      ],
      ['5g', '海曙'],
    );
    expect(found.marks.map(([start, end]) => found.text.slice(start, end))).toEqual(['海曙', '5G']);
  });

  it('on the report: 城市 建设 shows both where a paragraph has them close, far into it', () => {
    // In b33, 建设 comes first at 6, and 城市 only at 124, right before a 建设.
    const hit = engine.search('城市 建设', { snippets: true }).hits.find((h) => h.block === 'b33');
    expect(hit?.snippet).toContain('海绵城市建设');
    expect(hit?.snippet?.startsWith('…')).toBe(true);
  });

  it('text shorter than the window: the whole text, no ellipses', () => {
    expect(makeSnippet('海曙区', [[0, 2]])).toEqual({ text: '海曙区', marks: [[0, 2]] });
    expect(makeSnippet('海曙区', [[2, 3]])).toEqual({ text: '海曙区', marks: [[2, 3]] });
    expect(makeSnippet('', [])).toEqual({ text: '', marks: [] });
  });

  it('no match: the opening of the text', () => {
    const snippet = makeSnippet(long, []);
    expect(long.startsWith(snippet.text.replace(/…$/u, ''))).toBe(true);
    expect(snippet.marks).toEqual([]);
  });

  it('marks only the matches inside the window, clipped to it', () => {
    const matches: [number, number][] = [
      [30, 32],
      [60, 90],
      [95, 99],
    ];
    expectMarksMatch(long, matches);
    const snippet = makeSnippet(long, matches);
    expect(snippet.marks.length).toBe(2);
    expect(snippet.marks[0]).toEqual([
      snippet.text.indexOf(long[30]),
      snippet.text.indexOf(long[30]) + 2,
    ]);
  });
});
