/**
 * The scrolling reading pane: which block is at the top (for the TOC and the
 * saved position), jumps, keyboard scrolling, and keeping the reader's place
 * when the layout changes under them.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReadingPosition } from '../../../shared/settings';
import { locateReadingLine } from './reading-position';
import { findBlock, LANDING, READING_LINE, scrollToPosition } from './scroll';

const SAVE_DELAY_MS = 400;

function measure(pane: HTMLElement): ReadingPosition | null {
  const line = pane.getBoundingClientRect().top + READING_LINE;
  const boxes = [...pane.querySelectorAll<HTMLElement>('[data-block]')].map((element) => {
    const rect = element.getBoundingClientRect();
    return { id: element.dataset.block ?? '', top: rect.top - line, height: rect.height };
  });
  return locateReadingLine(boxes);
}

export function useReadingPane(
  pane: HTMLElement,
  initial: ReadingPosition | null,
  savePosition: (position: ReadingPosition) => void,
) {
  // Not measured here: that would force a layout of the whole report on mount.
  const [topBlock, setTopBlock] = useState<string | null>(initial?.block ?? null);
  /** Where the reader is, as of the last scroll: what a layout change must keep. */
  const place = useRef<ReadingPosition | null>(initial);

  // The saved position wins over the local cache that mount.tsx restored early.
  useLayoutEffect(() => {
    if (initial) scrollToPosition(pane, initial, READING_LINE);
    // Only on mount: later changes of `initial` are our own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useRef(savePosition);
  useEffect(() => {
    save.current = savePosition;
  });

  useEffect(() => {
    place.current ??= measure(pane);
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: ReadingPosition | null = null;
    const flush = () => {
      clearTimeout(timer);
      if (pending) save.current(pending);
      pending = null;
    };
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const position = measure(pane);
        if (!position) return;
        place.current = position;
        pending = position;
        setTopBlock(position.block);
        clearTimeout(timer);
        timer = setTimeout(flush, SAVE_DELAY_MS);
      });
    };
    // Closing the window or tab must not lose the last few hundred ms of reading.
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      pane.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      cancelAnimationFrame(frame);
      flush();
    };
  }, [pane]);

  /** Puts the reader back where they were, after the text has reflowed. */
  const keepPlace = useCallback(() => {
    if (place.current) scrollToPosition(pane, place.current, READING_LINE);
  }, [pane]);

  // A narrower or wider pane (window resized, TOC shown or hidden) reflows the
  // text; without this the reader would find themselves paragraphs away.
  useEffect(() => {
    let first = true;
    let width = pane.clientWidth;
    const observer = new ResizeObserver(() => {
      if (first || pane.clientWidth === width) {
        first = false;
        return;
      }
      width = pane.clientWidth;
      keepPlace();
    });
    observer.observe(pane);
    return () => observer.disconnect();
  }, [pane, keepPlace]);

  const jumpTo = useCallback(
    (block: string) => {
      if (!scrollToPosition(pane, { block, offset: 0 }, LANDING)) return;
      place.current = { block, offset: 0 };
      setTopBlock(block);
      // Move focus with the view, so keyboard and screen-reader users land there too.
      findBlock(pane, block)?.focus({ preventScroll: true });
    },
    [pane],
  );

  /** True when the block starts above where a jump would put it: the reader is inside it. */
  const isPastStart = useCallback(
    (block: string) => {
      const element = findBlock(pane, block);
      if (!element) return false;
      const top = element.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      return top < LANDING - 4;
    },
    [pane],
  );

  const scrollBy = useCallback(
    (direction: 1 | -1) => {
      // About three lines of report text, whatever the font size.
      const text = pane.querySelector('.report') ?? pane;
      const step = parseFloat(getComputedStyle(text).fontSize) * 1.9 * 3;
      pane.scrollBy({ top: direction * step });
    },
    [pane],
  );

  const scrollPage = useCallback(
    (direction: 1 | -1) => pane.scrollBy({ top: direction * pane.clientHeight * 0.9 }),
    [pane],
  );

  const scrollToEdge = useCallback(
    (edge: 'start' | 'end') => {
      pane.scrollTo({ top: edge === 'start' ? 0 : pane.scrollHeight });
    },
    [pane],
  );

  return { topBlock, jumpTo, isPastStart, keepPlace, scrollBy, scrollPage, scrollToEdge };
}
