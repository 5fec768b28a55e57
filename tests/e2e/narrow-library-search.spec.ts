/**
 * Searching every report in a window too narrow for the sidebar beside the
 * text (800 px): the other reports' hits are only in the results list, so a
 * new search opens it (over the text), and the count beside the box is every
 * report's, not this report's alone.
 */
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { expect, openReader, test } from './fixtures';
import { addByChooser, district, shownReport, waitForOtherReport } from './library-files';

test('at 800 px a search of 全部报告 shows every report’s hits and counts them all', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await addByChooser(page, '江北.txt', new TextEncoder().encode(district('江北', '2019年1月8日')));
  const jiangbei = await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await page.setViewportSize({ width: 800, height: 800 });
  const tabs = page.getByRole('tablist', { name: '侧栏' });
  await expect(tabs).toBeHidden();

  await page.getByRole('combobox', { name: '搜索范围' }).selectOption('all');
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.click();
  await box.pressSequentially('污水零直排');
  const results = page.getByRole('region', { name: '全部报告的搜索结果' });
  await expect(results.locator('.results-report-title')).toHaveText([
    '2018年海曙区政府工作报告',
    '2019年江北区政府工作报告',
  ]);
  await expect(results).toBeInViewport();
  // Typing goes on in the box.
  await expect(box).toBeFocused();
  // Two in each report: the count beside the box says four, as the list does.
  await expect(page.locator('.search-status')).toHaveText('共 4 处，2 份报告');
  // Enter steps through this report's matches, and says whose they are.
  await box.press('Enter');
  await expect(page.locator('.search-status')).toHaveText('本报告第 1/2 处');

  // Closed by the reader, the sidebar stays closed while they type on.
  await page.locator('[data-command="toc.toggle"]').click();
  await expect(tabs).toBeHidden();
  await box.click();
  await box.press('End');
  await box.press('Backspace');
  await expect(page.locator('.search-status')).toHaveText('共 4 处，2 份报告');
  await expect(tabs).toBeHidden();

  // A hit in the other report opens it at the hit, with the text in view, not the list.
  await page.locator('[data-command="toc.toggle"]').click();
  await results
    .locator('.results-group', { hasText: '2018年海曙区政府工作报告' })
    .locator('button.result')
    .first()
    .click();
  await expect.poll(() => shownReport(page)).toBe(BUNDLED_REPORT_ID);
  await expect(page.locator('.search-status')).toHaveText(/^本报告第 [12]\/2 处$/);
  await expect(tabs).toBeHidden();
  expect(jiangbei).not.toBe(BUNDLED_REPORT_ID);
});

test('choosing 全部报告 with a search in the box at 800 px opens its results', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('污水零直排');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');
  const tabs = page.getByRole('tablist', { name: '侧栏' });
  await expect(tabs).toBeHidden();
  await page.getByRole('combobox', { name: '搜索范围' }).selectOption('all');
  const results = page.getByRole('region', { name: '全部报告的搜索结果' });
  await expect(results).toBeInViewport();
  await expect(results.locator('.results-report-title')).toHaveText(['2018年海曙区政府工作报告']);
  await expect(page.locator('.search-status')).toHaveText('共 2 处，1 份报告');
});
