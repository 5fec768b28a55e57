/**
 * The real desktop app. Runs wherever an Electron binary exists; on machines
 * where it cannot be downloaded (our CI) it skips and says why.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_PAGE_URL } from '../../src/main/app-protocol';
import { READY_SELECTOR } from '../../src/renderer/instrumentation';
import { PAGE_INDEX_READY } from '../support/page-index';
import { API_NAMES } from '../../src/shared/api';
import { PROJECT_ROOT } from '../../src/services/paths';
import { findElectronBinary, skipNotice } from './electron-binary';

const binary = findElectronBinary(PROJECT_ROOT);

const skipReason = skipNotice(binary.tried);
// The list reporter does not print skip reasons; say it where people will read it.
if (binary.path === undefined) console.log(`[electron] ${skipReason}`);
test.skip(binary.path === undefined, skipReason);

let app: ElectronApplication;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reader-electron-'));
  app = await electron.launch({
    executablePath: binary.path,
    // Chromium refuses to run its sandbox as root, which is how CI runs.
    args: [PROJECT_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, READER_DATA_DIR: dataDir },
  });
});

test.afterAll(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('opens the report with no Node or Electron reachable from the page', async () => {
  const page = await app.firstWindow();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('政府工作报告');
  const exposed = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    reader: Object.keys(window.readerApi ?? {}).sort(),
  }));
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    reader: [...API_NAMES].sort(),
  });
  // Served over app://, never file://.
  expect(page.url()).toBe(APP_PAGE_URL);

  const menu = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()?.items.map((item) => item.label),
  );
  expect(menu).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']));
});

test('a menu command runs in the page: 视图 › 主题 › 夜间', async () => {
  const page = await app.firstWindow();
  // The renderer sends its commands once it has mounted; the item appears then.
  await expect
    .poll(() =>
      app.evaluate(({ Menu }) => Boolean(Menu.getApplicationMenu()?.getMenuItemById('theme.dark'))),
    )
    .toBe(true);
  await app.evaluate(({ Menu, BrowserWindow }) => {
    const item = Menu.getApplicationMenu()!.getMenuItemById('theme.dark')!;
    // A menu click as Electron makes it: (item, focused window, event).
    item.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
  });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The menu follows: the renderer sends the new state, and 夜间 is ticked.
  await expect
    .poll(() =>
      app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('theme.dark')?.checked),
    )
    .toBe(true);
});

test('导出为 PDF… asks where to save, then writes a PDF there', async () => {
  const page = await app.firstWindow();
  const target = join(dataDir, '报告');
  // The save dialog is the one thing a test cannot click: answer it in main.
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      // The options come last (after the window, when there is one): keep the name offered.
      const options = args.at(-1) as { defaultPath?: string };
      (globalThis as { offered?: string }).offered = options.defaultPath;
      return { canceled: false, filePath };
    }) as typeof dialog.showSaveDialog;
  }, target);
  const answer = await page.evaluate(() =>
    window.readerApi!.printToPdf({ report: 'haishu-2018-government-work-report' }),
  );
  expect(answer).toEqual({ ok: true, value: { path: `${target}.pdf` } });
  // The name offered is the report's on the 书架, not the bare title every report shares.
  const offered = await app.evaluate(() => (globalThis as { offered?: string }).offered);
  expect(offered?.endsWith('2018年海曙区政府工作报告.pdf')).toBe(true);
  const pdf = await readFile(`${target}.pdf`);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
});

test('settings go to READER_DATA_DIR over IPC', async () => {
  const page = await app.firstWindow();
  await page.getByRole('button', { name: '增大字号' }).click();
  await expect
    .poll(async () =>
      JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => '{}')),
    )
    .toMatchObject({ settings: { fontSize: 20 } });
});

test('navigation away and new windows are refused; https: is only offered after asking', async () => {
  const page = await app.firstWindow();
  const before = page.url();
  // Record what main would ask and open, and answer 取消.
  await app.evaluate(({ dialog, shell }) => {
    const seen = ((globalThis as Record<string, unknown>).seen = {
      asked: [] as string[],
      opened: [] as string[],
    });
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args.at(-1) as { detail?: string };
      seen.asked.push(String(options.detail));
      return { response: 0, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
    shell.openExternal = (async (url: string) => {
      seen.opened.push(url);
    }) as typeof shell.openExternal;
  });
  await page.evaluate(() => {
    window.open('https://www.gov.cn/');
    window.open('file:///etc/passwd');
    window.open('javascript:alert(1)');
    window.location.href = 'http://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
  const seen = await app.evaluate(() => (globalThis as Record<string, unknown>).seen);
  expect(seen).toEqual({ asked: ['https://www.gov.cn/'], opened: [] });
});

test('search runs in main over IPC, with the index built at build time', async () => {
  const page = await app.firstWindow();
  const answer = await page.evaluate(() =>
    window.readerApi!.search({ report: 'haishu-2018-government-work-report', query: '污水零直排' }),
  );
  expect(answer.ok).toBe(true);
  if (answer.ok) {
    expect(answer.value.hits).toHaveLength(2);
    expect(answer.value.total).toBe(2);
  }
  const refused = await page.evaluate(() =>
    window.readerApi!.search({
      report: 'haishu-2018-government-work-report',
      query: 'x'.repeat(201),
    }),
  );
  expect(refused.ok).toBe(false);
});

test('the page makes its own copy of main’s index over IPC, and search still shows main’s answer', async () => {
  const page = await app.firstWindow();
  await expect(page.locator(PAGE_INDEX_READY)).toHaveCount(1, { timeout: 10_000 });
  const index = await page.evaluate(() =>
    window.readerApi!.getSearchIndex({ report: 'haishu-2018-government-work-report' }),
  );
  expect(index.ok && index.value.length > 100_000).toBe(true);
  await page.getByRole('searchbox', { name: '搜索' }).fill('污水零直排');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');
});
