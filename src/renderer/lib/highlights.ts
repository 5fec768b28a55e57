/**
 * Search matches drawn with the CSS Custom Highlight API: ranges over the
 * pre-rendered text, styled by ::highlight(), so the text itself is never
 * rewritten (and other layers can anchor on it undisturbed).
 */
import type { Occurrence } from './search-view';
import { findBlock, settleLayout } from './scroll';

const ALL = 'search';
const CURRENT = 'search-current';

/** A DOM range for [start, end) of a block's text (its textContent). */
export function rangeInBlock(pane: HTMLElement, occurrence: Occurrence): Range | null {
  const element = findBlock(pane, occurrence.block);
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && occurrence.start < offset + length) {
      range.setStart(node, occurrence.start - offset);
      started = true;
    }
    if (started && occurrence.end <= offset + length) {
      range.setEnd(node, occurrence.end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

function highlights(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}

export function showSearchHighlights(all: Range[], current: Range | null): void {
  const registry = highlights();
  if (!registry) return;
  registry.set(ALL, new Highlight(...all));
  if (current) registry.set(CURRENT, new Highlight(current));
  else registry.delete(CURRENT);
}

export function clearSearchHighlights(): void {
  highlights()?.delete(ALL);
  highlights()?.delete(CURRENT);
}

/** Scrolls so the range sits a third of the way down the pane, unless it is already well in view. */
export function scrollRangeIntoView(pane: HTMLElement, range: Range): void {
  settleLayout(pane);
  const box = range.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  const margin = view.height * 0.15;
  if (box.top >= view.top + margin && box.bottom <= view.bottom - margin) return;
  pane.scrollBy({ top: box.top - view.top - view.height / 3 });
}
