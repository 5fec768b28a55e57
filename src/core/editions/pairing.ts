/**
 * The passes after the block diff, each on what the one before left:
 * 1. relaid: a paragraph the new edition's layout split in two (a page break
 *    after a full stop) or joined, recognised by its text: not a change;
 * 2. moved unchanged: the same text taken out in one place and put in at another;
 * 3. edited in place: similar paragraphs within one region, in order, grown
 *    over neighbours where layout also split or joined them (groups.ts);
 * 4. moved and edited: similar paragraphs in different regions.
 * What is left is deleted or inserted.
 */
import type { BlockDiff, Region } from './block-diff';
import { groupRegion, type Group } from './groups';
import { BigramCache, pairSimilar, type Pair } from './similarity';

export interface Alignment {
  /** Edited in place: one block each side, or more where layout also split or joined it. */
  changed: Group[];
  /** Taken out in one place and put in at another, edited or not. */
  moved: Pair[];
  deleted: number[];
  inserted: number[];
  /** Old blocks found again in the new edition only split or joined by layout. */
  relaid: number;
}

/** How far a run of pieces may go when one paragraph may be several of the other side's. */
const MAX_PIECES = 64;
/** Pieces are looked up by this many leading characters, so a large region costs no more than a small one. */
const PREFIX = 4;

/**
 * Finds, in one region, runs where one block's text is exactly the
 * concatenation of consecutive blocks on the other side, and takes them out.
 */
function takeRelaid(
  region: Region,
  oldKeys: readonly string[],
  newKeys: readonly string[],
): number {
  let relaid = 0;
  const tryJoin = (
    wholes: number[],
    pieces: number[],
    wholeKeys: readonly string[],
    pieceKeys: readonly string[],
  ) => {
    const byPrefix = new Map<string, number[]>();
    pieces.forEach((piece, at) => {
      const prefix = pieceKeys[piece].slice(0, PREFIX);
      const list = byPrefix.get(prefix);
      if (list === undefined) byPrefix.set(prefix, [at]);
      else list.push(at);
    });
    const gone = new Set<number>();
    const used = new Set<number>();
    for (const whole of wholes) {
      const key = wholeKeys[whole];
      const starts: number[] = [];
      for (let length = 1; length <= PREFIX; length++) {
        starts.push(...(byPrefix.get(key.slice(0, length)) ?? []));
      }
      for (const start of starts.sort((a, b) => a - b)) {
        if (used.has(pieces[start]) || !key.startsWith(pieceKeys[pieces[start]])) continue;
        let joined = '';
        let end = start;
        while (end < pieces.length && end - start < MAX_PIECES && !used.has(pieces[end])) {
          joined += pieceKeys[pieces[end]];
          end++;
          if (!key.startsWith(joined) || joined.length >= key.length) break;
        }
        if (joined === key && end - start >= 2) {
          gone.add(whole);
          for (let i = start; i < end; i++) used.add(pieces[i]);
          relaid++;
          break;
        }
      }
    }
    return { gone, used };
  };
  // One old paragraph now printed as several blocks, then several old blocks now one.
  const split = tryJoin(region.olds, region.news, oldKeys, newKeys);
  region.olds = region.olds.filter((id) => !split.gone.has(id));
  region.news = region.news.filter((id) => !split.used.has(id));
  const joined = tryJoin(region.news, region.olds, newKeys, oldKeys);
  region.news = region.news.filter((id) => !joined.gone.has(id));
  region.olds = region.olds.filter((id) => !joined.used.has(id));
  return relaid;
}

/** Longest run of pairs increasing in both old and new order; the rest have crossed (moved). */
function inOrder(pairs: Pair[]): { kept: Pair[]; crossed: Pair[] } {
  const sorted = [...pairs].sort((a, b) => a.old - b.old);
  // Patience sorting over the new indices: O(p log p).
  const tails: number[] = [];
  const previous: number[] = new Array<number>(sorted.length).fill(-1);
  sorted.forEach((pair, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[tails[mid]].new < pair.new) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]) keep.add(i);
  return {
    kept: sorted.filter((_, i) => keep.has(i)),
    crossed: sorted.filter((_, i) => !keep.has(i)),
  };
}

export function pairBlocks(
  blockDiff: BlockDiff,
  oldKeys: readonly string[],
  newKeys: readonly string[],
): Alignment {
  const alignment: Alignment = { changed: [], moved: [], deleted: [], inserted: [], relaid: 0 };
  const regions = blockDiff.regions.map((region) => ({ ...region }));
  for (const region of regions) alignment.relaid += takeRelaid(region, oldKeys, newKeys);

  const regionOfOld = new Map<number, number>();
  const regionOfNew = new Map<number, number>();
  regions.forEach((region, index) => {
    for (const id of region.olds) regionOfOld.set(id, index);
    for (const id of region.news) regionOfNew.set(id, index);
  });
  const pairedOld = new Set<number>();
  const pairedNew = new Set<number>();
  const take = (pair: Pair) => {
    pairedOld.add(pair.old);
    pairedNew.add(pair.new);
  };

  // Same text in another place: a move (in the same region only when the
  // timeout left a coarse answer; then it is simply unchanged).
  const waiting = new Map<string, number[]>();
  for (const region of regions) {
    for (const id of region.news) {
      const list = waiting.get(newKeys[id]);
      if (list === undefined) waiting.set(newKeys[id], [id]);
      else list.push(id);
    }
  }
  for (const region of regions) {
    for (const id of region.olds) {
      const list = waiting.get(oldKeys[id]);
      if (list === undefined || list.length === 0) continue;
      const target = list.shift()!;
      take({ old: id, new: target, similarity: 1 });
      if (regionOfOld.get(id) !== regionOfNew.get(target)) {
        alignment.moved.push({ old: id, new: target, similarity: 1 });
      }
    }
  }

  const oldBigrams = new BigramCache((id) => oldKeys[id]);
  const newBigrams = new BigramCache((id) => newKeys[id]);
  const side = (
    ids: number[],
    paired: Set<number>,
    bigrams: BigramCache,
    keys: readonly string[],
  ) => ({
    ids: ids.filter((id) => !paired.has(id)),
    bigrams,
    key: (id: number) => keys[id],
  });

  for (const region of regions) {
    const pairs = pairSimilar(
      side(region.olds, pairedOld, oldBigrams, oldKeys),
      side(region.news, pairedNew, newBigrams, newKeys),
    );
    const { kept, crossed } = inOrder(pairs);
    pairs.forEach(take);
    alignment.moved.push(...crossed);
    alignment.changed.push(
      ...groupRegion(region, kept, { oldKeys, newKeys, usedOld: pairedOld, usedNew: pairedNew }),
    );
  }

  const leftOld = regions.flatMap((region) => region.olds).filter((id) => !pairedOld.has(id));
  const leftNew = regions.flatMap((region) => region.news).filter((id) => !pairedNew.has(id));
  const across = pairSimilar(
    side(leftOld, pairedOld, oldBigrams, oldKeys),
    side(leftNew, pairedNew, newBigrams, newKeys),
  ).filter((pair) => regionOfOld.get(pair.old) !== regionOfNew.get(pair.new));
  alignment.moved.push(...across);
  across.forEach(take);

  alignment.deleted = leftOld.filter((id) => !pairedOld.has(id));
  alignment.inserted = leftNew.filter((id) => !pairedNew.has(id));
  return alignment;
}
