/** The search box in the toolbar: type (IME-safe), Enter / Shift+Enter to step, Esc to clear. */
import type { KeyboardEvent } from 'react';
import { commandById, type CommandContext } from '../lib/commands';
import type { SearchState } from '../hooks/useSearch';

interface Props {
  state: SearchState;
  context: CommandContext;
  onInput(text: string, isComposing: boolean): void;
  onCompositionStart(): void;
  onCompositionEnd(text: string): void;
  onClear(): void;
}

export function searchStatus(state: SearchState): string {
  if (!state.result) return '';
  const { total, hits } = state.result;
  if (total === 0) return '无结果';
  if (state.current >= 0) return `第 ${state.current + 1}/${total} 处`;
  return `共 ${total} 处，${hits.length} 段`;
}

export function SearchBox(props: Props) {
  const { state, context } = props;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that finish an IME composition belong to the IME.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      commandById(event.shiftKey ? 'search.previous' : 'search.next').perform(context);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (state.query === '') document.getElementById('pane')?.focus();
      else props.onClear();
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
        value={state.query}
        onChange={(event) =>
          props.onInput(event.target.value, (event.nativeEvent as InputEvent).isComposing ?? false)
        }
        onCompositionStart={props.onCompositionStart}
        onCompositionEnd={(event) => props.onCompositionEnd(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <output className="search-status" aria-live="polite">
        {searchStatus(state)}
      </output>
    </div>
  );
}
