/**
 * A review made readable without either edition at hand: each change gets
 * its place as a delegate cites it and the words around it, each touched
 * note the place it has now. The 修订对照 view and the Markdown export read
 * only this.
 */
import type { ReportDocument } from '../../shared/document';
import type {
  ComparedChange,
  EditionComparison,
  EditionReview,
  ReviewedChange,
} from '../../shared/editions';
import { locationLabel } from '../report/location';

/** Characters of context on each side of a change inside a paragraph. */
export const CONTEXT_CHARS = 24;

type Labeller = (block: string | undefined) => string;

function labeller(document: ReportDocument): Labeller {
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  return (block) =>
    block === undefined ? '' : locationLabel(document.blocks, document.outline, order, block);
}

/** The words before and after `[start, end)` of a text, cut to CONTEXT_CHARS with `…`. */
export function contextAround(
  text: string,
  start: number,
  end: number,
  width = CONTEXT_CHARS,
): { before: string; after: string } {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}

export function presentReview(
  review: EditionReview,
  oldDocument: ReportDocument,
  newDocument: ReportDocument,
): EditionComparison {
  const oldPlace = labeller(oldDocument);
  const newPlace = labeller(newDocument);
  const newTexts = new Map(newDocument.blocks.map((block) => [block.id, block.text]));
  const present = (change: ReviewedChange): ComparedChange => {
    const place =
      change.kind === 'delete'
        ? `原${oldPlace(change.oldBlock)}`
        : change.kind === 'move'
          ? `由原${oldPlace(change.oldBlock)}移至${newPlace(change.newBlock)}`
          : newPlace(change.newBlock);
    const text = change.new && newTexts.get(change.new.block);
    const context =
      text === undefined || change.new === undefined || change.kind === 'insert'
        ? { before: '', after: '' }
        : change.kind === 'move'
          ? contextAround(text, 0, 0)
          : contextAround(text, change.new.start, change.new.end);
    return {
      ...change,
      place,
      ...context,
      touched: change.touched.map((mark) =>
        mark.nowBlock === undefined ? mark : { ...mark, nowPlace: newPlace(mark.nowBlock) },
      ),
    };
  };
  return {
    oldVersion: oldDocument.version,
    newVersion: newDocument.version,
    changes: review.changes.map(present),
    touchedChanges: review.touchedChanges,
  };
}
