/**
 * Keyword search over the report with Ctrl+F's recall and precision, ranked.
 *
 * lunr holds the index: terms (tokens.ts), postings and BM25 field vectors.
 * A query is answered without lunr's query parser, which throws on `:` `~` `^`
 * and costs more than the whole search should: candidates are the blocks whose
 * postings contain every term of every keyword, the exact substring check on
 * the normalized text keeps only real hits, and the score is the sum of lunr's
 * BM25 weights for the query's terms, plus, for each keyword that is a whole
 * word of the block (the word table, build-index.ts), its weight there.
 */
import lunr from 'lunr';
import type { Block } from '../../shared/document';
import type { SearchHit, SearchOrder, SearchResult } from '../../shared/search';
import { makeSnippet } from './snippet';
import { normalizeWithMap, queryKeywords, type Normalized } from './normalize';
import { queryTerms } from './tokens';

const FIELDS = ['text', 'head'] as const;
const NO_ELEMENTS: number[] = [];

/**
 * Per word (two or more code points, normalized), the blocks where it is a
 * whole word, as [id, weight, id, weight, …] in block order: lunr's BM25
 * weight of the word among the blocks' words (build-index.ts).
 */
export type WordWeights = Record<string, (string | number)[]>;

/** What the engine searches: lunr's index of characters and pairs, and the word table. */
export interface SearchIndex {
  lunr: lunr.Index;
  words: WordWeights;
}

interface Posting {
  /** Block ordinals holding the term, ascending. */
  blocks: Int32Array;
  /** lunr's BM25 weight of the term in each of those blocks (all fields summed). */
  weights: Float64Array;
  /**
   * When the term has been searched as a keyword on its own: its number of
   * matches (merged ranges) in each of those blocks. Counting every
   * occurrence of a common character reads most of the text; it is done once.
   */
  counts?: Int32Array;
}

export interface SearchOptions {
  order?: SearchOrder;
  /** Also make a snippet per hit with matches (the CLI prints them; the app makes its own). */
  snippets?: boolean;
  /**
   * Match ranges (and snippets) only for the first this-many hits, in the
   * answer's order; every hit still has its `count`. Default: every hit.
   * Finding every range of a common word in thousands of blocks costs more
   * than the search; the app asks for one page and the rest when needed.
   */
  matchLimit?: number;
}

export class SearchEngine {
  private readonly order = new Map<string, number>();
  private readonly normalized: (Normalized | undefined)[];
  private readonly postings = new Map<string, Posting | null>();
  /** A keyword's blocks where it is a whole word, with its weight there; null for none. */
  private readonly wordPostings = new Map<string, Posting | null>();
  /** Each field's lunr vector elements, by block ordinal: looked up once, not per hit. */
  private readonly vectors: number[][][];
  private readonly index: lunr.Index;
  private readonly words: WordWeights;

  constructor(
    index: SearchIndex,
    private readonly blocks: readonly Pick<Block, 'id' | 'text'>[],
  ) {
    this.index = index.lunr;
    this.words = index.words;
    blocks.forEach((block, ordinal) => this.order.set(block.id, ordinal));
    this.normalized = new Array(blocks.length);
    // lunr keeps field vectors keyed by "field/ref"; its typings hide the elements.
    const fieldVectors = (
      this.index as unknown as { fieldVectors: Record<string, { elements: number[] }> }
    ).fieldVectors;
    this.vectors = FIELDS.map((field) =>
      blocks.map((block) => fieldVectors[`${field}/${block.id}`]?.elements ?? NO_ELEMENTS),
    );
  }

  static load(
    serialized: string | object,
    blocks: readonly Pick<Block, 'id' | 'text'>[],
  ): SearchEngine {
    const json = (typeof serialized === 'string' ? JSON.parse(serialized) : serialized) as {
      words?: WordWeights;
    };
    // lunr.Index.load reads lunr's own keys and ignores `words`. An index built
    // before the word table ranks without it.
    return new SearchEngine({ lunr: lunr.Index.load(json), words: json.words ?? {} }, blocks);
  }

  private normalizedText(ordinal: number): Normalized {
    return (this.normalized[ordinal] ??= normalizeWithMap(this.blocks[ordinal].text));
  }

  /** The term's blocks and weights, built once from lunr's index and kept. */
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
      const blocks = Int32Array.from([...ordinals].sort((a, b) => a - b));
      const weights = new Float64Array(blocks.length);
      blocks.forEach((ordinal, i) => {
        for (const field of this.vectors) weights[i] += weightOf(field[ordinal], entry._index);
      });
      posting = { blocks, weights };
    }
    this.postings.set(term, posting);
    return posting;
  }

  /** Where a keyword is a whole word: its blocks and weights from the word table, built once and kept. */
  private wordPosting(keyword: string): Posting | null {
    let posting = this.wordPostings.get(keyword);
    if (posting !== undefined) return posting;
    // The table is parsed JSON: an inherited key (`constructor`) is no word.
    const list = Object.hasOwn(this.words, keyword) ? this.words[keyword] : [];
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      const ordinal = this.order.get(list[i] as string);
      if (ordinal !== undefined) pairs.push([ordinal, list[i + 1] as number]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    posting =
      pairs.length === 0
        ? null
        : {
            blocks: Int32Array.from(pairs, ([ordinal]) => ordinal),
            weights: Float64Array.from(pairs, ([, weight]) => weight),
          };
    this.wordPostings.set(keyword, posting);
    return posting;
  }

  /**
   * Blocks holding every term, in document order, with their BM25 score: the
   * posting lists are walked in step, shortest first. A candidate in one of
   * `bonuses` (whole-word postings) gets its weight there too; they never
   * add or drop a candidate.
   */
  private candidates(
    postings: Posting[],
    bonuses: Posting[],
  ): { ordinals: number[]; scores: number[] } {
    postings.sort((a, b) => a.blocks.length - b.blocks.length);
    const [first, ...rest] = postings;
    const cursors = new Int32Array(rest.length);
    const bonusCursors = new Int32Array(bonuses.length);
    const ordinals: number[] = [];
    const scores: number[] = [];
    outer: for (let i = 0; i < first.blocks.length; i++) {
      const ordinal = first.blocks[i];
      let score = first.weights[i];
      for (let r = 0; r < rest.length; r++) {
        const at = (cursors[r] = seek(rest[r].blocks, cursors[r], ordinal));
        if (rest[r].blocks[at] !== ordinal) continue outer;
        score += rest[r].weights[at];
      }
      for (let b = 0; b < bonuses.length; b++) {
        const at = (bonusCursors[b] = seek(bonuses[b].blocks, bonusCursors[b], ordinal));
        if (bonuses[b].blocks[at] === ordinal) score += bonuses[b].weights[at];
      }
      ordinals.push(ordinal);
      scores.push(Math.round(score * 1000) / 1000);
    }
    return { ordinals, scores };
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const order = options.order ?? 'relevance';
    const keywords = queryKeywords(query);
    if (keywords.length === 0) return { query, hits: [], total: 0 };
    const terms = [...new Set(keywords.flatMap(queryTerms))];
    const postings: Posting[] = [];
    for (const term of terms) {
      const posting = this.posting(term);
      if (!posting) return { query, hits: [], total: 0 };
      postings.push(posting);
    }
    // A keyword of one or two characters is itself a term: its posting is exact.
    const needsCheck = keywords.some((keyword) => Array.from(keyword).length > 2);

    const bonuses: Posting[] = [];
    if (order === 'relevance') {
      for (const keyword of keywords) {
        const posting = this.wordPosting(keyword);
        if (posting) bonuses.push(posting);
      }
    }

    const { ordinals, scores } = this.candidates(postings, bonuses);
    // The real hits, as indices into `ordinals`, in document order.
    let kept: Int32Array;
    let hitCount: number;
    /** Matches per hit (by position in `kept`) when known before ranking. */
    let counts: Int32Array | null = null;
    if (!needsCheck && keywords.length === 1) {
      // One keyword that is itself the only term: every candidate is a hit.
      const [posting] = postings;
      posting.counts ??= Int32Array.from(posting.blocks, (ordinal) =>
        countMatches(this.normalizedText(ordinal), keywords),
      );
      counts = posting.counts;
      hitCount = ordinals.length;
      kept = new Int32Array(hitCount);
      for (let i = 0; i < hitCount; i++) kept[i] = i;
    } else {
      kept = new Int32Array(ordinals.length);
      hitCount = 0;
      for (let i = 0; i < ordinals.length; i++) {
        const { text } = this.normalizedText(ordinals[i]);
        if (needsCheck && !keywords.every((keyword) => text.includes(keyword))) continue;
        kept[hitCount++] = i;
      }
    }
    // Positions in `kept`, in the answer's order.
    const ranked = order === 'relevance' ? rankByScore(kept, hitCount, scores) : null;
    const matchLimit = Math.min(options.matchLimit ?? Infinity, hitCount);
    const hits = new Array<SearchHit>(hitCount);
    let total = 0;
    for (let r = 0; r < hitCount; r++) {
      const k = ranked ? ranked[r] : r;
      const i = kept[k];
      const ordinal = ordinals[i];
      const hit: SearchHit = {
        block: this.blocks[ordinal].id,
        score: ranked ? scores[i] : 0,
        count: 0,
      };
      if (r < matchLimit) {
        // The ranges give the count: a hit of the page is never counted twice.
        const matches = findMatches(this.normalizedText(ordinal), keywords);
        hit.matches = matches;
        hit.count = matches.length;
        if (options.snippets) {
          hit.snippet = makeSnippet(this.blocks[ordinal].text, matches, keywords).text;
        }
      } else {
        hit.count = counts ? counts[k] : countMatches(this.normalizedText(ordinal), keywords);
      }
      total += hit.count;
      hits[r] = hit;
    }
    return { query, hits, total };
  }

  /** Every match of `query` in each of `blocks` (ids; unknown ones get none), as in a hit's `matches`. */
  matchesIn(query: string, blocks: string[]): [number, number][][] {
    const keywords = queryKeywords(query);
    return blocks.map((id) => {
      const ordinal = this.order.get(id);
      if (ordinal === undefined || keywords.length === 0) return [];
      return findMatches(this.normalizedText(ordinal), keywords);
    });
  }
}

/**
 * Positions 0…length-1 of `kept` (indices into `scores`, ascending) ordered
 * by score descending, ties in document order. One numeric sort of packed
 * keys, with no comparator and no object per hit: scores are rounded to
 * thousandths, so (negated score in thousandths, position) packs exactly
 * into a double.
 */
function rankByScore(kept: Int32Array, length: number, scores: number[]): Int32Array {
  const SPAN = 2 ** 22;
  let max = 0;
  for (let k = 0; k < length; k++) max = Math.max(max, Math.round(scores[kept[k]] * 1000));
  const ranked = new Int32Array(length);
  for (let k = 0; k < length; k++) ranked[k] = k;
  if (length >= SPAN || max >= 2 ** 30) {
    // Out of the packed range (never in this report): sort with a comparator.
    return ranked.sort((a, b) => scores[kept[b]] - scores[kept[a]] || a - b);
  }
  const keys = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    keys[k] = (max - Math.round(scores[kept[k]] * 1000)) * SPAN + k;
  }
  keys.sort();
  for (let r = 0; r < length; r++) ranked[r] = keys[r] % SPAN;
  return ranked;
}

/**
 * How many ranges findMatches would return, without making them: for one
 * keyword, its occurrences in order, merged where they overlap or touch in
 * the source. A one-unit keyword (most first keystrokes) is counted by a
 * plain loop over the text, cheaper than an indexOf per occurrence.
 */
export function countMatches(normalized: Normalized, keywords: string[]): number {
  if (keywords.length > 1) return findMatches(normalized, keywords).length;
  const [keyword] = keywords;
  const { text, from, to } = normalized;
  let count = 0;
  let lastEnd = -1;
  if (keyword.length === 1) {
    const code = keyword.charCodeAt(0);
    for (let at = 0; at < text.length; at++) {
      if (text.charCodeAt(at) !== code) continue;
      if (from[at] > lastEnd) count++;
      lastEnd = to[at];
    }
    return count;
  }
  const last = keyword.length - 1;
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    if (from[at] > lastEnd) count++;
    lastEnd = Math.max(lastEnd, to[at + last]);
  }
  return count;
}

/** The first position from `at` on whose block is not before `ordinal` (blocks ascending). */
function seek(blocks: Int32Array, at: number, ordinal: number): number {
  while (at < blocks.length && blocks[at] < ordinal) at++;
  return at;
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
