/** Highlights and notes as the reader sees them: named colours, two highlights kept two, notes in the margin. */
import type { Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';
import { blockText, highlighted, select, writeNote } from './text-selection';

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
  await expect(page.getByRole('status').filter({ hasText: '已导出' })).toContainText(
    `已导出“${file.suggestedFilename()}”。`,
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
});

/** One pixel of the page, as PNG bytes: equal bytes, equal colour. */
async function pixel(page: Page, x: number, y: number): Promise<string> {
  const shot = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return shot.toString('base64');
}

test('two touching highlights of one colour stay visibly two', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b11');
  const start = text.indexOf('污水零直排');
  const toolbar = page.getByRole('toolbar', { name: '批注工具' });
  for (const [from, to] of [
    [start - 5, start],
    [start, start + 5],
  ]) {
    await select(page, ['b11', from], ['b11', to]);
    await toolbar.getByRole('button', { name: '高亮：重点' }).click();
    await expect(toolbar).toBeHidden();
  }
  await expect
    .poll(() => highlighted(page, 'annotation-c1'))
    .toEqual([text.slice(start - 5, start), '污水零直排']);
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  // The top-left corner of each highlight's first character, inside its side bearing: no ink.
  const corners = await page.evaluate(() =>
    [...CSS.highlights.get('annotation-c1')!].map((range) => {
      const box = (range as Range).getClientRects()[0];
      return [Math.round(box.left) + 2, Math.round(box.top) + 2];
    }),
  );
  const [first, second] = await Promise.all(corners.map(([x, y]) => pixel(page, x, y)));
  expect(second).not.toBe(first);
  const b11 = (await page.locator('#b11').boundingBox())!;
  await page.screenshot({
    path: testInfo.outputPath('touching-highlights.png'),
    clip: { x: b11.x, y: corners[0][1] - 20, width: b11.width, height: 60 },
  });
});

test('a note gets a numbered marker in the margin, which opens it; on paper, the number is in the text', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b31');
  await writeNote(page, 'b31', [0, 9], '会上追问：资金从哪里来？');

  const marker = page.locator('#b31 .note-marker');
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAccessibleName('批注 1：会上追问：资金从哪里来？');
  await expect(marker).toBeVisible();
  // Beside the text, on the line where the noted words end; the text itself is unchanged.
  const box = (await marker.boundingBox())!;
  const paragraph = (await page.locator('#b31').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(paragraph.x + paragraph.width);
  const line = await page.evaluate(() => {
    const range = [...CSS.highlights.get('annotation-note')!][0] as Range;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1];
    return { top: last.top, bottom: last.bottom };
  });
  expect(box.y + box.height / 2).toBeGreaterThan(line.top - 8);
  expect(box.y + box.height / 2).toBeLessThan(line.bottom + 8);
  expect(await blockText(page, 'b31')).toBe(text);
  await page.screenshot({
    path: testInfo.outputPath('note-marker.png'),
    clip: { x: paragraph.x - 40, y: paragraph.y - 10, width: paragraph.width + 80, height: 160 },
  });

  await marker.click();
  await expect(page.getByRole('dialog', { name: '批注' })).toBeVisible();
  await expect(
    page.getByRole('dialog', { name: '批注' }).getByRole('textbox', { name: '批注' }),
  ).toHaveValue('会上追问：资金从哪里来？');
  await page.keyboard.press('Escape');

  await page.emulateMedia({ media: 'print' });
  // In the text, the note's number, raised; after the report, the note under that number, in the text's face.
  expect(
    await marker.evaluate((element) => [
      getComputedStyle(element).position,
      getComputedStyle(element, '::before').content,
    ]),
  ).toEqual(['static', '"1"']);
  const printed = page.locator('.printed-notes');
  const faces = await printed.evaluate((element) => [
    getComputedStyle(element.querySelector('.printed-place')!).fontFamily,
    getComputedStyle(document.querySelector('.report')!).fontFamily,
  ]);
  expect(faces[0]).toBe(faces[1]);
  await expect(printed.locator('li')).toHaveCount(1);
  await page.locator('#b31').screenshot({ path: testInfo.outputPath('note-reference-print.png') });
  await printed.screenshot({ path: testInfo.outputPath('printed-notes.png') });
});
