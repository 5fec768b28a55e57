/**
 * Landing on a hit chosen in a search across reports, once its report is on
 * screen: the report's own search runs the same query (so every match in it
 * is highlighted and 第 k/N 处 counts through them), and the chosen hit's
 * paragraph is shown and made the current match.
 */
import type { SearchSession } from '../search/search-session';
import type { SearchArrival } from './shelf-store';

export function arrive(
  search: SearchSession,
  jump: (block: string) => void,
  arrival: SearchArrival,
): () => void {
  jump(arrival.block);
  const stop = search.subscribe(() => {
    if (search.getSnapshot().result?.query !== arrival.query) return;
    stop();
    search.showBlock(arrival.block);
  });
  search.input(arrival.query, false);
  return stop;
}
