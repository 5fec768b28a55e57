/** Beside the search box: search this report, or every report on the shelf. */
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { SearchScope } from './library-search';

const LABELS: Record<SearchScope, string> = { report: '本报告', all: '全部报告' };

export function ScopeSwitch() {
  const { librarySearch, search, sidebar } = useReader();
  const scope = useStore(librarySearch, (state) => state.scope);
  const choose = (chosen: SearchScope) => {
    librarySearch.setScope(chosen);
    // Every report's hits are only in the results list: a search already in the box shows them.
    if (chosen === 'all' && search.getSnapshot().query.trim() !== '') sidebar.showResults();
  };
  return (
    <select
      className="search-scope"
      aria-label="搜索范围"
      value={scope}
      onChange={(event) => choose(event.target.value as SearchScope)}
    >
      {(Object.keys(LABELS) as SearchScope[]).map((option) => (
        <option key={option} value={option}>
          {LABELS[option]}
        </option>
      ))}
    </select>
  );
}
