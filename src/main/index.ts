/**
 * Electron main: wires the plain-TypeScript services to a window, a menu and
 * IPC. No domain logic lives here.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../services/data-dir';
import { readFile } from 'node:fs/promises';
import {
  BUILT_DOCUMENT_FILE,
  BUILT_REPORT_INDEX_FILE,
  BUILT_SEARCH_INDEX_FILE,
  loadBuiltDocument,
  loadBuiltReportIndex,
} from '../services/built-document';
import { createReaderServices, type ReaderServices } from '../services/reader-services';
import { scheduleBackgroundWork } from '../services/background-work';
import { openDataFolder, type FolderAccess } from '../services/storage/folder-access';
import { takeFolderWhenFree } from '../services/folder-return';
import {
  ipcChannel,
  isDesktopOnly,
  messageChannel,
  METHOD_NAMES,
  type MainMessages,
  type MessageName,
} from '../shared/api';
import type { MenuCommand } from '../shared/menu-commands';
import { downloadDecision } from './downloads';
import { buildMenuTemplate } from './menu';
import { recentMenuItem } from './recent-menu';
import { createShellCalls } from './shell-calls';
import { MIN_WINDOW_SIZE, restoreWindowBounds } from './window-bounds';
import type { WindowState } from '../shared/settings';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse } from './app-protocol';
import { createStartPage, type StartPageSource } from '../services/start-page';
import {
  externalLinkDecision,
  externalLinkDialog,
  isPermissionGranted,
  isTrustedSender,
  OPEN_EXTERNAL_BUTTON,
  secureWebPreferences,
} from './security';
import { APP_NAME } from '../shared/app-name';

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
    : APP_PAGE_URL;
const rendererRoot = join(here, '../renderer');
/** The page, with the report read last in it once the services are open (services/start-page.ts). */
let pageSource: StartPageSource | undefined;
const startPage = createStartPage(rendererRoot, () => pageSource);

// Must happen before `ready`: the scheme gets an origin of its own (app://bundle).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let services: ReaderServices | undefined;
/** The data folder's lock: held from start to quit, so browser mode and the CLI cannot write under us. */
let folder: FolderAccess | undefined;
/** Tries to take a data folder another reader held at start (before a change). */
let retakeFolder: () => Promise<unknown> = async () => undefined;

/** The renderer's commands as the menu last showed them. */
let menuCommands: MenuCommand[] = [];

function applyMenu(): void {
  const recent = services ? recentMenuItem(services.library.all(), openRecent) : undefined;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate(process.platform, menuCommands, runCommand, recent)),
  );
}

/** 文件 → 最近打开: the page opens the report as it would from the 书架. */
function openRecent(report: string): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (window) send(window, 'openReport', { report });
}

function send<K extends MessageName>(window: BrowserWindow, message: K, data: MainMessages[K]) {
  window.webContents.send(messageChannel(message), data);
}

/** A menu click: the renderer runs the command, as if its key had been pressed. */
function runCommand(id: string): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (window) send(window, 'command', { id });
}

const shellCalls = createShellCalls({
  handlers: () => services!.handlers,
  addFile: async (path, progress) => {
    await retakeFolder();
    return services!.addFile({ path }, progress);
  },
  showMenuCommands: (commands) => {
    menuCommands = commands;
    applyMenu();
  },
});

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appResponse(request.url, request.method, rendererRoot, startPage.serve);
    // Copied into a plain Uint8Array: the DOM's BodyInit type does not take a Node Buffer.
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
  const document = await loadBuiltDocument(join(here, '../data', BUILT_DOCUMENT_FILE));
  // A second app instance never gets here (the single-instance lock below);
  // this lock keeps browser mode and the CLI's import from writing alongside.
  // Held elsewhere, the window opens read-only and its first notice says why.
  folder = await openDataFolder(app.getPath('userData'), { app: 'desktop', waitMs: 3_000 });
  const open = (access: FolderAccess) =>
    createReaderServices({
      dataDir: app.getPath('userData'),
      document,
      loadSearchIndex: () => readFile(join(here, '../data', BUILT_SEARCH_INDEX_FILE), 'utf8'),
      loadReportIndex: () => loadBuiltReportIndex(join(here, '../data', BUILT_REPORT_INDEX_FILE)),
      access,
      // 最近打开 follows the shelf.
      onLibraryChange: applyMenu,
    });
  services = await open(folder);
  // Held by another reader (the CLI adding a report): taken once it lets go, without a restart.
  const { handlers, tryNow } = takeFolderWhenFree({
    dir: app.getPath('userData'),
    app: 'desktop',
    access: folder,
    services,
    open,
    onTaken: (access, next) => {
      folder = access;
      services = next;
      applyMenu();
    },
  });
  retakeFolder = tryNow;
  pageSource = handlers;
  // The page's text rendered while the window is made, not after it asks.
  startPage.warm();

  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, pageUrl)) {
        return { ok: false, error: '拒绝：请求不是来自本应用的页面' };
      }
      if (isDesktopOnly(method)) return shellCalls[method](event, payload);
      // A long call (adding a report) tells the window that asked how far it has come.
      return handlers[method](payload, {
        progress: (progress) => {
          if (!event.sender.isDestroyed()) {
            event.sender.send(messageChannel('addProgress'), progress);
          }
        },
      });
    });
  }

  // Nothing the page could ask for (camera, notifications, …) is ever granted.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  // Exports (发言提纲, JSON) arrive as downloads of the page's own blobs; the
  // save dialog lets the reader choose the folder. Nothing else downloads.
  session.defaultSession.on('will-download', (event, item) => {
    const decision = downloadDecision(
      item.getURL(),
      pageUrl,
      item.getFilename(),
      app.getPath('documents'),
    );
    if (!decision.allowed) return event.preventDefault();
    item.setSaveDialogOptions({ title: '保存导出文件', defaultPath: decision.defaultPath });
  });

  // The fixed items now; the renderer's commands join once the page has loaded.
  applyMenu();
  const saved = await handlers.getSettings(undefined);
  createWindow(saved.ok ? saved.value.window : null);
  // A parse worker made ready for the first file, and older reports indexed, a while after start.
  scheduleBackgroundWork({ indexMissing: () => services?.indexMissing() ?? Promise.resolve() });
  // Registered only now: macOS sends `activate` at launch too, which would
  // otherwise open a second window while start() is still reading files.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(lastWindowState);
  });
}

/** Where the window was when last closed (or moved, on quit), for the next window this run. */
let lastWindowState: WindowState | null = null;

/** Remembers the window's place: its normal bounds even while maximized, and whether it was. */
function rememberWindowState(window: BrowserWindow): void {
  if (window.isDestroyed() || window.isMinimized() || !services) return;
  lastWindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
  void services.handlers.updateSettings({ window: lastWindowState });
}

function createWindow(state: WindowState | null): void {
  const workAreas = [
    screen.getPrimaryDisplay().workArea,
    ...screen.getAllDisplays().map((display) => display.workArea),
  ];
  const window = new BrowserWindow({
    ...restoreWindowBounds(state, workAreas),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    show: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => {
    if (state?.maximized) window.maximize();
    window.show();
  });
  // Before window-all-closed (and so before the quit's flush): the save is queued in time.
  window.on('close', () => rememberWindowState(window));
  void window.loadURL(pageUrl);
}

/** A link the page tried to follow: https: and mailto: go to the system, after asking. */
async function offerExternal(contents: Electron.WebContents, url: string): Promise<void> {
  const decision = externalLinkDecision(url);
  if (!decision.allowed) return;
  const window = BrowserWindow.fromWebContents(contents);
  const options = externalLinkDialog(decision.shown);
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  if (response === OPEN_EXTERNAL_BUTTON) await shell.openExternal(decision.url);
}

// No navigation away from the app, no new windows, no webviews: the report is all there is.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    void offerExternal(contents, event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void offerExternal(contents, url);
    return { action: 'deny' };
  });
});

// Quitting waits for saves already asked for (the last reading position, say).
let flushed = false;
app.on('before-quit', (event) => {
  if (flushed || !services) return;
  event.preventDefault();
  // Cmd+Q on macOS quits with the window still open: note its place first.
  for (const window of BrowserWindow.getAllWindows()) rememberWindowState(window);
  void services
    .flush()
    .finally(() => folder?.release())
    .finally(() => {
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
        `${APP_NAME}无法启动`,
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
