/** 搜索, 下一处, 上一处: the search box and stepping through its matches. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { focusSearchBox, rememberSearch } from './recent';

export interface SearchContext {
  /** A search is on and has found something to step to. */
  readonly hasHits: boolean;
  focusSearch(): void;
  /** To the next (1) or previous (-1) match; the first step starts where the reader is. */
  step(direction: 1 | -1): void;
}

const SEARCH_MENU = { section: 'edit', group: 'search' } as const;

export const searchCommands: Command<SearchContext>[] = [
  {
    id: 'search.focus',
    label: '搜索',
    keys: [{ key: 'f', mod: true, inTextFields: true }],
    perform: (context) => context.focusSearch(),
    menu: SEARCH_MENU,
  },
  {
    id: 'search.next',
    label: '下一处',
    // Enter steps in the search box (SearchBox.tsx) and, once a result was
    // chosen, on the text it moved focus to; on a button it presses the button.
    keys: [
      { key: 'F3', shift: false, inTextFields: true },
      { key: 'Enter', shift: false, notOnControls: true },
    ],
    enabled: (context) => context.hasHits,
    perform: (context) => context.step(1),
    menu: SEARCH_MENU,
  },
  {
    id: 'search.previous',
    label: '上一处',
    keys: [
      { key: 'F3', shift: true, inTextFields: true },
      { key: 'Enter', shift: true, notOnControls: true },
    ],
    enabled: (context) => context.hasHits,
    perform: (context) => context.step(-1),
    menu: SEARCH_MENU,
  },
];

export function searchBinding({
  search,
  settings,
  reading,
}: ReaderStores): CommandBinding<SearchContext> {
  return {
    context: {
      get hasHits() {
        return (search.getSnapshot().result?.total ?? 0) > 0;
      },
      focusSearch: focusSearchBox,
      step: (direction) => {
        rememberSearch(search, settings);
        search.step(direction, reading.getSnapshot().topBlock);
      },
    },
    watch: [search],
  };
}
