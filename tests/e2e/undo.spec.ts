/**
 * One undo for the app: Ctrl+Z takes back the latest change, whichever it
 * was (a report taken off the 书架, a bookmark or a highlight deleted), one
 * after another, and what it puts back is on disk; in a text field Ctrl+Z
 * stays the field's own.
 */
import type { Page } from '@playwright/test';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { expect, openReader, test } from './fixtures';
import {
  addByChooser,
  annotationQuotes,
  district,
  highlight,
  shownReport,
  waitForOtherReport,
} from './library-files';

test.describe.configure({ timeout: 90_000 });

const JIANGBEI = new TextEncoder().encode(district('江北', '2019年1月8日'));
const JIANGBEI_TITLE = '2019年江北区政府工作报告';
const shelfRows = (page: Page) => page.locator('.library > ul.library-list .shelf-title');

/** Adds 江北's report, then puts the bundled one back on screen with the 书架 closed. */
async function twoReports(page: Page): Promise<void> {
  await addByChooser(page, '江北.txt', JIANGBEI);
  await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await page.keyboard.press('l');
  await page.locator('.library .shelf-open', { hasText: '海曙' }).click();
  await expect.poll(() => shownReport(page), { timeout: 20_000 }).toBe(BUNDLED_REPORT_ID);
  await expect(page.locator('.report.settled')).toHaveCount(1);
}

test('a report taken off the 书架 comes back with Ctrl+Z, focus on its row, and is still there after a reload', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await twoReports(page);
  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveCount(2);
  await page.getByRole('button', { name: `移除《${JIANGBEI_TITLE}》` }).click();
  await expect(shelfRows(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(shelfRows(page)).toHaveCount(2);
  // As after the toast's 撤销: the row put back takes focus.
  await expect(page.locator('.library-list li', { hasText: JIANGBEI_TITLE })).toContainText(
    JIANGBEI_TITLE,
  );
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? 'nothing'),
    )
    .toContain(JIANGBEI_TITLE);
  // The toast went with the removal it offered back.
  await expect(page.getByRole('status').filter({ hasText: '移出书架' })).toHaveCount(0);
  // Nothing left to undo: Ctrl+Z again changes nothing.
  await page.keyboard.press('Control+z');
  await expect(shelfRows(page)).toHaveCount(2);

  await server.restart();
  await openReader(page, server.url);
  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveCount(2);
});

test('Ctrl+Z takes back the latest change first, whichever feature made it: a removal, then a bookmark, then a highlight', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await twoReports(page);
  await highlight(page, '表示衷心的感谢');
  await expect.poll(() => annotationQuotes(page)).toEqual(['表示衷心的感谢']);
  const notes = page.getByRole('region', { name: '批注' });
  await notes.locator('.annotation-item').getByRole('button', { name: '删除' }).click();
  await expect.poll(() => annotationQuotes(page)).toEqual([]);

  await page.locator('#pane').focus();
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-bookmarked]')).toHaveCount(1);
  const bookmarked = await page.locator('[data-bookmarked]').getAttribute('id');
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-bookmarked]')).toHaveCount(0);

  await page.keyboard.press('l');
  await page.getByRole('button', { name: `移除《${JIANGBEI_TITLE}》` }).click();
  await expect(shelfRows(page)).toHaveCount(1);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+z');
  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-bookmarked]')).toHaveCount(0);
  await expect.poll(() => annotationQuotes(page)).toEqual([]);

  await page.locator('#pane').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator(`[id="${bookmarked}"][data-bookmarked]`)).toHaveCount(1);
  await expect.poll(() => annotationQuotes(page)).toEqual([]);

  await page.keyboard.press('Control+z');
  await expect.poll(() => annotationQuotes(page)).toEqual(['表示衷心的感谢']);

  // All of it on disk: after a restart the report, the bookmark and the highlight are there.
  await server.restart();
  await openReader(page, server.url);
  await expect(page.locator(`[id="${bookmarked}"][data-bookmarked]`)).toHaveCount(1);
  await expect.poll(() => annotationQuotes(page)).toEqual(['表示衷心的感谢']);
  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveCount(2);
});

test('Ctrl+Z in the search box undoes the typing there, not the deletion before it', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await highlight(page, '表示衷心的感谢');
  await expect.poll(() => annotationQuotes(page)).toEqual(['表示衷心的感谢']);
  const notes = page.getByRole('region', { name: '批注' });
  await notes.locator('.annotation-item').getByRole('button', { name: '删除' }).click();
  await expect.poll(() => annotationQuotes(page)).toEqual([]);

  const box = page.getByRole('search').getByRole('searchbox');
  await box.focus();
  await page.keyboard.type('月湖');
  await expect(box).toHaveValue('月湖');
  await page.keyboard.press('Control+z');
  await expect(box).not.toHaveValue('月湖');
  await expect.poll(() => annotationQuotes(page)).toEqual([]);
  // Out of the field, Ctrl+Z is the app's again.
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => annotationQuotes(page)).toEqual(['表示衷心的感谢']);
});
