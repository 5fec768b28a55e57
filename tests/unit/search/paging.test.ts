/**
 * The paged answer: every hit with its count, match ranges only for the first
 * `matchLimit` hits, the rest from `matchesIn`. Together they must say exactly
 * what the full answer says (and the oracle), in either order.
 */
import { describe, it, expect } from 'vitest';
import type { Block } from '../../../src/shared/document';
import type { SearchOrder } from '../../../src/shared/search';
import { Oracle, loadEngine, loadReport, mulberry32, randomInt, REALISTIC_QUERIES } from './oracle';

const blocks = loadReport().blocks;
const engine = loadEngine(blocks);
const oracle = new Oracle(blocks);

const QUERIES = [...REALISTIC_QUERIES, '区', '的', '发展', '建设 发展', '00', '000', '哈哈'];
const ORDERS: SearchOrder[] = ['relevance', 'document'];

describe('matchLimit', () => {
  it.each(ORDERS)(
    '%s: same hits, scores, counts and total; ranges only for the first page',
    (order) => {
      for (const limit of [0, 1, 5, 20]) {
        for (const query of QUERIES) {
          const full = engine.search(query, { order });
          const paged = engine.search(query, { order, matchLimit: limit });
          const label = `${query} (limit ${limit})`;
          expect(paged.total, label).toBe(full.total);
          expect(
            paged.hits.map(({ block, score, count }) => [block, score, count]),
            label,
          ).toEqual(full.hits.map(({ block, score, count }) => [block, score, count]));
          paged.hits.forEach((hit, index) => {
            if (index < limit) expect(hit.matches, label).toEqual(full.hits[index].matches);
            else expect(hit.matches, label).toBeUndefined();
          });
        }
      }
    },
  );

  it('counts equal the oracle’s matches for every hit', () => {
    const rng = mulberry32(11);
    const random = Array.from({ length: 150 }, () => {
      const block = blocks[randomInt(rng, 0, blocks.length - 1)];
      const start = randomInt(rng, 0, block.text.length - 1);
      return block.text.slice(start, start + randomInt(rng, 1, 3));
    });
    const wrong: string[] = [];
    for (const query of [...QUERIES, ...random]) {
      const expected = new Map(oracle.search(query).map((hit) => [hit.block, hit.matches.length]));
      for (const hit of engine.search(query, { matchLimit: 0 }).hits) {
        if (hit.count !== expected.get(hit.block)) {
          wrong.push(`${query} @ ${hit.block}: ${hit.count} ≠ ${expected.get(hit.block)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('counts merge touching and overlapping occurrences, but not across a space', () => {
    const corpus: Block[] = [
      { id: 'x1', kind: 'paragraph', text: '哈哈哈哈 哈哈，1000 00' },
      { id: 'x2', kind: 'paragraph', text: '区区 区' },
    ];
    const small = loadEngine(corpus);
    for (const query of ['哈', '哈哈', '00', '区']) {
      const full = small.search(query);
      const paged = small.search(query, { matchLimit: 0 });
      expect(
        paged.hits.map((hit) => hit.count),
        query,
      ).toEqual(full.hits.map((hit) => hit.matches?.length));
    }
    // 哈哈哈哈 is one run, then a space, then 哈哈: two ranges.
    expect(small.search('哈', { matchLimit: 0 }).hits[0].count).toBe(2);
    expect(small.search('区', { matchLimit: 0 }).hits[0].count).toBe(2);
  });
});

describe('matchesIn', () => {
  it('gives the ranges a paged answer left out', () => {
    for (const query of QUERIES) {
      const full = engine.search(query);
      const ids = full.hits.map((hit) => hit.block);
      expect(engine.matchesIn(query, ids), query).toEqual(full.hits.map((hit) => hit.matches));
    }
  });

  it('answers nothing for unknown blocks, blocks without a match, or an empty query', () => {
    const someBlock = blocks[0].id;
    expect(engine.matchesIn('发展', ['nope'])).toEqual([[]]);
    expect(engine.matchesIn('', [someBlock])).toEqual([[]]);
    expect(engine.matchesIn('不存在的词语组合', [someBlock])).toEqual([[]]);
  });
});
