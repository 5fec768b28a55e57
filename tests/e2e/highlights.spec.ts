/** Highlights and notes as the reader sees them: named colours, two highlights kept two, notes in the margin. */
import { expect, openReader, test } from './fixtures';
import { blockText, highlighted, select } from './text-selection';

test('the selection toolbar names its colours on screen; only the one the key uses names the key', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b11');
  const start = text.indexOf('污水零直排');
  await select(page, ['b11', start], ['b11', start + 5]);
  const toolbar = page.getByRole('toolbar', { name: '批注工具' });
  await expect(toolbar).toBeVisible();
  for (const name of ['重点', '疑问', '建议', '数据', '其他']) {
    const button = toolbar.getByRole('button', { name: `高亮：${name}` });
    // The name is written on the button, not only in a tooltip.
    await expect(button).toHaveText(name);
    await expect(button).toBeVisible();
  }
  await expect(toolbar.locator('[title*="Ctrl+Shift+H"]')).toHaveCount(1);
  await expect(toolbar.getByRole('button', { name: '高亮：重点' })).toHaveAttribute(
    'title',
    '高亮：重点（Ctrl+Shift+H）',
  );
  await page.screenshot({
    path: testInfo.outputPath('selection-toolbar.png'),
    clip: (await toolbar.boundingBox())!,
  });
  // After 疑问 is used, Ctrl+Shift+H means 疑问, and the tooltips say so.
  await toolbar.getByRole('button', { name: '高亮：疑问' }).click();
  await expect.poll(() => highlighted(page, 'annotation-c2')).toEqual(['污水零直排']);
  await select(page, ['b11', 0], ['b11', 4]);
  await expect(toolbar.getByRole('button', { name: '高亮：疑问' })).toHaveAttribute(
    'title',
    '高亮：疑问（Ctrl+Shift+H）',
  );
  await expect(toolbar.locator('[title*="Ctrl+Shift+H"]')).toHaveCount(1);
});

test('the 快捷键 sheet lists each command once, each key once, and lone letters as typed', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: '快捷键' });
  const names = await sheet.locator('tbody th').allInnerTexts();
  expect(new Set(names).size).toBe(names.length);
  for (const row of await sheet.locator('tbody td').all()) {
    const keys = await row.locator('kbd').allInnerTexts();
    expect(new Set(keys).size).toBe(keys.length);
  }
  await expect(sheet.getByRole('row', { name: '高亮所选文字' }).locator('kbd')).toHaveText([
    'Ctrl+Shift+H',
  ]);
  await expect(sheet.getByRole('row', { name: '切换主题' }).locator('kbd')).toHaveText(['t']);
  await expect(sheet.getByRole('row', { name: '显示/隐藏目录' }).locator('kbd')).toHaveText(['o']);
  await expect(sheet.getByRole('row', { name: '向下滚动' }).locator('kbd')).toHaveText(['j', '↓']);
});

test('an export says on screen that the file was made', async ({ page, server }) => {
  await openReader(page, server.url);
  await select(page, ['b31', 0], ['b31', 12]);
  await page.keyboard.press('Control+Shift+H');
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出 JSON' }).click();
  const file = await download;
  await expect(page.getByRole('alert')).toContainText(`已导出“${file.suggestedFilename()}”。`);
});
