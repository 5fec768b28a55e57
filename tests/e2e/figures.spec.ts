/**
 * 数说报告 as a delegate uses it, in browser mode: the panel opened by its key
 * and by its tab, the table filtered to targets, searched (with an input
 * method) and sorted, a figure chosen and marked in the text, the 目标 vs 实绩
 * chart drawn as SVG under the app's CSP, the CSV and the 发言提纲 with its
 * 数据摘录 downloaded and read back, and the panel in every theme and width.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { chooseTheme, expect, openReader, test } from './fixtures';
import { inputMethod } from './ime';
import { watchProblems } from './problems';

const panelOf = (page: Page) => page.getByRole('region', { name: /^数说报告/ });
const listOf = (panel: Locator) => panel.locator('table.figure-list');

/** The text under the figure mark in the report, or null when nothing is marked. */
const marked = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('figure-current');
    return highlight ? [...highlight].map((range) => range.toString()) : null;
  });

test('the panel opens by its key and its tab, and the table filters, searches and sorts', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const tab = page.getByRole('tab', { name: '数说报告' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = panelOf(page);
  await expect(panel).toContainText('109 个数字 · 实绩 54 · 目标 55');
  const rows = listOf(panel).locator('tbody tr');
  await expect(rows).toHaveCount(109);

  // n again closes it; the tab opens it again, with the table as it was.
  await page.locator('#pane').focus();
  await page.keyboard.press('n');
  await expect(panel).toHaveCount(0);
  // Opened by the 目录's key, the sidebar shows the panel it had, with focus in it.
  await page.keyboard.press('o');
  await expect(panel.getByRole('button', { name: '导出 CSV' })).toBeFocused();
  await page.getByRole('tab', { name: '目录' }).click();
  await tab.click();
  await expect(rows).toHaveCount(109);

  await panel.getByRole('radio', { name: '目标 55' }).click();
  await expect(panel.getByRole('status')).toHaveText('显示 55 / 109 个');
  await expect(rows).toHaveCount(55);
  await expect(rows.locator('.period-tag').filter({ hasText: '实绩' })).toHaveCount(0);

  // Searching within: typed through an input method, nothing filters mid-composition.
  const box = panel.getByRole('searchbox', { name: '在数字中查找' });
  await box.click();
  const ime = await inputMethod(page);
  await ime.compose(['t', 'ting', 'tingche']);
  await expect(rows).toHaveCount(55);
  await ime.type(['tingchewei'], '停车位');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('新增停车位');
  await expect(rows.first()).toContainText('5000个');
  await expect(panel.getByRole('status')).toHaveText('显示 1 / 109 个');

  await panel.getByRole('radio', { name: '全部' }).first().click();
  await expect(rows).toHaveCount(2);
  await box.fill('');
  await panel.getByRole('radio', { name: '金额' }).click();
  await expect(rows).toHaveCount(11);

  // Sorting by value: within money, smallest first, then the other way round.
  const value = panel.getByRole('columnheader', { name: /数值/ });
  await value.getByRole('button').click();
  await expect(value).toHaveAttribute('aria-sort', 'ascending');
  await value.getByRole('button').click();
  await expect(value).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('1164.48亿元');
});

test('choosing a figure jumps to it and marks it in the text', async ({ page, server }) => {
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const panel = panelOf(page);
  const row = listOf(panel).locator('tbody tr').filter({ hasText: '5000个' });
  await row.getByRole('button', { name: '新增停车位' }).click();
  await expect.poll(() => marked(page)).toEqual(['5000个']);
  await expect(row).toHaveAttribute('aria-current', 'true');
  // The marked words are on screen in the reading pane.
  const inView = await page.evaluate(() => {
    const range = [...CSS.highlights.get('figure-current')!][0] as Range;
    const box = range.getBoundingClientRect();
    const pane = document.getElementById('pane')!.getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom && box.width > 0;
  });
  expect(inView).toBe(true);

  // The comparison's values jump too; the mark moves, then clears.
  await panel.locator('.comparison-table').getByRole('button', { name: '6.3%' }).click();
  await expect.poll(() => marked(page)).toEqual(['6.3%']);
  await panel.getByRole('button', { name: '清除原文标记' }).click();
  await expect.poll(() => marked(page)).toBeNull();
});

test('on a narrow window the panel covers the text, and a jump closes it on the figure', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const panel = panelOf(page);
  await listOf(panel)
    .locator('tbody tr')
    .filter({ hasText: '26053人' })
    .getByRole('button')
    .click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => marked(page)).toEqual(['26053人']);
  await expect(page.locator('[data-block="b12"]')).toBeFocused();
});

test('目标 vs 实绩 is a table and an SVG chart, drawn under the CSP', async ({ page, server }) => {
  const problems = await watchProblems(page);
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const panel = panelOf(page);
  const comparison = panel.getByRole('table', { name: /2017年实绩与2018年目标/ });
  await expect(comparison.locator('tbody tr')).toHaveCount(10);
  await expect(comparison.locator('tbody tr').first()).toHaveText(
    /地区生产总值增长\s*6\.3%\s*7%左右/,
  );

  const chart = panel.getByRole('img', { name: /2017年实绩与2018年目标对比图，10 项指标/ });
  const svg = chart.locator('svg');
  await expect(svg).toHaveCount(1);
  const texts = await svg.locator('text').allTextContents();
  for (const label of ['地区生产总值增长', '新增停车位', '6.3%', '7%左右', '10866个', '5000个']) {
    expect(texts).toContain(label);
  }
  // Ten bars a side, in the two colours the legend shows.
  const bars = await page.evaluate(() => {
    const colour = (name: string) =>
      getComputedStyle(document.querySelector(`.chart-probe-${name}`)!).color;
    const fills = [...document.querySelectorAll('.chart-host svg path')].map((path) =>
      path.getAttribute('fill'),
    );
    const count = (name: string) => {
      const [r, g, b] = colour(name).match(/\d+/g)!.map(Number);
      return fills.filter((fill) => fill === `rgb(${r},${g},${b})` || fill === colour(name)).length;
    };
    return { result: count('result'), target: count('target') };
  });
  expect(bars).toEqual({ result: 10, target: 10 });
  // A picture, not a control: nothing in it takes focus.
  await expect(chart.locator('[tabindex]')).toHaveCount(0);
  // Opened again, the panel puts back the chart it drew: the same element, not a new drawing.
  await svg.evaluate((element) => element.setAttribute('data-kept', 'yes'));
  await page.getByRole('tab', { name: '目录' }).click();
  await expect(chart).toHaveCount(0);
  await page.getByRole('tab', { name: '数说报告' }).click();
  await expect(chart.locator('svg')).toHaveAttribute('data-kept', 'yes');
  await expect(listOf(panel).locator('tbody tr')).toHaveCount(109);

  // A new theme redraws it in the new theme's ink.
  const ink = () => svg.locator('text').first().getAttribute('fill');
  const before = await ink();
  await page.getByRole('radio', { name: '夜间' }).click();
  await expect.poll(ink).not.toBe(before);
  const probe = await page.evaluate(
    () => getComputedStyle(document.querySelector('.chart-probe-text')!).color,
  );
  expect((await ink())?.replace(/\s/g, '')).toBe(probe.replace(/\s/g, ''));

  // On paper the sidebar is gone, and 目标与实绩 follows the report: the table and the chart.
  // Printing lays the page out at the paper's width, which closes the sidebar: it stays.
  const printed = page.locator('#pane .printed-comparison');
  await expect(printed).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(panel).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#sidebar')).toBeHidden();
  await expect(printed).toBeVisible();
  await expect(printed.locator('tbody tr')).toHaveCount(10);
  const image = printed.locator('img');
  await expect(image).toHaveAttribute('src', /^data:image\/svg\+xml/);
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(
    620,
  );
  expect(await problems()).toEqual([]);
});

test('目标与实绩 prints only while 数说报告 is the panel, its chart image made once', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const printed = page.locator('#pane .printed-comparison');
  // Never opened: nothing extracted, nothing to print.
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });

  await page.keyboard.press('n');
  await expect(panelOf(page)).toContainText('109 个数字');
  await expect(printed).toBeHidden();
  const image = printed.locator('img');
  await expect(image).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await image.evaluate((element) => element.setAttribute('data-kept', 'yes'));

  // Another panel chosen: the section stays, but off paper.
  await page.getByRole('tab', { name: '目录' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toHaveCount(1);
  await expect(printed).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Chosen again: on paper once more, with the image it made the first time.
  await page.getByRole('tab', { name: '数说报告' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(image).toHaveAttribute('data-kept', 'yes');
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(
    620,
  );
});

test('on paper, 目标与实绩 is headed by the report’s full name, and its header stays above its rows', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('n');
  await expect(panelOf(page)).toContainText('109 个数字');
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('#pane .printed-comparison');
  await expect(printed).toBeVisible();
  await expect(printed.locator('.printed-source').first()).toHaveText('2018年海曙区政府工作报告');

  // Scrolled to the middle of the table, as a print preview is: the header is where the table starts.
  const table = printed.locator('table').first();
  await table
    .locator('tbody tr')
    .nth(4)
    .evaluate((row) => row.scrollIntoView({ block: 'start' }));
  const overlaps = await table.evaluate((element) => {
    const header = element.querySelector('thead th')!.getBoundingClientRect();
    return [...element.querySelectorAll('tbody tr')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top < header.bottom - 1 && box.bottom > header.top + 1;
    }).length;
  });
  expect(overlaps).toBe(0);
  await page.screenshot({ path: test.info().outputPath('printed-comparison.png') });
});

test('the table downloads as CSV, and the 发言提纲 with a 数据摘录 of what it shows', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('n');
  const panel = panelOf(page);

  let download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出 CSV' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toBe('2018年海曙区政府工作报告-数说报告.csv');
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('指标,数值,单位,变化,限定,时期,章节');
  expect(lines).toContain(
    '地区生产总值,1164.48,亿元,,,实绩,一、2017年工作回顾 › （一）融合发展平稳推进',
  );
  expect(lines).toHaveLength(109 + 2);

  // What the table shows is what is exported: targets only, then.
  await panel.getByRole('radio', { name: '目标 55' }).click();
  download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出 CSV' }).click();
  file = await download;
  const targets = (await readFile((await file.path())!, 'utf8')).split('\r\n');
  expect(targets).toHaveLength(55 + 2);
  expect(targets).toContain('地区生产总值,7,%,增长,左右,目标,二、2018年主要目标任务');

  download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出发言提纲（含数据摘录）' }).click();
  file = await download;
  expect(file.suggestedFilename()).toBe('2018年海曙区政府工作报告-发言提纲.md');
  const notes = await readFile((await file.path())!, 'utf8');
  expect(notes).toContain('## 数据摘录\n\n共 55 个数字：目标 55 个。');
  expect(notes).toContain('- 新增停车位：5000个（目标 · 二（三）第4段）');
  expect(notes).not.toContain('（实绩 · ');
});

for (const width of [1366, 800]) {
  for (const theme of ['明亮', '护眼', '夜间'] as const) {
    test(`the panel reads in the ${theme} theme at ${width} px`, async ({
      page,
      server,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 860 });
      await openReader(page, server.url);
      await chooseTheme(page, theme);
      await page.keyboard.press('n');
      const panel = panelOf(page);
      await expect(panel.locator('.chart-host svg')).toHaveCount(1);
      // The chart's labels take the theme's text colour, which differs from the panel behind it.
      const contrast = await page.evaluate(() => {
        const label = document.querySelector('.chart-host svg text')!;
        const panelBox = document.getElementById('sidebar')!;
        return {
          text: label.getAttribute('fill'),
          ink: getComputedStyle(document.querySelector('.chart-probe-text')!).color,
          back: getComputedStyle(panelBox).backgroundColor,
        };
      });
      expect(contrast.text?.replace(/\s/g, '')).toBe(contrast.ink.replace(/\s/g, ''));
      expect(contrast.ink).not.toBe(contrast.back);
      const name = `figures-${width}-${theme}.png`;
      await writeFile(testInfo.outputPath(name), await page.screenshot());
      await panel.locator('.figure-list').scrollIntoViewIfNeeded();
      await writeFile(testInfo.outputPath(`table-${name}`), await page.screenshot());
    });
  }
}

for (const width of [960, 1024]) {
  test(`at ${width} px every column of the figures' table is in the panel, 章节 too`, async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await openReader(page, server.url);
    await page.locator('main.pane').focus();
    await page.keyboard.press('n');
    const list = listOf(panelOf(page));
    await expect(list.locator('tbody tr').first()).toBeVisible();
    // The table is painted inside its own box (content-visibility): a column past the
    // panel's edge was cut off, and no scrolling brought it back (before, 章节 lost 34 px).
    const room = await page.locator('#tabpanel-figures').evaluate((panel) => {
      const box = panel.getBoundingClientRect();
      return box.left + panel.clientWidth;
    });
    for (const cell of [list.locator('thead th').last(), list.locator('tbody td').last()]) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(room);
    }
  });
}
