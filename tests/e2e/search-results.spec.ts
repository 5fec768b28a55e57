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
