/**
 * Electron main: wires the plain-TypeScript services to a window, a menu and
 * IPC. No domain logic lives here.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultDataDir } from '../core/data-dir';
import { readFile } from 'node:fs/promises';
import {
  BUILT_DOCUMENT_FILE,
  BUILT_SEARCH_INDEX_FILE,
  loadBuiltDocument,
} from '../core/report/built-document';
import { createReaderServices, type ReaderServices } from '../core/services';
import { ipcChannel, METHOD_NAMES } from '../shared/api';
import { buildMenuTemplate } from './menu';
import { isTrustedSenderUrl, secureWebPreferences } from './security';

const here = fileURLToPath(new URL('.', import.meta.url));

// Tests and power users pick the data folder; it must exist and be set before `ready`.
if (process.env.READER_DATA_DIR) {
  const dataDir = defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  app.setPath('userData', dataDir);
}

// A development server URL is only ever honoured in an unpackaged build.
const pageUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? process.env.ELECTRON_RENDERER_URL
    : pathToFileURL(join(here, '../renderer/index.html')).href;

let services: ReaderServices | undefined;

async function start(): Promise<void> {
  const document = await loadBuiltDocument(join(here, '../data', BUILT_DOCUMENT_FILE));
  services = await createReaderServices({
    dataDir: app.getPath('userData'),
    document,
    loadSearchIndex: () => readFile(join(here, '../data', BUILT_SEARCH_INDEX_FILE), 'utf8'),
  });
  const { handlers } = services;

  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, payload: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, pageUrl)) {
        return { ok: false, error: '拒绝：请求不是来自本应用的页面' };
      }
      return handlers[method](payload);
    });
  }

  // Nothing the page could ask for (camera, notifications, …) is ever granted.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform)));
  createWindow();
  // Registered only now: macOS sends `activate` at launch too, which would
  // otherwise open a second window while start() is still reading files.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1200,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: '报告阅读器',
    show: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(pageUrl);
}

// No navigation away from the app, no new windows, no webviews: the report is all there is.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

// Quitting waits for saves already asked for (the last reading position, say).
let flushed = false;
app.on('before-quit', (event) => {
  if (flushed || !services) return;
  event.preventDefault();
  void services.flush().finally(() => {
    flushed = true;
    app.quit();
  });
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without this, a failed start leaves a windowless process holding the
      // single-instance lock, and every later launch quits without a word.
      dialog.showErrorBox(
        '报告阅读器无法启动',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
