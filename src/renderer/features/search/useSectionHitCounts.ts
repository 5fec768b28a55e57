/**
 * Search matches per 目录 entry, while a search is on. They follow a frame
 * after the results and highlights: the keystroke's own frame draws only what
 * the reader is looking at.
 */
import { useDeferredValue, useMemo } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { matchesPerSection } from './search-view';

export function useSectionHitCounts(): ReadonlyMap<string, number> | undefined {
  const { search, document, doc } = useReader();
  const result = useStore(search, (state) => state.result);
  const counted = useDeferredValue(result);
  return useMemo(
    () => (counted ? matchesPerSection(document.outline, doc.indexOf, counted.hits) : undefined),
    [document, doc, counted],
  );
}
