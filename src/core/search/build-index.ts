/**
 * Builds the search index at build time. lunr's default pipeline (trimmer,
 * stop words, stemmer) strips or mangles CJK, so both pipelines are empty and
 * the tokenizer is ours (tokens.ts). lunr supplies BM25 weights, the inverted
 * index and serialization.
 *
 * Beside it, a ranking signal: each block's words as lunr-languages' lunr.zh
 * segments them (words.ts), and for each word the blocks where it is a whole
 * word with its BM25 weight there (a lunr index of its own, over those words).
 * Where a keyword is a whole word of a hit, that weight is added to the hit's
 * score (engine.ts); it finds nothing. It is kept as a compact table beside
 * lunr's JSON, not as a third field of the main index: in lunr every posting
 * names every field and every block gets a vector per field, so a words field
 * made the 100× bench index 18% larger raw (20% gzip) and its load ~40% slower;
 * the table adds 12% raw (7% gzip) and no load time this machine can measure.
 * The segmenting happens here, at build time: loading the index needs nothing
 * of lunr-languages. The segmenter is handed in (src/services/search/words.ts
 * loads lunr.zh, which takes Node's file and vm modules), so this file stays
 * pure domain code.
 */
import lunr from 'lunr';
import type { Block, ReportDocument } from '../../shared/document';
import type { SearchIndex, WordWeights } from './engine';
import { normalize } from './normalize';
import { indexTerms } from './tokens';

/** The words (two or more code points) of a normalized text, in order, repeats kept. */
export type SegmentWords = (normalized: string) => string[];

/** Headings and glossary entries rank above a paragraph that merely mentions a term. */
export const KIND_BOOST: Record<Block['kind'], number> = {
  heading: 3,
  glossary: 1.5,
  paragraph: 1,
  meta: 1,
};
/** A run-in head (`强化平台建设。`) counts again as a field of its own. */
export const HEAD_BOOST = 3;
/**
 * A keyword that is a whole word of a block: a nudge, not a second score.
 * Tried on the report (tests/unit/search/ranking.test.ts): at 1 it outweighs
 * the characters themselves and pushes compounds (省政府 for 政府) far down;
 * at 0.5 it settles near-ties and leaves headings and glossary entries on top.
 */
export const WORDS_BOOST = 0.5;

/** The serialized index: lunr's own JSON (lunr.Index.load reads it as is), plus the word table. */
export type SerializedSearchIndex = object & { words: WordWeights };

function tokenize(value: unknown): lunr.Token[] {
  if (typeof value !== 'string') return [];
  return indexTerms(value).map((term) => new lunr.Token(term, {}));
}

/** The words field arrives as its words, already segmented. */
function wordTokens(value: unknown): lunr.Token[] {
  return Array.isArray(value) ? value.map((word: string) => new lunr.Token(word, {})) : [];
}

/**
 * lunr's Builder.build less its TokenSet: build() also makes an automaton of
 * every term, which only lunr's own query parser walks. The engine never runs
 * that parser, and the serialized index never holds the automaton (Index.toJSON
 * leaves it out; lunr.Index.load would make it again). It was ~30% of a build
 * (the app builds an index for every report file added, in the parse worker).
 * The index made here is for its tables and its JSON, not for lunr's search().
 */
function buildTables(builder: lunr.Builder): lunr.Index {
  // lunr 2.3.9's build() calls this.createTokenSet(); its typings do not declare it.
  (builder as unknown as { createTokenSet(): void }).createTokenSet = function (this: {
    tokenSet: lunr.TokenSet;
  }) {
    this.tokenSet = new lunr.TokenSet();
  };
  return builder.build();
}

function emptyBuilder(tokenizer: (value: unknown) => lunr.Token[]): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  // lunr's typings declare the tokenizer as its own function type; ours has its call shape.
  (builder as unknown as { tokenizer: typeof tokenizer }).tokenizer = tokenizer;
  builder.ref('id');
  return builder;
}

/** For each word, its blocks in block order with lunr's BM25 weight of the word there. */
function buildWordWeights(
  blocks: Block[],
  texts: string[],
  segmentWords: SegmentWords,
): WordWeights {
  const builder = emptyBuilder(wordTokens);
  builder.field('words', { boost: WORDS_BOOST });
  blocks.forEach((block, i) => {
    builder.add({ id: block.id, words: segmentWords(texts[i]) }, { boost: KIND_BOOST[block.kind] });
  });
  // lunr keeps term numbers in the inverted index and weights in field vectors.
  const index = buildTables(builder) as unknown as {
    invertedIndex: Record<string, { _index: number }>;
    fieldVectors: Record<string, { elements: number[] }>;
  };
  const words: string[] = [];
  for (const [word, { _index }] of Object.entries(index.invertedIndex)) words[_index] = word;
  // A Map, not an object, so that no word (`__proto__`) can touch a prototype.
  const table = new Map<string, (string | number)[]>();
  for (const block of blocks) {
    const elements = index.fieldVectors[`words/${block.id}`]?.elements ?? [];
    for (let e = 0; e < elements.length; e += 2) {
      const word = words[elements[e]];
      let list = table.get(word);
      if (!list) table.set(word, (list = []));
      list.push(block.id, elements[e + 1]);
    }
  }
  return Object.fromEntries(table);
}

export function buildSearchIndex(
  blocks: Block[],
  segmentWords: SegmentWords,
): SearchIndex & { toJSON(): SerializedSearchIndex } {
  const builder = emptyBuilder(tokenize);
  builder.field('text');
  builder.field('head', { boost: HEAD_BOOST });
  const texts = blocks.map((block) => normalize(block.text));
  blocks.forEach((block, i) => {
    const head = block.lead === undefined ? '' : block.text.slice(0, block.lead);
    builder.add(
      { id: block.id, text: texts[i], head: normalize(head) },
      { boost: KIND_BOOST[block.kind] },
    );
  });
  const index = buildTables(builder);
  const words = buildWordWeights(blocks, texts, segmentWords);
  return { lunr: index, words, toJSON: () => ({ ...index.toJSON(), words }) };
}

export function buildSerializedIndex(document: ReportDocument, segmentWords: SegmentWords): string {
  return JSON.stringify(buildSearchIndex(document.blocks, segmentWords));
}
