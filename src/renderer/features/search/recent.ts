/** 最近搜索: a search the reader acted on (stepped through, or chose a result of) is worth keeping. */
import { RECENT_SEARCHES_MAX } from '../../../shared/settings';
import type { SettingsStore } from '../../app/settings';
import type { SearchSession } from './search-session';

export function rememberSearch(session: SearchSession, settings: SettingsStore): void {
  const query = session.getSnapshot().query.trim();
  const { recentSearches } = settings.getSnapshot();
  if (query === '' || recentSearches[0] === query) return;
  const rest = recentSearches.filter((recent) => recent !== query);
  settings.update({ recentSearches: [query, ...rest].slice(0, RECENT_SEARCHES_MAX) });
}

/** The search box, with its text selected so typing replaces it. */
export function focusSearchBox(): void {
  const box = document.getElementById('search-box') as HTMLInputElement | null;
  box?.focus();
  box?.select();
}
