/** 名词解释: the panel, and a term of the reader's own for the selected phrase. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';

export interface GlossaryContext {
  /** False while the data file is read-only (written by a newer version). */
  readonly canWrite: boolean;
  showPanel(): void;
  /** Opens the form for a term of the reader's own, with the selected phrase filled in. */
  addTerm(): void;
}

export const glossaryCommands: Command<GlossaryContext>[] = [
  {
    id: 'panel.glossary',
    label: '名词解释',
    keys: [{ key: 'g' }],
    menu: { section: 'view', group: 'panels' },
    perform: (context) => context.showPanel(),
  },
  {
    id: 'glossary.addTerm',
    label: '为选中词语添加我的注释',
    keys: [{ key: 'd' }],
    enabled: (context) => context.canWrite,
    menu: { section: 'edit', group: 'annotate' },
    perform: (context) => context.addTerm(),
  },
];

/** The phrase selected in the reading pane, if the selection is there (at most one line's worth). */
export function selectedPhrase(pane: HTMLElement): string {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return '';
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.commonAncestorContainer)) return '';
  return selection.toString().replace(/\s+/gu, '').slice(0, 100);
}

export function glossaryBinding({
  glossary,
  sidebar,
  userData,
  slots,
}: ReaderStores): CommandBinding<GlossaryContext> {
  return {
    context: {
      get canWrite() {
        return !userData.data.readOnly;
      },
      showPanel: () => sidebar.show('glossary'),
      addTerm: () => glossary.startAdd(selectedPhrase(slots.pane)),
    },
    watch: [userData],
  };
}
