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
import { findBlock, holdingPlace } from '../reading/scroll';
import { TextMark } from '../reading/text-mark';
import type { SidebarStore } from '../sidebar/sidebar-store';
import type { EditionNavigation } from './editions-store';
import { changePlace, redlineOf, type Redline, type Removal } from './redline';
import { showRemovals, takeOffRemovals } from './removed-words';

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
/**
 * How many paragraphs get or lose words taken out in one frame, in frames of
 * their own between the marks' (a frame with both was the two costs at
 * once). Words change a paragraph's height: it is laid out again, with the
 * blocks after it in its part of the text, and the later parts move whole
 * (reading.css, .report-part); before the parts, every paragraph after it
 * was placed anew (a 50 ms frame at 100× however few words moved them).
 */
const WORDS_PER_FRAME = 8;
/**
 * Words taken out within this many views' heights of the view are drawn at
 * once, and the rest when they come this near (and, wherever they are, the
 * first frame's worth nearest the view: a short report's every one): drawn
 * before the reader sees them, as a wheel notch or two scrolls far less.
 */
const WORDS_NEAR_VIEWS = 1;

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

/** What one paragraph is to show, and the key of its words taken out. */
interface BlockChange {
  element: HTMLElement;
  drawing: BlockDrawing;
  key: string;
}

/** The redline being drawn: the cancel, and the words taken out of one paragraph drawn at once. */
interface Drawing {
  stop: () => void;
  /** Draws a paragraph's words taken out now if they are waiting for the reader (a jump to it). */
  drawNow: (element: HTMLElement) => void;
}

/**
 * Gives each paragraph the margin marks and words taken out asked for (none
 * for those not in `drawings`), from the frame after next, nearest the view
 * first: BLOCKS_PER_FRAME paragraphs' marks in a frame, and WORDS_PER_FRAME
 * paragraphs' words in the next; `shown` keeps which words each paragraph
 * shows.
 *
 * The margin marks go on every paragraph. Words taken out go in at once only
 * near the view (WORDS_NEAR_VIEWS), and the rest as the reader comes near
 * them (an IntersectionObserver on the pane): seven hundred paragraphs' at
 * 100× are ninety frames' worth, mostly of text never scrolled to. Each
 * words frame holds the paragraph being read where it is (holdingPlace):
 * the page's scroll anchoring picks an anchor of its own, any element in
 * view, which need not be the paragraph read.
 */
function drawBlocks(
  pane: HTMLElement,
  drawings: ReadonlyMap<string, BlockDrawing>,
  shown: Map<HTMLElement, ShownRemovals>,
): Drawing {
  const wanted = new Map<HTMLElement, BlockDrawing>();
  for (const element of pane.querySelectorAll<HTMLElement>('[data-redline]')) {
    wanted.set(element, NOTHING);
  }
  for (const element of shown.keys()) wanted.set(element, NOTHING);
  for (const [block, drawing] of drawings) {
    const element = findBlock(pane, block);
    if (element) wanted.set(element, drawing);
  }
  const shownKey = (element: HTMLElement) => shown.get(element)?.key ?? '';
  const view = pane.getBoundingClientRect();
  const changes = [...wanted]
    .map(([element, drawing]) => ({ element, drawing, key: removalsKey(drawing.removals) }))
    .filter(
      ({ element, drawing, key }) =>
        element.dataset[REDLINE_ATTRIBUTE] !== drawing.marks || shownKey(element) !== key,
    )
    .map((change) => ({
      ...change,
      distance: distanceFromView(change.element.getBoundingClientRect(), view),
    }))
    .sort((a, b) => a.distance - b.distance);

  const marks: BlockChange[] = [];
  const words: BlockChange[] = [];
  // Words far from the view wait for the reader; their paragraph gets its marks now.
  const later = new Map<Element, BlockChange>();
  let wordsNow = 0;
  for (const change of changes) {
    const wordsChange = shownKey(change.element) !== change.key;
    if (!wordsChange) marks.push(change);
    else if (
      change.drawing.removals.length === 0 ||
      wordsNow++ < WORDS_PER_FRAME ||
      change.distance <= view.height * WORDS_NEAR_VIEWS
    ) {
      words.push(change);
    } else {
      later.set(change.element, change);
      // Words of an earlier comparison come off with the marks, in a words frame.
      const marksOnly = { element: change.element, drawing: { ...change.drawing, removals: [] } };
      if (shown.has(change.element)) words.push({ ...marksOnly, key: '' });
      else if (change.element.dataset[REDLINE_ATTRIBUTE] !== change.drawing.marks)
        marks.push({ ...marksOnly, key: '' });
    }
  }

  /** Draws one paragraph's change. */
  const draw = ({ element, drawing, key }: BlockChange) => {
    if (drawing.marks === undefined) delete element.dataset[REDLINE_ATTRIBUTE];
    else element.dataset[REDLINE_ATTRIBUTE] = drawing.marks;
    const before = shown.get(element);
    if ((before?.key ?? '') === key) return;
    if (before) takeOffRemovals(before.elements);
    if (drawing.removals.length === 0) shown.delete(element);
    else shown.set(element, { key, elements: showRemovals(pane, element, drawing.removals) });
  };

  let frame = 0;
  let started = false;
  let wordsTurn = false;
  const batch = () => {
    frame = 0;
    // Marks and words take turns, each in frames of its own.
    const wordsNext = words.length > 0 && (wordsTurn || marks.length === 0);
    const from = wordsNext ? words : marks;
    const drawBatch = () => {
      for (const change of from.splice(0, wordsNext ? WORDS_PER_FRAME : BLOCKS_PER_FRAME)) {
        draw(change);
      }
    };
    // Words change heights: what the reader is looking at is held in place (margin marks never move it).
    if (wordsNext) holdingPlace(pane, drawBatch);
    else drawBatch();
    wordsTurn = !wordsNext;
    if (marks.length > 0 || words.length > 0) frame = requestAnimationFrame(batch);
  };
  const observer =
    later.size === 0
      ? null
      : new IntersectionObserver(
          (entries) => {
            const near: BlockChange[] = [];
            for (const entry of entries) {
              const change = later.get(entry.target);
              if (!entry.isIntersecting || change === undefined) continue;
              later.delete(entry.target);
              observer?.unobserve(entry.target);
              near.push(change);
            }
            // Those the reader comes near go before the rest, in the next frame.
            words.unshift(...near);
            wordsTurn ||= near.length > 0;
            if (near.length > 0 && frame === 0 && started) frame = requestAnimationFrame(batch);
          },
          { root: pane, rootMargin: `${WORDS_NEAR_VIEWS * 100}% 0px` },
        );
  for (const element of later.keys()) observer?.observe(element);
  const stopStart =
    marks.length > 0 || words.length > 0 || later.size > 0
      ? afterThisFrame(() => {
          started = true;
          batch();
        })
      : () => {};
  return {
    stop: () => {
      stopStart();
      cancelAnimationFrame(frame);
      observer?.disconnect();
    },
    drawNow: (element) => {
      const change = later.get(element);
      if (change === undefined) return;
      later.delete(element);
      observer?.unobserve(element);
      draw(change);
    },
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
  let drawing: Drawing | null = null;
  return {
    mark: (change) => {
      const place = changePlace(change, doc);
      const element = place && findBlock(pane, place.block);
      if (!place || !element) {
        current.clear();
        return null;
      }
      // Its words taken out go in before it is scrolled to: put in after, they would move it.
      drawing?.drawNow(element);
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
      drawing = null;
      if (changes === null) {
        added.clear();
        const { stop } = drawBlocks(pane, new Map(), shown);
        stopMarking = stop;
        return;
      }
      const redline = redlineOf(changes, doc);
      // A comparison arriving with the redline on draws its list in this frame: the highlights
      // (a repaint of the whole text) wait for the frame after, so the two are never one long
      // frame (83 ms at 100×, where each alone fits in 50).
      const stopHighlights = afterThisFrame(() => {
        added.show(redline.added);
        drawing = drawBlocks(pane, drawingsOf(redline), shown);
      });
      stopMarking = () => {
        stopHighlights();
        drawing?.stop();
      };
    },
    coversText: () => sidebar.coversText,
    landOn: sidebar.landOn,
  };
}
