/**
 * The report as one string, the coordinate system of annotation selectors:
 * block texts in order, joined by a newline. Positions in it survive any
 * change of markup, and a selection across paragraphs is one range.
 */
import type { Block } from '../../shared/document';

export const BLOCK_SEPARATOR = '\n';

export interface DocumentText {
  text: string;
  /** `starts[i]` is where block i begins in `text`. */
  starts: number[];
  ids: string[];
  indexOf: Map<string, number>;
}

export function documentText(blocks: readonly Block[]): DocumentText {
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  const ids = blocks.map((block) => block.id);
  return {
    text: blocks.map((block) => block.text).join(BLOCK_SEPARATOR),
    starts,
    ids,
    indexOf: new Map(ids.map((id, index) => [id, index])),
  };
}

/** The position in the whole text of `offset` within block `id`, or undefined for an unknown block. */
export function globalOffset(doc: DocumentText, id: string, offset: number): number | undefined {
  const index = doc.indexOf.get(id);
  return index === undefined ? undefined : doc.starts[index] + offset;
}

/** The block index that contains position `at` (a separator belongs to the block before it). */
export function blockIndexAt(doc: DocumentText, at: number): number {
  let low = 0;
  let high = doc.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (doc.starts[mid] <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface BlockSpan {
  block: string;
  start: number;
  end: number;
}

/** A range of the whole text cut into per-block ranges (separators dropped, empty parts skipped). */
export function spansOf(doc: DocumentText, start: number, end: number): BlockSpan[] {
  const spans: BlockSpan[] = [];
  for (let index = blockIndexAt(doc, start); index < doc.ids.length; index++) {
    const blockStart = doc.starts[index];
    if (blockStart >= end) break;
    const length =
      (doc.starts[index + 1] ?? doc.text.length + BLOCK_SEPARATOR.length) -
      blockStart -
      BLOCK_SEPARATOR.length;
    const from = Math.max(start, blockStart) - blockStart;
    const to = Math.min(end, blockStart + length) - blockStart;
    if (to > from) spans.push({ block: doc.ids[index], start: from, end: to });
  }
  return spans;
}
