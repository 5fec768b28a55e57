/**
 * Browser zoom at 200% on a 1366×768 screen: a window 683 CSS pixels wide and
 * under 400 high. What the sidebar holds must still fit in it.
 */
import { expect, openReader, test } from './fixtures';

test.use({ viewport: { width: 683, height: 384 } });

test('with search results over the 目录, the tabs stay in view and the 目录 keeps room to read', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('污水');
  await expect(page.locator('.search-status')).toHaveText('共 4 处，2 段');
  await page.locator('#pane').focus();
  await page.keyboard.press('o');
  const toc = page.getByRole('navigation', { name: '目录' });
  // Focus goes into the 目录 (its current entry), which scrolled whatever it could.
  await expect(toc.locator(':focus')).toHaveCount(1);
  const place = await page.evaluate(() => {
    const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
    const sidebar = top('#sidebar');
    return {
      tabsTop: top('.sidebar-tabs').top - sidebar.top,
      panel: top('.sidebar-panel').height / sidebar.height,
      results: top('.results-list').height,
    };
  });
  expect(place.tabsTop).toBeGreaterThanOrEqual(0);
  // A third of the sidebar for the 目录, and the results still show a few lines.
  expect(place.panel).toBeGreaterThanOrEqual(0.3);
  expect(place.results).toBeGreaterThanOrEqual(40);
});
