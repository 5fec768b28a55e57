/**
 * A recording stand-in for the `electron` module, with only what src/main
 * uses, so the built main bundle can run under plain Node. Every call is
 * recorded in order; `fireReady()` plays the part of Electron's `ready`.
 * A member main uses that is missing here fails loudly, naming itself, rather
 * than reading as `undefined`.
 */
import type { MenuItemConstructorOptions } from 'electron';

type Listener = (...args: never[]) => unknown;

export interface FakeWebContents {
  listeners: Map<string, Listener[]>;
  windowOpenHandler?: (details: { url: string }) => { action: string };
  sent: { channel: string; data: unknown }[];
}

export interface FakeWindow {
  options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>;
  loadedUrls: string[];
  webContents: FakeWebContents;
}

export const record = {
  /** Names of calls, in the order main made them; `ready` marks when it fired. */
  events: [] as string[],
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  /** Channels main registered more than once (Electron would throw). */
  duplicateChannels: [] as string[],
  windows: [] as FakeWindow[],
  /** Every template main set as the application menu, last one last. */
  menus: [] as MenuItemConstructorOptions[][],
  paths: new Map<string, string>(),
  appListeners: new Map<string, Listener[]>(),
  errorBoxes: [] as { title: string; content: string }[],
  exitCode: undefined as number | undefined,
  /** What requestSingleInstanceLock answers: false plays a second instance. */
  lockGranted: true,
};

let markReady: () => void;
const ready = new Promise<void>((resolvePromise) => (markReady = resolvePromise));

export function fireReady(): void {
  record.events.push('ready');
  markReady();
  for (const listener of record.appListeners.get('ready') ?? []) (listener as () => void)();
}

/** Throws on any member that is not defined here, so a new use in main shows up by name. */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'string' && !(key in object) && key !== 'then') {
        throw new Error(
          `main uses electron.${name}.${key}, which tests/unit/start/fake-electron.ts lacks`,
        );
      }
      return Reflect.get(object, key, receiver);
    },
  });
}

function on(map: Map<string, Listener[]>, event: string, listener: Listener): void {
  map.set(event, [...(map.get(event) ?? []), listener]);
}

export const app = strict('app', {
  isPackaged: false,
  on(event: string, listener: Listener) {
    on(record.appListeners, event, listener);
    return app;
  },
  whenReady() {
    record.events.push('app.whenReady');
    return ready;
  },
  requestSingleInstanceLock() {
    record.events.push('app.requestSingleInstanceLock');
    return record.lockGranted;
  },
  quit() {
    record.events.push('app.quit');
  },
  exit(code: number) {
    record.events.push('app.exit');
    record.exitCode = code;
  },
  getPath(name: string) {
    const path = record.paths.get(name);
    if (!path) throw new Error(`app.getPath('${name}') before anyone set it`);
    return path;
  },
  setPath(name: string, path: string) {
    record.events.push(`app.setPath:${name}`);
    record.paths.set(name, path);
  },
});

export const protocol = strict('protocol', {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    record.events.push('protocol.registerSchemesAsPrivileged');
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    record.events.push(`protocol.handle:${scheme}`);
    record.protocolHandlers.set(scheme, handler);
  },
});

export const ipcMain = strict('ipcMain', {
  handle(channel: string, handler: (event: unknown, payload: unknown) => unknown) {
    record.events.push(`ipcMain.handle:${channel}`);
    if (record.ipcHandlers.has(channel)) record.duplicateChannels.push(channel);
    record.ipcHandlers.set(channel, handler);
  },
});

export const Menu = strict('Menu', {
  buildFromTemplate(template: MenuItemConstructorOptions[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: MenuItemConstructorOptions[] }) {
    record.events.push('Menu.setApplicationMenu');
    record.menus.push(menu.template);
  },
});

export const dialog = strict('dialog', {
  showErrorBox(title: string, content: string) {
    record.events.push('dialog.showErrorBox');
    record.errorBoxes.push({ title, content });
  },
  // The reader cancels whatever is asked: a smoke test opens, saves and follows nothing.
  async showMessageBox() {
    return { response: -1 };
  },
  async showSaveDialog() {
    return { canceled: true };
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
});

const sessionListeners = new Map<string, Listener[]>();
export const session = strict('session', {
  defaultSession: strict('session.defaultSession', {
    setPermissionRequestHandler() {
      record.events.push('session.setPermissionRequestHandler');
    },
    setPermissionCheckHandler() {
      record.events.push('session.setPermissionCheckHandler');
    },
    on(event: string, listener: Listener) {
      on(sessionListeners, event, listener);
    },
  }),
});

const DISPLAY = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
export const screen = strict('screen', {
  getPrimaryDisplay: () => DISPLAY,
  getAllDisplays: () => [DISPLAY],
});

export const shell = strict('shell', {
  async openExternal(url: string) {
    record.events.push(`shell.openExternal:${url}`);
  },
});

export class BrowserWindow {
  readonly record: FakeWindow;
  readonly webContents: FakeWebContents & {
    on(event: string, listener: Listener): void;
    setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void;
    send(channel: string, data: unknown): void;
  };

  constructor(options: FakeWindow['options']) {
    record.events.push('new BrowserWindow');
    const contents: FakeWebContents = { listeners: new Map(), sent: [] };
    this.webContents = {
      ...contents,
      on: (event, listener) => on(contents.listeners, event, listener),
      setWindowOpenHandler: (handler) => (contents.windowOpenHandler = handler),
      send: (channel, data) => contents.sent.push({ channel, data }),
    };
    this.record = { options, loadedUrls: [], webContents: contents };
    record.windows.push(this.record);
    windows.push(this);
    // Electron tells the app about every new web contents, before anything loads.
    for (const listener of record.appListeners.get('web-contents-created') ?? []) {
      (listener as (event: unknown, contents: unknown) => void)({}, this.webContents);
    }
  }

  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }
  static getFocusedWindow(): BrowserWindow | null {
    return windows[0] ?? null;
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return windows.find((window) => window.webContents === contents) ?? null;
  }

  once(event: string, listener: Listener): void {
    this.on(event, listener);
  }
  on(event: string, listener: Listener): void {
    on(this.listeners, event, listener);
  }
  async loadURL(url: string): Promise<void> {
    record.events.push('BrowserWindow.loadURL');
    this.record.loadedUrls.push(url);
  }
  show(): void {}
  maximize(): void {}
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }

  private readonly listeners = new Map<string, Listener[]>();
}

const windows: BrowserWindow[] = [];
