/**
 * Search as you type, never in the middle of IME composition; stale answers
 * dropped; every match highlighted in the text and one of them current.
 *
 * The first answer carries match ranges for one page of hits (SEARCH_PAGE)
 * and a count for every hit: enough to paint the count, the list, the 目录
 * counts and the first highlights. The other hits' ranges follow in a second
 * call (`searchMatches`), off the keystroke's path; a step taken before they
 * are in waits for them, so `第 k/N 处` always counts through all N.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMarksVersion } from './useMarksVersion';
import type { ReaderApi } from '../../shared/api';
import { SEARCH_PAGE, type SearchResult } from '../../shared/search';
import {
  clearSearchHighlights,
  rangeInBlock,
  scrollRangeIntoView,
  showSearchHighlights,
} from '../lib/highlights';
import { firstOccurrenceFrom, occurrencesInOrder, type Occurrence } from '../lib/search-view';

export interface SearchState {
  /** What is in the box. */
  query: string;
  /**
   * The answer to the latest query sent (null before any, or for an empty
   * box), with the ranges of hits past the first page filled in once they arrive.
   */
  result: SearchResult | null;
  /** Index into `occurrences` of the current one, or -1. */
  current: number;
  /** Every occurrence in reading order (those of hits whose ranges are in). */
  occurrences: Occurrence[];
}

/** The occurrence after (1) or before (-1) `index`; the first step (-1) starts where the reader is. */
function stepFrom(
  occurrences: Occurrence[],
  blockOrder: ReadonlyMap<string, number>,
  index: number,
  direction: 1 | -1,
  from: string | null,
): number {
  if (occurrences.length === 0) return -1;
  if (index < 0) {
    const first = firstOccurrenceFrom(occurrences, blockOrder, from);
    return direction === 1 ? first : (first - 1 + occurrences.length) % occurrences.length;
  }
  return (index + direction + occurrences.length) % occurrences.length;
}

export function useSearch(
  api: ReaderApi,
  pane: HTMLElement,
  blockOrder: ReadonlyMap<string, number>,
  onError: (message: string) => void,
) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  /** The ranges the first answer left out, by block, once they are in (for `result`). */
  const [rest, setRest] = useState<{
    of: SearchResult;
    matches: ReadonlyMap<string, [number, number][]>;
  } | null>(null);
  const [current, setCurrent] = useState(-1);
  /** A step or choice made before every range was in: applied once they are. */
  const pending = useRef<((occurrences: Occurrence[]) => number) | null>(null);
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
        pending.current = null;
        setResult(null);
        setRest(null);
        setCurrent(-1);
        return;
      }
      void api.search({ query: text, matchLimit: SEARCH_PAGE }).then((answer) => {
        // A slower answer to an older query must not replace a newer one.
        if (ticket !== latest.current) return;
        if (!answer.ok) return onError(`检索失败：${answer.error}`);
        const first = answer.value;
        pending.current = null;
        setResult(first);
        setRest(null);
        setCurrent(-1);
        const missing = first.hits.filter((hit) => !hit.matches).map((hit) => hit.block);
        if (missing.length === 0) return;
        void api.searchMatches({ query: text, blocks: missing }).then((more) => {
          if (ticket !== latest.current) return;
          if (!more.ok) return onError(`检索失败：${more.error}`);
          setRest({
            of: first,
            matches: new Map(missing.map((block, i) => [block, more.value[i]])),
          });
        });
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

  /** The answer with every hit's ranges filled in as far as they are known. */
  const shown = useMemo(() => {
    if (!result || rest?.of !== result) return result;
    const hits = result.hits.map((hit) =>
      hit.matches ? hit : { ...hit, matches: rest.matches.get(hit.block) },
    );
    return { ...result, hits };
  }, [result, rest]);
  const complete = shown ? shown.hits.every((hit) => hit.matches) : true;
  const occurrences = useMemo(
    () => (shown ? occurrencesInOrder(shown.hits, blockOrder) : []),
    [shown, blockOrder],
  );

  // A step taken while ranges were missing lands now that they are all in.
  useEffect(() => {
    if (!complete || !pending.current) return;
    const choose = pending.current;
    pending.current = null;
    setCurrent(choose(occurrences));
  }, [complete, occurrences]);

  /** Moves to the next (1) or previous (-1) occurrence; the first step starts where the reader is. */
  const step = useCallback(
    (direction: 1 | -1, from: string | null) => {
      if (!complete) {
        const previous = pending.current;
        pending.current = (all) => {
          const index = previous ? previous(all) : -1;
          return stepFrom(all, blockOrder, index, direction, from);
        };
        return;
      }
      if (occurrences.length === 0) return;
      setCurrent((index) => stepFrom(occurrences, blockOrder, index, direction, from));
    },
    [occurrences, blockOrder, complete],
  );

  /** Makes the first occurrence in a block current (a result was chosen from the list). */
  const showBlock = useCallback(
    (block: string) => {
      const choose = (all: Occurrence[]) =>
        all.findIndex((occurrence) => occurrence.block === block);
      if (complete) setCurrent(choose(occurrences));
      else pending.current = choose;
    },
    [occurrences, complete],
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
    state: { query, result: shown, current, occurrences } satisfies SearchState,
    input,
    compositionStart,
    compositionEnd,
    clear,
    step,
    showBlock,
  };
}
