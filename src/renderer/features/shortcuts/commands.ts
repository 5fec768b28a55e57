/** 快捷键 (?): the sheet of every command and its keys. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';

export interface ShortcutsContext {
  openSheet(): void;
}

export const shortcutCommands: Command<ShortcutsContext>[] = [
  {
    id: 'help.shortcuts',
    label: '快捷键',
    keys: [{ key: '?' }],
    perform: (context) => context.openSheet(),
    menu: { section: 'help' },
  },
];

export function shortcutBinding({ shortcuts }: ReaderStores): CommandBinding<ShortcutsContext> {
  return { context: { openSheet: shortcuts.open } };
}
