/**
 * React's view of the search session (lib/search-session.ts): one session
 * per reader, and a subscription per component to just the part it shows,
 * so a keystroke re-renders the search box and an answer the search views,
 * never the reader around them.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReaderApi } from '../../../shared/api';
import type { Block } from '../../../shared/document';
import { whenIdle } from '../../ui/idle';
import { localSearch } from './local-search';
import { SearchSession, type SearchSnapshot } from './search-session';

/** The page's copy of the index is made once the reader is idle, at the latest this long after start. */
const LOCAL_INDEX_WITHIN_MS = 3000;

export function useSearchSession(
  api: ReaderApi,
  blocks: readonly Pick<Block, 'id' | 'text'>[],
  blockOrder: ReadonlyMap<string, number>,
  onError: (message: string) => void,
): SearchSession {
  // Created once: their inputs are fixed for the reader's life (the api, the
  // document, a stable notice callback).
  const [local] = useState(() =>
    localSearch(api, blocks, {
      // Said on the page, for tests and the benchmark to wait on.
      onReady: () => (document.documentElement.dataset.searchIndex = 'page'),
    }),
  );
  const [session] = useState(() => new SearchSession(local, blockOrder, onError));
  useEffect(() => whenIdle(() => void local.load(), LOCAL_INDEX_WITHIN_MS), [local]);
  return session;
}

/** One part of the session's state; the component re-renders only when that part changes. */
export function useSearchValue<T>(
  session: SearchSession,
  select: (snapshot: SearchSnapshot) => T,
): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getSnapshot()));
}
