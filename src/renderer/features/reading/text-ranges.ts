/**
 * Between the DOM and positions in the document text (doc-text.ts): a
 * selection becomes a [start, end) range, a range becomes DOM ranges to
 * highlight, and a click becomes a position.
 */
import { spansOf, type DocumentText } from '../../../core/report/doc-text';
import { rangeInBlock } from './block-ranges';

const BLOCK_SELECTOR = '[data-block]';

/** How many characters of the block's text lie before (node, offset). */
function offsetInBlock(block: Element, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(block);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The selection as a range of the document text, or null when it selects no report text. */
export function rangeToText(
  pane: HTMLElement,
  doc: DocumentText,
  range: Range,
): { start: number; end: number } | null {
  if (range.collapsed) return null;
  const blocks = [...pane.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)].filter((block) =>
    range.intersectsNode(block),
  );
  if (blocks.length === 0) return null;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const firstIndex = doc.indexOf.get(first.dataset.block ?? '');
  const lastIndex = doc.indexOf.get(last.dataset.block ?? '');
  if (firstIndex === undefined || lastIndex === undefined) return null;
  const startInBlock = first.contains(range.startContainer)
    ? offsetInBlock(first, range.startContainer, range.startOffset)
    : 0;
  const endInBlock = last.contains(range.endContainer)
    ? offsetInBlock(last, range.endContainer, range.endOffset)
    : (last.textContent ?? '').length;
  const start = doc.starts[firstIndex] + startInBlock;
  const end = doc.starts[lastIndex] + endInBlock;
  if (end <= start || doc.text.slice(start, end).trim() === '') return null;
  return { start, end };
}

/** DOM ranges covering [start, end) of the document text, one per block it touches. */
export function textToRanges(
  pane: HTMLElement,
  doc: DocumentText,
  start: number,
  end: number,
): Range[] {
  return spansOf(doc, start, end).flatMap((span) => rangeInBlock(pane, span) ?? []);
}

/** The document-text position under a point, or null outside the report's text. */
export function positionAtPoint(
  pane: HTMLElement,
  doc: DocumentText,
  x: number,
  y: number,
): number | null {
  const caret = document.caretPositionFromPoint?.(x, y);
  const node = caret?.offsetNode ?? null;
  if (!caret || !node) return null;
  const block = (node instanceof Element ? node : node.parentElement)?.closest(BLOCK_SELECTOR);
  if (!block || !pane.contains(block)) return null;
  const index = doc.indexOf.get((block as HTMLElement).dataset.block ?? '');
  if (index === undefined) return null;
  return doc.starts[index] + offsetInBlock(block, node, caret.offset);
}
