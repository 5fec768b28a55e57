/**
 * The search across reports in pages: with more hits than one page, the
 * first reports show theirs and a report further down shows its title, its
 * counts and 显示匹配段落, which brings its hits in (from the keyboard, focus
 * on the first); choosing one opens that report at the hit.
 */
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { SEARCH_PAGE } from '../../src/shared/search';
import { reportShownSelector } from '../../src/renderer/instrumentation';
import { expect, openReader, test } from './fixtures';
import { addByChooser, district, waitForOtherReport } from './library-files';
import { watchProblems } from './problems';

// Two files parsed in worker processes of their own: seconds each on a busy machine.
test.describe.configure({ timeout: 90_000 });

const QUERY = '改革';

test('a report past the first page shows its hits on request, and one of them opens it there', async ({
  page,
  server,
}, testInfo) => {
  const problems = await watchProblems(page);
  await openReader(page, server.url);
  const bytes = (place: string, date: string) => new TextEncoder().encode(district(place, date));
  await addByChooser(page, '江北.txt', bytes('江北', '2019年1月8日'));
  const jiangbei = await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await addByChooser(page, '镇海.txt', bytes('镇海', '2019年1月9日'));
  const zhenhai = await waitForOtherReport(page, jiangbei);
  const ids: Record<string, string> = {
    '2018年海曙区政府工作报告': BUNDLED_REPORT_ID,
    '2019年江北区政府工作报告': jiangbei,
    '2019年镇海区政府工作报告': zhenhai,
  };

  await page.getByRole('combobox', { name: '搜索范围' }).selectOption('all');
  await page.getByRole('searchbox', { name: '搜索' }).fill(QUERY);
  const results = page.getByRole('region', { name: '全部报告的搜索结果' });
  await expect(results.locator('.results-group')).toHaveCount(3);
  // One page of hits across the reports, no more.
  await expect(results.locator('button.result')).toHaveCount(SEARCH_PAGE);
  const showName = /^显示匹配段落（\d+ 段）$/;
  const show = results.getByRole('button', { name: showName });
  await expect(show).toHaveCount(1);
  const title = (await results
    .locator('.results-group')
    .filter({ has: page.getByRole('button', { name: showName }) })
    .locator('.results-report-title')
    .textContent())!;
  // Found by its title: the button goes once its hits are in.
  const later = results
    .locator('.results-group')
    .filter({ has: page.locator('.results-report-title', { hasText: title }) });
  await expect(later.locator('button.result')).toHaveCount(0);
  const blocks = Number(/（(\d+) 段）/.exec((await show.textContent())!)![1]);
  await show.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('first-page.png') });

  // From the keyboard: its hits come, and focus with them.
  await show.focus();
  await page.keyboard.press('Enter');
  const hits = later.locator('button.result');
  await expect(hits).toHaveCount(Math.min(blocks, 20));
  await expect(hits.first()).toBeFocused();
  await expect(later.getByRole('button', { name: /^显示/ })).toHaveCount(0);
  await expect(hits.first().locator('mark').first()).toHaveText(QUERY);
  await page.screenshot({ path: testInfo.outputPath('shown.png') });

  await page.keyboard.press('Enter');
  await expect(page.locator(reportShownSelector(ids[title]))).toHaveCount(1);
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...(CSS.highlights.get('search-current') ?? [])].map((range) => range.toString()),
      ),
    )
    .toEqual([QUERY]);
  expect(await problems()).toEqual([]);
});
