/**
 * Keyword search over the report with Ctrl+F's recall and precision, ranked.
 *
 * lunr holds the index: terms (tokens.ts), postings and BM25 field vectors.
 * A query is answered without lunr's query parser, which throws on `:` `~` `^`
 * and costs more than the whole search should: candidates are the blocks whose
 * postings contain every term of every keyword, the exact substring check on
 * the normalized text keeps only real hits, and the score is the sum of lunr's
 * BM25 weights for the query's terms.
 */
import lunr from 'lunr';
import type { Block } from '../../shared/document';
import type { SearchHit, SearchOrder, SearchResult } from '../../shared/search';
import { makeSnippet } from '../../shared/snippet';
import { normalizeWithMap, queryKeywords, type Normalized } from './normalize';
import { queryTerms } from './tokens';

const FIELDS = ['text', 'head'] as const;

interface Posting {
  /** lunr's term index, to look the weight up in field vectors. */
  termIndex: number;
  /** Block ordinals, ascending. */
  blocks: Int32Array;
}

export class SearchEngine {
  private readonly order = new Map<string, number>();
  private readonly normalized: (Normalized | undefined)[];
  private readonly postings = new Map<string, Posting | null>();
  /** Scratch for intersections: a block is a candidate when its count reaches the term count. */
  private readonly seen: Int32Array;

  constructor(
    private readonly index: lunr.Index,
    private readonly blocks: Pick<Block, 'id' | 'text'>[],
  ) {
    blocks.forEach((block, ordinal) => this.order.set(block.id, ordinal));
    this.normalized = new Array(blocks.length);
    this.seen = new Int32Array(blocks.length);
  }

  static load(serialized: string | object, blocks: Pick<Block, 'id' | 'text'>[]): SearchEngine {
    const json = typeof serialized === 'string' ? (JSON.parse(serialized) as object) : serialized;
    return new SearchEngine(lunr.Index.load(json), blocks);
  }

  private normalizedText(ordinal: number): Normalized {
    return (this.normalized[ordinal] ??= normalizeWithMap(this.blocks[ordinal].text));
  }

  private posting(term: string): Posting | null {
    let posting = this.postings.get(term);
    if (posting !== undefined) return posting;
    // lunr's inverted index is a plain object keyed by term.
    const entry = (this.index as unknown as { invertedIndex: Record<string, unknown> })
      .invertedIndex[term] as
      ({ _index: number } & Record<string, Record<string, unknown>>) | undefined;
    if (!entry) {
      posting = null;
    } else {
      const ordinals = new Set<number>();
      for (const field of FIELDS) {
        for (const ref of Object.keys(entry[field] ?? {})) {
          const ordinal = this.order.get(ref);
          if (ordinal !== undefined) ordinals.add(ordinal);
        }
      }
      posting = {
        termIndex: entry._index,
        blocks: Int32Array.from([...ordinals].sort((a, b) => a - b)),
      };
    }
    this.postings.set(term, posting);
    return posting;
  }

  /** Blocks having every term, in document order. */
  private candidates(postings: Posting[]): number[] {
    postings.sort((a, b) => a.blocks.length - b.blocks.length);
    this.seen.fill(0);
    for (const posting of postings) {
      for (const ordinal of posting.blocks) this.seen[ordinal]++;
    }
    const found: number[] = [];
    for (const ordinal of postings[0].blocks) {
      if (this.seen[ordinal] === postings.length) found.push(ordinal);
    }
    return found;
  }

  private score(ordinal: number, postings: Posting[]): number {
    const id = this.blocks[ordinal].id;
    const vectors = (this.index as unknown as { fieldVectors: Record<string, lunr.Vector> })
      .fieldVectors;
    let score = 0;
    for (const field of FIELDS) {
      const vector = vectors[`${field}/${id}`] as unknown as { elements: number[] } | undefined;
      if (!vector) continue;
      for (const posting of postings) score += weightOf(vector.elements, posting.termIndex);
    }
    return Math.round(score * 1000) / 1000;
  }

  search(query: string, order: SearchOrder = 'relevance'): SearchResult {
    const keywords = queryKeywords(query);
    if (keywords.length === 0) return { query, hits: [], total: 0 };
    const terms = [...new Set(keywords.flatMap(queryTerms))];
    const postings: Posting[] = [];
    for (const term of terms) {
      const posting = this.posting(term);
      if (!posting) return { query, hits: [], total: 0 };
      postings.push(posting);
    }

    const hits: (SearchHit & { ordinal: number })[] = [];
    let total = 0;
    for (const ordinal of this.candidates(postings)) {
      const normalized = this.normalizedText(ordinal);
      if (!keywords.every((keyword) => normalized.text.includes(keyword))) continue;
      const matches = findMatches(normalized, keywords);
      total += matches.length;
      const text = this.blocks[ordinal].text;
      hits.push({
        ordinal,
        block: this.blocks[ordinal].id,
        score: order === 'relevance' ? this.score(ordinal, postings) : 0,
        snippet: makeSnippet(text, matches).text,
        matches,
      });
    }
    if (order === 'relevance') hits.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
    return { query, hits: hits.map(({ ordinal: _ordinal, ...hit }) => hit), total };
  }
}

/** The weight at `termIndex` in a lunr vector's [index, value, index, value, …] elements. */
function weightOf(elements: number[], termIndex: number): number {
  let low = 0;
  let high = elements.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const index = elements[middle * 2];
    if (index === termIndex) return elements[middle * 2 + 1];
    if (index < termIndex) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

/**
 * Every occurrence of every keyword, as source offsets, merged where they
 * overlap or touch, in order. Overlapping occurrences count too (`00` twice
 * in `3000`), so the whole of `000` is marked.
 */
export function findMatches(normalized: Normalized, keywords: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const keyword of keywords) {
    for (
      let at = normalized.text.indexOf(keyword);
      at >= 0;
      at = normalized.text.indexOf(keyword, at + 1)
    ) {
      ranges.push([normalized.from[at], normalized.to[at + keyword.length - 1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
