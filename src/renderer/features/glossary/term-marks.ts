/**
 * Marks the reader's own terms in the pre-rendered text: each occurrence is
 * wrapped in a span like the report's terms (but `user-term`). Only elements
 * are added or removed, never text, so every block's textContent, and with it
 * every offset other layers use, stays the same.
 */
import type { TermEntry } from './glossary-popover';
import { rangeInBlock } from '../reading/block-ranges';

const USER_MARK = 'span.user-term';

/** Fired on the pane after marks change: text nodes were split or joined, ranges may need rebuilding. */
export const MARKS_CHANGED = 'reader:marks-changed';

function unmarkAll(pane: HTMLElement): void {
  for (const mark of pane.querySelectorAll<HTMLElement>(USER_MARK)) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}

export function markUserTerms(pane: HTMLElement, entries: readonly TermEntry[]): void {
  unmarkAll(pane);
  for (const entry of entries) {
    entry.occurrences.forEach((occurrence, index) => {
      const range = rangeInBlock(pane, occurrence);
      if (!range) return;
      const mark = document.createElement('span');
      mark.className = 'term user-term';
      mark.setAttribute('role', 'button');
      mark.tabIndex = 0;
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.dataset.glossary = entry.id;
      mark.dataset.occurrence = String(index);
      mark.append(range.extractContents());
      range.insertNode(mark);
    });
  }
  pane.dispatchEvent(new CustomEvent(MARKS_CHANGED));
}

export function clearUserTerms(pane: HTMLElement): void {
  unmarkAll(pane);
  pane.dispatchEvent(new CustomEvent(MARKS_CHANGED));
}
