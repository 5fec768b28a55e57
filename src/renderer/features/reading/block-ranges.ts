/**
 * DOM ranges over the pre-rendered text, from offsets in a block's text: what
 * every layer over the text (search matches, term marks, highlights) draws
 * or scrolls to, without ever rewriting the text itself.
 */
import { findBlock, settleLayout } from './scroll';

/** [start, end) of one block's text (its textContent). */
export interface BlockSpan {
  block: string;
  start: number;
  end: number;
}

/** A block's text nodes, in order, and the offset in its textContent where each ends. */
interface BlockText {
  nodes: Text[];
  ends: number[];
}

function blockText(element: HTMLElement): BlockText {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    offset += (node as Text).length;
    nodes.push(node as Text);
    ends.push(offset);
  }
  return { nodes, ends };
}

/** The first index from `from` on whose end is past `offset` (or reaches it, when `reach`). */
function nodeAt(ends: number[], from: number, offset: number, reach: boolean): number {
  let low = from;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reach ? ends[middle] >= offset : ends[middle] > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

function rangeIn({ nodes, ends }: BlockText, { start, end }: BlockSpan): Range | null {
  const first = nodeAt(ends, 0, start, false);
  const last = nodeAt(ends, first, end, true);
  if (last >= nodes.length) return null;
  const range = document.createRange();
  range.setStart(nodes[first], start - (ends[first] - nodes[first].length));
  range.setEnd(nodes[last], end - (ends[last] - nodes[last].length));
  return range;
}

/**
 * DOM ranges for [start, end) of blocks' texts (their textContent), null
 * where a block or offset is not in the pane. Each block's text is walked
 * once, however many of its matches are asked for.
 */
export function rangesInBlocks(
  pane: HTMLElement,
  occurrences: readonly BlockSpan[],
): (Range | null)[] {
  const texts = new Map<string, BlockText | null>();
  return occurrences.map((occurrence) => {
    let text = texts.get(occurrence.block);
    if (text === undefined) {
      const element = findBlock(pane, occurrence.block);
      text = element ? blockText(element) : null;
      texts.set(occurrence.block, text);
    }
    return text ? rangeIn(text, occurrence) : null;
  });
}

export function rangeInBlock(pane: HTMLElement, occurrence: BlockSpan): Range | null {
  return rangesInBlocks(pane, [occurrence])[0];
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
