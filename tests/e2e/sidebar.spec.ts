/** The sidebar as the reader uses it: results that stay in sight, tabs that keep their place, Tab order. */
import type { Locator, Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';
import { highlighted, select } from './text-selection';

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

/** Each tab's name on one line, and inside the strip's visible box (nothing scrolled away). */
function tabsAsSeen(page: Page) {
  return page.evaluate(() => {
    const strip = document.querySelector<HTMLElement>('[role="tablist"][aria-label="侧栏"]')!;
    const view = strip.getBoundingClientRect();
    return [...strip.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => {
      const text = document.createRange();
      text.selectNodeContents(tab);
      const lines = new Set([...text.getClientRects()].map((rect) => Math.round(rect.top)));
      const box = tab.getBoundingClientRect();
      return {
        name: tab.getAttribute('aria-label') ?? tab.textContent,
        lines: lines.size,
        inView: box.left >= view.left - 0.5 && box.right <= view.right + 0.5,
      };
    });
  });
}

test('six tabs share the strip at every width: no name wraps, none is out of sight, full names said and shown', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  for (const width of [1366, 1024, 800, 390, 360]) {
    await page.setViewportSize({ width, height: 700 });
    const strip = page.getByRole('tablist', { name: '侧栏' });
    // Turning narrow closes the sidebar on the media query's change event, a
    // frame or more after the resize: wait for it before opening it again.
    if (width === 800) await expect(strip).toBeHidden();
    if (!(await strip.isVisible())) await page.keyboard.press('o');
    await expect(strip).toBeVisible();
    // The editions panel's tab (修订对照) comes as a sixth: until it is on
    // this branch, a stand-in of the same make takes its place.
    await page.evaluate(() => {
      const strip = document.querySelector('[role="tablist"][aria-label="侧栏"]')!;
      const tabs = strip.querySelectorAll('[role="tab"]');
      if (tabs.length >= 6) return;
      const sixth = tabs[tabs.length - 1].cloneNode(true) as HTMLElement;
      sixth.id = 'tab-stand-in';
      sixth.setAttribute('aria-selected', 'false');
      sixth.setAttribute('aria-label', '修订对照');
      sixth.textContent = '修订';
      strip.append(sixth);
    });
    const seen = await tabsAsSeen(page);
    expect(seen).toHaveLength(6);
    for (const tab of seen)
      expect(tab, `${tab.name} at ${width} px`).toEqual({ ...tab, lines: 1, inView: true });
    await page.screenshot({
      path: testInfo.outputPath(`tabs-${width}.png`),
      clip: { x: 0, y: 40, width: Math.min(width, 480), height: 80 },
    });
    await page.evaluate(() => document.getElementById('tab-stand-in')?.remove());
    if (width < 960) await page.keyboard.press('Escape');
  }
  // Short on screen, whole in the accessible name, and in the tooltip with the key.
  await page.setViewportSize({ width: 1366, height: 700 });
  const glossary = page.getByRole('tab', { name: '名词解释' });
  await expect(glossary).toHaveText('名词');
  await expect(glossary).toHaveAttribute('title', '名词解释（g）');
  await expect(page.getByRole('tab', { name: '数说报告' })).toHaveAttribute(
    'title',
    '数说报告（n）',
  );
});

test('the keyboard reaches every tab: arrows go round, Home and End go to the ends, the chosen tab stays in view', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await openReader(page, server.url);
  await page.keyboard.press('o');
  const strip = page.getByRole('tablist', { name: '侧栏' });
  const names = ['目录', '名词解释', '批注', '书签', '数说报告'];
  await strip.getByRole('tab', { name: '目录' }).focus();
  for (const name of [...names.slice(1), names[0]]) {
    await page.keyboard.press('ArrowRight');
    const tab = strip.getByRole('tab', { name });
    await expect(tab).toBeFocused();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
  await page.keyboard.press('ArrowLeft');
  await expect(strip.getByRole('tab', { name: '数说报告' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(strip.getByRole('tab', { name: '目录' })).toBeFocused();
  // Should names ever need more room than the strip has (a large system
  // font), the strip scrolls and keeps the chosen tab in sight.
  await strip.evaluate((element) => {
    for (const tab of element.querySelectorAll<HTMLElement>('[role="tab"]')) {
      tab.style.fontSize = '32px';
    }
  });
  await page.keyboard.press('End');
  const last = strip.getByRole('tab', { name: '数说报告' });
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await tabsAsSeen(page)).at(-1)?.inView).toBe(true);
  expect((await tabsAsSeen(page)).every((tab) => tab.lines === 1)).toBe(true);
  await page.keyboard.press('Home');
  await expect.poll(async () => (await tabsAsSeen(page))[0].inView).toBe(true);
});

test('search results belong to the 目录 tab: a search typed over 数说报告 turns to it, and other panels show none', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const figures = page.getByRole('tab', { name: '数说报告' });
  await expect(figures).toHaveAttribute('aria-selected', 'true');
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('污水零直排');
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(page.getByRole('tab', { name: '目录' })).toHaveAttribute('aria-selected', 'true');
  await expect(results.getByRole('button')).toHaveCount(2);
  // The reader goes back to the figures: they fill the panel, no results above them.
  await figures.click();
  await expect(page.getByRole('tabpanel')).toContainText('目标与实绩');
  await expect(results).toHaveCount(0);
  await expect(box).toHaveValue('污水零直排');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');
  // The 目录 tab has them still.
  await page.getByRole('tab', { name: '目录' }).click();
  await expect(results.getByRole('button')).toHaveCount(2);
  // A closed sidebar stays closed: the box counts the matches, Enter steps.
  await page.locator('#pane').focus();
  await page.keyboard.press('a');
  await page.keyboard.press('o');
  await expect(page.getByRole('tablist', { name: '侧栏' })).toHaveCount(0);
  await box.fill('月湖');
  await expect(page.locator('.search-status')).toHaveText(/^共 \d+ 处/);
  await expect(page.getByRole('tablist', { name: '侧栏' })).toHaveCount(0);
  await page.locator('#pane').focus();
  await page.keyboard.press('o');
  await expect(page.getByRole('tab', { name: '批注' })).toHaveAttribute('aria-selected', 'true');
});

/** Whether the focused element's ring lies inside every box that clips it. */
function ringDrawnWhole(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    if (style.outlineStyle === 'none') return false;
    const spread = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const box = element.getBoundingClientRect();
    for (let clip = element.parentElement; clip; clip = clip.parentElement) {
      if (getComputedStyle(clip).overflow === 'visible') continue;
      const view = clip.getBoundingClientRect();
      if (
        box.left - spread < view.left - 0.5 ||
        box.right + spread > view.right + 0.5 ||
        box.top - spread < view.top - 0.5 ||
        box.bottom + spread > view.bottom + 0.5
      ) {
        return false;
      }
    }
    return true;
  });
}

test('focus rings in the sidebar are drawn whole: a tab, the 目录’s first entry, a search result', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await openReader(page, server.url);
  await page.keyboard.press('o');
  await expect(page.locator('#sidebar .toc-link:focus')).toHaveCount(1);
  expect(await ringDrawnWhole(page)).toBe(true);
  await page.getByRole('tab', { name: '目录' }).focus();
  expect(await ringDrawnWhole(page)).toBe(true);
  await page.getByRole('searchbox', { name: '搜索' }).fill('污水零直排');
  const first = page.getByRole('region', { name: '搜索结果' }).getByRole('button').first();
  await first.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  expect(await ringDrawnWhole(page)).toBe(true);
});

test('on a narrow window, a and b take focus into the panel they open over the text; Esc hands it to the 目录 button, as for o', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await openReader(page, server.url);
  await select(page, ['b31', 0], ['b31', 12]);
  await page.keyboard.press('Control+Shift+H');
  await expect.poll(() => highlighted(page, 'annotation-c1')).toHaveLength(1);
  await page.locator('#pane').focus();

  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  await expect(panel.locator('.annotation-jump')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  const toggle = page.locator('.toolbar [data-command="toc.toggle"]');
  await expect(toggle).toBeFocused();
  await page.locator('#pane').focus();

  // No bookmark yet: nothing in the panel to act on, so its tab has focus, not the covered text.
  await page.keyboard.press('b');
  await expect(page.getByRole('tab', { name: '书签' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: '书签' })).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('a panel chosen by its key while focus is in the one showing takes the focus, which never falls to the page', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openReader(page, server.url);
  const entry = page.getByRole('navigation', { name: '目录' }).locator('.toc-link').first();
  await entry.focus();
  await page.keyboard.press('g');
  // Before, the 目录's link went with its panel and focus fell to the page's start.
  await expect(page.locator('.glossary-panel button').first()).toBeFocused();
  await page.keyboard.press('b');
  await expect(page.getByRole('tab', { name: '书签' })).toBeFocused();
});
