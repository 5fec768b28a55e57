/**
 * Where a change is in the new edition's text on screen, as spans of block
 * texts: what a jump marks, and what the redline marks. Pure, over the
 * document text, so it is tested under Node.
 *
 * Words put in are marked where they are. Words taken out are no longer in
 * the text, so the place they were taken from is marked instead: the
 * character on each side of it, and, for a whole paragraph, the paragraph
 * that now follows (a line above it says one was deleted there).
 */
import { blockIndexAt, spansOf, type DocumentText } from '../../../core/report/doc-text';
import type { EditionChange } from '../../../shared/editions';
import type { BlockSpan } from '../reading/block-ranges';

/** What the redline draws in a paragraph's margin (data-redline tokens). */
export type BlockMark = 'inserted' | 'changed' | 'moved' | 'deleted-before' | 'deleted-after';

export interface ChangePlace {
  /** The spans to mark: the words put in, or the characters around where words were taken out. */
  spans: BlockSpan[];
  /** The paragraph the change is in (or, for a deleted one, next to), to land on. */
  block: string;
  /** True when words were put in (the spans are them); false for a place words left. */
  added: boolean;
}

function blockLength(doc: DocumentText, index: number): number {
  const next = doc.starts[index + 1] ?? doc.text.length + 1;
  return next - doc.starts[index] - 1;
}

/** The characters on each side of a point in the text (only one at a paragraph's edge). */
function aroundPoint(doc: DocumentText, at: number): { span: BlockSpan; atEnd: boolean } {
  const index = blockIndexAt(doc, at);
  const length = blockLength(doc, index);
  const offset = Math.min(at - doc.starts[index], length);
  const start = Math.max(0, offset - 1);
  const end = Math.min(length, offset + 1);
  return { span: { block: doc.ids[index], start, end }, atEnd: offset >= length && length > 0 };
}

/** Where a change is in the text of its new edition, or null when that is not the text given. */
export function changePlace(change: EditionChange, doc: DocumentText): ChangePlace | null {
  const { start, end } = change.newAt;
  if (start < 0 || end > doc.text.length || end < start || doc.ids.length === 0) return null;
  if (end > start) {
    const spans = spansOf(doc, start, end);
    return spans.length === 0 ? null : { spans, block: spans[0].block, added: true };
  }
  const { span } = aroundPoint(doc, start);
  return { spans: span.end > span.start ? [span] : [], block: span.block, added: false };
}

export interface Redline {
  /** Words put in, and whole paragraphs put in. */
  added: BlockSpan[];
  /** The characters around each place words were taken out of a paragraph. */
  removed: BlockSpan[];
  /** The marks in each paragraph's margin. */
  blocks: Map<string, Set<BlockMark>>;
}

/** Everything the redline marks for a list of changes, in the new edition's text. */
export function redlineOf(changes: readonly EditionChange[], doc: DocumentText): Redline {
  const redline: Redline = { added: [], removed: [], blocks: new Map() };
  const markBlock = (block: string, mark: BlockMark) => {
    let marks = redline.blocks.get(block);
    if (marks === undefined) redline.blocks.set(block, (marks = new Set()));
    marks.add(mark);
  };
  for (const change of changes) {
    const place = changePlace(change, doc);
    if (place === null) continue;
    if (change.kind === 'delete') {
      const { atEnd } = aroundPoint(doc, change.newAt.start);
      markBlock(place.block, atEnd ? 'deleted-after' : 'deleted-before');
      continue;
    }
    if (change.kind === 'move') {
      markBlock(place.block, 'moved');
      continue;
    }
    markBlock(place.block, change.kind === 'insert' ? 'inserted' : 'changed');
    if (place.added) redline.added.push(...place.spans);
    // A change that both takes out and puts in shows what it put in; one that only takes out, where.
    else redline.removed.push(...place.spans);
  }
  return redline;
}
