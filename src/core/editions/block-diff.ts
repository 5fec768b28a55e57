/**
 * The first pass: which blocks of the two editions are the same paragraph,
 * unchanged. Each distinct comparison text becomes one symbol, and the two
 * symbol strings are diffed by diff-match-patch (Myers' O(ND) bisection, the
 * trick its authors describe for line diffs): near-linear when the editions
 * mostly agree. It runs to the end, without a deadline: a deadline made the
 * answer depend on how busy the machine was (at 100×, 100 moved paragraphs
 * under a quiet machine, 76 under load, and every paragraph deleted and
 * inserted again under more), and the same two files must always give the
 * same changes. Only past FINE_BLOCKS, far beyond any report, does a
 * deadline bound it (a coarser but still correct answer).
 *
 * What it leaves is a list of regions: runs of old blocks and new blocks
 * between two unchanged stretches, where the later passes look for edited,
 * moved, split and joined paragraphs.
 */
import { DIFF_DELETE, DIFF_EQUAL, makeDiff } from '@sanity/diff-match-patch';
import { NO_DEADLINE } from './no-deadline';

/** Blocks on both sides together up to which the diff runs to the end: 100× the bundled report is 12,600. */
const FINE_BLOCKS = 20_000;
/** Past FINE_BLOCKS: seconds the block diff may take before it settles for a coarser answer. */
const BLOCK_DIFF_TIMEOUT = 2;

export interface Region {
  /** Old block indices, in order. */
  olds: number[];
  /** New block indices, in order. */
  news: number[];
}

export interface BlockDiff {
  /** Between the unchanged stretches, in order. */
  regions: Region[];
  /** For each old block left in a region: where it would be in the new edition (a new block index, or the count). */
  newPointOf: Map<number, number>;
  /** For each new block left in a region: where it would be in the old edition. */
  oldPointOf: Map<number, number>;
}

/** The n-th symbol: any code point but the surrogates, so strings stay well formed. */
function symbol(n: number): string {
  const code = n + 0x21;
  return String.fromCodePoint(code < 0xd800 ? code : code + 0x800);
}

/**
 * `oldKeys` / `newKeys`: the comparison text of each block; blocks not in
 * `oldIds` / `newIds` (layout only) take no part.
 */
export function diffBlocks(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  oldIds: readonly number[],
  newIds: readonly number[],
): BlockDiff {
  const symbols = new Map<string, string>();
  const encode = (ids: readonly number[], keys: readonly string[]) => {
    let out = '';
    for (const id of ids) {
      let sym = symbols.get(keys[id]);
      if (sym === undefined) {
        sym = symbol(symbols.size);
        symbols.set(keys[id], sym);
      }
      out += sym;
    }
    return out;
  };
  const fine = oldIds.length + newIds.length <= FINE_BLOCKS;
  const ops = makeDiff(encode(oldIds, oldKeys), encode(newIds, newKeys), {
    checkLines: false,
    timeout: fine ? NO_DEADLINE : BLOCK_DIFF_TIMEOUT,
  });

  const result: BlockDiff = { regions: [], newPointOf: new Map(), oldPointOf: new Map() };
  const oldCount = oldKeys.length;
  const newCount = newKeys.length;
  let o = 0;
  let n = 0;
  let region: Region | undefined;
  for (const [op, text] of ops) {
    // One symbol per block; iterate by code point, as a symbol may be two UTF-16 units.
    for (const _ of text) {
      if (op === DIFF_EQUAL) {
        o++;
        n++;
        region = undefined;
        continue;
      }
      if (region === undefined) {
        region = { olds: [], news: [] };
        result.regions.push(region);
      }
      if (op === DIFF_DELETE) {
        const id = oldIds[o++];
        region.olds.push(id);
        result.newPointOf.set(id, n < newIds.length ? newIds[n] : newCount);
      } else {
        const id = newIds[n++];
        region.news.push(id);
        result.oldPointOf.set(id, o < oldIds.length ? oldIds[o] : oldCount);
      }
    }
  }
  return result;
}
