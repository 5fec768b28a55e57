/**
 * A report's index (report-index.ts) as bytes, to be saved beside the report
 * and read back in well under a millisecond: a header, the fingerprint, then
 * the typed arrays as they are in memory (8-byte ones first, so every array
 * is aligned). Reading checks the whole structure (sizes, offsets that only
 * grow, block numbers in range, terms and postings in order), so a damaged
 * file is refused, never searched: the caller then builds the index afresh.
 */
import { REPORT_INDEX_FORMAT, type ReportIndex } from './report-index';

const MAGIC = 0x58495052; // "RPIX" read as a little-endian u32
const BYTE_ORDER = 0x01020304;
const HEADER_WORDS = 16;
const HEADER_BYTES = HEADER_WORDS * 4;

type Sizes = {
  keys: number;
  postings: number;
  words: number;
  wordPostings: number;
  wordText: number;
  fingerprint: number;
};

const pad8 = (n: number) => Math.ceil(n / 8) * 8;

/** Byte offsets of every part, from the counts in the header. */
function layout(sizes: Sizes) {
  let at = HEADER_BYTES;
  const take = (bytes: number) => {
    const start = at;
    at += bytes;
    return start;
  };
  const fingerprint = take(pad8(sizes.fingerprint));
  const parts = {
    fingerprint,
    keys: take(sizes.keys * 8),
    weights: take(sizes.postings * 8),
    wordWeights: take(sizes.wordPostings * 8),
    starts: take((sizes.keys + 1) * 4),
    blocks: take(sizes.postings * 4),
    counts: take(sizes.postings * 4),
    wordEnds: take((sizes.words + 1) * 4),
    wordStarts: take((sizes.words + 1) * 4),
    wordBlocks: take(sizes.wordPostings * 4),
    wordText: take(sizes.wordText * 2),
  };
  return { parts, length: at };
}

export function encodeReportIndex(index: ReportIndex): Uint8Array {
  const fingerprint = new TextEncoder().encode(index.fingerprint);
  const sizes: Sizes = {
    keys: index.keys.length,
    postings: index.blocks.length,
    words: index.wordEnds.length - 1,
    wordPostings: index.wordBlocks.length,
    wordText: index.wordText.length,
    fingerprint: fingerprint.length,
  };
  const { parts, length } = layout(sizes);
  const buffer = new ArrayBuffer(length);
  const bytes = new Uint8Array(buffer);
  new Uint32Array(buffer, 0, HEADER_WORDS).set([
    MAGIC,
    REPORT_INDEX_FORMAT,
    BYTE_ORDER,
    index.blockCount,
    sizes.keys,
    sizes.postings,
    sizes.words,
    sizes.wordPostings,
    sizes.wordText,
    sizes.fingerprint,
  ]);
  bytes.set(fingerprint, parts.fingerprint);
  new Float64Array(buffer, parts.keys, sizes.keys).set(index.keys);
  new Float64Array(buffer, parts.weights, sizes.postings).set(index.weights);
  new Float64Array(buffer, parts.wordWeights, sizes.wordPostings).set(index.wordWeights);
  new Int32Array(buffer, parts.starts, sizes.keys + 1).set(index.starts);
  new Int32Array(buffer, parts.blocks, sizes.postings).set(index.blocks);
  new Int32Array(buffer, parts.counts, sizes.postings).set(index.counts);
  new Int32Array(buffer, parts.wordEnds, sizes.words + 1).set(index.wordEnds);
  new Int32Array(buffer, parts.wordStarts, sizes.words + 1).set(index.wordStarts);
  new Int32Array(buffer, parts.wordBlocks, sizes.wordPostings).set(index.wordBlocks);
  const text = new Uint16Array(buffer, parts.wordText, sizes.wordText);
  for (let i = 0; i < sizes.wordText; i++) text[i] = index.wordText.charCodeAt(i);
  return bytes;
}

/** UTF-16 units back to a string, lone surrogates and all, in chunks that fit a call's arguments. */
function unitsToString(units: Uint16Array): string {
  let text = '';
  for (let at = 0; at < units.length; at += 8192) {
    text += String.fromCharCode(...units.subarray(at, at + 8192));
  }
  return text;
}

/** Offsets that start at 0, never shrink, and end at `last`. */
function offsetsOk(offsets: Int32Array, last: number): boolean {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== last) return false;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) return false;
  return true;
}

/** Each list (between consecutive `starts`) holds block numbers below `count`, strictly ascending. */
function listsOk(starts: Int32Array, blocks: Int32Array, count: number): boolean {
  for (let t = 0; t + 1 < starts.length; t++) {
    let previous = -1;
    for (let p = starts[t]; p < starts[t + 1]; p++) {
      if (blocks[p] <= previous || blocks[p] >= count) return false;
      previous = blocks[p];
    }
  }
  return true;
}

/** The index in `bytes`, or null when they are not a whole, well-formed index of this format. */
export function decodeReportIndex(bytes: Uint8Array): ReportIndex | null {
  if (bytes.byteLength < HEADER_BYTES) return null;
  // A copy of its own: aligned for every view, and not tied to a pooled buffer.
  const buffer = bytes.slice().buffer;
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  if (header[0] !== MAGIC || header[1] !== REPORT_INDEX_FORMAT || header[2] !== BYTE_ORDER) {
    return null;
  }
  const blockCount = header[3];
  const sizes: Sizes = {
    keys: header[4],
    postings: header[5],
    words: header[6],
    wordPostings: header[7],
    wordText: header[8],
    fingerprint: header[9],
  };
  const { parts, length } = layout(sizes);
  if (length !== bytes.byteLength) return null;
  const index: ReportIndex = {
    fingerprint: new TextDecoder().decode(
      new Uint8Array(buffer, parts.fingerprint, sizes.fingerprint),
    ),
    blockCount,
    keys: new Float64Array(buffer, parts.keys, sizes.keys),
    weights: new Float64Array(buffer, parts.weights, sizes.postings),
    wordWeights: new Float64Array(buffer, parts.wordWeights, sizes.wordPostings),
    starts: new Int32Array(buffer, parts.starts, sizes.keys + 1),
    blocks: new Int32Array(buffer, parts.blocks, sizes.postings),
    counts: new Int32Array(buffer, parts.counts, sizes.postings),
    wordEnds: new Int32Array(buffer, parts.wordEnds, sizes.words + 1),
    wordStarts: new Int32Array(buffer, parts.wordStarts, sizes.words + 1),
    wordBlocks: new Int32Array(buffer, parts.wordBlocks, sizes.wordPostings),
    wordText: unitsToString(new Uint16Array(buffer, parts.wordText, sizes.wordText)),
  };
  for (let t = 1; t < index.keys.length; t++) {
    if (!(index.keys[t] > index.keys[t - 1])) return null;
  }
  const ok =
    offsetsOk(index.starts, sizes.postings) &&
    offsetsOk(index.wordStarts, sizes.wordPostings) &&
    offsetsOk(index.wordEnds, sizes.wordText) &&
    listsOk(index.starts, index.blocks, blockCount) &&
    listsOk(index.wordStarts, index.wordBlocks, blockCount);
  return ok ? index : null;
}
