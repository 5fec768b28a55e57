/**
 * A low-vision reader with the system's high-contrast colours (Windows'
 * contrast themes: CSS forced colours). The browser then paints every
 * colour with a few system colours and drops shadows: marks drawn only with
 * a background or a box-shadow vanish unless they say what to draw instead.
 */
import type { Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';
import { inkShare } from './pixels';

test.use({ forcedColors: 'active' });

/** The colour the browser paints behind `selector` (forced colours: the system's Canvas). */
function canvasOf(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      let node: Element | null = element;
      while (node) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)') return colour;
        node = node.parentElement;
      }
      return 'rgb(255, 255, 255)';
    });
}

test('a bookmark made with Ctrl+D shows its ribbon in the margin', async ({ page, server }) => {
  await openReader(page, server.url);
  const paragraph = page.locator('[data-block="b31"]');
  await paragraph.click();
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-block="b31"][data-bookmarked]')).toHaveCount(1);
  await paragraph.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = (await paragraph.boundingBox())!;
  const em = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  // The ribbon's place: the margin left of the paragraph's first line.
  const margin = { x: box.x - 1.6 * em, y: box.y, width: 1.4 * em, height: 1.6 * em };
  expect(await inkShare(page, margin, await canvasOf(page, '#pane'))).toBeGreaterThan(0.15);
});

test('the 目录 marks the section being read', async ({ page, server }) => {
  await openReader(page, server.url);
  const toc = page.getByRole('navigation', { name: '目录' });
  await toc.getByRole('link', { name: '（三）转型升级深入实施' }).click();
  const current = toc.locator('[aria-current="location"]');
  await expect(current).toHaveText('（三）转型升级深入实施');
  const other = toc.getByRole('link', { name: '（五）民生保障持续加强' });
  // Clicked, the entry has focus; its ring is not the mark asked for.
  await page.locator('#pane').focus();
  const canvas = await canvasOf(page, 'nav.toc');
  // Filled, as a chosen item of a list is in these colours; the others stay on the canvas.
  expect(await inkShare(page, (await current.boundingBox())!, canvas)).toBeGreaterThan(0.6);
  expect(await inkShare(page, (await other.boundingBox())!, canvas)).toBeLessThan(0.4);
});

test('数说报告: the chart tells 实绩 from 目标, and its legend shows which is which', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const panel = page.getByRole('region', { name: /^数说报告/ });
  const chart = panel.locator('.comparison-chart svg');
  await expect(chart).toHaveCount(1);
  // Ten indicators, two bars each: one colour per series.
  const fills = await chart.evaluate((svg) =>
    [...svg.querySelectorAll('path')]
      .map((path) => getComputedStyle(path).fill)
      .filter((fill) => fill !== 'none'),
  );
  expect(fills).toHaveLength(20);
  expect(new Set(fills).size).toBe(2);
  const canvas = await canvasOf(page, '.figures-panel, #sidebar');
  for (const item of await panel.locator('.chart-legend li').all()) {
    const box = (await item.boundingBox())!;
    // The swatch before the series' name.
    const swatch = { x: box.x, y: box.y, width: 12, height: box.height };
    expect(await inkShare(page, swatch, canvas)).toBeGreaterThan(0.3);
  }
});

test('the chosen theme stands out from the other choices', async ({ page, server }) => {
  await openReader(page, server.url);
  await page.getByRole('radio', { name: '护眼' }).click();
  const canvas = await canvasOf(page, '.toolbar, header');
  await page.locator('#pane').focus();
  const chosen = (await page.getByRole('radio', { name: '护眼' }).boundingBox())!;
  const other = (await page.getByRole('radio', { name: '夜间' }).boundingBox())!;
  expect(await inkShare(page, chosen, canvas)).toBeGreaterThan(0.6);
  expect(await inkShare(page, other, canvas)).toBeLessThan(0.4);
});

test('the sidebar underlines its chosen tab only', async ({ page, server }) => {
  await openReader(page, server.url);
  await page.keyboard.press('b');
  const tabs = page.getByRole('tablist');
  await expect(tabs.getByRole('tab', { name: '书签' })).toHaveAttribute('aria-selected', 'true');
  await page.locator('#pane').focus();
  const canvas = await canvasOf(page, '#sidebar');
  /** The tab's bottom edge, where the underline is drawn. */
  const underline = async (name: string) => {
    const box = (await tabs.getByRole('tab', { name }).boundingBox())!;
    return inkShare(
      page,
      { x: box.x + 2, y: box.y + box.height - 2, width: box.width - 4, height: 2 },
      canvas,
    );
  };
  expect(await underline('书签')).toBeGreaterThan(0.6);
  expect(await underline('目录')).toBeLessThan(0.4);
  expect(await underline('批注')).toBeLessThan(0.4);
});

test('stepping through search hits, the current one is the one marked', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('代表');
  await expect(page.getByText(/^共 \d+ 处/).first()).toBeVisible();
  await box.press('Enter');
  await expect(page.getByText(/^第 1\/\d+ 处$/)).toBeVisible();
  const [current, other] = await page.evaluate(() => {
    const rect = (range: Range) => {
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    };
    const marked = [...CSS.highlights.get('search-current')!][0] as Range;
    // Another hit near it: 各位代表, the salutation.
    const salutation = [...document.querySelectorAll('.report p')].find((p) =>
      p.textContent!.startsWith('各位代表'),
    )!;
    const text = document.createTreeWalker(salutation, NodeFilter.SHOW_TEXT).nextNode()!;
    const hit = new Range();
    hit.setStart(text, text.textContent!.indexOf('代表'));
    hit.setEnd(text, text.textContent!.indexOf('代表') + 2);
    return [rect(marked), rect(hit)];
  });
  expect(other.y).not.toBe(current.y);
  await page.locator('#pane').focus();
  const canvas = await canvasOf(page, '#pane');
  // Every highlight is painted alike in these colours: only the current one is painted.
  expect(await inkShare(page, current, canvas)).toBeGreaterThan(0.6);
  expect(await inkShare(page, other, canvas)).toBeLessThan(0.5);
});

test('the search result holding the current step, and the figure chosen, are marked in their lists', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('科技');
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results.getByRole('button').first()).toBeVisible();
  await box.press('Enter');
  const current = results.locator('.result[aria-current="true"]');
  await expect(current).toHaveCount(1);
  const other = results.locator('.result:not([aria-current])').first();
  await page.locator('#pane').focus();
  const canvas = await canvasOf(page, '#sidebar');
  expect(await inkShare(page, (await current.boundingBox())!, canvas)).toBeGreaterThan(0.6);
  expect(await inkShare(page, (await other.boundingBox())!, canvas)).toBeLessThan(0.4);

  await box.press('Escape');
  await page.locator('#pane').focus();
  await page.keyboard.press('n');
  const panel = page.getByRole('region', { name: /^数说报告/ });
  const row = panel.locator('table.figure-list tbody tr').filter({ hasText: '5000个' });
  await row.getByRole('button', { name: '新增停车位' }).click();
  await expect(row).toHaveAttribute('aria-current', 'true');
  // Its neighbour, in view with it (the list may have put the chosen row at its bottom edge).
  const plain = row.locator('xpath=following-sibling::tr[1]');
  await row.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.locator('#pane').focus();
  const panelCanvas = await canvasOf(page, '.figures-panel');
  expect(await inkShare(page, (await row.boundingBox())!, panelCanvas)).toBeGreaterThan(0.6);
  expect(await inkShare(page, (await plain.boundingBox())!, panelCanvas)).toBeLessThan(0.4);
});
