/** 添加/移除书签 and the 书签 list. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { toggleBookmark } from './bookmarks';

export interface BookmarksContext {
  toggle(): void;
  showPanel(): void;
}

export const bookmarkCommands: Command<BookmarksContext>[] = [
  {
    id: 'bookmark.toggle',
    label: '添加/移除书签',
    keys: [{ key: 'd', mod: true }],
    menu: { section: 'edit', group: 'annotate' },
    perform: (context) => context.toggle(),
  },
  {
    id: 'panel.bookmarks',
    label: '书签列表',
    keys: [{ key: 'b' }],
    menu: { section: 'view', group: 'panels' },
    perform: (context) => context.showPanel(),
  },
];

export function bookmarkBinding({
  userData,
  reading,
  doc,
  sidebar,
}: ReaderStores): CommandBinding<BookmarksContext> {
  return {
    context: {
      toggle: () => toggleBookmark(userData, reading, doc),
      showPanel: () => sidebar.show('bookmarks'),
    },
  };
}
