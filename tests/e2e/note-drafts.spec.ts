/**
 * A delegate's words in the note editor are never lost without a word: a
 * click elsewhere saves the note (also mid-composition of an input method),
 * Esc or 取消 with words typed can be undone, and a save still under way
 * when the same note is reopened shows the words typed, not the old note.
 */
import type { Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';
import { inputMethod } from './ime';
import { highlighted, openNoteEditor, pointAt } from './text-selection';

const panelNotes = (page: Page) =>
  page.getByRole('region', { name: '批注' }).locator('.annotation-item .annotation-note');

/** Clicks the character at `offset` of a block, as a reader clicks in the text. */
async function clickText(page: Page, block: string, offset: number): Promise<void> {
  const { x, y } = await pointAt(page, block, offset);
  await page.mouse.click(x, y);
}

test('a note typed through an input method is kept when the reader clicks elsewhere in the text', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const editor = await openNoteEditor(page, 'b12', [10, 24]);
  const note = editor.getByRole('textbox', { name: '批注' });
  await expect(note).toBeFocused();
  const ime = await inputMethod(page);
  await ime.type(['w', 'wen', 'wenjindu'], '问进度');
  await editor.getByRole('textbox', { name: '标签' }).focus();
  await ime.type(['m', 'min', 'minsheng'], '民生');
  await note.focus();
  // The last words are still a composition when the click comes: they are kept too.
  await ime.compose(['z', 'zi', 'zijin']);
  await clickText(page, 'b20', 8);
  await expect(editor).toHaveCount(0);
  await expect.poll(() => highlighted(page, 'annotation-note')).toHaveLength(1);

  // Reopened from its highlight: the words are there.
  await clickText(page, 'b12', 15);
  const reopened = page.getByRole('dialog', { name: '批注' });
  await expect(reopened.getByRole('textbox', { name: '批注' })).toHaveValue(/^问进度/);
  const kept = await reopened.getByRole('textbox', { name: '批注' }).inputValue();
  await expect(reopened.getByRole('textbox', { name: '标签' })).toHaveValue('民生');
  await page.keyboard.press('Escape');
  await expect(reopened).toHaveCount(0);

  await server.restart();
  await openReader(page, server.url);
  await page.keyboard.press('a');
  await expect(panelNotes(page)).toHaveText(kept);
  await expect(
    page.getByRole('region', { name: '批注' }).locator('.annotation-item .tag'),
  ).toHaveText(['#民生']);
});

test('editing a note, then clicking another highlight: the first is saved, the second stays open', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('a');
  for (const block of ['b12', 'b20']) {
    const editor = await openNoteEditor(page, block, [10, 24]);
    const note = editor.getByRole('textbox', { name: '批注' });
    await note.fill(`${block} 原有批注`);
    await note.press('Control+Enter');
    await expect(editor).toHaveCount(0);
  }
  await clickText(page, 'b12', 15);
  const editor = page.getByRole('dialog', { name: '批注' });
  const note = editor.getByRole('textbox', { name: '批注' });
  await expect(note).toHaveValue('b12 原有批注');
  await note.press('End');
  await (await inputMethod(page)).type(['b', 'buchong'], '补充');

  await clickText(page, 'b20', 15);
  await expect(note).toHaveValue('b20 原有批注');
  // The first note's save ends after the second editor opened: that one stays.
  // (The open editor hides the rest of the page from the accessibility tree: found by class.)
  await expect(page.locator('#sidebar .annotation-item .annotation-note')).toHaveText([
    'b12 原有批注补充',
    'b20 原有批注',
  ]);
  await expect(editor).toBeVisible();
  await expect(note).toHaveValue('b20 原有批注');
});

test('Esc or 取消 with words typed can be undone: 撤销 or Ctrl+Z opens the note again as it was', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  let editor = await openNoteEditor(page, 'b30', [0, 10]);
  await (await inputMethod(page)).type(['g', 'guihua'], '规划先行');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: '已放弃未保存的批注' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: '撤销' }).click();
  editor = page.getByRole('dialog', { name: '新批注' });
  const note = editor.getByRole('textbox', { name: '批注' });
  await expect(note).toHaveValue('规划先行');
  await expect(toast).toHaveCount(0);

  // 取消 too; then Ctrl+Z from the text.
  await editor.getByRole('button', { name: '取消' }).click();
  await expect(editor).toHaveCount(0);
  await expect(toast).toBeVisible();
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('规划先行');
  await note.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(panelNotes(page)).toHaveText('规划先行');

  // Nothing typed, nothing to undo: Esc just closes.
  await openNoteEditor(page, 'b31', [0, 10]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '新批注' })).toHaveCount(0);
  await expect(toast).toHaveCount(0);
  await expect(panelNotes(page)).toHaveCount(1);
});

test('Ctrl+F while writing a note: the note is kept and the search box has focus', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const editor = await openNoteEditor(page, 'b30', [0, 10]);
  await (await inputMethod(page)).type(['c', 'cha'], '查资金');
  // Tab goes round the editor's fields and buttons without leaving it.
  for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: '搜索' })).toBeFocused();
  await expect(editor).toHaveCount(0);
  await page.locator('#pane').focus();
  await page.keyboard.press('a');
  await expect(panelNotes(page)).toHaveText('查资金');
});
