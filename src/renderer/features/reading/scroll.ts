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
 * What the blocks' sizes depend on: the text's width and type. Sizes the
 * browser remembered under another key are stale.
 */
function layoutKey(report: HTMLElement): string {
  const style = getComputedStyle(report);
  return [report.clientWidth, style.fontSize, style.lineHeight, style.fontFamily].join('|');
}

/** Each report text's key when its blocks' sizes were last remembered. */
const measured = new WeakMap<HTMLElement, string>();

/**
 * Lays out every block for real (`.measuring`, see reading.css), so the
 * positions read after this are exact: before, off-screen blocks have
 * estimated heights, and positions computed from them would be off by
 * hundreds of pixels. Two frames on, once the browser has remembered every
 * block's size, the text is `.settled`: off-screen blocks skip layout and
 * paint again, now at their remembered (exact) sizes, so a change of style
 * or a CSS highlight over the text (the redline) walks only the blocks near
 * the view, not all eight thousand of a 100× report. Nothing to do while the
 * sizes are remembered for the text's width and type; measured again once
 * they are not (the window resized, the font size changed).
 */
export function settleLayout(pane: HTMLElement): void {
  const report = pane.querySelector<HTMLElement>('.report');
  if (!report || report.classList.contains('measuring')) return;
  const key = layoutKey(report);
  if (measured.get(report) === key) return;
  report.classList.remove('settled');
  report.classList.add('measuring');
  // Sizes are remembered at a rendering update: the frame after the next has seen one.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const height = report.offsetHeight;
      report.classList.replace('measuring', 'settled');
      // Not the height laid out in full (a size that was not remembered): stay laid out in full.
      if (report.offsetHeight !== height) report.classList.replace('settled', 'measuring');
      else measured.set(report, layoutKey(report));
    }),
  );
}

/**
 * Settles the layout once the browser has nothing better to do, and again
 * whenever the text's width or type changes (off-screen blocks would keep
 * sizes remembered for the old one).
 */
export function settleLayoutWhenIdle(pane: HTMLElement): () => void {
  let cancel = whenIdle(() => settleLayout(pane), 1000, 200);
  const report = pane.querySelector<HTMLElement>('.report');
  if (!report) return cancel;
  const resized = new ResizeObserver(() => {
    const key = measured.get(report);
    if (key === undefined || key === layoutKey(report)) return;
    cancel();
    cancel = whenIdle(() => settleLayout(pane), 1000, 200);
  });
  resized.observe(report);
  return () => {
    cancel();
    resized.disconnect();
  };
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
