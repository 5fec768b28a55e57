/**
 * The index is built without lunr's TokenSet, and an engine loaded from the
 * index as shipped (JSON) reads lunr's tables straight from it, without
 * lunr.Index.load: the JSON must be lunr's own, the engine must answer
 * exactly as one over the index just built, and refuse what is no index.
 */
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/core/search/build-index';
import { SearchEngine } from '../../../src/core/search/engine';
import { segmentWords } from '../../../src/services/search/words';
import { loadReport, mulberry32 } from './oracle';

const blocks = loadReport().blocks;
const built = buildSearchIndex(blocks, segmentWords);
const live = new SearchEngine(built, blocks);
const loaded = SearchEngine.load(JSON.stringify(built), blocks);

/** Keywords from the report itself, 1–6 characters, with a fixed seed; and a few of two keywords. */
function queries(): string[] {
  const random = mulberry32(14);
  const text = blocks.map((block) => block.text).join('');
  const picked = Array.from({ length: 150 }, () => {
    const length = 1 + Math.floor(random() * 6);
    const start = Math.floor(random() * (text.length - length));
    return text.slice(start, start + length);
  });
  return [...picked, '创新 人才', '海曙 2017', 'constructor', '__proto__', 'GDP'];
}

describe('an engine loaded from the shipped index', () => {
  it('answers every query as the engine over the live index: hits, scores, counts, matches', () => {
    for (const query of queries()) {
      for (const order of ['relevance', 'document'] as const) {
        expect(loaded.search(query, { order, snippets: true }), query).toEqual(
          live.search(query, { order, snippets: true }),
        );
      }
    }
  });

  it('refuses what is not an index, as lunr did, so the caller can fall back', () => {
    expect(() => SearchEngine.load('{"version":"2.3.9"}', blocks)).toThrow();
    expect(() => SearchEngine.load('null', blocks)).toThrow();
  });
});

describe('the index as built', () => {
  it('serializes exactly as lunr’s own build() would, without the TokenSet it skips', () => {
    const fast = JSON.stringify(buildSearchIndex(blocks, segmentWords));
    // The same build with lunr's createTokenSet put back on every builder.
    const build = lunr.Builder.prototype.build;
    let tokenSets = 0;
    lunr.Builder.prototype.build = function (this: lunr.Builder) {
      delete (this as unknown as { createTokenSet?: unknown }).createTokenSet;
      const index = build.call(this);
      if (Object.keys((index as unknown as { tokenSet: { edges: object } }).tokenSet.edges).length)
        tokenSets++;
      return index;
    };
    try {
      expect(JSON.stringify(buildSearchIndex(blocks, segmentWords))).toBe(fast);
    } finally {
      lunr.Builder.prototype.build = build;
    }
    // Both of its lunr indexes (characters and pairs; words) were built the full way.
    expect(tokenSets).toBe(2);
  });
});
