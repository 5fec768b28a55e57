/**
 * What a switch of report must carry over, and what it must not: found by
 * walking the merged app (书架, 数说报告, 修订) as a delegate does. News of one
 * report's arrival goes once another report is on screen; a note being typed
 * is kept; the sidebar's panel stays the one the reader chose.
 */
import type { Page } from '@playwright/test';
import { reportText } from '../unit/report/helpers';
import { expect, openReader, test } from './fixtures';
import { inputMethod } from './ime';
import { addByChooser, district, shownReport, waitForOtherReport } from './library-files';
import { blockText, openNoteEditor } from './text-selection';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Another district's report, as a delegate receives it: unnumbered parts, a broken date line. */
const YINZHOU = `政府工作报告

2018年1月
25日在鄞州区第二届人民代表大会第三次会议上

区长\u3000王建国

各位代表：

过去一年工作回顾

2017年，全年实现地区生产总值1820亿元，增长8.1%；城镇新增就业21000人；新建污水管网35公里。

今年工作的总体要求和主要目标

今年的主要预期目标是：地区生产总值增长7.5%左右；城镇新增就业20000人以上；新建污水管网30公里。

加强政府自身建设

我们将深入推进法治政府建设。
`;

/** The reader with 鄞州 added beside the bundled report (and on screen); answers the bundled report's id. */
async function withYinzhou(page: Page, url: string): Promise<string> {
  await openReader(page, url);
  const bundled = (await shownReport(page))!;
  await addByChooser(page, '鄞州.txt', utf8(YINZHOU));
  await waitForOtherReport(page, bundled);
  return bundled;
}

/** Opens the bundled report from the 书架 (shown first when `show`), by a click. */
async function backToBundled(page: Page, bundled: string, show = true): Promise<void> {
  if (show) await page.keyboard.press('l');
  await page.locator('.library .shelf-open', { hasText: '2018年海曙区' }).click();
  await expect.poll(() => shownReport(page)).toBe(bundled);
}

test('the window is named for the report on screen, as the 书架 names it, renamed too', async ({
  page,
  server,
}) => {
  const bundled = await withYinzhou(page, server.url);
  // What the taskbar and a screen reader's window list say: which report, not only which app.
  await expect(page).toHaveTitle('2018年鄞州区政府工作报告 - 报告阅读器');
  await page.keyboard.press('l');
  await page.getByRole('button', { name: '重命名《2018年鄞州区政府工作报告》' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('鄞州区报告（讨论稿）');
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('鄞州区报告（讨论稿） - 报告阅读器');
  await backToBundled(page, bundled, false);
  await expect(page).toHaveTitle('2018年海曙区政府工作报告 - 报告阅读器');
});

test('“已在书架上，已为你打开” goes once another report is on screen', async ({ page, server }) => {
  await openReader(page, server.url);
  const bundled = (await shownReport(page))!;
  await addByChooser(page, '海曙.txt', utf8(reportText()));
  const notices = page.getByRole('status').locator('.notice');
  await expect(notices).toHaveText(['《2018年海曙区政府工作报告》已在书架上，已为你打开。知道了']);
  await addByChooser(page, '江北.txt', utf8(district('江北', '2018年1月20日')));
  await waitForOtherReport(page, bundled);
  await expect(page.locator('.toolbar-title')).toHaveText('2018年江北区政府工作报告');
  // It would now tell the reader that the report on screen is the 海曙 one.
  await expect(notices).toHaveCount(0);
});

test('a note being typed when another report opens is kept in its own report', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const bundled = (await shownReport(page))!;
  const editor = await openNoteEditor(page, 'b12', [0, 8]);
  const quote = (await blockText(page, 'b12')).slice(0, 8);
  await expect(editor.getByRole('textbox', { name: '批注' })).toBeFocused();
  const ime = await inputMethod(page);
  await ime.type(['wen', 'wenzi', 'wenzijin'], '问资金来源');
  // Ctrl+O works in the note's field too: the next report takes the screen.
  await addByChooser(page, '江北.txt', utf8(district('江北', '2018年1月20日')));
  await waitForOtherReport(page, bundled);
  await expect(page.locator('.annotation-editor')).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.locator('.annotation-note')).toHaveCount(0);
  // Back in the report it was typed in, the note is there, on its words.
  await backToBundled(page, bundled);
  const panel = page.getByRole('region', { name: '批注' });
  if (!(await panel.isVisible())) await page.keyboard.press('a');
  await expect(panel.locator('.annotation-note')).toHaveText(['问资金来源']);
  await expect(panel.locator('.annotation-quote')).toHaveText([quote]);
});

test('the sidebar’s panel stays the one chosen when another report opens, with that report in it', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const bundled = (await shownReport(page))!;
  await page.keyboard.press('n');
  const figures = page.getByRole('region', { name: /^数说报告/ });
  await expect(figures).toContainText('109 个数字');
  await addByChooser(page, '鄞州.txt', utf8(YINZHOU));
  await waitForOtherReport(page, bundled);
  await expect(page.getByRole('tab', { name: /数说报告/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // The other report's own figures, none of the one before.
  await expect(figures).toContainText('新建污水管网');
  await expect(figures).not.toContainText('109 个数字');
  // And back: the panel chosen last goes with the reader again.
  await page.keyboard.press('g');
  await backToBundled(page, bundled);
  await expect(page.getByRole('tab', { name: /名词解释/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('a report opened from the 书架 by the keyboard has the focus in its text, not at the page’s top', async ({
  page,
  server,
}) => {
  const bundled = await withYinzhou(page, server.url);
  await expect(page.locator('#pane')).toBeFocused();
  await page.keyboard.press('l');
  await page.locator('.library .shelf-open', { hasText: '2018年海曙区' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => shownReport(page)).toBe(bundled);
  await expect(page.locator('#pane')).toBeFocused();
  // The keys that read on work at once.
  await page.keyboard.press('PageDown');
  await expect
    .poll(() => page.locator('#pane').evaluate((pane) => pane.scrollTop))
    .toBeGreaterThan(0);
});

test('the 书架’s mark of the report being read stays whole under the pointer', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('l');
  const row = page.locator('.library .shelf-row[aria-current="true"]');
  await row.locator('.shelf-open').hover();
  // The accent bar is the row's first 3 px; the button's hover background must start after it.
  const [rowLeft, buttonLeft] = await row.evaluate((item) => [
    item.getBoundingClientRect().left,
    item.querySelector('.shelf-open')!.getBoundingClientRect().left,
  ]);
  expect(buttonLeft - rowLeft).toBeGreaterThanOrEqual(3);
});

test('searching every report, the report opened from the 书架 searches for the same words', async ({
  page,
  server,
}) => {
  const bundled = await withYinzhou(page, server.url);
  await page.locator('select.search-scope').selectOption('all');
  await page.keyboard.press('Control+f');
  const ime = await inputMethod(page);
  await ime.type(['wu', 'wushui'], '污水');
  const results = page.getByRole('region', { name: '全部报告的搜索结果' });
  await expect(results).toContainText('2018年海曙区政府工作报告');
  await page.getByRole('button', { name: '书架', exact: true }).click();
  await backToBundled(page, bundled, false);
  // The results beside the text are still 污水's: the box, the count and the marks say so too.
  await expect(results).toContainText('本报告');
  await expect(page.locator('#search-box')).toHaveValue('污水');
  await expect(page.locator('.search-status')).toContainText('共');
  await expect(page.locator('.search-status')).toContainText('处');
});
