/**
 * Electron main: wires the plain-TypeScript services to a window, a menu and
 * IPC. No domain logic lives here.
 */
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createReaderServices } from '../core/services';
import { loadBuiltDocument, BUILT_DOCUMENT_FILE } from '../core/report/built-document';
import { ipcChannel, METHOD_NAMES } from '../shared/api';
import { isTrustedSenderUrl, secureWebPreferences } from './security';
import { buildMenuTemplate } from './menu';

const here = fileURLToPath(new URL('.', import.meta.url));

// Tests and power users pick the data folder; it must be set before `ready`.
if (process.env.READER_DATA_DIR) app.setPath('userData', process.env.READER_DATA_DIR);

const pageUrl = process.env.ELECTRON_RENDERER_URL
  ? process.env.ELECTRON_RENDERER_URL
  : pathToFileURL(join(here, '../renderer/index.html')).href;

async function start(): Promise<void> {
  const document = await loadBuiltDocument(join(here, '../data', BUILT_DOCUMENT_FILE));
  const handlers = await createReaderServices({ dataDir: app.getPath('userData'), document });

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
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
