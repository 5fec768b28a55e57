/** 最近搜索, shown in the 目录 panel while no search is on; choosing one searches again. */
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { focusSearchBox } from './recent';

export function RecentSearches() {
  const { search, settings } = useReader();
  const recent = useStore(settings, (state) => state.recentSearches);
  const searching = useStore(search, (state) => state.result !== null);
  if (searching || recent.length === 0) return null;
  return (
    <section className="recent-searches" aria-label="最近搜索">
      <h2 className="panel-title">最近搜索</h2>
      <ul className="recent-list">
        {recent.map((query) => (
          <li key={query}>
            <button
              type="button"
              className="recent-search"
              onClick={() => {
                search.input(query, false);
                focusSearchBox();
              }}
            >
              {query}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
