/**
 * Selecting report text from the keyboard. A reader without a mouse (or with
 * a screen reader) starts at the first sentence of the paragraph in view or
 * in focus, moves by sentence, and widens or narrows the end by a sentence
 * or a character; Esc lets go.
 *
 * The selection made is the page's own selection (window.getSelection()),
 * the one a mouse makes: the selection toolbar offers itself over it, and a
 * highlight or note made from it anchors through the same rangeToText as a
 * mouse selection. Caret browsing was the other way: Chromium's is a browser
 * setting a page cannot turn on, and a caret of our own would need the text
 * contenteditable, which invites typing into the report and makes screen
 * readers treat it as a field. Sentences are the unit a reader quotes.
 *
 * The start stays where the selection began; keys move its end (as Shift+→
 * does in a word processor), never to or before the start.
 */
import type { DocumentText } from '../../../core/report/doc-text';
import { blockIndexAt } from '../../../core/report/doc-text';
import {
  firstEndingAfter,
  firstStartingFrom,
  sentenceSpans,
  type TextSpan,
} from '../../../core/report/sentences';
import { IS_MAC } from '../../commands/keys';
import { describeBinding } from '../../commands/shortcut-labels';
import { Store } from '../../store';
import { scrollRangeIntoView } from '../reading/block-ranges';
import { findBlock } from '../reading/scroll';
import { rangeToText, textToRanges } from '../reading/text-ranges';

interface KeyboardSelectionState {
  /** The selected range while the keyboard owns it; null once the reader let go or selected otherwise. */
  span: TextSpan | null;
  /** What a screen reader is told (an aria-live region shows it). */
  message: string;
}

/** How much of the selected words a screen reader hears, before 等 N 字. */
const SPOKEN = 60;

export class KeyboardSelection extends Store<KeyboardSelectionState> {
  private sentences: TextSpan[] | null = null;

  constructor(
    private readonly pane: HTMLElement,
    private readonly doc: DocumentText,
    /** The block the reader chose: in focus, else at the reading line (reading-pane.ts). */
    private readonly chosenBlock: () => string | null,
  ) {
    super({ span: null, message: '' });
  }

  /** Lets go when the page's selection becomes something else (a click, a highlight made); answers the stop. */
  attach(): () => void {
    let frame = 0;
    const onChange = () => {
      const { span } = this.getSnapshot();
      if (!span || this.selects(span)) return;
      this.set({ span: null });
      // A highlight made from the toolbar takes the toolbar, and the focus in
      // it, away: focus goes back to the words' paragraph, not to the page.
      const block = this.block(span);
      let frames = 0;
      const settle = () => {
        const focused = document.activeElement;
        if (!focused || focused === document.body || !focused.isConnected) {
          block?.focus({ preventScroll: true });
        } else if (focused.closest('.selection-toolbar') && frames++ < 10) {
          frame = requestAnimationFrame(settle);
        }
      };
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(settle);
    };
    // Esc is the selection's while it lasts, as it is a popover's: before
    // the command keys (where Esc closes a covering 目录), and not in a field.
    // Tab goes into the selection toolbar, where the other colours are, as it
    // goes from a term into its popover; Shift+Tab from there comes back.
    const onKey = (event: KeyboardEvent) => {
      const span = this.getSnapshot().span;
      if (event.isComposing || !span) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, dialog, [contenteditable="true"]')) return;
      const toolbar = document.querySelector('.selection-toolbar');
      const buttons = [
        ...(toolbar?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
      ];
      if (event.key === 'Escape') {
        event.preventDefault();
        this.cancel();
      } else if (
        event.key === 'Tab' &&
        !event.shiftKey &&
        // From the text (or the page), not from a control elsewhere the reader went to.
        (target === null || target === document.body || this.pane.contains(target))
      ) {
        if (buttons.length === 0) return;
        event.preventDefault();
        buttons[0].focus();
      } else if (event.key === 'Tab' && event.shiftKey && target === buttons[0]) {
        event.preventDefault();
        this.block(span)?.focus({ preventScroll: true });
      }
    };
    document.addEventListener('selectionchange', onChange);
    window.addEventListener('keydown', onKey, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      window.removeEventListener('keydown', onKey, true);
    };
  }

  /** The paragraph where a span starts. */
  private block(span: TextSpan): HTMLElement | null {
    return findBlock(this.pane, this.doc.ids[blockIndexAt(this.doc, span.start)]);
  }

  readonly active = (): boolean => this.getSnapshot().span !== null;

  private spans(): TextSpan[] {
    this.sentences ??= sentenceSpans(this.doc.text);
    return this.sentences;
  }

  private startingBlock(): number {
    const id = this.chosenBlock();
    return (id !== null ? this.doc.indexOf.get(id) : undefined) ?? 0;
  }

  /** Selects the first sentence of the paragraph in focus or in view. */
  readonly start = (): void => {
    const spans = this.spans();
    const index = firstStartingFrom(spans, this.doc.starts[this.startingBlock()]);
    const sentence = spans[index];
    if (!sentence) return;
    this.apply(sentence, '键盘选择');
    // Told once, at the start: the keys of the selection are not on screen.
    const keys = (key: string, mod = false, shift = false) =>
      describeBinding({ key, mod, shift }, IS_MAC);
    this.set({
      message:
        `${this.getSnapshot().message}。→ 下一句，← 上一句，` +
        `${keys('ArrowRight', true, true)} 多选一句，${keys('ArrowRight', false, true)} 多选一字，` +
        `${keys('H', true, true)} 高亮，Tab 选颜色，m 写批注，Esc 取消。`,
    });
  };

  /** The next (1) or previous (-1) sentence, alone. */
  readonly moveSentence = (direction: 1 | -1): void => {
    const span = this.getSnapshot().span;
    if (!span) return;
    const spans = this.spans();
    const index =
      direction === 1
        ? firstStartingFrom(spans, span.end)
        : firstEndingAfter(spans, span.start) - 1;
    const sentence = spans[index];
    if (!sentence) {
      this.say(direction === 1 ? '已是最后一句' : '已是第一句');
      return;
    }
    this.apply(sentence);
  };

  /** Moves the end to the end of the next sentence (1), or back to the end of the one before (-1). */
  readonly resizeBySentence = (direction: 1 | -1): void => {
    const span = this.getSnapshot().span;
    if (!span) return;
    const spans = this.spans();
    let end: number | undefined;
    if (direction === 1) {
      end = spans[firstEndingAfter(spans, span.end)]?.end;
    } else {
      // The last sentence end before the current end that still leaves words selected.
      const before = firstEndingAfter(spans, span.end - 1) - 1;
      end = before >= 0 && spans[before].end > span.start ? spans[before].end : undefined;
    }
    if (end === undefined) {
      this.say(direction === 1 ? '已到结尾' : '已是最短');
      return;
    }
    this.apply({ start: span.start, end });
  };

  /** Moves the end one character on (1) or back (-1), stepping over the break between paragraphs. */
  readonly resizeByCharacter = (direction: 1 | -1): void => {
    const span = this.getSnapshot().span;
    if (!span) return;
    const { text } = this.doc;
    let end = span.end + direction;
    while (end > span.start && end < text.length && /\s/.test(text[end - 1])) end += direction;
    if (end <= span.start || end > text.length) {
      this.say(direction === 1 ? '已到结尾' : '已是最短');
      return;
    }
    this.apply({ start: span.start, end });
  };

  readonly cancel = (): void => {
    if (!this.active()) return;
    window.getSelection()?.removeAllRanges();
    this.set({ span: null, message: '已取消选择' });
  };

  /** Whether the page's selection is `span` now. */
  private selects(span: TextSpan): boolean {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return false;
    const place = rangeToText(this.pane, this.doc, selection.getRangeAt(0));
    return place !== null && place.start === span.start && place.end === span.end;
  }

  private apply(span: TextSpan, intro = ''): void {
    const ranges = textToRanges(this.pane, this.doc, span.start, span.end);
    const selection = window.getSelection();
    if (ranges.length === 0 || !selection) return;
    const range = document.createRange();
    range.setStart(ranges[0].startContainer, ranges[0].startOffset);
    const last = ranges[ranges.length - 1];
    range.setEnd(last.endContainer, last.endOffset);
    // Focus on the paragraph first (focusing can move the selection), so the
    // arrow keys and the toolbar's Tab order start from the selected words.
    const block = this.block(span);
    if (block && !block.contains(document.activeElement)) block.focus({ preventScroll: true });
    selection.removeAllRanges();
    selection.addRange(range);
    scrollRangeIntoView(this.pane, last);
    const words = this.doc.text.slice(span.start, span.end).replace(/\n/g, ' ');
    const spoken =
      words.length > SPOKEN ? `${words.slice(0, SPOKEN)}……等 ${words.length} 字` : words;
    this.set({ span, message: `${intro ? `${intro}：` : '已选：'}${spoken}` });
  }

  private say(message: string): void {
    // The same words again must still be spoken: a live region reads a change.
    this.set({ message: this.getSnapshot().message === message ? `${message}。` : message });
  }
}
