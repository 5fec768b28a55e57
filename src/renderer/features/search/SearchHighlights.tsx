/**
 * Every match highlighted in the text, the current one marked and scrolled
 * to. Draws nothing itself: CSS Custom Highlights over the pre-rendered text.
 */
import { useEffect, useLayoutEffect } from 'react';
import { useMarksVersion } from '../glossary/useMarksVersion';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { rangeInBlock, rangesInBlocks, scrollRangeIntoView } from '../reading/block-ranges';
import { measureKeystrokeToPaint } from '../../instrumentation';
import { clearSearchHighlights, showSearchHighlights } from './highlights';

export function SearchHighlights() {
  const { search: session, slots, reading } = useReader();
  const { pane } = slots;
  const occurrences = useStore(session, (state) => state.occurrences);
  const current = useStore(session, (state) => state.current);
  // Set with each first answer (and an emptied box), never by the ranges that follow it.
  const typedAt = useStore(session, (state) => state.typedAt);

  // Drawn anew when the reader's term marks split text nodes too. A layout
  // effect, so the highlights paint in the same frame as the results list.
  const marks = useMarksVersion(pane);
  useLayoutEffect(() => {
    if (occurrences.length === 0) return clearSearchHighlights();
    const ranges = rangesInBlocks(pane, occurrences);
    showSearchHighlights(
      ranges.filter((range): range is Range => range !== null),
      current >= 0 ? ranges[current] : null,
    );
  }, [pane, occurrences, current, marks]);

  // Only a new current occurrence scrolls; the 目录 then marks its section.
  useEffect(() => {
    const occurrence = current >= 0 ? occurrences[current] : undefined;
    const range = occurrence ? rangeInBlock(pane, occurrence) : null;
    if (!occurrence || !range) return;
    scrollRangeIntoView(pane, range);
    reading.show(occurrence.block);
  }, [pane, reading, occurrences, current]);
  useEffect(() => clearSearchHighlights, []);

  useLayoutEffect(() => {
    if (session.getSnapshot().result) return measureKeystrokeToPaint(typedAt);
  }, [session, typedAt]);
  return null;
}
