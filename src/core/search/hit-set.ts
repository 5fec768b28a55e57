/**
 * One report's hits for a query, found and ranked from its postings: the
 * part of search both engines share, so that the library's search
 * (cross-report.ts) finds and ranks within a report exactly as the report's
 * own engine (engine.ts) does.
 *
 * Candidates are the blocks whose postings hold every term of every keyword
 * (posting lists walked in step, shortest first); the exact substring check
 * on the normalized text keeps only real hits, and counts their matches in
 * the same pass (a lone one- or two-character keyword's posting is exact,
 * and holds its counts: no text is read); the score is the sum of the
 * terms' BM25 weights plus, for each keyword that is a whole word of the
 * block, its weight there (a nudge: it never adds or drops a hit).
 */
import type { SearchOrder } from '../../shared/search';
import { queryKeywords } from './normalize';
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

/** What a report offers a search: its postings, and its blocks' texts to check and count. */
export interface HitSource {
  /** The blocks holding an index term (a character or a pair), or null for none. */
  posting(term: string): Posting | null;
  /** Where a keyword is a whole word, with its weight there; null for nowhere. */
  wordPosting(keyword: string): Posting | null;
  /** A block's matches of the keywords when its normalized text holds every one, else 0 (countHit). */
  countHit(ordinal: number, keywords: string[]): number;
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
    /** The hits' block ordinals, in document order (a posting's own array, when every entry is a hit). */
    private readonly ordinals: Int32Array,
    /** Each hit's score (by position in `ordinals`); null in document order. */
    private readonly scores: Float64Array | null,
    /** Each hit's number of matches (by position in `ordinals`). */
    private readonly counts: Int32Array,
    readonly length: number,
    /** Positions in `ordinals`, in the answer's order; null for document order. */
    private readonly ranked: Int32Array | null,
  ) {}

  private position(rank: number): number {
    return this.ranked ? this.ranked[rank] : rank;
  }

  /** The block ordinal of the hit at `rank` in the answer. */
  ordinal(rank: number): number {
    return this.ordinals[this.position(rank)];
  }

  /** Its score; 0 in document order. */
  score(rank: number): number {
    return this.ranked && this.scores ? this.scores[this.ranked[rank]] : 0;
  }

  /** Its number of matches. */
  count(rank: number): number {
    return this.counts[this.position(rank)];
  }
}

/** A counting sort ranks at least this many hits… */
const COUNTING_MIN = 256;
/** …when their scores span at most this many thousandths per hit. */
const COUNTING_SPREAD = 8;

const NO_HITS = new HitSet(new Int32Array(0), null, new Int32Array(0), 0, null);

/** The report's hits for a parsed query (an empty set when a term is nowhere in it). */
export function findHits(source: HitSource, query: ParsedQuery): HitSet {
  const { keywords, needsCheck, order } = query;
  const relevance = order === 'relevance';
  const postings: Posting[] = [];
  for (const term of query.terms) {
    const posting = source.posting(term);
    if (!posting) return NO_HITS;
    postings.push(posting);
  }
  const bonuses: Posting[] = [];
  if (relevance) {
    for (const keyword of keywords) {
      const posting = source.wordPosting(keyword);
      if (posting) bonuses.push(posting);
    }
  }

  if (!needsCheck && keywords.length === 1) {
    // One keyword that is itself the only term: every entry of its posting is a hit, and its counts are theirs.
    const [posting] = postings;
    posting.counts ??= Int32Array.from(posting.blocks, (ordinal) =>
      source.countHit(ordinal, keywords),
    );
    const { length } = posting.blocks;
    const scores = relevance ? scoresOf(posting, bonuses) : null;
    const ranked = scores ? rankByScore(scores, length) : null;
    return new HitSet(posting.blocks, scores, posting.counts, length, ranked);
  }

  // Candidates hold every term; the text decides (a keyword longer than a pair, or
  // several keywords, whose ranges may merge) and counts in the same pass.
  const { ordinals, scores, length: candidateCount } = candidates(postings, bonuses, relevance);
  const counts = new Int32Array(candidateCount);
  let length = 0;
  for (let i = 0; i < candidateCount; i++) {
    const count = source.countHit(ordinals[i], keywords);
    if (count === 0) continue;
    ordinals[length] = ordinals[i];
    if (scores) scores[length] = scores[i];
    counts[length++] = count;
  }
  const ranked = scores ? rankByScore(scores, length) : null;
  return new HitSet(ordinals, scores, counts, length, ranked);
}

/** A lone posting's score in each of its blocks: its weight, plus a whole word's there. */
function scoresOf(posting: Posting, bonuses: Posting[]): Float64Array {
  const { blocks, weights } = posting;
  const scores = new Float64Array(blocks.length);
  if (bonuses.length === 0) {
    for (let i = 0; i < blocks.length; i++) scores[i] = Math.round(weights[i] * 1000) / 1000;
    return scores;
  }
  const bonusCursors = new Int32Array(bonuses.length);
  for (let i = 0; i < blocks.length; i++) {
    scores[i] = Math.round(withBonuses(weights[i], blocks[i], bonuses, bonusCursors) * 1000) / 1000;
  }
  return scores;
}

/** `score` plus the weight of each whole word (`bonuses`) found in the block; cursors move forward only. */
function withBonuses(
  score: number,
  ordinal: number,
  bonuses: Posting[],
  bonusCursors: Int32Array,
): number {
  for (let b = 0; b < bonuses.length; b++) {
    const at = (bonusCursors[b] = seek(bonuses[b].blocks, bonusCursors[b], ordinal));
    if (bonuses[b].blocks[at] === ordinal) score += bonuses[b].weights[at];
  }
  return score;
}

/**
 * Blocks holding every term, in document order, with their BM25 score when
 * ranked: the posting lists are walked in step, shortest first. A candidate
 * in one of `bonuses` (whole-word postings) gets its weight there too; they
 * never add or drop a candidate.
 */
function candidates(
  postings: Posting[],
  bonuses: Posting[],
  scored: boolean,
): { ordinals: Int32Array; scores: Float64Array | null; length: number } {
  postings.sort((a, b) => a.blocks.length - b.blocks.length);
  const [first, ...rest] = postings;
  const cursors = new Int32Array(rest.length);
  const bonusCursors = new Int32Array(bonuses.length);
  const ordinals = new Int32Array(first.blocks.length);
  const scores = scored ? new Float64Array(first.blocks.length) : null;
  let length = 0;
  outer: for (let i = 0; i < first.blocks.length; i++) {
    const ordinal = first.blocks[i];
    let score = first.weights[i];
    for (let r = 0; r < rest.length; r++) {
      const at = (cursors[r] = seek(rest[r].blocks, cursors[r], ordinal));
      if (rest[r].blocks[at] !== ordinal) continue outer;
      score += rest[r].weights[at];
    }
    if (scores) {
      score = withBonuses(score, ordinal, bonuses, bonusCursors);
      scores[length] = Math.round(score * 1000) / 1000;
    }
    ordinals[length++] = ordinal;
  }
  return { ordinals, scores, length };
}

/** The first position from `at` on whose block is not before `ordinal` (blocks ascending). */
function seek(blocks: Int32Array, at: number, ordinal: number): number {
  while (at < blocks.length && blocks[at] < ordinal) at++;
  return at;
}

/**
 * Positions 0…length-1 (of hits in document order) ordered by score
 * descending, ties in document order. Scores are rounded to thousandths, so
 * each is a whole number of thousandths below the best: a counting sort by
 * that number (stable, so ties stay in document order) when the hits are
 * many and their scores close, as for a common character, where a
 * comparison sort of thousands took as long as the rest of the search;
 * else one numeric sort of packed keys (that number, then the position),
 * with no comparator and no object per hit.
 */
export function rankByScore(scores: Float64Array, length: number): Int32Array {
  let max = -Infinity;
  let min = Infinity;
  for (let k = 0; k < length; k++) {
    const thousandths = Math.round(scores[k] * 1000);
    if (thousandths > max) max = thousandths;
    if (thousandths < min) min = thousandths;
  }
  const ranked = new Int32Array(length);
  const range = max - min + 1;
  if (length >= COUNTING_MIN && range <= COUNTING_SPREAD * length) {
    const starts = new Int32Array(range + 1);
    for (let k = 0; k < length; k++) starts[max - Math.round(scores[k] * 1000) + 1]++;
    for (let b = 1; b <= range; b++) starts[b] += starts[b - 1];
    for (let k = 0; k < length; k++) ranked[starts[max - Math.round(scores[k] * 1000)]++] = k;
    return ranked;
  }
  const SPAN = 2 ** 22;
  if (length >= SPAN || max - min >= 2 ** 30) {
    // Out of the packed range (never in a report): sort with a comparator.
    for (let k = 0; k < length; k++) ranked[k] = k;
    return ranked.sort((a, b) => scores[b] - scores[a] || a - b);
  }
  const keys = new Float64Array(length);
  for (let k = 0; k < length; k++) keys[k] = (max - Math.round(scores[k] * 1000)) * SPAN + k;
  keys.sort();
  for (let r = 0; r < length; r++) ranked[r] = keys[r] % SPAN;
  return ranked;
}
