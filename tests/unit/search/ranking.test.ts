/**
 * Ranking: BM25 relevance (headings and glossary boosted), plus a bonus where
 * a keyword is a whole word of the block, ties in document order; or plain
 * document order with score 0.
 */
import { describe, it, expect } from 'vitest';
import type { Block } from '../../../src/shared/document';
import type { SearchResult } from '../../../src/shared/search';
import { buildSearchIndex } from '../../../src/core/search/build-index';
import { normalize } from '../../../src/core/search/normalize';
import { segmentWords } from '../../../src/services/search/words';
import { Oracle, loadEngine, loadReport } from './oracle';

const blocks = loadReport().blocks;
const engine = loadEngine(blocks);
const oracle = new Oracle(blocks);
const ordinal = new Map(blocks.map((block, index) => [block.id, index]));
const byText = (text: string) => blocks.find((block) => block.text === text)!;
const byId = (id: string) => blocks[ordinal.get(id)!];

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

describe('whole words (the word table)', () => {
  const isWordOf = (word: string, block: Block) =>
    segmentWords(normalize(block.text)).includes(normalize(word));
  const including = (text: string) => blocks.find((block) => block.text.includes(text))!;
  const rank = (query: string, block: Block) =>
    engine.search(query).hits.findIndex((hit) => hit.block === block.id);

  it('of two blocks with equal BM25, the one where the keyword is a word ranks first', () => {
    // Same length, one 新型 each: equal text weights. In 创新型城市 (创新|型|城市) the
    // match straddles two words; in 新型城市化 (新型|城市) it is one. Without the
    // signal the two tie and the first in document order wins.
    const corpus: Block[] = [
      { id: 'inside', kind: 'paragraph', text: '创新型城市' },
      { id: 'word', kind: 'paragraph', text: '新型城市化' },
    ];
    expect(isWordOf('新型', corpus[0])).toBe(false);
    expect(isWordOf('新型', corpus[1])).toBe(true);
    const result = loadEngine(corpus).search('新型');
    expect(result.hits.map((hit) => hit.block)).toEqual(['word', 'inside']);
    expect(result.hits[0].score).toBeGreaterThan(result.hits[1].score);
    // Where it is a word in both, they tie again.
    const both = loadEngine(corpus).search('城市');
    expect(both.hits.map((hit) => hit.score)).toEqual([both.hits[0].score, both.hits[0].score]);
  });

  it('each keyword of a query earns its own bonus', () => {
    const corpus: Block[] = [
      { id: 'none', kind: 'paragraph', text: '创新型市政府' },
      { id: 'one', kind: 'paragraph', text: '新型市政府化' },
      { id: 'two', kind: 'paragraph', text: '新型市政道路' },
    ];
    const result = loadEngine(corpus).search('新型 市政');
    expect(result.hits.map((hit) => hit.block)).toEqual(['two', 'one', 'none']);
  });

  it("市政: the block on 市政道路 ranks first, above three where it is only 市政府's 市政 (市|政府)", () => {
    const roads = including('市政道路');
    expect(isWordOf('市政', roads)).toBe(true);
    const straddling = engine.search('市政').hits.filter((hit) => hit.block !== roads.id);
    expect(straddling.filter((hit) => !isWordOf('市政', byId(hit.block))).length).toBe(3);
    // Before the signal it was third, below 市委市政府 in two longer paragraphs.
    expect(rank('市政', roads)).toBe(0);
  });

  it('新型: 新型城市化 ranks above 创新型领军企业, where 新型 straddles 创新|型', () => {
    const urban = including('新型城市化');
    const firms = including('创新型领军企业');
    expect(isWordOf('新型', urban)).toBe(true);
    expect(isWordOf('新型', firms)).toBe(false);
    // Before the signal the longer, denser paragraph on firms came first.
    expect(rank('新型', urban)).toBe(0);
    expect(rank('新型', firms)).toBe(1);
  });

  it('a word that names an Object property is just a word', () => {
    const names = ['__proto__', 'constructor', 'tostring', 'valueof', 'hasownproperty'];
    const corpus: Block[] = names.map((text, index) => ({
      id: `n${index}`,
      kind: 'paragraph',
      text,
    }));
    const words = (
      JSON.parse(JSON.stringify(buildSearchIndex(corpus, segmentWords))) as {
        words: Record<string, unknown>;
      }
    ).words;
    const search = loadEngine(corpus);
    for (const name of names) {
      expect(Object.hasOwn(words, name), name).toBe(true);
      const { hits } = search.search(name);
      expect(hits.map((hit) => hit.block)).toEqual([`n${names.indexOf(name)}`]);
      expect(hits[0].score, name).toBeGreaterThan(0);
    }
    expect(search.search('proto').hits.length).toBe(1);
    expect(search.search('prototype').hits).toEqual([]);
  });

  it('changes no hit set: every word of the report, as a query, hits what contains it', () => {
    const words = new Set(blocks.flatMap((block) => segmentWords(normalize(block.text))));
    expect(words.size).toBeGreaterThan(1000);
    for (const word of words) {
      const ids = engine.search(word).hits.map((hit) => hit.block);
      expect([...ids].sort(), word).toEqual([...oracle.ids(word)].sort());
    }
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
