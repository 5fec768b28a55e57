/**
 * What a switch of report must carry over, and what it must not: found by
 * walking the merged app (书架, 数说报告, 修订) as a delegate does. News of one
 * report's arrival goes once another report is on screen; a note being typed
 * is kept; the sidebar's panel stays the one the reader chose.
 */
import { reportText } from '../unit/report/helpers';
import { expect, openReader, test } from './fixtures';
import { inputMethod } from './ime';
import { addByChooser, district, shownReport, waitForOtherReport } from './library-files';
import { blockText, openNoteEditor } from './text-selection';

const utf8 = (text: string) => new TextEncoder().encode(text);

test('“已在书架上，已为你打开” goes once another report is on screen', async ({ page, server }) => {
  await openReader(page, server.url);
  const bundled = (await shownReport(page))!;
  await addByChooser(page, '海曙.txt', utf8(reportText()));
  const notices = page.getByRole('alert').locator('.notice');
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
  await page.keyboard.press('l');
  await page.locator('.library .shelf-open', { hasText: '2018年海曙区' }).click();
  await expect.poll(() => shownReport(page)).toBe(bundled);
  const panel = page.getByRole('region', { name: '批注' });
  if (!(await panel.isVisible())) await page.keyboard.press('a');
  await expect(panel.locator('.annotation-note')).toHaveText(['问资金来源']);
  await expect(panel.locator('.annotation-quote')).toHaveText([quote]);
});
