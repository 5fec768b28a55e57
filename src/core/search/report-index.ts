/**
 * One report's search index for the library's search (cross-report.ts), in
 * a few typed arrays instead of a lunr index: lunr's index of the bundled
 * report takes ~14 MiB once loaded, and of a hundred reports ~390 MiB
 * (BENCHMARKS.md); this one holds the same postings and weights in ~0.4 MiB
 * per report, outside the JS heap, and is saved and read back as bytes
 * (report-index-codec.ts) without parsing.
 *
 * It holds what the report's own engine reads from lunr, with the same
 * values, so both find and rank alike (hit-set.ts):
 *
 * - the index terms (tokens.ts: every character and every overlapping pair of
 *   the normalized text), each as a number: a character's code point, or a
 *   pair's (first + 1) × 0x110000 + second, so a lookup is a binary search
 *   over a Float64Array;
 * - per term, the blocks holding it, its weight in each (the text field's
 *   plus the run-in head's, as lunr's BM25 computes them, see `bm25`), and its
 *   number of matches there as a lone keyword (merged ranges, as
 *   countHit counts them), so a one- or two-character search, the
 *   commonest and the one with the most hits, never reads the text;
 * - the word table (build-index.ts): per whole word, its blocks and weights,
 *   the words sorted and joined into one string.
 */
import type { Block } from '../../shared/document';
import { HEAD_BOOST, KIND_BOOST, WORDS_BOOST, type SegmentWords } from './build-index';
import { normalize, normalizeWithMap } from './normalize';

/** What the index reads of a block. */
export type IndexedBlock = Pick<Block, 'id' | 'kind' | 'text' | 'lead'>;

/** Bumped whenever what an index holds, or how it is weighed, changes: saved indexes are then rebuilt. */
export const REPORT_INDEX_FORMAT = 1;

export interface ReportIndex {
  /** Of the blocks and the format it was built from (`reportFingerprint`). */
  fingerprint: string;
  blockCount: number;
  /** Index terms as numbers (`termKey`), ascending. */
  keys: Float64Array;
  /** Term t's postings are at starts[t] … starts[t + 1] - 1 of the three arrays below. */
  starts: Int32Array;
  blocks: Int32Array;
  weights: Float64Array;
  counts: Int32Array;
  /** Whole words, in UTF-16 code unit order, joined. Word w is wordText[wordEnds[w] … wordEnds[w + 1]). */
  wordText: string;
  wordEnds: Int32Array;
  /** Word w's postings are at wordStarts[w] … wordStarts[w + 1] - 1. */
  wordStarts: Int32Array;
  wordBlocks: Int32Array;
  wordWeights: Float64Array;
}

const PAIR_BASE = 0x110000;

/** An index term (one code point, or a pair) as a number; NaN for anything else. */
export function termKey(term: string): number {
  const first = term.codePointAt(0);
  if (first === undefined) return NaN;
  const width = first > 0xffff ? 2 : 1;
  if (term.length === width) return first;
  const second = term.codePointAt(width)!;
  if (term.length !== width + (second > 0xffff ? 2 : 1)) return NaN;
  return (first + 1) * PAIR_BASE + second;
}

/**
 * Identifies the blocks an index was built from, and the format, so that a
 * saved index of other blocks is never used. Two 32-bit FNV-1a-style lanes
 * over every id, kind, lead and text: it guards against a stale file, not an
 * adversary, and costs ~0.1 ms per report where SHA-256 here cost ~5 ms.
 */
export function reportFingerprint(blocks: readonly IndexedBlock[]): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // A separator no text holds, so that ("ab", "c") and ("a", "bc") differ.
    a = Math.imul(a ^ 0xffff_ffff, 0x01000193);
    b = Math.imul(b ^ 0xffff_ffff, 0x5bd1e995);
  };
  feed(`report-index ${REPORT_INDEX_FORMAT} ${blocks.length}`);
  for (const block of blocks) {
    feed(block.id);
    feed(block.kind);
    feed(String(block.lead ?? ''));
    feed(block.text);
  }
  const hex = (lane: number) => (lane >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/**
 * lunr's BM25 weight of a term in a field (lunr 2.3.9, Builder#createFieldVectors
 * and lunr.idf, with its k1 = 1.2 and b = 0.75), computed in the same order so
 * that the double is the same, rounded as lunr rounds it to thousandths.
 * `documentsWithTerm` counts a block once per field that holds the term, as lunr does.
 */
export function bm25(
  documentsWithTerm: number,
  documentCount: number,
  termFrequency: number,
  fieldLength: number,
  averageFieldLength: number,
  fieldBoost: number,
  documentBoost: number,
): number {
  const k1 = 1.2;
  const b = 0.75;
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  const idf = Math.log(1 + Math.abs(x));
  let score =
    (idf * ((k1 + 1) * termFrequency)) /
    (k1 * (1 - b + b * (fieldLength / averageFieldLength)) + termFrequency);
  score *= fieldBoost;
  score *= documentBoost;
  return Math.round(score * 1000) / 1000;
}

/** Number of index terms of a text of `n` code points: n characters and n - 1 pairs. */
const termCount = (n: number) => (n === 0 ? 0 : 2 * n - 1);

/**
 * Every (term, block) of the report, in block order, in flat arrays: the
 * term's number, its frequency in the text and in the run-in head, and its
 * matches there as a lone keyword. Terms are numbered as they first appear.
 */
class TermTable {
  readonly ids = new Map<number, number>();
  readonly keys: number[] = [];
  /** Per term: the last block that had it, and where that block's entry is. */
  private readonly lastBlock: number[] = [];
  private readonly entryOf: number[] = [];
  readonly term: number[] = [];
  readonly ordinal: number[] = [];
  readonly text: number[] = [];
  readonly head: number[] = [];
  readonly matches: number[] = [];
  /** Where the term's last occurrence in this block ended in the source, for merging matches. */
  private readonly lastEnd: number[] = [];

  /** The entry of the term with `key` in block `ordinal`, made on first sight. */
  entry(key: number, ordinal: number): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.lastBlock.push(-1);
      this.entryOf.push(0);
    }
    if (this.lastBlock[id] !== ordinal) {
      this.lastBlock[id] = ordinal;
      this.entryOf[id] = this.term.length;
      this.term.push(id);
      this.ordinal.push(ordinal);
      this.text.push(0);
      this.head.push(0);
      this.matches.push(0);
      this.lastEnd.push(-1);
    }
    return this.entryOf[id];
  }

  /** An occurrence in the text, at source offsets [start, end). */
  occur(key: number, ordinal: number, start: number, end: number): void {
    const e = this.entry(key, ordinal);
    this.text[e]++;
    if (start > this.lastEnd[e]) this.matches[e]++;
    this.lastEnd[e] = Math.max(this.lastEnd[e], end);
  }
}

/** Adds a block's characters and pairs to the table; returns its text's and head's term counts. */
function addBlock(table: TermTable, block: IndexedBlock, ordinal: number): [number, number] {
  const { text, from, to } = normalizeWithMap(block.text);
  let codePoints = 0;
  let previous = -1;
  let previousStart = 0;
  for (let at = 0; at < text.length;) {
    const code = text.codePointAt(at)!;
    const width = code > 0xffff ? 2 : 1;
    const end = to[at + width - 1];
    table.occur(code, ordinal, from[at], end);
    if (previous >= 0) table.occur((previous + 1) * PAIR_BASE + code, ordinal, previousStart, end);
    previous = code;
    previousStart = from[at];
    at += width;
    codePoints++;
  }
  if (block.lead === undefined) return [termCount(codePoints), 0];
  // lunr indexes the head as a field of its own: its own terms, its own length.
  const head = Array.from(normalize(block.text.slice(0, block.lead)), (char) =>
    char.codePointAt(0)!,
  );
  head.forEach((code, i) => {
    table.head[table.entry(code, ordinal)]++;
    if (i > 0) table.head[table.entry((head[i - 1] + 1) * PAIR_BASE + code, ordinal)]++;
  });
  return [termCount(codePoints), termCount(head.length)];
}

function characterPostings(
  blocks: readonly IndexedBlock[],
): Pick<ReportIndex, 'keys' | 'starts' | 'blocks' | 'weights' | 'counts'> {
  const table = new TermTable();
  const lengths = new Float64Array(blocks.length);
  const headLengths = new Float64Array(blocks.length);
  blocks.forEach((block, ordinal) => {
    [lengths[ordinal], headLengths[ordinal]] = addBlock(table, block, ordinal);
  });
  const n = blocks.length;
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / n;
  const averageHeadLength = headLengths.reduce((sum, length) => sum + length, 0) / n;

  // Terms in key order; each term's entries, already in block order, placed after the previous term's.
  const termCountAll = table.keys.length;
  const byKey = Int32Array.from(table.keys.keys()).sort((a, b) => table.keys[a] - table.keys[b]);
  const entriesOf = new Int32Array(termCountAll);
  const documentsWithTerm = new Int32Array(termCountAll);
  table.term.forEach((id, e) => {
    entriesOf[id]++;
    // lunr counts a block once per field that holds the term.
    documentsWithTerm[id] += (table.text[e] > 0 ? 1 : 0) + (table.head[e] > 0 ? 1 : 0);
  });
  const starts = new Int32Array(termCountAll + 1);
  const next = new Int32Array(termCountAll);
  byKey.forEach((id, rank) => {
    next[id] = starts[rank];
    starts[rank + 1] = starts[rank] + entriesOf[id];
  });
  const total = table.term.length;
  const ordinals = new Int32Array(total);
  const weights = new Float64Array(total);
  const counts = new Int32Array(total);
  table.term.forEach((id, e) => {
    const at = next[id]++;
    const ordinal = table.ordinal[e];
    const boost = KIND_BOOST[blocks[ordinal].kind] || 1;
    const df = documentsWithTerm[id];
    let weight = 0;
    if (table.text[e] > 0) {
      weight += bm25(df, n, table.text[e], lengths[ordinal], averageLength, 1, boost);
    }
    if (table.head[e] > 0) {
      weight += bm25(
        df,
        n,
        table.head[e],
        headLengths[ordinal],
        averageHeadLength,
        HEAD_BOOST,
        boost,
      );
    }
    ordinals[at] = ordinal;
    weights[at] = weight;
    counts[at] = table.matches[e];
  });
  return {
    keys: Float64Array.from(byKey, (id) => table.keys[id]),
    starts,
    blocks: ordinals,
    weights,
    counts,
  };
}

function wordPostings(
  blocks: readonly IndexedBlock[],
  segmentWords: SegmentWords | undefined,
): Pick<ReportIndex, 'wordText' | 'wordEnds' | 'wordStarts' | 'wordBlocks' | 'wordWeights'> {
  // A Map, so that no word (`__proto__`) can touch a prototype.
  const byWord = new Map<string, [ordinal: number, frequency: number][]>();
  const lengths: number[] = [];
  if (segmentWords) {
    blocks.forEach((block, ordinal) => {
      const words = segmentWords(normalize(block.text));
      lengths.push(words.length);
      const frequencies = new Map<string, number>();
      for (const word of words) frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
      for (const [word, frequency] of frequencies) {
        let list = byWord.get(word);
        if (!list) byWord.set(word, (list = []));
        list.push([ordinal, frequency]);
      }
    });
  }
  const n = blocks.length;
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / n;
  const words = [...byWord.keys()].sort();
  const wordEnds = [0];
  const wordStarts = [0];
  const wordBlocks: number[] = [];
  const wordWeights: number[] = [];
  for (const word of words) {
    const list = byWord.get(word)!;
    for (const [ordinal, frequency] of list) {
      const boost = KIND_BOOST[blocks[ordinal].kind] || 1;
      wordBlocks.push(ordinal);
      wordWeights.push(
        bm25(list.length, n, frequency, lengths[ordinal], averageLength, WORDS_BOOST, boost),
      );
    }
    wordEnds.push(wordEnds.at(-1)! + word.length);
    wordStarts.push(wordBlocks.length);
  }
  return {
    wordText: words.join(''),
    wordEnds: Int32Array.from(wordEnds),
    wordStarts: Int32Array.from(wordStarts),
    wordBlocks: Int32Array.from(wordBlocks),
    wordWeights: Float64Array.from(wordWeights),
  };
}

/**
 * The index of a report's blocks. With `segmentWords` (src/services/search/words.ts),
 * it holds the word table too; without, hits rank by characters and pairs alone.
 */
export function buildReportIndex(
  blocks: readonly IndexedBlock[],
  segmentWords?: SegmentWords,
): ReportIndex {
  return {
    fingerprint: reportFingerprint(blocks),
    blockCount: blocks.length,
    ...characterPostings(blocks),
    ...wordPostings(blocks, segmentWords),
  };
}

/** The index was built from these blocks (a saved one may be of an earlier text, or another report's). */
export function isIndexOf(index: ReportIndex, blocks: readonly IndexedBlock[]): boolean {
  return index.blockCount === blocks.length && index.fingerprint === reportFingerprint(blocks);
}

/** The number of the term with this key (`termKey`) in the index, or -1. */
export function findTerm(index: ReportIndex, key: number): number {
  const { keys } = index;
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (keys[middle] === key) return middle;
    if (keys[middle] < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Compares `word` with word w of the index, by UTF-16 code units (as Array#sort orders strings). */
function compareWord(index: ReportIndex, w: number, word: string): number {
  const { wordText, wordEnds } = index;
  const start = wordEnds[w];
  const length = wordEnds[w + 1] - start;
  for (let i = 0; i < length && i < word.length; i++) {
    const difference = wordText.charCodeAt(start + i) - word.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return length - word.length;
}

/** The number of a whole word in the index's word table, or -1. */
export function findWord(index: ReportIndex, word: string): number {
  let low = 0;
  let high = index.wordEnds.length - 2;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareWord(index, middle, word);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
