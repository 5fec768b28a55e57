/** 数说报告: the panel, its table as CSV, and the 发言提纲 with a 数据摘录 of the rows it shows. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { exportCsv, exportNotesWithFigures } from './figure-files';

export interface FiguresContext {
  showPanel(): void;
  exportCsv(): void;
  exportNotes(): void;
}

const FILES = { section: 'file', group: 'annotations' } as const;

export const figureCommands: Command<FiguresContext>[] = [
  {
    id: 'panel.figures',
    label: '数说报告',
    // n for numbers (数字): f is Ctrl+F's letter, s the 书签 and 书架's sound.
    keys: [{ key: 'n' }],
    menu: { section: 'view', group: 'panels' },
    perform: (context) => context.showPanel(),
  },
  {
    id: 'figures.exportCsv',
    label: '导出数字表格（CSV）…',
    keys: [],
    menu: FILES,
    perform: (context) => context.exportCsv(),
  },
  {
    id: 'figures.exportNotes',
    label: '导出发言提纲（含数据摘录）…',
    keys: [],
    menu: FILES,
    perform: (context) => context.exportNotes(),
  },
];

export function figureBinding({
  figures,
  sidebar,
  document,
  api,
  notices,
}: ReaderStores): CommandBinding<FiguresContext> {
  return {
    context: {
      showPanel: () => sidebar.show('figures'),
      // The rows the panel shows (every figure until it is filtered), extracted if it never opened.
      exportCsv: () => exportCsv(figures.visibleRows(), document),
      exportNotes: () =>
        void exportNotesWithFigures(api, notices.add, figures.getSnapshot().selection),
    },
  };
}
