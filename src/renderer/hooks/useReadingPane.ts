/**
 * The scrolling reading pane: which block is at the top (for the TOC and the
 * saved position), jumps, and keyboard scrolling.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReadingPosition } from '../../shared/settings';
import { locateReadingLine } from '../lib/reading-position';
import { findBlock, LANDING, READING_LINE, scrollToPosition } from '../lib/scroll';

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

  // The saved position wins over the local cache that main.tsx restored early.
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
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const position = measure(pane);
        if (!position) return;
        setTopBlock(position.block);
        clearTimeout(timer);
        timer = setTimeout(() => save.current(position), SAVE_DELAY_MS);
      });
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      pane.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pane]);

  const jumpTo = useCallback(
    (block: string) => {
      if (!scrollToPosition(pane, { block, offset: 0 }, LANDING)) return;
      setTopBlock(block);
      // Move focus with the view, so keyboard and screen-reader users land there too.
      findBlock(pane, block)?.focus({ preventScroll: true });
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

  return { topBlock, jumpTo, scrollBy };
}
