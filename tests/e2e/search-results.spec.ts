/** Search results and stepping as one: the 目录's mark, the list's current hit, plain messages. */
import { expect, openReader, scrollToHeading, test, waitForPageIndex } from './fixtures';

test('stepping through hits marks the section of the current hit in the 目录; scrolling on, the reading line decides', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  await waitForPageIndex(page);
  const toc = page.getByRole('navigation', { name: '目录' });
  const marked = toc.locator('[aria-current="location"]');
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('污水零直排');
  await box.press('Enter');
  await expect(page.locator('.search-status')).toHaveText('第 1/2 处');
  // The hit is in 一（四）; the paragraph just under the toolbar is 一（三）'s.
  await expect(marked).toHaveText('（四）城乡环境不断改善');
  await page.screenshot({ path: testInfo.outputPath('toc-marks-current-hit.png') });
  await box.press('Enter');
  await expect(page.locator('.search-status')).toHaveText('第 2/2 处');
  await expect(marked).toHaveText('深化环境整治');

  // The reader scrolls on by hand: the mark follows the text at the reading line again.
  await scrollToHeading(page, '三、');
  await expect(marked).toHaveText('三、切实加强政府自身建设');
});

test('a query too long, or of punctuation only, is told plainly, and no earlier results stay', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  const status = page.locator('.search-status');
  const results = page.getByRole('region', { name: '搜索结果' });
  await box.fill('污水零直排');
  await expect(status).toHaveText('共 2 处，2 段');

  await box.fill('污水零直排'.repeat(41));
  await expect(status).toHaveText('搜索词过长');
  await expect(results).toHaveText('搜索词太长：最多 200 个字，现在有 205 个。请缩短后再搜。');
  await expect(results.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/检索失败|参数无效|string/)).toHaveCount(0);
  expect(await page.evaluate(() => CSS.highlights.get('search')?.size ?? 0)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('query-too-long.png') });

  for (const text of ['^', '"']) {
    await box.fill(text);
    await expect(status).toHaveText('无可搜索的字');
    await expect(results).toHaveText('没有可搜索的文字：请输入汉字、字母或数字。');
  }
  await box.fill('');
  await expect(status).toHaveText('');
  await expect(results).toHaveCount(0);
});

test('the results list marks the current hit and numbers its steps; Enter steps on after a result is chosen', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  const status = page.locator('.search-status');
  const results = page.getByRole('region', { name: '搜索结果' }).getByRole('listitem');
  await box.fill('污水零直排');
  await expect(results).toHaveCount(2);
  // Ranked by relevance, the 2018 task comes first, though it is the second in the text.
  await expect(results.nth(0).locator('.result-path')).toContainText('深化环境整治');
  await expect(results.nth(0).locator('.result-steps')).toHaveText('第 2 处');
  await expect(results.nth(1).locator('.result-steps')).toHaveText('第 1 处');
  await expect(page.getByText('列表按相关度排列；“第 k 处”是在原文中的顺序')).toBeVisible();
  const current = page.locator('.result[aria-current="true"]');
  await expect(current).toHaveCount(0);

  await box.press('Enter');
  await expect(status).toHaveText('第 1/2 处');
  await expect(current).toHaveCount(1);
  await expect(current.locator('.result-steps')).toHaveText('第 1 处');
  await page.screenshot({ path: testInfo.outputPath('current-result-marked.png') });

  // A result chosen with the mouse: focus goes to its paragraph, and Enter steps on from it.
  await results.nth(0).getByRole('button').click();
  await expect(status).toHaveText('第 2/2 处');
  await expect(current.locator('.result-steps')).toHaveText('第 2 处');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('第 1/2 处');
  await page.keyboard.press('Shift+Enter');
  await expect(status).toHaveText('第 2/2 处');

  // In document order the list and the steps agree, and nothing needs saying.
  await page.getByRole('radio', { name: '按原文顺序' }).click();
  await expect(results.nth(0).locator('.result-steps')).toHaveText('第 1 处');
  await expect(page.getByText('列表按相关度排列')).toHaveCount(0);

  // Before the first heading is the opening, not the title.
  await box.fill('各位代表');
  await expect(results.first().locator('.result-path')).toContainText('开篇');
  await expect(page.getByRole('region', { name: '搜索结果' })).not.toContainText('标题');
});

test('a search that finds nothing says so once; a long list shows that it scrolls', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  const region = page.getByRole('region', { name: '搜索结果' });
  await box.fill('月球基地');
  await expect(region).toHaveText('没有找到“月球基地”。');
  await expect(region.getByRole('radio')).toHaveCount(0);

  await box.fill('发展');
  const list = region.getByRole('list');
  await expect(list).toHaveAttribute('data-more', 'true');
  await page.screenshot({ path: testInfo.outputPath('long-results-list.png') });
  await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(list).toHaveAttribute('data-more', 'false');
  // A short list has nothing below it.
  await box.fill('污水零直排');
  await expect(region.getByRole('list')).toHaveAttribute('data-more', 'false');
});
