/** The search box in the toolbar: type (IME-safe), Enter / Shift+Enter to step, Esc to clear. */
import type { KeyboardEvent } from 'react';
import type { LibrarySearchResult } from '../../../shared/search';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { SearchSnapshot } from './search-session';

interface Status {
  text: string;
  /** Said where there is room; dropped on a phone (app/toolbar.css). */
  detail?: string;
}

/**
 * What the box says beside it. While every report is searched
 * (`everyReport`, the answer across reports, or null while it is on its
 * way), the count is every report's, as the results list says: a count of
 * this report alone would tell a reader whose window has no room for the
 * list that the other reports have nothing. A step is still through this
 * report's matches, and says so.
 */
export function searchStatus(
  state: SearchSnapshot,
  everyReport?: LibrarySearchResult | null,
): Status {
  if (state.problem) return { text: state.problem.status };
  if (!state.result) return { text: '' };
  const { total, hits } = state.result;
  if (everyReport !== undefined) {
    if (state.current >= 0) return { text: `本报告第 ${state.current + 1}/${total} 处` };
    if (everyReport?.query !== state.result.query) return { text: '' };
    if (everyReport.total === 0) return { text: '无结果' };
    return { text: `共 ${everyReport.total} 处`, detail: `，${everyReport.reports.length} 份报告` };
  }
  if (total === 0) return { text: '无结果' };
  if (state.current >= 0) return { text: `第 ${state.current + 1}/${total} 处` };
  return { text: `共 ${total} 处`, detail: `，${hits.length} 段` };
}

export function SearchBox() {
  const { search: session, commands, librarySearch } = useReader();
  const query = useStore(session, (state) => state.query);
  const everyReport = useStore(librarySearch, (state) =>
    state.scope === 'all' ? state.result : undefined,
  );
  const text = useStore(session, (state) => searchStatus(state, everyReport).text);
  const detail = useStore(session, (state) => searchStatus(state, everyReport).detail);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that finish an IME composition belong to the IME. Esc among them
    // must not also do a search box's own Esc, which empties it: the box went
    // blank mid-word while the count and highlights of the query stayed.
    if (event.nativeEvent.isComposing) {
      if (event.key === 'Escape') event.preventDefault();
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      commands.run(event.shiftKey ? 'search.previous' : 'search.next');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query === '') document.getElementById('pane')?.focus();
      else session.clear();
    }
  };
  return (
    <div className="search" role="search">
      <input
        id="search-box"
        type="search"
        className="search-input"
        aria-label="搜索"
        placeholder="搜索全文"
        autoComplete="off"
        value={query}
        onChange={(event) =>
          session.input(event.target.value, (event.nativeEvent as InputEvent).isComposing ?? false)
        }
        onCompositionStart={() => session.compositionStart()}
        onCompositionEnd={(event) => session.compositionEnd(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <output className="search-status" aria-live="polite">
        {text}
        {detail && <span className="search-status-detail">{detail}</span>}
      </output>
    </div>
  );
}
