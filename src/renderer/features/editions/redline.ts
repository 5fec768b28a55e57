/**
 * Where a change is in the new edition's text on screen, as spans of block
 * texts: what a jump marks, and what the redline marks. Pure, over the
 * document text, so it is tested under Node.
 *
 * Words put in are marked where they are. Words taken out are no longer in
 * the text: a jump marks the character on each side of the place they left,
 * and the redline shows them there, struck through (removed-words.ts draws
 * them), a whole paragraph as one of its own before the paragraph that now
 * follows it (after the last one, at the end).
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

/** Words taken out from before position `at` of the text (at its paragraph's end, from the end). */
function wordsAt(doc: DocumentText, at: number, text: string): Removal {
  const index = blockIndexAt(doc, at);
  const offset = Math.min(at - doc.starts[index], blockLength(doc, index));
  return { block: doc.ids[index], where: 'words', at: offset, text };
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

/**
 * Words taken out, to show where they were: inside a paragraph of the new
 * text (`words`: before the character at `at`, or at its end), or a whole
 * paragraph before or after one (`before`, `after`).
 */
export interface Removal {
  block: string;
  where: 'words' | 'before' | 'after';
  /** For `words`, the offset in the block's text they stood before; 0 otherwise. */
  at: number;
  text: string;
}

export interface Redline {
  /** Words put in, and whole paragraphs put in. */
  added: BlockSpan[];
  /** Words and paragraphs taken out, each at its place, in the text's order. */
  removals: Removal[];
  /** The marks in each paragraph's margin. */
  blocks: Map<string, Set<BlockMark>>;
}

/**
 * How many characters of words taken out a paragraph shows whole: a long
 * sentence inline, some four lines as a paragraph of its own. Longer ones
 * show their start and end (removedText); the whole is in their tooltip and
 * in the change list.
 */
export const REMOVED_WORDS_SHOWN = 80;
export const REMOVED_PARAGRAPH_SHOWN = 150;

/** What the text shows of words taken out: all of them, or their start … end when long. */
export function removedText(removal: Pick<Removal, 'where' | 'text'>): {
  shown: string;
  cut: boolean;
} {
  const limit = removal.where === 'words' ? REMOVED_WORDS_SHOWN : REMOVED_PARAGRAPH_SHOWN;
  const chars = [...removal.text];
  if (chars.length <= limit) return { shown: removal.text, cut: false };
  // Most of it from the start, which says what it was; its last words lead into the text after it.
  const tail = Math.floor(limit / 4);
  const head = limit - tail - 1;
  return { shown: `${chars.slice(0, head).join('')}…${chars.slice(-tail).join('')}`, cut: true };
}

/** Everything the redline marks for a list of changes, in the new edition's text. */
export function redlineOf(changes: readonly EditionChange[], doc: DocumentText): Redline {
  const redline: Redline = { added: [], removals: [], blocks: new Map() };
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
      if (change.removed !== '') {
        redline.removals.push({
          block: place.block,
          where: atEnd ? 'after' : 'before',
          at: 0,
          text: change.removed,
        });
      }
      continue;
    }
    if (change.kind === 'move') {
      markBlock(place.block, 'moved');
      continue;
    }
    markBlock(place.block, change.kind === 'insert' ? 'inserted' : 'changed');
    if (place.added) redline.added.push(...place.spans);
    // Words taken out stand where they were: before the words put in for them, as Word shows them.
    if (change.removed !== '')
      redline.removals.push(wordsAt(doc, change.newAt.start, change.removed));
  }
  return redline;
}
