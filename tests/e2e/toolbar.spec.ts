/** The toolbar from 1366 px down to a 360 px phone, in every theme: nothing overlaps, nothing is lost. */
import type { Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';

const WIDTHS = [1366, 1024, 800, 390, 360];
/** How many presses of t reach each theme from 跟随系统. */
const THEMES = { light: 1, sepia: 2, dark: 3 } as const;

interface Part {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The toolbar's parts on screen, with the page's and the toolbar's own overflow. */
function layout(page: Page) {
  return page.evaluate(() => {
    const toolbar = document.querySelector<HTMLElement>('.toolbar')!;
    const parts: Part[] = [];
    for (const child of toolbar.children) {
      if (child.matches('.skip-link, [popover]')) continue;
      const box = child.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(child).display === 'none') continue;
      const name = child.getAttribute('aria-label') ?? child.className;
      parts.push({ name, left: box.left, right: box.right, top: box.top, bottom: box.bottom });
    }
    const title = toolbar.querySelector<HTMLElement>('.toolbar-title')!;
    const status = toolbar.querySelector<HTMLElement>('.search-status')!;
    return {
      parts,
      height: toolbar.getBoundingClientRect().height,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      toolbarOverflow: toolbar.scrollWidth - toolbar.clientWidth,
      title: title.offsetWidth === 0 ? null : title.scrollWidth <= title.clientWidth,
      status: status.offsetWidth > 0 && status.scrollWidth <= status.clientWidth,
    };
  });
}

for (const [theme, presses] of Object.entries(THEMES)) {
  test(`the toolbar fits from 1366 to 360 px in the ${theme} theme`, async ({
    page,
    server,
  }, testInfo) => {
    await openReader(page, server.url);
    for (let i = 0; i < presses; i++) await page.keyboard.press('t');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const box = page.getByRole('searchbox', { name: '搜索' });
    await box.fill('污水零直排');
    await box.press('Enter');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 700 });
      await expect(page.locator('.search-status')).toHaveText('第 1/2 处');
      await expect
        .poll(async () => (await layout(page)).toolbarOverflow, { message: `${width}` })
        .toBeLessThanOrEqual(0);
      const seen = await layout(page);
      expect(seen.pageOverflow, `${width}: sideways scroll`).toBeLessThanOrEqual(0);
      expect(seen.height, `${width}: one row`).toBeLessThan(50);
      expect(seen.status, `${width}: 第 k/N 处 shown whole`).toBe(true);
      // The title is shown whole or not at all: never cut to 政.
      expect(seen.title, `${width}: title cut`).not.toBe(false);
      if (width >= 800) expect(seen.title, `${width}: title`).toBe(true);
      for (const [i, a] of seen.parts.entries()) {
        expect(a.left, `${width}: ${a.name} off the left`).toBeGreaterThanOrEqual(0);
        expect(a.right, `${width}: ${a.name} off the right`).toBeLessThanOrEqual(width);
        for (const b of seen.parts.slice(i + 1)) {
          const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5;
          expect(apart, `${width}: ${a.name} overlaps ${b.name}`).toBe(true);
        }
      }
      await page.screenshot({
        path: testInfo.outputPath(`toolbar-${theme}-${width}.png`),
        clip: { x: 0, y: 0, width, height: 140 },
      });
    }
  });
}

test('at 390 px the search scope, font size, theme and 快捷键 are in the 更多 menu, and work from there', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await openReader(page, server.url);
  await expect(page.getByRole('button', { name: '增大字号' })).toBeHidden();
  await expect(page.getByRole('radiogroup', { name: '主题' })).toBeHidden();
  const more = page.getByRole('button', { name: '更多' });
  await more.click();
  const menu = page.getByRole('group', { name: '更多' });
  await expect(menu).toBeVisible();
  const menuBox = (await menu.boundingBox())!;
  expect(menuBox.x).toBeGreaterThanOrEqual(0);
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('more-menu-390.png') });
  await menu.getByRole('button', { name: '增大字号' }).click();
  await expect(menu.getByLabel('当前字号')).toHaveText('20');
  await menu.getByRole('radio', { name: '夜间' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  // By keyboard: Enter opens it, Tab goes into it, in the order the parts fold.
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('combobox', { name: '搜索范围' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: '减小字号' })).toBeFocused();
  await menu.getByRole('button', { name: '快捷键' }).click();
  await expect(page.getByRole('dialog', { name: '快捷键' })).toBeVisible();
});

test('a count of many matches (共 N 处，M 段) never runs under 更多: on a phone it says 共 N 处', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  await page.getByRole('searchbox', { name: '搜索' }).fill('发展');
  const status = page.locator('.search-status');
  await expect(status).toHaveText(/^共 \d{2,} 处，\d{2,} 段$/);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 700 });
    await expect
      .poll(async () => (await layout(page)).toolbarOverflow, { message: `${width}` })
      .toBeLessThanOrEqual(0);
    const seen = await layout(page);
    expect(seen.status, `${width}: the count shown whole`).toBe(true);
    const search = seen.parts.find((part) => part.name === 'search')!;
    for (const part of seen.parts.filter((other) => other !== search)) {
      const apart = search.right <= part.left + 0.5 || part.right <= search.left + 0.5;
      expect(apart, `${width}: the search overlaps ${part.name}`).toBe(true);
    }
    // What is seen: the whole count where there is room, 共 N 处 on a phone.
    const seenText = await status.evaluate((element) => (element as HTMLElement).innerText);
    expect(seenText).toMatch(width >= 800 ? /^共 \d+ 处，\d+ 段$/ : /^共 \d+ 处(，\d+ 段)?$/);
    await page.screenshot({
      path: testInfo.outputPath(`count-${width}.png`),
      clip: { x: 0, y: 0, width, height: 48 },
    });
  }
});
