/** Showing and hiding the sidebar (目录 and the other panels). */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';

export interface SidebarContext {
  readonly open: boolean;
  /** True while the sidebar is open and covering the text (narrow windows). */
  readonly coversText: boolean;
  toggle(): void;
}

export const sidebarCommands: Command<SidebarContext>[] = [
  {
    id: 'toc.toggle',
    label: '显示/隐藏目录',
    keys: [{ key: 'o' }],
    perform: (context) => context.toggle(),
    menu: { section: 'view', group: 'panels' },
    checked: (context) => context.open,
  },
  {
    id: 'toc.close',
    label: '关闭目录',
    keys: [{ key: 'Escape' }],
    enabled: (context) => context.coversText,
    perform: (context) => context.toggle(),
  },
];

export function sidebarBinding({ sidebar }: ReaderStores): CommandBinding<SidebarContext> {
  return {
    context: {
      get open() {
        return sidebar.getSnapshot().open;
      },
      get coversText() {
        return sidebar.coversText;
      },
      toggle: sidebar.toggle,
    },
    watch: [sidebar],
  };
}
