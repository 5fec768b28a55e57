/** Scrolling the reading pane so a given point of a block sits on a given line. */
import type { ReadingPosition } from '../../../shared/settings';
import { whenIdle } from '../../ui/idle';
import { locateReadingLine } from './reading-position';

/** Where a jump puts the top of its target, below the pane's top edge, in px. */
export const LANDING = 12;
/**
 * The reading line that decides which block the reader is in. It sits a little
 * below LANDING so a block that was jumped to counts as current despite
 * sub-pixel rounding of scrollTop.
 */
export const READING_LINE = LANDING + 8;

/**
 * The block's element in the pane. Each block carries its id as its element
 * id too (report-html.ts), so the document's id map finds it at once: a
 * selector query walks the whole text, some 8,000 blocks at 100×, and the
 * redline and a jump ask for hundreds of blocks in one frame. No element with
 * that id: no block has it. The selector is the fallback for an id the page
 * holds twice (another element before the block with the same id).
 */
export function findBlock(pane: HTMLElement, block: string): HTMLElement | null {
  const byId = pane.ownerDocument.getElementById(block);
  if (byId === null) return null;
  if (byId.dataset.block === block && pane.contains(byId)) return byId;
  return pane.querySelector<HTMLElement>(`[data-block="${CSS.escape(block)}"]`);
}

/** The block at the reading line, and how far through it the line is. */
export function readingPositionOf(pane: HTMLElement): ReadingPosition | null {
  const line = pane.getBoundingClientRect().top + READING_LINE;
  const blocks = pane.querySelectorAll<HTMLElement>('[data-block]');
  return locateReadingLine(blocks.length, (index) => {
    const element = blocks[index];
    const rect = element.getBoundingClientRect();
    return { id: element.dataset.block ?? '', top: rect.top - line, height: rect.height };
  });
}

/**
 * Lays out every block for real (see `.report:not(.settled)` in reading.css).
 * Before this, off-screen blocks have estimated heights, and positions
 * computed from them would be off by hundreds of pixels.
 *
 * What the reader is looking at stays where it is: the focused element, or
 * else the block at the reading line. Chromium's own scroll anchoring does
 * not hold it here (it skips `content-visibility: auto` blocks), so a reader
 * who had scrolled, dragged the scrollbar, pressed End or tabbed to a far
 * term before the layout settled saw the text jump by hundreds of pixels
 * (measured: a paragraph read at 6,000 px moved 385 px; End, 3,070 px), a
 * focused term thrown out of sight with its popover.
 */
export function settleLayout(pane: HTMLElement): void {
  const report = pane.querySelector('.report');
  if (!report || report.classList.contains('settled')) return;
  holdingPlace(pane, () => report.classList.add('settled'));
}

/**
 * Runs `change` (one that changes heights in the text) with what the reader
 * is looking at held where it is on screen: the focused element in view, or
 * else the block at the reading line. Measured after the page's own scroll
 * anchoring has had its say (it adjusts in the layout the measuring forces),
 * so only what that left is made up, never twice.
 */
export function holdingPlace(pane: HTMLElement, change: () => void): void {
  const report = pane.querySelector('.report');
  const anchor = report ? inView(pane, report) : undefined;
  const before = anchor?.getBoundingClientRect().top ?? 0;
  change();
  if (!anchor?.isConnected) return;
  const moved = anchor.getBoundingClientRect().top - before;
  if (moved !== 0) pane.scrollTop += moved;
}

/**
 * The focused element when it is in view in the pane, else the block at the
 * reading line: the one search that tells where the reader is (readingPositionOf).
 */
function inView(pane: HTMLElement, report: Element): Element | undefined {
  const focused = pane.ownerDocument.activeElement;
  if (focused && focused !== report && report.contains(focused) && isInView(pane, focused)) {
    return focused;
  }
  const position = readingPositionOf(pane);
  return (position && findBlock(pane, position.block)) ?? undefined;
}

/** Some of the element is inside the pane's visible box. */
export function isInView(pane: HTMLElement, element: Element): boolean {
  const view = pane.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

/**
 * Settles the layout once the browser has nothing better to do, or at the
 * reader's first scroll if that comes sooner. Scrolled before, the blocks
 * that come near the view are laid out a frame or two later, and the text
 * would jump by what their estimated heights were off (Chromium's scroll
 * anchoring skips `content-visibility: auto` blocks). The scroll event comes
 * before that frame's layout, so settling here keeps the reader's place. A
 * pane scrolled already (the static text scrolled before the interface came)
 * is settled at once.
 */
export function settleLayoutWhenIdle(pane: HTMLElement): () => void {
  if (pane.scrollTop > 0) {
    settleLayout(pane);
    return () => {};
  }
  const settle = () => {
    stop();
    settleLayout(pane);
  };
  const cancelIdle = whenIdle(settle, 1000, 200);
  pane.addEventListener('scroll', settle, { passive: true });
  const stop = () => {
    cancelIdle();
    pane.removeEventListener('scroll', settle);
  };
  return stop;
}

/** Puts `offset` (a fraction of the block's height) of the block `line` px below the pane's top. */
export function scrollToPosition(
  pane: HTMLElement,
  position: ReadingPosition,
  line: number,
): boolean {
  settleLayout(pane);
  const element = findBlock(pane, position.block);
  if (!element) return false;
  const box = element.getBoundingClientRect();
  pane.scrollTop +=
    box.top - pane.getBoundingClientRect().top - line + position.offset * box.height;
  return true;
}
