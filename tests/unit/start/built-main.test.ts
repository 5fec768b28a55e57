/**
 * The built Electron main process (out/main/index.js, as `npm run build`
 * leaves it), loaded under Node with a recording stand-in for `electron`,
 * then started by firing `ready`: everything a real start does up to the
 * first window, checked without an Electron binary. Run `npm run build` first
 * (`npm test` does).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES } from '../../../src/main/app-protocol';
import { secureWebPreferences } from '../../../src/main/security';
import { ipcChannel, messageChannel, METHOD_NAMES } from '../../../src/shared/api';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { fakeStores } from '../renderer/commands/fake-stores';
import { fireReady, record } from './fake-electron';
import { PROJECT_ROOT } from './project-root';

vi.mock('electron', () => import('./fake-electron'));

const MAIN = join(PROJECT_ROOT, 'out', 'main', 'index.js');
/** What Electron passes as `event.senderFrame` for our page's top frame. */
const PAGE_FRAME = { url: APP_PAGE_URL, parent: null };

let dataDir: string;
let loadError: unknown;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  dataDir = await mkdtemp(join(tmpdir(), 'reader-built-main-'));
  vi.stubEnv('READER_DATA_DIR', dataDir);
  loadError = await import(pathToFileURL(MAIN).href).then(
    () => undefined,
    (error: unknown) => error,
  );
}, 30_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  // The loaded main goes on with its deferred start work (the warm worker, the
  // library's first writes) in this process: a file it writes while the folder
  // is removed makes rmdir answer ENOTEMPTY, which Node's retries outlast.
  await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('loading the built main process', () => {
  it('does not throw', () => {
    expect(loadError).toBeUndefined();
  });

  it('registers app:// as privileged before ready', () => {
    expect(record.privilegedSchemes).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(record.events).toContain('protocol.registerSchemesAsPrivileged');
    expect(record.events).not.toContain('ready');
  });

  it('takes the single-instance lock, then waits for ready', () => {
    const lock = record.events.indexOf('app.requestSingleInstanceLock');
    expect(lock).toBeGreaterThanOrEqual(0);
    expect(record.events.indexOf('app.whenReady')).toBeGreaterThan(lock);
    expect(record.events).not.toContain('app.quit');
  });

  it('keeps user data in READER_DATA_DIR', () => {
    expect(record.paths.get('userData')).toBe(dataDir);
  });
});

describe('after ready', () => {
  beforeAll(async () => {
    record.paths.set('documents', dataDir);
    fireReady();
    // start() is async (it reads the built document): wait for its window, or its error box.
    await vi.waitFor(
      () => {
        if (record.errorBoxes.length > 0) {
          throw new Error(`main failed to start: ${JSON.stringify(record.errorBoxes)}`);
        }
        if (record.windows[0]?.loadedUrls.length !== 1) throw new Error('no window loaded yet');
      },
      { timeout: 15_000, interval: 20 },
    );
  }, 30_000);

  it('serves app:// from out/renderer', async () => {
    const handler = record.protocolHandlers.get(APP_SCHEME_PRIVILEGES.scheme);
    expect(handler).toBeDefined();
    const page = await handler!(new Request(APP_PAGE_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('政府工作报告');
  });

  it('handles every contract method over IPC, once each, for our page only', async () => {
    expect(record.duplicateChannels).toEqual([]);
    expect([...record.ipcHandlers.keys()].sort()).toEqual(
      METHOD_NAMES.map((method) => ipcChannel(method)).sort(),
    );
    const getDocument = record.ipcHandlers.get(ipcChannel('getDocument'))!;
    const bundled = { report: BUNDLED_REPORT_ID };
    const answer = (await getDocument({ senderFrame: PAGE_FRAME }, bundled)) as {
      ok: boolean;
      value?: { blocks: unknown[] };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value?.blocks.length).toBeGreaterThan(0);
    const stranger = { senderFrame: { url: 'https://example.com/', parent: null } };
    expect(await getDocument(stranger, bundled)).toMatchObject({ ok: false });
  });

  it('parses an added report in the worker built next to main, and tells the window how far it got', async () => {
    expect(existsSync(join(dirname(MAIN), 'parse-worker.js'))).toBe(true);
    const sent: { channel: string; data: unknown }[] = [];
    const sender = {
      isDestroyed: () => false,
      send: (channel: string, data: unknown) => sent.push({ channel, data }),
    };
    const addReport = record.ipcHandlers.get(ipcChannel('addReport'))!;
    const text =
      '江北区2019年政府工作报告\n\n各位代表：\n\n现在，我代表区人民政府向大会报告工作。\n';
    const answer = (await addReport(
      { senderFrame: PAGE_FRAME, sender },
      { fileName: '江北区.txt', bytes: new TextEncoder().encode(text) },
    )) as { ok: boolean; value?: { added: boolean; report: { id: string } }; error?: string };
    expect(answer.error).toBeUndefined();
    expect(answer.value?.added).toBe(true);
    const progress = sent.filter((message) => message.channel === messageChannel('addProgress'));
    expect(progress.at(-1)?.data).toMatchObject({ fileName: '江北区.txt', stage: 'done' });
    const id = answer.value!.report.id;
    expect(existsSync(join(dataDir, 'library', id, id, 'source.txt'))).toBe(true);
    const search = record.ipcHandlers.get(ipcChannel('search'))!;
    const found = (await search({ senderFrame: PAGE_FRAME }, { report: id, query: '大会' })) as {
      value?: { total: number };
    };
    expect(found.value?.total).toBe(1);

    // Opened, it heads 文件 → 最近打开; choosing it there tells the page to show it.
    const openReport = record.ipcHandlers.get(ipcChannel('openReport'))!;
    expect(await openReport({ senderFrame: PAGE_FRAME }, { report: id })).toMatchObject({
      ok: true,
    });
    const file = record.menus.at(-1)!.find((item) => item.label === '文件')!;
    const recent = (file.submenu as MenuItemConstructorOptions[]).find(
      (item) => item.id === 'library.recent',
    )!;
    const [first] = recent.submenu as MenuItemConstructorOptions[];
    expect(first.label).toBe('江北区2019年政府工作报告');
    (first.click as () => void)();
    expect(record.windows[0].webContents.sent.at(-1)).toEqual({
      channel: messageChannel('openReport'),
      data: { report: id },
    });
  });

  it('打开报告… cancelled in the open dialog adds nothing', async () => {
    const addReportFile = record.ipcHandlers.get(ipcChannel('addReportFile'))!;
    const sender = { isDestroyed: () => false, send: () => undefined };
    expect(await addReportFile({ senderFrame: PAGE_FRAME, sender }, undefined)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('opens one window with the secure webPreferences and the built preload', () => {
    expect(record.windows).toHaveLength(1);
    const [window] = record.windows;
    const preload = window.options.webPreferences?.preload as string;
    expect(window.options.webPreferences).toEqual(secureWebPreferences(preload));
    expect(existsSync(preload)).toBe(true);
    expect(dirname(preload)).toBe(join(PROJECT_ROOT, 'out', 'preload'));
    expect(window.loadedUrls).toEqual([APP_PAGE_URL]);
  });

  it('lets the window navigate nowhere and open no other window', () => {
    const contents = record.windows[0].webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listeners.get(event), event).toHaveLength(1);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });

  it('builds the menu from the renderer’s command list once the page sends it', async () => {
    const fixed = record.menus.at(-1)!;
    // macOS puts the app's own menu first.
    expect(fixed.map((item) => item.label).slice(-4)).toEqual(['文件', '编辑', '视图', '帮助']);

    const commands = fakeStores().registry.menu();
    const setMenuCommands = record.ipcHandlers.get(ipcChannel('setMenuCommands'))!;
    expect(await setMenuCommands({ senderFrame: PAGE_FRAME }, commands)).toEqual({
      ok: true,
      value: undefined,
    });
    const ids = allItems(record.menus.at(-1)!).flatMap((item) => (item.id ? [item.id] : []));
    // Besides the renderer's commands, main's own 最近打开 (the reports read last).
    const own = ids.filter((id) => id.startsWith('library.recent'));
    expect(own[0]).toBe('library.recent');
    expect(ids.filter((id) => !own.includes(id)).sort()).toEqual(
      commands.map((command) => command.id).sort(),
    );
  });
});

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...allItems((item.submenu ?? []) as MenuItemConstructorOptions[]),
  ]);
}
