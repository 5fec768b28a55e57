/** 打开报告… (Ctrl/Cmd+O) and 书架 (l): adding a report file, and the shelf of every report. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { REPORT_INPUT_ID } from './DropZone';

export interface LibraryContext {
  readonly shown: boolean;
  /** A file is being added: another waits for it. */
  readonly adding: boolean;
  chooseFile(): void;
  toggle(): void;
}

const LIBRARY_MENU = { section: 'file', group: 'library' } as const;

export const libraryCommands: Command<LibraryContext>[] = [
  {
    id: 'library.open',
    label: '打开报告…',
    keys: [{ key: 'o', mod: true, inTextFields: true }],
    menu: LIBRARY_MENU,
    perform: (context) => context.chooseFile(),
  },
  {
    id: 'library.show',
    label: '书架',
    keys: [{ key: 'l' }],
    menu: LIBRARY_MENU,
    checked: (context) => context.shown,
    perform: (context) => context.toggle(),
  },
];

export function libraryBinding({ shelf, desktop }: ReaderStores): CommandBinding<LibraryContext> {
  return {
    context: {
      get shown() {
        return shelf.getSnapshot().shown;
      },
      get adding() {
        return shelf.getSnapshot().adding !== null;
      },
      chooseFile: () => {
        // A menu click carries no user gesture a browser's file chooser would
        // accept, so the desktop app asks main for its own open dialog.
        if (desktop) void shelf.addFromDialog();
        else document.getElementById(REPORT_INPUT_ID)?.click();
      },
      toggle: shelf.toggle,
    },
    watch: [shelf],
  };
}
