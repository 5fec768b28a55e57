/** The search box in the toolbar: type (IME-safe), Enter / Shift+Enter to step, Esc to clear. */
import type { KeyboardEvent } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { SearchSnapshot } from './search-session';

export function searchStatus(state: SearchSnapshot): string {
  if (state.problem) return state.problem.status;
  if (!state.result) return '';
  const { total, hits } = state.result;
  if (total === 0) return '无结果';
  if (state.current >= 0) return `第 ${state.current + 1}/${total} 处`;
  return `共 ${total} 处，${hits.length} 段`;
}

export function SearchBox() {
  const { search: session, commands } = useReader();
  const query = useStore(session, (state) => state.query);
  const status = useStore(session, searchStatus);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that finish an IME composition belong to the IME.
    if (event.nativeEvent.isComposing) return;
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
        {status}
      </output>
    </div>
  );
}
