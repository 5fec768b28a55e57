/** 打印… and 导出为 PDF…: the report's text (with highlights and notes) on paper or as a PDF. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { pdfFileStem } from '../../../core/library/export-name';
import { shelfEntry } from '../editions/commands';

export interface PrintContext {
  /** The system print dialog (browser print, or Electron's). */
  print(): void;
  /** Save as PDF through the desktop app's save dialog. */
  savePdf(): void;
  /** False in browser mode, where the print dialog's "save as PDF" does this. */
  readonly canSavePdf: boolean;
}

const PRINT_MENU = { section: 'file', group: 'print' } as const;

export const printCommands: Command<PrintContext>[] = [
  {
    id: 'print',
    label: '打印…',
    keys: [{ key: 'p', mod: true, shift: false, inTextFields: true }],
    perform: (context) => context.print(),
    menu: PRINT_MENU,
  },
  {
    id: 'print.pdf',
    label: '导出为 PDF…',
    keys: [{ key: 'p', mod: true, shift: true, inTextFields: true }],
    enabled: (context) => context.canSavePdf,
    perform: (context) => context.savePdf(),
    menu: PRINT_MENU,
  },
];

/**
 * The browser's print dialog names its PDF after the page's title: for the
 * print, the title is the report's name on the 书架 (as every export is
 * named, core/library/export-name.ts), and it comes back once printed.
 */
function printNamed(name: string): void {
  const title = document.title;
  document.title = name;
  window.addEventListener('afterprint', () => (document.title = title), { once: true });
  window.print();
}

export function printBinding(stores: ReaderStores): CommandBinding<PrintContext> {
  const { api, notices, desktop } = stores;
  return {
    context: {
      print: () => printNamed(pdfFileStem(shelfEntry(stores))),
      canSavePdf: desktop,
      savePdf: () => {
        void api.printToPdf().then((result) => {
          if (!result.ok) notices.add(`未能导出 PDF：${result.error}`);
          else if (result.value.path) notices.inform(`已导出 PDF：${result.value.path}`);
        });
      },
    },
  };
}
