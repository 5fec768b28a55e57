/**
 * Search as you type, never in the middle of IME composition; stale answers
 * dropped; every match highlighted in the text and one of them current.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMarksVersion } from './useMarksVersion';
import type { ReaderApi } from '../../shared/api';
import type { SearchResult } from '../../shared/search';
import {
  clearSearchHighlights,
  rangeInBlock,
  scrollRangeIntoView,
  showSearchHighlights,
} from '../lib/highlights';
import { firstOccurrenceFrom, occurrencesInOrder } from '../lib/search-view';

export interface SearchState {
  /** What is in the box. */
  query: string;
  /** The answer to the latest query sent (null before any, or for an empty box). */
  result: SearchResult | null;
  /** Index into `occurrences` of the current one, or -1. */
  current: number;
  occurrences: ReturnType<typeof occurrencesInOrder>;
}

export function useSearch(
  api: ReaderApi,
  pane: HTMLElement,
  blockOrder: ReadonlyMap<string, number>,
  onError: (message: string) => void,
) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [current, setCurrent] = useState(-1);
  const composing = useRef(false);
  const latest = useRef(0);
  /** When the input behind the latest search happened, for the keystroke-to-paint measure. */
  const typedAt = useRef(0);

  const run = useCallback(
    (text: string) => {
      const ticket = ++latest.current;
      typedAt.current = performance.now();
      // Nothing to look for (empty, or punctuation only): quietly no search at all.
      if (!/[\p{L}\p{N}]/u.test(text)) {
        setResult(null);
        setCurrent(-1);
        return;
      }
      void api.search({ query: text }).then((answer) => {
        // A slower answer to an older query must not replace a newer one.
        if (ticket !== latest.current) return;
        if (!answer.ok) return onError(`检索失败：${answer.error}`);
        setResult(answer.value);
        setCurrent(-1);
      });
    },
    [api, onError],
  );

  const input = useCallback(
    (text: string, isComposing: boolean) => {
      setQuery(text);
      if (!isComposing && !composing.current) run(text);
    },
    [run],
  );
  const compositionStart = useCallback(() => {
    composing.current = true;
  }, []);
  const compositionEnd = useCallback(
    (text: string) => {
      composing.current = false;
      setQuery(text);
      run(text);
    },
    [run],
  );
  const clear = useCallback(() => input('', false), [input]);

  const occurrences = useMemo(
    () => (result ? occurrencesInOrder(result.hits, blockOrder) : []),
    [result, blockOrder],
  );

  /** Moves to the next (1) or previous (-1) occurrence; the first step starts where the reader is. */
  const step = useCallback(
    (direction: 1 | -1, from: string | null) => {
      if (occurrences.length === 0) return;
      setCurrent((index) => {
        if (index < 0) {
          const first = firstOccurrenceFrom(occurrences, blockOrder, from);
          return direction === 1 ? first : (first - 1 + occurrences.length) % occurrences.length;
        }
        return (index + direction + occurrences.length) % occurrences.length;
      });
    },
    [occurrences, blockOrder],
  );

  /** Makes the first occurrence in a block current (a result was chosen from the list). */
  const showBlock = useCallback(
    (block: string) =>
      setCurrent(occurrences.findIndex((occurrence) => occurrence.block === block)),
    [occurrences],
  );

  // Keystroke to results on screen: measured to the task after the frame that
  // shows them (the benchmark reads 'search:keystroke-to-paint').
  useEffect(() => {
    if (!result) return;
    const start = typedAt.current;
    const frame = requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () =>
        performance.measure('search:keystroke-to-paint', { start, end: performance.now() });
      channel.port2.postMessage(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [result]);

  // Drawn anew when the reader's term marks split text nodes too, but only a
  // new match or step scrolls.
  const marks = useMarksVersion(pane);
  useEffect(() => {
    if (occurrences.length === 0) return clearSearchHighlights();
    const ranges = occurrences.map((occurrence) => rangeInBlock(pane, occurrence));
    showSearchHighlights(
      ranges.filter((range): range is Range => range !== null),
      current >= 0 ? ranges[current] : null,
    );
  }, [pane, occurrences, current, marks]);
  useEffect(() => {
    const occurrence = current >= 0 ? occurrences[current] : undefined;
    const currentRange = occurrence ? rangeInBlock(pane, occurrence) : null;
    if (currentRange) scrollRangeIntoView(pane, currentRange);
  }, [pane, occurrences, current]);
  useEffect(() => clearSearchHighlights, []);

  return {
    state: { query, result, current, occurrences } satisfies SearchState,
    input,
    compositionStart,
    compositionEnd,
    clear,
    step,
    showBlock,
  };
}
