/**
 * Builds the lunr index at build time. lunr's default pipeline (trimmer,
 * stop words, stemmer) strips or mangles CJK, so both pipelines are empty and
 * the tokenizer is ours (tokens.ts). lunr supplies BM25 weights, the inverted
 * index and serialization.
 */
import lunr from 'lunr';
import type { Block, ReportDocument } from '../../shared/document';
import { normalize } from './normalize';
import { indexTerms } from './tokens';

/** Headings and glossary entries rank above a paragraph that merely mentions a term. */
const KIND_BOOST: Record<Block['kind'], number> = {
  heading: 3,
  glossary: 1.5,
  paragraph: 1,
  meta: 1,
};
/** A run-in head (`强化平台建设。`) counts again as a field of its own. */
const HEAD_BOOST = 3;

function tokenize(value: unknown): lunr.Token[] {
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
  for (const block of blocks) {
    const head = block.lead === undefined ? '' : block.text.slice(0, block.lead);
    builder.add(
      { id: block.id, text: normalize(block.text), head: normalize(head) },
      { boost: KIND_BOOST[block.kind] },
    );
  }
  return builder.build();
}

export function buildSerializedIndex(document: ReportDocument): string {
  return JSON.stringify(buildSearchIndex(document.blocks));
}
