/**
 * Exports from several reports land in one meeting folder: each file is named
 * for its report as the 书架 lists it (place, year), never the bare title
 * 政府工作报告 they all share, so none overwrites or hides another.
 */
import type { Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';
import { addByChooser, district, highlight, waitForOtherReport } from './library-files';

/** The file names the 批注 panel's two exports and 数说报告's CSV offer, as downloads. */
async function exportNames(page: Page): Promise<string[]> {
  // A note to export: the 批注 panel exports nothing from a report without any.
  await highlight(page, '地区生产总值');
  const names: string[] = [];
  const save = async (panel: string, button: string) => {
    const region = page.getByRole('region', { name: panel });
    const download = page.waitForEvent('download');
    await region.getByRole('button', { name: button, exact: true }).click();
    names.push((await download).suggestedFilename());
  };
  await page.locator('#pane').focus();
  await page.keyboard.press('a');
  await save('批注', '导出 JSON');
  await save('批注', '导出发言提纲');
  await page.locator('#pane').focus();
  await page.keyboard.press('n');
  await save('数说报告', '导出 CSV');
  return names;
}

test('exports from two reports of the shelf have names of their own', async ({ page, server }) => {
  await openReader(page, server.url);
  const haishu = await exportNames(page);
  expect(haishu).toEqual([
    '2018年海曙区政府工作报告-批注.json',
    '2018年海曙区政府工作报告-发言提纲.md',
    '2018年海曙区政府工作报告-数说报告.csv',
  ]);

  const bundled = (await page.evaluate(() => document.documentElement.dataset.report))!;
  await addByChooser(
    page,
    '政府工作报告.txt',
    new TextEncoder().encode(district('江北', '2019年1月20日')),
  );
  await waitForOtherReport(page, bundled);
  await expect(page.locator('.toolbar-title')).toHaveText('2019年江北区政府工作报告');
  const jiangbei = await exportNames(page);
  expect(jiangbei).toEqual([
    '2019年江北区政府工作报告-批注.json',
    '2019年江北区政府工作报告-发言提纲.md',
    '2019年江北区政府工作报告-数说报告.csv',
  ]);
  // Six files, six names: one folder holds them all.
  expect(new Set([...haishu, ...jiangbei]).size).toBe(6);
});
