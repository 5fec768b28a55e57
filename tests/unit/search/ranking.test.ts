/**
 * Ranking: BM25 relevance (headings and glossary boosted), ties in document
 * order; or plain document order with score 0.
 */
import { describe, it, expect } from 'vitest';
import type { Block } from '../../../src/shared/document';
import type { SearchResult } from '../../../src/shared/search';
import { Oracle, loadEngine, loadReport } from './oracle';

const blocks = loadReport().blocks;
const engine = loadEngine(blocks);
const oracle = new Oracle(blocks);
const ordinal = new Map(blocks.map((block, index) => [block.id, index]));
const byText = (text: string) => blocks.find((block) => block.text === text)!;

/** Pairs of neighbouring hits out of order: lower score first, or an equal score out of document order. */
function outOfOrder(result: SearchResult): string[] {
  const bad: string[] = [];
  for (let i = 1; i < result.hits.length; i++) {
    const a = result.hits[i - 1];
    const b = result.hits[i];
    const ok =
      a.score > b.score || (a.score === b.score && ordinal.get(a.block)! < ordinal.get(b.block)!);
    if (!ok) bad.push(`${a.block}:${a.score} before ${b.block}:${b.score}`);
  }
  return bad;
}

const BROAD = ['发展', '建设', '海曙', '创新', '的', '2018 年', '发展 建设'];

describe('relevance order', () => {
  it.each(BROAD)('%s: score descending, then document order', (query) => {
    const result = engine.search(query);
    expect(result.hits.length).toBeGreaterThan(query === '2018 年' ? 2 : 8);
    expect(outOfOrder(result)).toEqual([]);
  });

  it('is the default order', () => {
    expect(engine.search('发展')).toEqual(engine.search('发展', { order: 'relevance' }));
  });

  it('scores are finite and positive', () => {
    for (const query of [...BROAD, '污水零直排', '5G', 'PPP', '区长褚孟彤', '凤凰行动']) {
      for (const hit of engine.search(query).hits) {
        expect(Number.isFinite(hit.score), `${query} @ ${hit.block}`).toBe(true);
        expect(hit.score, `${query} @ ${hit.block}`).toBeGreaterThan(0);
      }
    }
  });

  it('ties keep document order', () => {
    const corpus: Block[] = ['甲海曙乙', '丙丁', '甲海曙乙', '甲海曙乙'].map((text, index) => ({
      id: `t${index + 1}`,
      kind: 'paragraph',
      text,
    }));
    const result = loadEngine(corpus).search('海曙');
    expect(result.hits.map((hit) => hit.block)).toEqual(['t1', 't3', 't4']);
    expect(new Set(result.hits.map((hit) => hit.score)).size).toBe(1);
  });

  it('a heading containing the query ranks above paragraphs that mention it once', () => {
    const heading = byText('二、2018年主要目标任务');
    expect(heading.kind).toBe('heading');
    const result = engine.search('2018年');
    expect(result.hits[0].block).toBe(heading.id);
    expect(result.hits[0].score).toBeGreaterThan(result.hits[1].score);
  });

  it.each(['城市双修', '凤凰行动', '垃圾分类'])(
    'the glossary entry for %s is in the top 2',
    (term) => {
      const entry = blocks.find((block) => block.kind === 'glossary' && block.text.includes(term))!;
      expect(entry).toBeDefined();
      const top = engine
        .search(term)
        .hits.slice(0, 2)
        .map((hit) => hit.block);
      expect(top).toContain(entry.id);
    },
  );

  it('a glossary block outranks an identical paragraph', () => {
    const corpus: Block[] = [
      { id: 'p', kind: 'paragraph', text: '推进城市双修工作' },
      { id: 'g', kind: 'glossary', text: '推进城市双修工作' },
      { id: 'h', kind: 'heading', text: '推进城市双修工作' },
    ];
    const result = loadEngine(corpus).search('城市双修');
    expect(result.hits.map((hit) => hit.block)).toEqual(['h', 'g', 'p']);
  });
});

describe("order 'document'", () => {
  it.each([...BROAD, '污水零直排', '5G'])(
    '%s: same blocks, in document order, score 0',
    (query) => {
      const relevance = engine.search(query, { order: 'relevance' });
      const document = engine.search(query, { order: 'document' });
      const ids = document.hits.map((hit) => hit.block);
      expect(ids).toEqual(oracle.ids(query));
      expect([...ids].sort()).toEqual(relevance.hits.map((hit) => hit.block).sort());
      for (let i = 1; i < ids.length; i++) {
        expect(ordinal.get(ids[i - 1])!).toBeLessThan(ordinal.get(ids[i])!);
      }
      expect(document.hits.every((hit) => hit.score === 0)).toBe(true);
      expect(document.total).toBe(relevance.total);
      expect(document.query).toBe(query);
    },
  );
});
