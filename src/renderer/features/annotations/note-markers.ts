/**
 * The margin marker of a note (as Zotero's reader has): a small numbered mark
 * beside the line where the noted passage ends. It is one empty element put
 * into the text at the passage's end, absolutely positioned into the right
 * margin (so it follows every reflow with no measuring), and printed inline
 * as the note's number, the reference to the numbered notes after the report.
 * It holds no text (the number is CSS content), so every block's
 * textContent, and with it every offset other layers use, stays the same.
 */
import { blockIndexAt, type DocumentText } from '../../../core/report/doc-text';
import type { Anchored, Annotation } from '../../../shared/user-data';
import { rangeInBlock } from '../reading/block-ranges';
import { shortQuote } from './annotation-view';

const MARKER = 'button.note-marker';

function unmarkAll(pane: HTMLElement): void {
  for (const marker of pane.querySelectorAll(MARKER)) {
    const parent = marker.parentNode;
    marker.remove();
    parent?.normalize();
  }
}

/** Right after the last character of a placed passage. */
function endOf(pane: HTMLElement, doc: DocumentText, end: number): Range | null {
  const index = blockIndexAt(doc, end - 1);
  const offset = end - doc.starts[index];
  const range = rangeInBlock(pane, { block: doc.ids[index], start: offset - 1, end: offset });
  range?.collapse(false);
  return range;
}

/** Puts a marker, numbered from 1 in the order given, at the end of each note's passage. */
export function markNotes(
  pane: HTMLElement,
  doc: DocumentText,
  notes: readonly Anchored<Annotation>[],
): void {
  unmarkAll(pane);
  notes.forEach((note, index) => {
    if (note.anchor.status === 'orphan') return;
    const range = endOf(pane, doc, note.anchor.end);
    if (!range) return;
    const marker = document.createElement('button');
    marker.type = 'button';
    marker.className = `note-marker swatch-${note.color}`;
    // Reached by pointer; the keyboard has the 批注 panel, rather than one Tab stop per note.
    marker.tabIndex = -1;
    marker.dataset.note = String(index + 1);
    marker.dataset.annotation = note.id;
    marker.setAttribute(
      'aria-label',
      `批注 ${index + 1}：${shortQuote(note.note || note.tags.join('、'), 30)}`,
    );
    range.insertNode(marker);
  });
}

export function clearNotes(pane: HTMLElement): void {
  unmarkAll(pane);
}
