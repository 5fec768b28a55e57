/**
 * The scrolling reading pane: which block is at the top (for the 目录 and the
 * saved position), jumps, keyboard scrolling, and keeping the reader's place
 * when the layout changes under them.
 */
import type { ReadingPosition } from '../../../shared/settings';
import { Store } from '../../store';
import {
  findBlock,
  isInView,
  LANDING,
  READING_LINE,
  readingPositionOf,
  scrollToPosition,
} from './scroll';

const SAVE_DELAY_MS = 400;

export interface ReadingState {
  /** The block at the reading line, just under the pane's top edge. */
  topBlock: string | null;
  /**
   * The block last brought into view (a jump, a search hit scrolled to a
   * third of the way down), until the reader scrolls on from there.
   */
  shown: string | null;
}

/** The block the reader is looking at: the one just shown to them, else the one at the reading line. */
export const lookingAt = (state: ReadingState): string | null => state.shown ?? state.topBlock;

export class ReadingPane extends Store<ReadingState> {
  /** Where the reader is, as of the last scroll: what a layout change must keep. */
  private place: ReadingPosition | null;
  /** The pane's scrollTop when `shown` was set: a scroll away from it ends `shown`. */
  private shownAt: number | null = null;

  constructor(
    readonly pane: HTMLElement,
    private readonly initial: ReadingPosition | null,
    private readonly savePosition: (position: ReadingPosition) => void,
  ) {
    // Not measured here: that would force a layout of the whole report on mount.
    super({ topBlock: initial?.block ?? null, shown: null });
    this.place = initial;
  }

  /** Before the interface's first paint: the saved position wins over the local cache that mount.tsx restored early. */
  restore(): void {
    if (this.initial) scrollToPosition(this.pane, this.initial, READING_LINE);
  }

  /** After the first paint (measuring lays out the report): follows scrolling and resizing; answers the stop. */
  attach(): () => void {
    const { pane } = this;
    this.place ??= readingPositionOf(pane);
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: ReadingPosition | null = null;
    const flush = () => {
      clearTimeout(timer);
      if (pending) this.savePosition(pending);
      pending = null;
    };
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const position = readingPositionOf(pane);
        if (!position) return;
        this.place = position;
        pending = position;
        // The scroll that showed a passage is not the reader scrolling on.
        const held = this.shownAt !== null && Math.abs(pane.scrollTop - this.shownAt) < 1;
        if (!held) this.shownAt = null;
        this.set({ topBlock: position.block, ...(held ? {} : { shown: null }) });
        clearTimeout(timer);
        timer = setTimeout(flush, SAVE_DELAY_MS);
      });
    };
    // Closing the window or tab must not lose the last few hundred ms of reading.
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // A narrower or wider pane (window resized, 目录 shown or hidden) reflows
    // the text; without this the reader would find themselves paragraphs away.
    let first = true;
    let width = pane.clientWidth;
    const resized = new ResizeObserver(() => {
      if (first || pane.clientWidth === width) {
        first = false;
        return;
      }
      width = pane.clientWidth;
      this.keepPlace();
    });
    pane.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    resized.observe(pane);
    return () => {
      pane.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      resized.disconnect();
      cancelAnimationFrame(frame);
      flush();
    };
  }

  /**
   * The block at the reading line now, measured if the reader has not
   * scrolled yet (a report just opened at its top has no topBlock).
   */
  blockAtReadingLine(): string | null {
    return this.getSnapshot().topBlock ?? readingPositionOf(this.pane)?.block ?? null;
  }

  /**
   * The paragraph the reader chose: the block holding the focus (a paragraph
   * tabbed or jumped to, a term in it, the keyboard's selection) or else the
   * page's selection, while it is in view; otherwise the block at the reading
   * line. `v` starts there and Ctrl+D bookmarks it, so a keyboard reader gets
   * the paragraph they chose, never the one above it at the top of the view.
   * One out of view (focus left behind by scrolling on) is not chosen.
   */
  chosenBlock(): string | null {
    const { pane } = this;
    const selection = pane.ownerDocument.getSelection();
    const selected =
      selection && !selection.isCollapsed && selection.rangeCount > 0
        ? selection.getRangeAt(0).startContainer
        : null;
    for (const node of [pane.ownerDocument.activeElement, selected]) {
      const element = node instanceof Element ? node : node?.parentElement;
      const block = element?.closest<HTMLElement>('[data-block]');
      if (block && pane.contains(block) && isInView(pane, block))
        return block.dataset.block ?? null;
    }
    return this.blockAtReadingLine();
  }

  /** Puts the reader back where they were, after the text has reflowed. */
  readonly keepPlace = (): void => {
    if (!this.place) return;
    scrollToPosition(this.pane, this.place, READING_LINE);
    if (this.shownAt !== null) this.shownAt = this.pane.scrollTop;
  };

  /** A passage of `block` was just scrolled into view for the reader (a search hit): they are there now. */
  readonly show = (block: string): void => {
    this.shownAt = this.pane.scrollTop;
    this.set({ shown: block });
  };

  readonly jumpTo = (block: string): void => {
    if (!scrollToPosition(this.pane, { block, offset: 0 }, LANDING)) return;
    this.place = { block, offset: 0 };
    this.shownAt = this.pane.scrollTop;
    this.set({ topBlock: block, shown: block });
    // Move focus with the view, so keyboard and screen-reader users land there too.
    findBlock(this.pane, block)?.focus({ preventScroll: true });
  };

  /** True when the block starts above where a jump would put it: the reader is inside it. */
  isPastStart(block: string): boolean {
    const element = findBlock(this.pane, block);
    if (!element) return false;
    const top = element.getBoundingClientRect().top - this.pane.getBoundingClientRect().top;
    return top < LANDING - 4;
  }

  scrollBy(direction: 1 | -1): void {
    // About three lines of report text, whatever the font size.
    const text = this.pane.querySelector('.report') ?? this.pane;
    const step = parseFloat(getComputedStyle(text).fontSize) * 1.9 * 3;
    this.pane.scrollBy({ top: direction * step });
  }

  scrollPage(direction: 1 | -1): void {
    this.pane.scrollBy({ top: direction * this.pane.clientHeight * 0.9 });
  }

  scrollToEdge(edge: 'start' | 'end'): void {
    this.pane.scrollTo({ top: edge === 'start' ? 0 : this.pane.scrollHeight });
  }
}
