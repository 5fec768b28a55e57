/**
 * 目标兑现 in browser mode, against the real services: the 2019 海曙区 report
 * (written for these tests, as a .txt file) added to the shelf beside the
 * bundled 2018 report; its 数说报告 panel judges the 2018 targets by the
 * results it gives; a figure on screen is marked, a figure of the other
 * report opens that report at it, whose panel shows the same rows the other
 * way round; the chart is drawn under the CSP, the table downloads as CSV,
 * and the panel reads in light and dark at 1366 and 800 px.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { HAISHU_2019 } from '../unit/figures/two-years';
import { chooseTheme, expect, openReader, test } from './fixtures';
import { watchProblems } from './problems';

const panelOf = (page: Page) => page.getByRole('region', { name: /^数说报告/ });
const fulfilmentOf = (page: Page) => page.getByRole('region', { name: /^目标兑现/ });

const marked = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('figure-current');
    return highlight ? [...highlight].map((range) => range.toString()) : null;
  });

const shownReport = (page: Page) => page.evaluate(() => document.documentElement.dataset.report);

/** The 2019 report added by 打开报告… (Ctrl+O); it opens once added. */
async function addNextYear(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (
    await chooser
  ).setFiles({
    name: '2019年海曙区政府工作报告.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(HAISHU_2019),
  });
  await expect.poll(() => shownReport(page), { timeout: 20_000 }).not.toBe(BUNDLED_REPORT_ID);
  await expect(page.locator('.report.settled')).toHaveCount(1);
}

/** Each row as its cells read: indicator, target, result, verdict. */
async function rowsOf(page: Page): Promise<string[][]> {
  return fulfilmentOf(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.children].map((cell) => {
          const first = cell.querySelector('button, .verdict-tag');
          return (first ?? cell).firstChild?.textContent?.trim() ?? '';
        }),
      ),
    );
}

test('the next year’s report on the shelf brings 目标兑现: verdicts, jumps both ways, chart, CSV', async ({
  page,
  server,
}) => {
  const problems = await watchProblems(page);
  await openReader(page, server.url);
  // Alone on the shelf, the panel says how to get it.
  await page.keyboard.press('n');
  await expect(panelOf(page)).toContainText('把同一地方上一年或下一年的报告加入书架');
  await expect(fulfilmentOf(page)).toHaveCount(0);

  await addNextYear(page);
  // 数说报告 is still the sidebar's panel, now of the report just opened.
  const section = fulfilmentOf(page);
  await expect(section).toHaveAccessibleName('目标兑现：2018年');
  await expect(section).toContainText(
    '目标出自上年报告《2018年海曙区政府工作报告》，实绩出自本报告。',
  );
  await expect(section.locator('tbody tr')).toHaveCount(14);
  await expect(section).toContainText('超额完成 9 · 完成 2 · 未完成 3');
  const rows = await rowsOf(page);
  expect(rows).toContainEqual(['地区生产总值增长', '7%左右', '6.3%', '未完成']);
  expect(rows).toContainEqual(['一般公共预算收入增长', '7%左右', '12.5%', '超额完成']);
  expect(rows).toContainEqual(['商品销售额增长', '10%左右', '10.2%', '完成']);
  expect(rows).toContainEqual(['城镇新增就业', '18200人', '2.05万人', '超额完成']);
  expect(rows).toContainEqual(['浙商回归资金', '力争 60亿元', '52亿元', '未完成']);
  // What only looks alike stays out: 支出 is not 收入, 城区 alone is not 城区、农村.
  await expect(section).not.toContainText('一般公共预算支出');
  await expect(section).not.toContainText('88%');
  const gdp = section.locator('tbody tr').first();
  await expect(gdp).toContainText('即 6.65%–7.35%');

  // A result is in the report on screen: it is marked there.
  await gdp.getByRole('button', { name: '6.3%', exact: true }).click();
  await expect.poll(() => marked(page)).toEqual(['6.3%']);
  await expect(gdp.getByRole('button', { name: '6.3%', exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // The chart: one bar a side per row, each row named with its verdict.
  const chart = section.getByRole('img', { name: /2018年实绩与2018年目标对比图，14 项指标/ });
  await expect(chart).toHaveAccessibleName(/数值见“目标兑现”表/);
  const texts = await chart.locator('svg text').allTextContents();
  for (const label of ['地区生产总值增长', '未完成', '6.3%', '7%左右', '2.05万人', '18200人']) {
    expect(texts.join('\n')).toContain(label);
  }
  await expect(chart.locator('[tabindex]')).toHaveCount(0);

  // On paper, 目标兑现 follows 目标与实绩: its table, how verdicts are given, its chart.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('#pane .printed-fulfilment');
  await expect(printed).toBeVisible();
  await expect(printed.locator('tbody tr')).toHaveCount(14);
  await expect(printed).toContainText('评价规则：左右、约按上下5%计');
  await expect(printed.locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await page.emulateMedia({ media: 'screen' });
  // Wide again, the sidebar comes back as it was, on this panel.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(section.locator('tbody tr')).toHaveCount(14);

  // Its own CSV: one table, both sides' sources, the verdict and how 左右 was read.
  const download = page.waitForEvent('download');
  await panelOf(page).getByRole('button', { name: '导出目标兑现 CSV' }).click();
  const file = await download;
  // Named for the report on screen, the next year's, not the bare title both share.
  expect(file.suggestedFilename()).toBe('2019年海曙区政府工作报告-目标兑现.csv');
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('年度,指标,目标,目标出处,实绩,实绩出处,评价,说明');
  expect(lines).toContain(
    '2018,地区生产总值增长,7%左右,2018年海曙区政府工作报告,6.3%,2019年海曙区政府工作报告,未完成,左右、约按上下5%计：6.65%–7.35%',
  );
  expect(lines).toHaveLength(14 + 2);

  // A target is in last year's report: choosing it opens that report at it.
  await gdp
    .getByRole('button', { name: /^7%左右\s*（在《2018年海曙区政府工作报告》中）$/ })
    .click();
  await expect.poll(() => shownReport(page)).toBe(BUNDLED_REPORT_ID);
  await expect.poll(() => marked(page)).toEqual(['7%']);
  await expect(page.locator('[data-block="b19"]')).toBeFocused();
  // Its panel shows beside the text: the same rows, seen from the year that set them.
  const back = fulfilmentOf(page);
  await expect(back).toContainText(
    '目标出自本报告，实绩出自次年报告《2019年海曙区政府工作报告》。',
  );
  await expect(back.locator('tbody tr')).toHaveCount(14);
  const arrived = back
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: '7%左右', exact: true });
  await expect(arrived).toHaveAttribute('aria-current', 'true');
  // The row the reader came from is in view in the panel.
  await expect(arrived).toBeInViewport();
  // And the result opens the 2019 report again, at 6.3%.
  await back
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^6\.3%\s*（在《2019年/ })
    .click();
  await expect.poll(() => shownReport(page)).not.toBe(BUNDLED_REPORT_ID);
  await expect.poll(() => marked(page)).toEqual(['6.3%']);
  expect(await problems()).toEqual([]);
});

const LOOKS = [
  [1366, '明亮'],
  [1366, '护眼'],
  [1366, '夜间'],
  [800, '明亮'],
  [800, '夜间'],
] as const;

for (const [width, theme] of LOOKS) {
  test(`目标兑现 reads in the ${theme} theme at ${width} px`, async ({
    page,
    server,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 860 });
    await openReader(page, server.url);
    await addNextYear(page);
    await chooseTheme(page, theme);
    await page.keyboard.press('n');
    const section = fulfilmentOf(page);
    await expect(section.locator('tbody tr')).toHaveCount(14);
    const chart = section.locator('.chart-host svg');
    await expect(chart).toHaveCount(1);
    // ECharts may put its svg in before the labels inside it.
    await expect(chart.locator('text').first()).toBeAttached();
    // Verdicts and chart labels in the theme's ink, which differs from the panel behind them.
    const colours = await page.evaluate(() => {
      const of = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        label: document.querySelector('.fulfilment .chart-host svg text')!.getAttribute('fill'),
        ink: of('.chart-probe-text').color,
        back: of('#sidebar').backgroundColor,
        missed: of('.verdict-missed .verdict-tag').color,
        exceeded: of('.verdict-exceeded .verdict-tag').backgroundColor,
      };
    });
    expect(colours.label?.replace(/\s/g, '')).toBe(colours.ink.replace(/\s/g, ''));
    for (const colour of [colours.ink, colours.missed, colours.exceeded]) {
      expect(colour).not.toBe(colours.back);
    }
    const name = `fulfilment-${width}-${theme}`;
    await section.getByRole('table').scrollIntoViewIfNeeded();
    await writeFile(testInfo.outputPath(`${name}.png`), await page.screenshot());
    await chart.scrollIntoViewIfNeeded();
    await writeFile(testInfo.outputPath(`${name}-chart.png`), await page.screenshot());
  });
}
