/**
 * Each test gets browser mode with the real services on a free port and its
 * own temporary data folder, and can restart the server to prove persistence.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReaderServer } from '../../src/server/start';
import type { RunningBridge } from '../../src/server/bridge-server';
import { READY_SELECTOR } from '../../src/renderer/instrumentation';
import { holdPageIndex, PAGE_INDEX_READY } from '../support/page-index';

export { READY_SELECTOR };

export { holdPageIndex };

export interface ReaderServer {
  url: string;
  dataDir: string;
  /**
   * Stops the server and starts a new one on the same data folder; `meanwhile`
   * runs while none is running (to damage a file, say).
   */
  restart(meanwhile?: () => Promise<void>): Promise<void>;
}

export const test = base.extend<{ server: ReaderServer }>({
  // Playwright requires an object pattern for the fixture argument, even when no fixture is used.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reader-e2e-'));
    // No worker warmed for a file: most tests add none, and CI's two cores have better uses.
    // Nor missing indexes built in the background: a test compares the folder before and after.
    let running: RunningBridge = await startReaderServer({
      dataDir,
      port: 0,
      warmParser: false,
      indexMissing: false,
    });
    const server: ReaderServer = {
      get url() {
        return running.url;
      },
      dataDir,
      async restart(meanwhile) {
        await running.close();
        await meanwhile?.();
        running = await startReaderServer({
          dataDir,
          port: running.port,
          warmParser: false,
          indexMissing: false,
        });
      },
    };
    await use(server);
    await running.close();
    // A report added last may still be writing its index as the server closes: rmdir's ENOTEMPTY is retried.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  },
});

export { expect };

/** Waits until searches are answered in the page (lib/local-search.ts). */
export async function waitForPageIndex(page: Page): Promise<void> {
  await expect(page.locator(PAGE_INDEX_READY)).toHaveCount(1);
}

/** Opens the reader and waits until it has drawn the report. */
export async function openReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
}

/** Distance from the top of the reading pane to the top of a block, in px. */
export async function offsetInPane(page: Page, blockId: string): Promise<number> {
  return page.evaluate((id) => {
    const pane = document.querySelector('main.pane')!;
    const block = document.getElementById(id)!;
    return block.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  }, blockId);
}

/** Scrolls the reading pane by hand so the heading starting with `prefix` is just under its top. */
export async function scrollToHeading(page: Page, prefix: string): Promise<void> {
  await page.evaluate((start) => {
    const pane = document.querySelector('main.pane')!;
    const heading = [...document.querySelectorAll('h2')].find((h) =>
      h.textContent?.startsWith(start),
    )!;
    pane.scrollTop += heading.getBoundingClientRect().top - pane.getBoundingClientRect().top - 5;
  }, prefix);
}

/** Picks a theme (明亮, 护眼, 夜间, 跟随系统) in the toolbar, or in its 更多 menu where a narrow window folded it there. */
export async function chooseTheme(page: Page, name: string): Promise<void> {
  const inline = page.getByRole('radio', { name });
  if (await inline.isVisible()) return inline.click();
  const more = page.getByRole('button', { name: '更多' });
  await more.click();
  await page.getByRole('group', { name: '更多' }).getByRole('radio', { name }).click();
  await page.keyboard.press('Escape');
}
