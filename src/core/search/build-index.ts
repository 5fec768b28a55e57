/**
 * Builds the lunr index at build time. lunr's default pipeline (trimmer,
 * stop words, stemmer) strips or mangles CJK, so both pipelines are empty and
 * the tokenizer is ours (tokens.ts). lunr supplies BM25 weights, the inverted
 * index and serialization.
 *
 * A third field, `words`, holds the block's words as lunr-languages' lunr.zh
 * segments them (words.ts), each as a word term (tokens.ts). It finds nothing:
 * candidates come from `text` and `head` only. It is a ranking signal: where a
 * keyword is a whole word of a block, its BM25 weight in `words` is added to
 * the block's score (engine.ts). The segmenting happens here, at build time;
 * the serialized index needs nothing of lunr-languages to load.
 */
import lunr from 'lunr';
import type { Block, ReportDocument } from '../../shared/document';
import { normalize } from './normalize';
import { indexTerms, wordTerm } from './tokens';
import { segmentWords } from './words';

/** Headings and glossary entries rank above a paragraph that merely mentions a term. */
const KIND_BOOST: Record<Block['kind'], number> = {
  heading: 3,
  glossary: 1.5,
  paragraph: 1,
  meta: 1,
};
/** A run-in head (`强化平台建设。`) counts again as a field of its own. */
const HEAD_BOOST = 3;
/**
 * A keyword that is a whole word of a block: a nudge, not a second score.
 * Measured on the report (tests/unit/search/ranking.test.ts): it reorders
 * blocks of similar weight and leaves headings and glossary entries on top.
 */
export const WORDS_BOOST = 0.5;

function tokenize(value: unknown): lunr.Token[] {
  // The words field arrives as its terms, already segmented.
  if (Array.isArray(value)) return value.map((term: string) => new lunr.Token(term, {}));
  if (typeof value !== 'string') return [];
  return indexTerms(value).map((term) => new lunr.Token(term, {}));
}

export function buildSearchIndex(blocks: Block[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  // lunr's typings declare the tokenizer as its own function type; ours has its call shape.
  (builder as unknown as { tokenizer: typeof tokenize }).tokenizer = tokenize;
  builder.ref('id');
  builder.field('text');
  builder.field('head', { boost: HEAD_BOOST });
  builder.field('words', { boost: WORDS_BOOST });
  for (const block of blocks) {
    const head = block.lead === undefined ? '' : block.text.slice(0, block.lead);
    const text = normalize(block.text);
    builder.add(
      { id: block.id, text, head: normalize(head), words: segmentWords(text).map(wordTerm) },
      { boost: KIND_BOOST[block.kind] },
    );
  }
  return builder.build();
}

export function buildSerializedIndex(document: ReportDocument): string {
  return JSON.stringify(buildSearchIndex(document.blocks));
}
