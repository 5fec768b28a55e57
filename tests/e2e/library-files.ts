/**
 * Adding report files as a reader does (the chooser, a drop), waiting for the
 * report they open, and highlighting and listing notes in it.
 */
import type { Page } from '@playwright/test';
import { snapshot } from '../unit/annotations/snapshot';
import { reportText } from '../unit/report/helpers';
import { expect } from './fixtures';

/** Another district's report, made from the bundled text. */
export const district = (place: string, date: string) =>
  reportText().replace(/海曙/g, place).replace('2018年2月7日', date);

/** 打开报告… (Ctrl+O) and the browser's own file chooser. */
export async function addByChooser(page: Page, name: string, bytes: Uint8Array) {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

/**
 * A file dropped on the window, as the system's drag and drop hands it over;
 * with `hold`, only dragged over the window, not yet let go.
 */
export async function addByDrop(page: Page, name: string, bytes: Uint8Array, hold = false) {
  await page.evaluate(
    ([fileName, base64, held]) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], fileName));
      const target = document.getElementById('pane')!;
      for (const type of held ? ['dragenter', 'dragover'] : ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    [name, Buffer.from(bytes).toString('base64'), hold] as const,
  );
}

/** The id of the report on screen. */
export const shownReport = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.report);

export async function waitForOtherReport(page: Page, than: string): Promise<string> {
  await expect.poll(() => shownReport(page), { timeout: 20_000 }).not.toBe(than);
  await expect(page.locator('.report.settled')).toHaveCount(1);
  return (await shownReport(page))!;
}

/** Highlights the first occurrence of `phrase` with Ctrl+Shift+H. */
export async function highlight(page: Page, phrase: string) {
  await expect(page.locator('.report.settled')).toHaveCount(1);
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(
      document.getElementById('pane')!,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      (node.parentElement!.closest('[data-block]') as HTMLElement).scrollIntoView({
        block: 'center',
      });
      window.getSelection()!.setBaseAndExtent(node, at, node, at + wanted.length);
      return;
    }
    throw new Error(`no ${wanted} on the page`);
  }, phrase);
  await page.keyboard.press('Control+Shift+H');
}

export async function annotationQuotes(page: Page): Promise<string[]> {
  const panel = page.getByRole('region', { name: '批注' });
  if (!(await panel.isVisible())) await page.keyboard.press('a');
  return panel.locator('.annotation-quote').allTextContents();
}

/**
 * The data folder once the page has stopped saving (the reading position is
 * saved a moment after a scroll, an opening's time a moment after it opens).
 * A temp file can go between listing a folder and reading it: that is a write
 * still going on, so it is read again.
 */
export async function settledSnapshot(dir: string): Promise<Record<string, string>> {
  const read = () =>
    snapshot(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return { '(a file went while being read)': '' };
      throw error;
    });
  let last = JSON.stringify(await read());
  for (let tries = 0; tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const files = await read();
    const now = JSON.stringify(files);
    const writing = Object.keys(files).some(
      (name) => name.endsWith('.tmp') || name.startsWith('('),
    );
    if (now === last && !writing) return files;
    last = now;
  }
  throw new Error('the data folder kept changing');
}
