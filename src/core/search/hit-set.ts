/**
 * One report's hits for a query, found and ranked from its postings: the
 * part of search both engines share, so that the library's search
 * (cross-report.ts) finds and ranks within a report exactly as the report's
 * own engine (engine.ts) does.
 *
 * Candidates are the blocks whose postings hold every term of every keyword
 * (posting lists walked in step, shortest first); the exact substring check
 * on the normalized text keeps only real hits; the score is the sum of the
 * terms' BM25 weights plus, for each keyword that is a whole word of the
 * block, its weight there (a nudge: it never adds or drops a hit).
 */
import type { SearchOrder } from '../../shared/search';
import { countMatches } from './matches';
import { queryKeywords, type Normalized } from './normalize';
import { queryTerms } from './tokens';

export interface Posting {
  /** Block ordinals holding the term, ascending. */
  blocks: Int32Array;
  /** BM25 weight of the term in each of those blocks (all fields summed). */
  weights: Float64Array;
  /**
   * The term searched as a keyword on its own: its number of matches (merged
   * ranges) in each of those blocks. The single-report engine counts them at
   * the first such search and keeps them; the library's index stores them.
   */
  counts?: Int32Array;
}

/** What a report offers a search: its postings and its normalized texts. */
export interface HitSource {
  /** The blocks holding an index term (a character or a pair), or null for none. */
  posting(term: string): Posting | null;
  /** Where a keyword is a whole word, with its weight there; null for nowhere. */
  wordPosting(keyword: string): Posting | null;
  normalizedText(ordinal: number): Normalized;
}

/** A query taken apart once, then asked of every report. */
export interface ParsedQuery {
  keywords: string[];
  /** Every index term the keywords need, each once. */
  terms: string[];
  /** A keyword longer than a pair: its terms find candidates, the text decides. */
  needsCheck: boolean;
  order: SearchOrder;
}

/** The query's keywords and terms; null when it has no keyword (empty, or punctuation only). */
export function parseQuery(query: string, order: SearchOrder = 'relevance'): ParsedQuery | null {
  const keywords = queryKeywords(query);
  if (keywords.length === 0) return null;
  return {
    keywords,
    terms: [...new Set(keywords.flatMap(queryTerms))],
    // A keyword of one or two characters is itself a term: its posting is exact.
    needsCheck: keywords.some((keyword) => Array.from(keyword).length > 2),
    order,
  };
}

/** One report's hits in the answer's order, with their scores and match counts. */
export class HitSet {
  constructor(
    private readonly source: HitSource,
    private readonly keywords: string[],
    /** Candidate ordinals (document order) and their scores. */
    private readonly ordinals: number[],
    private readonly scores: number[],
    /** The real hits, as indices into `ordinals`, in document order. */
    private readonly kept: Int32Array,
    readonly length: number,
    /** Positions in `kept`, in the answer's order; null for document order. */
    private readonly ranked: Int32Array | null,
    /** Matches per hit (by position in `kept`), when known without the text. */
    private readonly counts: Int32Array | null,
  ) {}

  private position(rank: number): number {
    return this.ranked ? this.ranked[rank] : rank;
  }

  /** The block ordinal of the hit at `rank` in the answer. */
  ordinal(rank: number): number {
    return this.ordinals[this.kept[this.position(rank)]];
  }

  /** Its score; 0 in document order. */
  score(rank: number): number {
    return this.ranked ? this.scores[this.kept[this.ranked[rank]]] : 0;
  }

  /** Its number of matches. */
  count(rank: number): number {
    const k = this.position(rank);
    return this.counts
      ? this.counts[k]
      : countMatches(this.source.normalizedText(this.ordinals[this.kept[k]]), this.keywords);
  }
}

/** The report's hits for a parsed query (an empty set when a term is nowhere in it). */
export function findHits(source: HitSource, query: ParsedQuery): HitSet {
  const { keywords, needsCheck, order } = query;
  const postings: Posting[] = [];
  for (const term of query.terms) {
    const posting = source.posting(term);
    if (!posting) return new HitSet(source, keywords, [], [], new Int32Array(0), 0, null, null);
    postings.push(posting);
  }
  const bonuses: Posting[] = [];
  if (order === 'relevance') {
    for (const keyword of keywords) {
      const posting = source.wordPosting(keyword);
      if (posting) bonuses.push(posting);
    }
  }

  const { ordinals, scores } = candidates(postings, bonuses);
  let kept: Int32Array;
  let hitCount: number;
  let counts: Int32Array | null = null;
  if (!needsCheck && keywords.length === 1) {
    // One keyword that is itself the only term: every candidate is a hit.
    const [posting] = postings;
    posting.counts ??= Int32Array.from(posting.blocks, (ordinal) =>
      countMatches(source.normalizedText(ordinal), keywords),
    );
    counts = posting.counts;
    hitCount = ordinals.length;
    kept = new Int32Array(hitCount);
    for (let i = 0; i < hitCount; i++) kept[i] = i;
  } else {
    // Only a keyword longer than a pair needs the text: the postings of shorter ones are exact.
    kept = new Int32Array(ordinals.length);
    hitCount = 0;
    for (let i = 0; i < ordinals.length; i++) {
      if (needsCheck) {
        const { text } = source.normalizedText(ordinals[i]);
        if (!keywords.every((keyword) => text.includes(keyword))) continue;
      }
      kept[hitCount++] = i;
    }
  }
  const ranked = order === 'relevance' ? rankByScore(kept, hitCount, scores) : null;
  return new HitSet(source, keywords, ordinals, scores, kept, hitCount, ranked, counts);
}

/**
 * Blocks holding every term, in document order, with their BM25 score: the
 * posting lists are walked in step, shortest first. A candidate in one of
 * `bonuses` (whole-word postings) gets its weight there too; they never
 * add or drop a candidate.
 */
function candidates(
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

/** The first position from `at` on whose block is not before `ordinal` (blocks ascending). */
function seek(blocks: Int32Array, at: number, ordinal: number): number {
  while (at < blocks.length && blocks[at] < ordinal) at++;
  return at;
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
