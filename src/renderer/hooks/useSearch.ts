/**
 * React's view of the search session (lib/search-session.ts): one session
 * per reader, and a subscription per component to just the part it shows,
 * so a keystroke re-renders the search box and an answer the search views,
 * never the reader around them.
 */
import { useState, useSyncExternalStore } from 'react';
import type { ReaderApi } from '../../shared/api';
import { SearchSession, type SearchSnapshot } from '../lib/search-session';

export function useSearchSession(
  api: ReaderApi,
  blockOrder: ReadonlyMap<string, number>,
  onError: (message: string) => void,
): SearchSession {
  // Created once: its inputs are fixed for the reader's life (the api, the
  // document's order, a stable notice callback).
  const [session] = useState(() => new SearchSession(api, blockOrder, onError));
  return session;
}

/** One part of the session's state; the component re-renders only when that part changes. */
export function useSearchValue<T>(
  session: SearchSession,
  select: (snapshot: SearchSnapshot) => T,
): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getSnapshot()));
}
