/**
 * Which paragraph of the new edition is an edited copy of which paragraph of
 * the old one. Similarity is the Dice coefficient of the two texts' sets of
 * character bigrams (the unit Chinese search uses too): it needs no word
 * segmentation, and a corrected figure or a deleted sentence leaves most
 * bigrams in place.
 *
 * The threshold, 0.5: across the bundled report, no two different blocks
 * score above 0.40 (a date against a heading, both a few characters long),
 * and no two different paragraphs of more than a line above 0.24; an edited
 * paragraph keeps 0.5 until about two thirds of it is gone (a paragraph cut to
 * a third of itself scores 2·(1/3)/(4/3) = 0.5). Below that, "deleted and a
 * new one written" is the honest description anyway.
 *
 * Work is bounded: small groups are compared pair by pair; larger ones only
 * where the two texts share a sampled shingle (a content-defined sample of
 * 4-grams, so the same passage yields the same samples wherever it stands),
 * with very common shingles skipped.
 */

export const SIMILARITY_THRESHOLD = 0.5;
/** Up to this many pairs a group is compared densely. */
const DENSE_PAIRS = 4096;
const SHINGLE = 4;
/** Keep one 4-gram in this many (by hash), so a 300-character paragraph has ~40 samples. */
const SAMPLE_EVERY = 8;
/** A shingle in more blocks than this is boilerplate (`同比增长`), not evidence. */
const MAX_POSTINGS = 64;
/** At most this many candidates per block get their Dice computed. */
const MAX_CANDIDATES = 32;

export class BigramCache {
  private readonly sets = new Map<number, Set<number>>();

  constructor(private readonly textOf: (id: number) => string) {}

  get(id: number): Set<number> {
    let set = this.sets.get(id);
    if (set === undefined) {
      set = bigrams(this.textOf(id));
      this.sets.set(id, set);
    }
    return set;
  }
}

export function bigrams(text: string): Set<number> {
  const set = new Set<number>();
  // A one-character text still needs something to compare.
  if (text.length === 1) set.add(text.charCodeAt(0));
  for (let i = 0; i + 1 < text.length; i++) {
    set.add(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
  }
  return set;
}

export function dice(a: Set<number>, b: Set<number>): number {
  if (a.size + b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** FNV-1a over a few UTF-16 units: small, fast, and the same wherever the text stands. */
function hashOf(text: string, from: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < from + length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The sampled shingles of a text; a short text keeps all of them, so headings still meet. */
export function signatures(text: string): number[] {
  if (text.length < SHINGLE) return [hashOf(text, 0, text.length)];
  const all: number[] = [];
  const sampled: number[] = [];
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    const hash = hashOf(text, i, SHINGLE);
    all.push(hash);
    if (hash % SAMPLE_EVERY === 0) sampled.push(hash);
  }
  return sampled.length >= 3 ? sampled : all;
}

export interface Pair {
  old: number;
  new: number;
  similarity: number;
}

export interface Side {
  /** Block indices still unpaired, in document order. */
  ids: readonly number[];
  bigrams: BigramCache;
  key: (id: number) => string;
}

function densePairs(olds: Side, news: Side, threshold: number): Pair[] {
  const pairs: Pair[] = [];
  for (const o of olds.ids) {
    for (const n of news.ids) {
      const similarity = dice(olds.bigrams.get(o), news.bigrams.get(n));
      if (similarity >= threshold) pairs.push({ old: o, new: n, similarity });
    }
  }
  return pairs;
}

function indexedPairs(olds: Side, news: Side, threshold: number): Pair[] {
  const postings = new Map<number, number[]>();
  for (const n of news.ids) {
    for (const hash of new Set(signatures(news.key(n)))) {
      const list = postings.get(hash);
      if (list === undefined) postings.set(hash, [n]);
      else if (list.length <= MAX_POSTINGS) list.push(n);
    }
  }
  const pairs: Pair[] = [];
  for (const o of olds.ids) {
    const hits = new Map<number, number>();
    for (const hash of new Set(signatures(olds.key(o)))) {
      const list = postings.get(hash);
      if (list === undefined || list.length > MAX_POSTINGS) continue;
      for (const n of list) hits.set(n, (hits.get(n) ?? 0) + 1);
    }
    const candidates = [...hits].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    for (const [n] of candidates) {
      const similarity = dice(olds.bigrams.get(o), news.bigrams.get(n));
      if (similarity >= threshold) pairs.push({ old: o, new: n, similarity });
    }
  }
  return pairs;
}

/**
 * Pairs each old block with at most one new block, best similarity first;
 * among equals, the pair whose places in their lists are closest wins, so
 * repeated text pairs in order.
 */
export function pairSimilar(olds: Side, news: Side, threshold = SIMILARITY_THRESHOLD): Pair[] {
  if (olds.ids.length === 0 || news.ids.length === 0) return [];
  const dense = olds.ids.length * news.ids.length <= DENSE_PAIRS;
  const pairs = dense ? densePairs(olds, news, threshold) : indexedPairs(olds, news, threshold);
  const rankOld = new Map(olds.ids.map((id, rank) => [id, rank / olds.ids.length]));
  const rankNew = new Map(news.ids.map((id, rank) => [id, rank / news.ids.length]));
  const distance = (pair: Pair) => Math.abs(rankOld.get(pair.old)! - rankNew.get(pair.new)!);
  pairs.sort((a, b) => b.similarity - a.similarity || distance(a) - distance(b));
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const chosen: Pair[] = [];
  for (const pair of pairs) {
    if (usedOld.has(pair.old) || usedNew.has(pair.new)) continue;
    usedOld.add(pair.old);
    usedNew.add(pair.new);
    chosen.push(pair);
  }
  return chosen;
}
