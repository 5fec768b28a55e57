/**
 * 数说报告: the panel, its table as CSV, 目标兑现 as CSV (while it shows), and
 * the 发言提纲 with a 数据摘录 of the rows it shows.
 */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { shelfEntry } from '../editions/commands';

/** The files' code (CSV, core/figures) comes with the panel's, not with the first bundle. */
const figureFiles = () => import('./figure-files');

export interface FiguresContext {
  showPanel(): void;
  exportCsv(): void;
  exportFulfilment(): void;
  /** Whether the panel shows a 目标兑现 table (a neighbouring year's report is on the shelf). */
  readonly hasFulfilment: boolean;
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
    id: 'figures.exportFulfilment',
    label: '导出目标兑现表格（CSV）…',
    keys: [],
    menu: FILES,
    enabled: (context) => context.hasFulfilment,
    perform: (context) => context.exportFulfilment(),
  },
  {
    id: 'figures.exportNotes',
    label: '导出发言提纲（含数据摘录）…',
    keys: [],
    menu: FILES,
    perform: (context) => context.exportNotes(),
  },
];

export function figureBinding(stores: ReaderStores): CommandBinding<FiguresContext> {
  const { figures, fulfilment, sidebar, document, api, notices } = stores;
  const failed = (error: Error) => notices.add(`数说报告未能载入：${error.message}`);
  return {
    context: {
      showPanel: () => sidebar.show('figures'),
      // The rows the panel shows (every figure until it is filtered), extracted if it never opened.
      exportCsv: () =>
        void Promise.all([figureFiles(), figures.load()]).then(
          ([files]) => files.exportCsv(figures.visibleRows(), document, shelfEntry(stores)),
          failed,
        ),
      exportFulfilment: () =>
        void figureFiles().then(
          (files) => files.exportFulfilmentCsv(fulfilment.shown, shelfEntry(stores)),
          failed,
        ),
      get hasFulfilment() {
        return fulfilment.shown.length > 0;
      },
      exportNotes: () =>
        void figureFiles().then(
          (files) =>
            files.exportNotesWithFigures(api, notices.add, figures.getSnapshot().selection),
          failed,
        ),
    },
    watch: [fulfilment],
  };
}
