/**
 * Draws only the rows of a long list that are in view in whatever scrolls it
 * (the sidebar's panel), with a margin of OVERSCAN_PX above and below, so
 * that the 修订对照 list of some seven hundred changes at 100× is a few dozen
 * rows in the DOM: drawing it is one short frame, and so is scrolling it.
 *
 * Windowing, not drawing everything in idle-time slices: sliced, the list
 * still ends as thousands of elements (each change has its redline and notes)
 * that every theme or font change restyles and lays out at once, and the
 * slices themselves were the 150–400 ms frames under load.
 *
 * Rows are measured as they are drawn (a ResizeObserver, so a row expanded
 * or reflowed is measured again), kept per item in HEIGHTS so a list drawn
 * again (the panel chosen again) starts from them; a row never drawn counts
 * as the mean of those measured. Rows above the view changing height do not
 * move what is read: the browser's scroll anchoring keeps the rows in view
 * still. Rows in `kept` stay drawn wherever the list is scrolled: the row
 * holding the focus (unmounted, the focus would fall to the page) and the
 * change stepped to (so it can be scrolled into view at once).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { scrollingAncestor } from '../../ui/scroll-within';
import {
  estimatedHeight,
  rowOffsets,
  rowsInBand,
  windowParts,
  type WindowPart,
} from './row-window';

/** Drawn beyond each edge of the view: rows a quick scroll or a few Tabs reach before the next frame. */
const OVERSCAN_PX = 800;
/** Before the list is laid out, the rows drawn: about a screenful. */
const FIRST_ROWS = 12;
/** A row's height before any is measured (a change of two or three lines, px). */
const FIRST_ESTIMATE = 110;

/** Measured heights (with the margin below), by item: a list drawn again starts from them. */
const HEIGHTS = new WeakMap<object, number>();

export interface RowWindow {
  parts: WindowPart[];
  /** A ref for each row drawn (marked `data-row`), so it is measured. */
  measure: (element: HTMLElement | null) => (() => void) | undefined;
}

/** The margin below a row, which the rows' offsets must count. */
function marginBelow(element: HTMLElement): number {
  return parseFloat(getComputedStyle(element).marginBottom) || 0;
}

type Range = { start: number; end: number };

/** The range now kept when the next is the same, so React draws nothing again. */
const moveTo = (next: Range) => (now: Range) =>
  now.start === next.start && now.end === next.end ? now : next;

/** The rows of `list` in view in whatever scrolls it, with the overscan; null when it is not laid out. */
function rowsInView(list: HTMLElement | null, offsets: Float64Array): Range | null {
  const container = list && scrollingAncestor(list);
  if (!list || !container) return null;
  // The view, in the list's own coordinates (0 at its top).
  const top = container.getBoundingClientRect().top - list.getBoundingClientRect().top;
  return rowsInBand(offsets, top - OVERSCAN_PX, top + container.clientHeight + OVERSCAN_PX);
}

export function useRowWindow(
  list: RefObject<HTMLElement | null>,
  items: readonly object[],
  kept: readonly number[],
): RowWindow {
  const [range, setRange] = useState<Range>({
    start: 0,
    end: Math.min(items.length, FIRST_ROWS),
  });
  const [measured, setMeasured] = useState(0);
  const offsets = useMemo(() => {
    const known = items.map((item) => HEIGHTS.get(item)).filter((height) => height !== undefined);
    const estimate = estimatedHeight(known, FIRST_ESTIMATE);
    return rowOffsets(items.length, (row) => HEIGHTS.get(items[row]) ?? estimate);
    // `measured` counts the heights put in HEIGHTS, which React cannot see change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, measured]);
  const latest = useRef({ items, offsets });
  const observer = useRef<ResizeObserver | null>(null);

  // Before paint: the first frame already shows the rows in view, never a gap.
  useLayoutEffect(() => {
    latest.current = { items, offsets };
    const next = rowsInView(list.current, offsets);
    // The rows in view depend on layout (where the list sits in what scrolls it), known only once
    // laid out: measured before paint and drawn again at once, as React's docs place a tooltip.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (next) setRange(moveTo(next));
  }, [list, items, offsets]);

  useEffect(() => {
    const container = list.current && scrollingAncestor(list.current);
    if (!container) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const next = rowsInView(list.current, latest.current.offsets);
      if (next) setRange(moveTo(next));
    };
    const soon = () => {
      if (frame === 0) frame = requestAnimationFrame(place);
    };
    container.addEventListener('scroll', soon, { passive: true });
    const resized = new ResizeObserver(soon);
    resized.observe(container);
    return () => {
      container.removeEventListener('scroll', soon);
      resized.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [list]);

  useEffect(() => () => observer.current?.disconnect(), []);
  const measure = useCallback((element: HTMLElement | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const row = entry.target as HTMLElement;
        const item = latest.current.items[Number(row.dataset.row)];
        if (item === undefined || !row.isConnected) continue;
        const height = entry.borderBoxSize[0].blockSize + marginBelow(row);
        if (Math.abs((HEIGHTS.get(item) ?? 0) - height) < 0.5) continue;
        HEIGHTS.set(item, height);
        changed = true;
      }
      if (changed) setMeasured((count) => count + 1);
    });
    const rows = observer.current;
    rows.observe(element);
    return () => rows.unobserve(element);
  }, []);

  return { parts: windowParts(offsets, range, kept), measure };
}
