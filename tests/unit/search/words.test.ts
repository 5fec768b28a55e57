/**
 * Words (src/services/search/words.ts): lunr-languages' lunr.zh segments the
 * normalized text, its filler pairs dropped, and it is loaded so that it never
 * looks for @node-rs/jieba, nor says so on the console.
 */
import { describe, it, expect, vi } from 'vitest';
import lunr from 'lunr';
import { buildSearchIndex } from '../../../src/core/search/build-index';
import { normalize } from '../../../src/core/search/normalize';
import { loadReport } from './oracle';

// Spied before words.ts (and lunr.zh) is first loaded in this file's process.
const info = vi.spyOn(console, 'info');
const warn = vi.spyOn(console, 'warn');
const { segmentWords } = await import('../../../src/services/search/words');

const blocks = loadReport().blocks;

/** Intl.Segmenter's word-like segments of two or more code points: what lunr.zh falls back to. */
function intlWords(text: string): string[] {
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment)
    .filter((word) => Array.from(word).length >= 2);
}

describe('segmentWords', () => {
  it('gives words, not the pairs lunr.zh adds between them', () => {
    expect(segmentWords('推进新型城市化建设')).toEqual(['推进', '新型', '城市', '建设']);
    expect(segmentWords('创新型城市')).toEqual(['创新', '城市']);
    expect(segmentWords('市委市政府')).toEqual(['市委', '市政府']);
    expect(segmentWords('2018年5g网络')).toEqual(['2018', '5g', '网络']);
  });

  it('drops one-character words and punctuation', () => {
    expect(segmentWords('的、。在')).toEqual([]);
    expect(segmentWords('')).toEqual([]);
  });

  it("is Intl.Segmenter's segmentation on every block of the report (no jieba, no filler pair)", () => {
    for (const block of blocks) {
      const text = normalize(block.text);
      expect(segmentWords(text), block.id).toEqual(intlWords(text));
    }
  });

  it('prints nothing: lunr.zh never probes for @node-rs/jieba', () => {
    segmentWords('政府工作报告');
    buildSearchIndex(blocks.slice(0, 5), segmentWords);
    expect(info).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('the word table', () => {
  const index = buildSearchIndex(blocks, segmentWords);
  const serialized = JSON.parse(JSON.stringify(index)) as { fields: string[]; pipeline: unknown[] };

  it("leaves lunr's index as it was: text and head, nothing of the words", () => {
    expect(serialized.fields).toEqual(['text', 'head']);
    const terms = Object.keys(
      (index.lunr as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex,
    );
    expect(terms.every((term) => Array.from(term).length <= 2)).toBe(true);
  });

  it("holds each block's words: where a word is, with a positive weight", () => {
    // Each block segmented once: segmenting per table entry took seconds.
    const wordsOf = new Map(blocks.map((block) => [block.id, segmentWords(normalize(block.text))]));
    const pairs = new Set<string>();
    for (const [word, list] of Object.entries(index.words)) {
      for (let i = 0; i < list.length; i += 2) {
        const words = wordsOf.get(list[i] as string);
        expect(words, word).toContain(word);
        expect(list[i + 1], word).toBeGreaterThan(0);
        pairs.add(`${word}@${list[i] as string}`);
      }
    }
    const expected = [...wordsOf].flatMap(([id, words]) => words.map((word) => `${word}@${id}`));
    expect(pairs).toEqual(new Set(expected));
  });

  it('needs nothing of lunr-languages to load: the pipelines are empty', () => {
    expect(serialized.pipeline).toEqual([]);
    expect(() => lunr.Index.load(serialized)).not.toThrow();
  });
});
