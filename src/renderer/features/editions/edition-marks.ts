/**
 * 修订对照 in the reading view: the change jumped to, marked as search marks
 * its current match, and the redline, which marks every change at once:
 * words put in are underlined, words taken out are shown struck through
 * where they were (removed-words.ts), and each changed paragraph has a bar
 * in the margin (a dashed rule above the paragraph after one that was
 * deleted). The text itself is never rewritten: CSS highlights, a data
 * attribute, and empty elements whose words are CSS content.
 */
import type { DocumentText } from '../../../core/report/doc-text';
import { scrollRangeIntoView } from '../reading/block-ranges';
import { findBlock } from '../reading/scroll';
import { TextMark } from '../reading/text-mark';
import type { SidebarStore } from '../sidebar/sidebar-store';
import type { EditionNavigation } from './editions-store';
import { changePlace, redlineOf, type Redline, type Removal } from './redline';
import { showRemovals, takeOffRemovals } from './removed-words';

const REDLINE_ATTRIBUTE = 'redline';
/**
 * How many paragraphs get or lose their margin marks in one frame (fewer
 * when words taken out go in or out: WORDS_EXTRA_COST). Each mark
 * is a style of its own to work out, and its bar lies outside the paragraph
 * (the text's overflow is worked out again): seven hundred at once (100×)
 * were some 35 ms of one frame, in the frame that also repaints the whole
 * text for the highlights. So the highlights are drawn first, and the marks
 * change from the frame after, those in view first, BLOCKS_PER_FRAME a frame.
 */
const BLOCKS_PER_FRAME = 100;
/**
 * A paragraph given words taken out counts as this many more: they change its
 * height, so the paragraph is laid out again and the text after it moves
 * (some 0.2 ms each at 100×, on top of ~11 ms to place the 8,000 paragraphs
 * anew in any frame that moves them). Fifty-odd in a frame (with the margin
 * marks) were 60–100 ms frames at 100×; at most 25 keep a frame near the
 * highlights' own.
 */
const WORDS_EXTRA_COST = 3;

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

/** What the redline shows at a paragraph: its margin marks, and the words taken out there. */
interface BlockDrawing {
  marks: string | undefined;
  removals: readonly Removal[];
}

/** The words taken out that a paragraph shows now, and the key they were drawn for. */
interface ShownRemovals {
  key: string;
  elements: HTMLElement[];
}

const NOTHING: BlockDrawing = { marks: undefined, removals: [] };

const removalsKey = (removals: readonly Removal[]) =>
  removals.map((removal) => `${removal.where}${removal.at}:${removal.text}`).join('\n');

/** Each paragraph's drawing: its margin marks, and the words taken out at it, in order. */
function drawingsOf(redline: Pick<Redline, 'blocks' | 'removals'>): Map<string, BlockDrawing> {
  const drawings = new Map<string, { marks: string | undefined; removals: Removal[] }>();
  const drawingOf = (block: string) => {
    let drawing = drawings.get(block);
    if (drawing === undefined) drawings.set(block, (drawing = { marks: undefined, removals: [] }));
    return drawing;
  };
  for (const [block, kinds] of redline.blocks) drawingOf(block).marks = [...kinds].join(' ');
  for (const removal of redline.removals) drawingOf(removal.block).removals.push(removal);
  return drawings;
}

/**
 * Gives each paragraph the margin marks and words taken out asked for (none
 * for those not in `drawings`), from the frame after next, nearest the view
 * first, BLOCKS_PER_FRAME a frame at most; `shown` keeps which words each paragraph
 * shows. Answers the cancel.
 */
function drawBlocks(
  pane: HTMLElement,
  drawings: ReadonlyMap<string, BlockDrawing>,
  shown: Map<HTMLElement, ShownRemovals>,
): () => void {
  const wanted = new Map<HTMLElement, BlockDrawing>();
  for (const element of pane.querySelectorAll<HTMLElement>('[data-redline]')) {
    wanted.set(element, NOTHING);
  }
  for (const element of shown.keys()) wanted.set(element, NOTHING);
  for (const [block, drawing] of drawings) {
    const element = findBlock(pane, block);
    if (element) wanted.set(element, drawing);
  }
  const view = pane.getBoundingClientRect();
  const changes = [...wanted]
    .map(([element, drawing]) => ({ element, drawing, key: removalsKey(drawing.removals) }))
    .filter(
      ({ element, drawing, key }) =>
        element.dataset[REDLINE_ATTRIBUTE] !== drawing.marks ||
        (shown.get(element)?.key ?? '') !== key,
    )
    .map((change) => ({
      ...change,
      distance: distanceFromView(change.element.getBoundingClientRect(), view),
    }))
    .sort((a, b) => a.distance - b.distance);
  let next = 0;
  let frame = 0;
  const batch = () => {
    let budget = BLOCKS_PER_FRAME;
    while (next < changes.length && budget > 0) {
      const { element, drawing, key } = changes[next++];
      budget--;
      if (drawing.marks === undefined) delete element.dataset[REDLINE_ATTRIBUTE];
      else element.dataset[REDLINE_ATTRIBUTE] = drawing.marks;
      const before = shown.get(element);
      if ((before?.key ?? '') === key) continue;
      budget -= WORDS_EXTRA_COST;
      if (before) takeOffRemovals(before.elements);
      if (drawing.removals.length === 0) shown.delete(element);
      else shown.set(element, { key, elements: showRemovals(pane, element, drawing.removals) });
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
  const shown = new Map<HTMLElement, ShownRemovals>();
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
        stopMarking = drawBlocks(pane, new Map(), shown);
        return;
      }
      const redline = redlineOf(changes, doc);
      // A comparison arriving with the redline on draws its list in this frame: the highlights
      // (a repaint of the whole text) wait for the frame after, so the two are never one long
      // frame (83 ms at 100×, where each alone fits in 50).
      let stopBlocks = () => {};
      const stopHighlights = afterThisFrame(() => {
        added.show(redline.added);
        stopBlocks = drawBlocks(pane, drawingsOf(redline), shown);
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
