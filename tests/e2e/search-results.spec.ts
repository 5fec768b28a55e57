/** Search results and stepping as one: the 目录's mark, the list's current hit, plain messages. */
import { expect, openReader, test, waitForPageIndex } from './fixtures';

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
  await page.evaluate(() => {
    const pane = document.querySelector('main.pane')!;
    const heading = [...document.querySelectorAll('h2')].find((h) =>
      h.textContent?.startsWith('三、'),
    )!;
    pane.scrollTop += heading.getBoundingClientRect().top - pane.getBoundingClientRect().top - 5;
  });
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
