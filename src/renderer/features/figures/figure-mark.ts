/**
 * The figure chosen in the 数说报告 table, marked in the text the way search
 * marks its current match: a CSS Custom Highlight over the pre-rendered text
 * (the text itself is never rewritten), scrolled into view. It stays until
 * another figure is chosen or the mark is cleared, and is drawn anew when the
 * reader's term marks split the text nodes its range was on.
 */
import { MARKS_CHANGED } from '../glossary/term-marks';
import { rangeInBlock, scrollRangeIntoView, type BlockSpan } from '../reading/block-ranges';
import { findBlock } from '../reading/scroll';
import type { SidebarStore } from '../sidebar/sidebar-store';
import type { FigureNavigation } from './figures-store';

const NAME = 'figure-current';

function registry(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}

export class FigureMark {
  private span: BlockSpan | null = null;
  private listening = false;

  constructor(private readonly pane: HTMLElement) {}

  /** Marks `span` and scrolls to it; answers false when it is not in the text on screen. */
  show(span: BlockSpan): boolean {
    this.span = span;
    const range = this.draw();
    if (range) scrollRangeIntoView(this.pane, range);
    if (!this.listening) {
      this.listening = true;
      this.pane.addEventListener(MARKS_CHANGED, this.redraw);
    }
    return range !== null;
  }

  clear(): void {
    this.span = null;
    registry()?.delete(NAME);
  }

  private readonly redraw = (): void => {
    if (this.span) this.draw();
  };

  private draw(): Range | null {
    const range = this.span && rangeInBlock(this.pane, this.span);
    if (range) registry()?.set(NAME, new Highlight(range));
    else registry()?.delete(NAME);
    return range;
  }
}

/** The panel's way into the text: the mark, and the sidebar that closes where it covers the text. */
export function figureNavigation(
  pane: HTMLElement,
  sidebar: Pick<SidebarStore, 'coversText' | 'closeIfCovering'>,
): FigureNavigation {
  const mark = new FigureMark(pane);
  return {
    mark: (span) => mark.show(span),
    unmark: () => mark.clear(),
    coversText: () => sidebar.coversText,
    landOn: (block) => {
      sidebar.closeIfCovering();
      // The sidebar took focus away with it: the reader lands on the paragraph.
      findBlock(pane, block)?.focus({ preventScroll: true });
    },
  };
}
