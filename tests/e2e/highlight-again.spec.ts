/**
 * Highlighting words that are already highlighted, as a reader does it:
 * nothing is added (a brief word says so), another colour recolours the one
 * highlight, and a note or a longer selection on the same words is still new.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openReader, READY_SELECTOR, test } from './fixtures';
import { blockText, highlighted, select, writeNote } from './text-selection';

/** The 发言提纲 as the 批注 panel's 导出发言提纲 writes it. */
async function speakingNotes(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page
    .getByRole('region', { name: '批注' })
    .getByRole('button', { name: '导出发言提纲' })
    .click();
  return readFile((await (await download).path())!, 'utf8');
}

const timesIn = (text: string, words: string) => text.split(words).length - 1;

test('Ctrl+Shift+H on words already highlighted adds nothing, says so, and one annotation is left after a reload', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b31');
  const words = text.slice(0, 12);
  await select(page, ['b31', 0], ['b31', 12]);
  await page.keyboard.press('Control+Shift+H');
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([words]);

  await select(page, ['b31', 0], ['b31', 12]);
  await page.keyboard.press('Control+Shift+H');
  const said = page.getByRole('status').filter({ hasText: '未重复添加' });
  // Soft: without the word, what the panel and the 发言提纲 hold is still checked.
  await expect.soft(said).toHaveText('这段文字已高亮为“重点”，未重复添加');
  await page.screenshot({ path: testInfo.outputPath('highlighted-again.png') });
  // The selection goes, as after any highlight; the word goes by itself.
  expect(await page.evaluate(() => window.getSelection()!.isCollapsed)).toBe(true);
  await expect(said).toHaveCount(0, { timeout: 10_000 });

  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([words]);
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  await expect(panel.locator('.annotation-item')).toHaveCount(1);
  await expect(panel.locator('.annotation-item .annotation-quote')).toHaveText(words);
  expect(timesIn(await speakingNotes(page), words)).toBe(1);
});

test('the toolbar with another colour recolours the highlight; a note and a longer selection on it are still added', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b11');
  const start = text.indexOf('污水零直排');
  const words = text.slice(start, start + 5);
  const toolbar = page.getByRole('toolbar', { name: '批注工具' });
  await select(page, ['b11', start], ['b11', start + 5]);
  await toolbar.getByRole('button', { name: '高亮：重点' }).click();
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([words]);

  await select(page, ['b11', start], ['b11', start + 5]);
  await toolbar.getByRole('button', { name: '高亮：疑问' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已改为' })).toHaveText(
    '这段文字已有高亮，已改为“疑问”',
  );
  await expect.poll(() => highlighted(page, 'annotation-c2')).toEqual([words]);
  expect(await highlighted(page, 'annotation-c1')).toEqual([]);

  await writeNote(page, 'b11', [start, start + 5], '会上问进度');
  await select(page, ['b11', start], ['b11', start + 6]);
  await page.keyboard.press('Control+Shift+H');
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  await expect(panel.locator('.annotation-item')).toHaveCount(3);

  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await page.keyboard.press('a');
  await expect(panel.locator('.annotation-item')).toHaveCount(3);
  await expect(panel.locator('.annotation-item .annotation-note')).toHaveText(['会上问进度']);
  const notes = await speakingNotes(page);
  expect(notes).toContain('· 疑问');
  expect(notes).not.toContain('· 重点');
});
