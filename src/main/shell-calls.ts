/**
 * The calls only the desktop shell can answer (the contract marks them
 * `desktopOnly`): they need a window, the application menu or a system
 * dialog. The services never see them; browser mode's bridge answers them
 * with its own message (src/server/browser-answers.ts).
 */
import { app, BrowserWindow, dialog } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { decodeUtf8 } from '../core/formats/text-decode';
import { messageChannel } from '../shared/api';
import type { AddedReport, AddProgress } from '../shared/library';
import type {
  DesktopOnlyMethod,
  ImportReport,
  PdfSaved,
  ReaderCalls,
  Result,
  ServiceHandlers,
} from '../shared/api';
import type { MenuCommand } from '../shared/menu-commands';
import { writeFileAtomic } from '../services/storage/atomic-write';
import { validate } from '../services/validate';
import { importDialogOptions, refuseImportFile } from './import-file';
import { openReportDialogOptions } from './report-dialog';
import { PDF_OPTIONS, pdfSaveDialogOptions, withPdfExtension } from './print';

export type ShellCalls = {
  [M in DesktopOnlyMethod]: (
    event: Electron.IpcMainInvokeEvent,
    payload: unknown,
  ) => Promise<Result<ReaderCalls[M]['response']>>;
};

export interface ShellCallOptions {
  /** The services, for the import that follows the open dialog. */
  handlers: () => ServiceHandlers;
  /** Adds a report file by path, as the services' addReport adds bytes. */
  addFile: (path: string, progress: (progress: AddProgress) => void) => Promise<AddedReport>;
  /** Shows the renderer's commands in the application menu. */
  showMenuCommands: (commands: MenuCommand[]) => void;
}

export function createShellCalls(options: ShellCallOptions): ShellCalls {
  return {
    setMenuCommands: (_event, payload) =>
      validate('setMenuCommands', payload, (commands) => options.showMenuCommands(commands)),
    printToPdf: (event, payload) =>
      validate('printToPdf', payload, ({ report }) =>
        savePdf(event.sender, options.handlers(), report),
      ),
    importAnnotationsFile: (event, payload) =>
      validate('importAnnotationsFile', payload, (where) =>
        importFromDialog(event.sender, options.handlers(), where),
      ),
    addReportFile: (event, payload) =>
      validate('addReportFile', payload, () => addFromDialog(event.sender, options.addFile)),
  };
}

/** The file the reader picks in the system's open dialog (over the page's window), or null. */
async function pickFile(
  contents: Electron.WebContents,
  options: Electron.OpenDialogOptions,
): Promise<string | null> {
  const window = BrowserWindow.fromWebContents(contents);
  const choice = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  const [path] = choice.filePaths;
  return choice.canceled || !path ? null : path;
}

/** Asks for a report file, then adds it, telling the page how far it has come. */
async function addFromDialog(
  contents: Electron.WebContents,
  addFile: ShellCallOptions['addFile'],
): Promise<AddedReport | null> {
  const path = await pickFile(contents, openReportDialogOptions(app.getPath('documents')));
  if (path === null) return null;
  return addFile(path, (progress) => {
    if (!contents.isDestroyed()) contents.send(messageChannel('addProgress'), progress);
  });
}

async function savePdf(
  contents: Electron.WebContents,
  handlers: ServiceHandlers,
  report: string,
): Promise<PdfSaved> {
  const window = BrowserWindow.fromWebContents(contents);
  const library = await handlers.getLibrary(undefined);
  const entry = library.ok
    ? [...library.value.reports, ...library.value.removed].find(({ id }) => id === report)
    : undefined;
  const options = pdfSaveDialogOptions(app.getPath('documents'), entry);
  const choice = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { path: null };
  const path = withPdfExtension(choice.filePath);
  await writeFileAtomic(path, await contents.printToPDF(PDF_OPTIONS));
  return { path };
}

async function importFromDialog(
  contents: Electron.WebContents,
  handlers: ServiceHandlers,
  /** The report, and the edition on screen (an earlier one refuses the import). */
  where: { report: string; edition?: string },
): Promise<ImportReport | null> {
  const path = await pickFile(contents, importDialogOptions(app.getPath('documents')));
  if (path === null) return null;
  const info = await stat(path);
  const refused = refuseImportFile(info.size, info.isFile());
  if (refused) throw new Error(refused);
  const content = decodeUtf8(await readFile(path));
  const answer = await handlers.importAnnotations({ ...where, content });
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
