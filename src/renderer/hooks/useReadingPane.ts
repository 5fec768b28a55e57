/**
 * The scrolling reading pane: which block is at the top (for the TOC and the
 * saved position), restoring the position on start, jumps and keyboard scrolling.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReadingPosition } from '../../shared/settings';
import { locateReadingLine } from '../lib/reading-position';

/** Where a jump puts the top of its target, below the pane's top edge, in px. */
const LANDING = 12;
/**
 * The reading line that decides which block the reader is in. It sits a little
 * below LANDING so a block that was jumped to counts as current despite
 * sub-pixel rounding of scrollTop.
 */
const READING_LINE = LANDING + 8;
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
  initial: ReadingPosition | null,
  savePosition: (position: ReadingPosition) => void,
) {
  const paneRef = useRef<HTMLElement | null>(null);
  const [topBlock, setTopBlock] = useState<string | null>(initial?.block ?? null);

  /** Puts `offset` of the block at `line` px below the pane's top. */
  const scrollToPosition = useCallback((position: ReadingPosition, line: number) => {
    const pane = paneRef.current;
    const element = pane?.querySelector<HTMLElement>(`[data-block="${position.block}"]`);
    if (!pane || !element) return false;
    const box = element.getBoundingClientRect();
    pane.scrollTop +=
      box.top - pane.getBoundingClientRect().top - line + position.offset * box.height;
    return true;
  }, []);

  // Restore before the first paint so the reader never sees the page jump.
  useLayoutEffect(() => {
    if (initial) scrollToPosition(initial, READING_LINE);
    // Only on mount: later changes of `initial` are our own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useRef(savePosition);
  useEffect(() => {
    save.current = savePosition;
  });

  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
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
  }, []);

  const jumpTo = useCallback(
    (block: string) => {
      if (!scrollToPosition({ block, offset: 0 }, LANDING)) return;
      setTopBlock(block);
      // Move focus with the view, so keyboard and screen-reader users land there too.
      paneRef.current
        ?.querySelector<HTMLElement>(`[data-block="${block}"]`)
        ?.focus({ preventScroll: true });
    },
    [scrollToPosition],
  );

  const scrollBy = useCallback((direction: 1 | -1) => {
    const pane = paneRef.current;
    if (!pane) return;
    // About three lines of report text, whatever the font size.
    const text = pane.querySelector('.report') ?? pane;
    const step = parseFloat(getComputedStyle(text).fontSize) * 1.9 * 3;
    pane.scrollBy({ top: direction * step });
  }, []);

  return { paneRef, topBlock, jumpTo, scrollBy };
}
