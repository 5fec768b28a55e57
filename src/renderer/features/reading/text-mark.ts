/**
 * A named mark over spans of the text: a CSS Custom Highlight over the
 * pre-rendered text (the text itself is never rewritten), styled by the
 * feature's `::highlight(name)`. It stays until cleared or shown elsewhere,
 * and is drawn anew when the reader's term marks split the text nodes its
 * ranges were on. The figure chosen in 数说报告 and the changes of 修订对照
 * are marked this way.
 */
import { MARKS_CHANGED } from '../glossary/term-marks';
import { rangesInBlocks, type BlockSpan } from './block-ranges';

function registry(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}

export class TextMark {
  private spans: readonly BlockSpan[] = [];
  private listening = false;

  constructor(
    private readonly pane: HTMLElement,
    private readonly name: string,
  ) {}

  /** Marks the spans; answers the ranges of those in the text on screen, in order. */
  show(spans: readonly BlockSpan[]): Range[] {
    this.spans = spans;
    if (!this.listening) {
      this.listening = true;
      this.pane.addEventListener(MARKS_CHANGED, this.redraw);
    }
    return this.draw();
  }

  clear(): void {
    this.spans = [];
    registry()?.delete(this.name);
  }

  private readonly redraw = (): void => {
    if (this.spans.length > 0) this.draw();
  };

  private draw(): Range[] {
    const ranges = rangesInBlocks(this.pane, this.spans).filter((range) => range !== null);
    if (ranges.length > 0) registry()?.set(this.name, new Highlight(...ranges));
    else registry()?.delete(this.name);
    return ranges;
  }
}
