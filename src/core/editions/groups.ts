/**
 * A paragraph that layout cut in two (or joined) AND that was edited: the
 * parser gives one edition one block and the other two, and no single pair
 * of blocks is the whole story. Within one region, an edited pair grows over
 * the unpaired blocks next to it while that makes the two sides more alike
 * (a piece of the same paragraph adds shared bigrams faster than it adds
 * size; an unrelated paragraph does not), and a block left unpaired is tried
 * against runs of unpaired neighbours on the other side. The words are then
 * compared on the joined texts (diff-editions.ts).
 */
import type { Region } from './block-diff';
import { bigrams, dice, SIMILARITY_THRESHOLD, type Pair } from './similarity';

/** Consecutive blocks of each edition that hold the same paragraph. */
export interface Group {
  olds: number[];
  news: number[];
}

/** Runs are tried only in regions this small; a larger one keeps single pairs. */
const MAX_RUN_PAIRS = 4096;
const MAX_RUN = 64;

interface Sides {
  oldKeys: readonly string[];
  newKeys: readonly string[];
  /** Blocks already paired (or grouped) by anything: not to be taken again. */
  usedOld: Set<number>;
  usedNew: Set<number>;
}

const likeness = (group: Group, sides: Sides) =>
  dice(
    bigrams(group.olds.map((id) => sides.oldKeys[id]).join('')),
    bigrams(group.news.map((id) => sides.newKeys[id]).join('')),
  );

type Side = keyof Group;
const other = (side: Side): Side => (side === 'olds' ? 'news' : 'olds');
const usedOn = (side: Side, sides: Sides) => (side === 'olds' ? sides.usedOld : sides.usedNew);
const withSide = (group: Group, side: Side, ids: number[]): Group =>
  side === 'olds' ? { olds: ids, news: group.news } : { olds: group.olds, news: ids };

/** A region's blocks of one side in order, and where each stands in it. */
interface Order {
  ids: number[];
  at: Map<number, number>;
}

const orderOf = (ids: number[]): Order => ({
  ids,
  at: new Map(ids.map((id, index) => [id, index])),
});

/** Grows `group` on one side over free neighbours, in `order`, while the likeness rises. */
function grow(group: Group, side: Side, order: Order, sides: Sides): Group {
  const used = usedOn(side, sides);
  // Measured only once a free neighbour is there to try: most pairs have none.
  let score: number | undefined;
  for (const direction of [-1, 1] as const) {
    for (;;) {
      const members = group[side];
      const edge = order.at.get(direction < 0 ? members[0] : members[members.length - 1])!;
      const next = order.ids[edge + direction];
      if (next === undefined || used.has(next) || members.length >= MAX_RUN) break;
      const tried = withSide(group, side, direction < 0 ? [next, ...members] : [...members, next]);
      score ??= likeness(group, sides);
      const better = likeness(tried, sides);
      if (better <= score) break;
      group = tried;
      used.add(next);
      score = better;
    }
  }
  return group;
}

/**
 * The best run of free blocks of `order` for one free block of `side`, if
 * alike enough; only between the groups around it, so groups stay in order.
 */
function bestRun(single: number, side: Side, order: Order, groups: Group[], sides: Sides) {
  const runSide = other(side);
  const before = groups.filter((group) => group[side][0] < single);
  const after = groups.filter((group) => group[side][0] > single);
  const low = Math.max(-1, ...before.map((group) => group[runSide][group[runSide].length - 1]));
  const high = Math.min(Infinity, ...after.map((group) => group[runSide][0]));
  const used = usedOn(runSide, sides);
  const free = order.ids.filter((id) => id > low && id < high);
  const base = withSide({ olds: [], news: [] }, side, [single]);
  let best: { group: Group; score: number } | undefined;
  for (let start = 0; start < free.length; start++) {
    let group: Group | undefined;
    let score = 0;
    for (let at = start; at < free.length && !used.has(free[at]); at++) {
      const run = [...(group?.[runSide] ?? []), free[at]];
      if (run.length > MAX_RUN) break;
      // Only neighbours in the document: a run never skips a block.
      if (run.length > 1 && order.at.get(free[at]) !== order.at.get(run[run.length - 2])! + 1)
        break;
      const tried = withSide(base, runSide, run);
      const next = likeness(tried, sides);
      if (next <= score) break;
      group = tried;
      score = next;
    }
    if (group && group[runSide].length >= 2 && score >= SIMILARITY_THRESHOLD) {
      if (!best || score > best.score) best = { group, score };
    }
  }
  return best?.group;
}

/**
 * The in-place pairs of one region, grown into groups, plus groups for
 * blocks that only a run of the other side's blocks matches.
 */
export function groupRegion(region: Region, kept: Pair[], sides: Sides): Group[] {
  const olds = orderOf(region.olds);
  const news = orderOf(region.news);
  const groups = kept
    .map((pair) => ({ olds: [pair.old], news: [pair.new] }))
    .map((group) => grow(grow(group, 'news', news, sides), 'olds', olds, sides));
  const freeOld = region.olds.filter((id) => !sides.usedOld.has(id));
  const freeNew = region.news.filter((id) => !sides.usedNew.has(id));
  if (freeOld.length * freeNew.length > MAX_RUN_PAIRS) return groups;
  for (const [singles, side, order] of [
    [freeOld, 'olds', news],
    [freeNew, 'news', olds],
  ] as const) {
    for (const single of singles) {
      if (usedOn(side, sides).has(single)) continue;
      const group = bestRun(single, side, order, groups, sides);
      if (group === undefined) continue;
      groups.push(group);
      for (const id of group.olds) sides.usedOld.add(id);
      for (const id of group.news) sides.usedNew.add(id);
    }
  }
  return groups.sort((a, b) => a.olds[0] - b.olds[0]);
}
