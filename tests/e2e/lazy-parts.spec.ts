/**
 * The panels, layers and dialogs load as chunks of their own after the text
 * is interactive (src/renderer/app/parts.tsx). A key pressed before a chunk
 * has arrived still opens its part, which says 正在载入 until it is in; a
 * chunk that cannot be loaded is said in Chinese in the part's place, and
 * the rest of the reader goes on working.
 */
import type { Page, Route } from '@playwright/test';
import { expect, openReader, test } from './fixtures';

/** 数说报告's chunk: the panel with the figures' code (electron.vite.config.ts groups them). */
const FIGURES_PANEL = /\/assets\/figures-[\w-]+\.js$/;
const SHORTCUTS = /\/assets\/ShortcutsDialog-[\w-]+\.js$/;

/** Holds every request for a chunk until `release` is called. */
async function holdChunk(
  page: Page,
  chunk: RegExp,
): Promise<{ release(): void; readonly held: number }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(chunk, async (route: Route) => {
    held++;
    await released;
    await route.continue();
  });
  return {
    release,
    get held() {
      return held;
    },
  };
}

const figuresPanel = (page: Page) => page.getByRole('region', { name: /^数说报告/ });

test('a panel’s key pressed as the reader starts opens it: 正在载入 until its code is in, then focus lands in it', async ({
  page,
  server,
}) => {
  // Narrow: the sidebar starts closed, so the key opens it and hands focus to its panel.
  await page.setViewportSize({ width: 800, height: 900 });
  const chunk = await holdChunk(page, FIGURES_PANEL);
  await openReader(page, server.url);
  await page.keyboard.press('n');
  await expect(page.getByRole('tab', { name: '数说报告' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('status').filter({ hasText: '正在载入数说报告…' })).toBeVisible();
  await expect(figuresPanel(page)).toHaveCount(0);
  expect(chunk.held).toBeGreaterThan(0);

  chunk.release();
  const panel = figuresPanel(page);
  await expect(panel).toContainText('109 个数字 · 实绩 54 · 目标 55');
  await expect(panel.getByRole('button', { name: '导出 CSV' })).toBeFocused();
  await expect(page.getByText('正在载入数说报告…')).toHaveCount(0);
});

test('a panel whose code cannot be loaded says so in its place; the text, search and other panels go on working', async ({
  page,
  server,
}) => {
  let refused = 0;
  await page.route(FIGURES_PANEL, (route) => {
    refused++;
    return route.abort('connectionrefused');
  });
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const failure = page.getByRole('alert').filter({ hasText: '数说报告的程序文件未能载入' });
  await expect(failure).toBeVisible();
  expect(refused).toBeGreaterThan(0);
  await expect(failure.getByRole('button', { name: '重试' })).toBeVisible();

  // The rest of the reader: another panel opens, and a search finds its hits.
  await page.getByRole('tab', { name: '批注' }).click();
  await expect(page.getByRole('region', { name: /^批注/ })).toBeVisible();
  await page.locator('#search-box').fill('停车位');
  await expect(page.locator('.search-status')).toContainText(/共 \d+ 处/);

  // Back once the chunk can be fetched again: 重试 brings the panel in.
  await page.unroute(FIGURES_PANEL);
  await page.getByRole('tab', { name: '数说报告' }).click();
  await page.getByRole('button', { name: '重试' }).click();
  await expect(figuresPanel(page)).toContainText('109 个数字');
});

test('a dialog whose code cannot be loaded is told in a notice, and the keys go on working', async ({
  page,
  server,
}) => {
  await page.route(SHORTCUTS, (route) => route.abort('connectionrefused'));
  await openReader(page, server.url);
  await page.keyboard.press('?');
  const notice = page.getByRole('alert').filter({ hasText: '快捷键表的程序文件未能载入' });
  await expect(notice).toBeVisible();
  // Chinese only: the browser's English error text is not shown to the reader.
  expect(await notice.innerText()).not.toMatch(/[A-Za-z]/);
  await expect(page.getByRole('dialog', { name: '快捷键' })).toHaveCount(0);
  await page.locator('#pane').focus();
  await page.keyboard.press('n');
  await expect(figuresPanel(page)).toContainText('109 个数字');
});
