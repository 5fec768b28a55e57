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

/** The 目录 entry nearest the top of the sidebar's visible part, and how far below that top it is. */
function topEntry(page: Page): Promise<[string, number]> {
  return page.evaluate(() => {
    // The top of whatever scrolls the 目录.
    let scroller = document.querySelector('nav.toc')!.parentElement!;
    while (!/auto|scroll/.test(getComputedStyle(scroller).overflowY)) {
      scroller = scroller.parentElement!;
    }
    const top = scroller.getBoundingClientRect().top;
    const links = [...document.querySelectorAll<HTMLElement>('.toc-link')];
    const first = links.find((link) => link.getBoundingClientRect().top >= top - 1)!;
    return [first.textContent!, Math.round(first.getBoundingClientRect().top - top)];
  });
}

test('each sidebar tab comes back scrolled where it was left; folding a 目录 section keeps the place', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const toc = page.getByRole('navigation', { name: '目录' });
  // Scroll the 目录 a long way down, as the wheel would.
  await toc.getByRole('link', { name: '（一）融合发展平稳推进' }).hover();
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await topEntry(page))[0]).not.toBe('一、2017年工作回顾');
  const before = await topEntry(page);

  await page.getByRole('tab', { name: '批注' }).click();
  // The new tab starts at its top: its title and buttons are in sight, not scrolled past.
  await expect.poll(() => showsInSidebar(page, page.getByText('批注（0）'))).toBe(true);
  await expect.poll(() => showsInSidebar(page, page.getByRole('tab', { name: '批注' }))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('annotations-tab-after-toc-scrolled.png') });
  await page.getByRole('tab', { name: '目录' }).click();
  await expect.poll(() => topEntry(page)).toEqual(before);

  // Folding a section below the top of the list leaves the list where it is.
  const twisty = toc.getByRole('button', {
    name: '折叠：（二）突出创新驱动，着力提升现代产业能级',
  });
  await expect(twisty).toBeInViewport();
  const y = (await twisty.boundingBox())!.y;
  await twisty.click();
  await expect(toc.getByRole('button', { name: /^展开：/ })).toHaveCount(1);
  expect((await toc.getByRole('button', { name: /^展开：/ }).boundingBox())!.y).toBeCloseTo(y, 0);
  expect(await topEntry(page)).toEqual(before);
});

test('目录 is said once in the sidebar, and the 批注 panel’s three file buttons share a row at 1366 px', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openReader(page, server.url);
  await expect(page.locator('#sidebar').getByText('目录', { exact: true })).toHaveCount(1);
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  const tops = await Promise.all(
    ['导出发言提纲', '导出 JSON', '导入…'].map(
      async (name) => (await panel.getByRole('button', { name }).boundingBox())!.y,
    ),
  );
  expect(new Set(tops).size).toBe(1);
  await page.screenshot({
    path: testInfo.outputPath('annotations-panel-1366.png'),
    clip: { x: 0, y: 0, width: 320, height: 300 },
  });
});
