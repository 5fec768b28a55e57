/**
 * 修订对照 in the reading view: the change jumped to, marked as search marks
 * its current match, and the redline, which marks every change at once:
 * words put in are underlined, the place words were taken from gets a wavy
 * line, and each changed paragraph a bar in the margin (a dashed rule above
 * the paragraph after one that was deleted). All of it lies over the text:
 * CSS highlights and a data attribute, never a rewritten text.
 */
import type { DocumentText } from '../../../core/report/doc-text';
import { scrollRangeIntoView } from '../reading/block-ranges';
import { findBlock } from '../reading/scroll';
import { TextMark } from '../reading/text-mark';
import type { SidebarStore } from '../sidebar/sidebar-store';
import type { EditionNavigation } from './editions-store';
import { changePlace, redlineOf, type BlockMark } from './redline';

const REDLINE_ATTRIBUTE = 'redline';
/**
 * How many paragraphs get or lose their margin marks in one frame. Each mark
 * is a style of its own to work out, and its bar lies outside the paragraph
 * (the text's overflow is worked out again): seven hundred at once (100×)
 * were some 35 ms of one frame, in the frame that also repaints the whole
 * text for the highlights. So the highlights are drawn first, and the marks
 * change from the frame after, those in view first, BLOCKS_PER_FRAME a frame.
 */
const BLOCKS_PER_FRAME = 100;

/** How far a box is from the pane's view, in px (0 when it is in view). */
function distanceFromView(box: DOMRect, view: DOMRect): number {
  if (box.bottom < view.top) return view.top - box.bottom;
  return Math.max(0, box.top - view.bottom);
}

/**
 * Runs `then` in the frame after the one being drawn now (a callback asked
 * for now runs before this frame's paint: the one it asks for, after it);
 * answers the cancel.
 */
function afterThisFrame(then: () => void): () => void {
  let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(then)));
  return () => cancelAnimationFrame(frame);
}

/**
 * Gives each paragraph the margin marks asked for (none for those not in
 * `blocks`), from the frame after next, nearest the view first,
 * BLOCKS_PER_FRAME a frame; answers the cancel.
 */
function markBlocks(pane: HTMLElement, blocks: ReadonlyMap<string, Set<BlockMark>>): () => void {
  const wanted = new Map<HTMLElement, string | undefined>();
  for (const element of pane.querySelectorAll<HTMLElement>('[data-redline]')) {
    wanted.set(element, undefined);
  }
  for (const [block, kinds] of blocks) {
    const element = findBlock(pane, block);
    if (element) wanted.set(element, [...kinds].join(' '));
  }
  const view = pane.getBoundingClientRect();
  const changes = [...wanted]
    .filter(([element, value]) => element.dataset[REDLINE_ATTRIBUTE] !== value)
    .map(([element, value]) => ({
      element,
      value,
      distance: distanceFromView(element.getBoundingClientRect(), view),
    }))
    .sort((a, b) => a.distance - b.distance);
  let next = 0;
  let frame = 0;
  const batch = () => {
    for (const { element, value } of changes.slice(next, (next += BLOCKS_PER_FRAME))) {
      if (value === undefined) delete element.dataset[REDLINE_ATTRIBUTE];
      else element.dataset[REDLINE_ATTRIBUTE] = value;
    }
    if (next < changes.length) frame = requestAnimationFrame(batch);
  };
  const stopStart = changes.length > 0 ? afterThisFrame(batch) : () => {};
  return () => {
    stopStart();
    cancelAnimationFrame(frame);
  };
}

export function editionNavigation(
  pane: HTMLElement,
  doc: DocumentText,
  sidebar: Pick<SidebarStore, 'coversText' | 'landOn'>,
): EditionNavigation {
  const current = new TextMark(pane, 'edition-current');
  const added = new TextMark(pane, 'edition-added');
  const removed = new TextMark(pane, 'edition-removed');
  let stopMarking = () => {};
  return {
    mark: (change) => {
      const place = changePlace(change, doc);
      const element = place && findBlock(pane, place.block);
      if (!place || !element) {
        current.clear();
        return null;
      }
      const [range] = current.show(place.spans);
      if (range) scrollRangeIntoView(pane, range);
      else element.scrollIntoView({ block: 'center' });
      // Stepping from a paragraph of the text: the focus goes along, never left behind.
      if (pane.contains(document.activeElement)) element.focus({ preventScroll: true });
      return place.block;
    },
    unmark: () => current.clear(),
    redline: (changes) => {
      stopMarking();
      if (changes === null) {
        added.clear();
        removed.clear();
        stopMarking = markBlocks(pane, new Map());
        return;
      }
      const redline = redlineOf(changes, doc);
      // A comparison arriving with the redline on draws its list in this frame: the highlights
      // (a repaint of the whole text) wait for the frame after, so the two are never one long
      // frame (83 ms at 100×, where each alone fits in 50).
      let stopBlocks = () => {};
      const stopHighlights = afterThisFrame(() => {
        added.show(redline.added);
        removed.show(redline.removed);
        stopBlocks = markBlocks(pane, redline.blocks);
      });
      stopMarking = () => {
        stopHighlights();
        stopBlocks();
      };
    },
    coversText: () => sidebar.coversText,
    landOn: sidebar.landOn,
  };
}
