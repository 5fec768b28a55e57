/** Scrolling the reading pane so a given point of a block sits on a given line. */
import type { ReadingPosition } from '../../../shared/settings';
import { whenIdle } from '../../ui/idle';

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

/**
 * Lays out every block for real (see `.report:not(.settled)` in reading.css).
 * Before this, off-screen blocks have estimated heights, and positions
 * computed from them would be off by hundreds of pixels.
 */
export function settleLayout(pane: HTMLElement): void {
  pane.querySelector('.report')?.classList.add('settled');
}

/** Settles the layout once the browser has nothing better to do. */
export function settleLayoutWhenIdle(pane: HTMLElement): () => void {
  return whenIdle(() => settleLayout(pane), 1000, 200);
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
