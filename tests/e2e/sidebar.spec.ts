/** The sidebar as the reader uses it: results that stay in sight, tabs that keep their place, Tab order. */
import type { Locator, Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';

/** Whether all of `inner` shows inside the sidebar's visible box. */
async function showsInSidebar(page: Page, inner: Locator): Promise<boolean> {
  const box = await inner.boundingBox();
  const sidebar = await page.locator('#sidebar').boundingBox();
  if (!box || !sidebar) return false;
  return box.y >= sidebar.y - 1 && box.y + box.height <= sidebar.y + sidebar.height + 1;
}

test('results of a search typed after the 目录 was scrolled show in the sidebar, not above it', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const toc = page.getByRole('navigation', { name: '目录' });
  // Far down the 目录: the list scrolls to reach it.
  await toc.getByRole('link', { name: '深化城市管理' }).click();
  await expect(toc.getByRole('link', { name: '深化城市管理' })).toHaveAttribute(
    'aria-current',
    'location',
  );
  await page.getByRole('searchbox', { name: '搜索' }).fill('污水零直排');
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results.getByRole('button')).toHaveCount(2);
  await expect.poll(() => showsInSidebar(page, results.getByRole('button').first())).toBe(true);
  await expect.poll(() => showsInSidebar(page, results.getByText('共 2 处，2 段'))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('results-after-toc-scrolled.png') });
});

test('the first Tab lands on 跳到正文 after the 目录 has followed the reader down the text', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const pane = page.locator('main.pane');
  // Read on with the keys (the 目录 marks, and scrolls to, later and later
  // entries), then back to the start: nothing has been focused yet.
  await page.keyboard.press('End');
  await expect(
    page.getByRole('navigation', { name: '目录' }).locator('[aria-current="location"]'),
  ).toHaveText('附件：名词解释');
  await page.keyboard.press('Space');
  await page.keyboard.press('Home');
  await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBe(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
});
