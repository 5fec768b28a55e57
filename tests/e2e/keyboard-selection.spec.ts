/**
 * Highlighting and noting from the keyboard alone: `v` selects the first
 * sentence where the reader is, the arrows move and resize it, and the same
 * highlight and note commands a mouse selection has act on it. What is
 * checked is what a reader sees: the highlighted words on screen, after a
 * restart too, and the note's words in the 批注 panel.
 */
import { expect, openReader, test } from './fixtures';
import { inputMethod } from './ime';
import { highlighted } from './text-selection';

// b6 is the heading 一、2017年工作回顾; b7 the paragraph under it.
const SECOND_SENTENCE_START = '一年来，面对错综复杂';

async function sentencesOfB7(page: import('@playwright/test').Page) {
  const text = await page.evaluate(() => document.getElementById('b7')!.textContent!);
  const first = text.slice(0, text.indexOf('。') + 1);
  const from = text.indexOf(SECOND_SENTENCE_START);
  const second = text.slice(from, text.indexOf('。', from) + 1);
  return { first, second };
}

const selected = (page: import('@playwright/test').Page) =>
  page.evaluate(() => String(window.getSelection()));

/** Opens the report and selects, by keyboard alone, b7's first sentence; answers b7's sentences. */
async function selectFirstSentenceOfB7(page: import('@playwright/test').Page, url: string) {
  await openReader(page, url);
  await expect(page.locator('.report.settled')).toHaveCount(1);
  const sentences = await sentencesOfB7(page);
  // ] goes to the next section, the heading b6, and focus goes with it; v selects it, → goes on.
  await page.keyboard.press(']');
  await page.keyboard.press('v');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe(sentences.first);
  return sentences;
}

test('a sentence is highlighted from the keyboard alone, and is still highlighted after a restart', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await expect(page.locator('.report.settled')).toHaveCount(1);
  const { first, second } = await sentencesOfB7(page);
  // ] goes to the next section, and focus goes with it: the heading.
  await page.keyboard.press(']');
  await expect(page.locator('#b6')).toBeFocused();
  await page.keyboard.press('v');
  await expect.poll(() => selected(page)).toBe('一、2017年工作回顾');
  const status = page.getByTestId('keyboard-selection-status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toContainText('键盘选择：一、2017年工作回顾');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe(first);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe(second);
  await expect(status).toHaveText(`已选：${second.slice(0, 60)}……等 ${second.length} 字`);
  // Back one and on again: ← goes to the sentence before.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selected(page)).toBe(first);
  await page.keyboard.press('ArrowRight');
  // The toolbar a mouse selection gets is offered for it too.
  await expect(page.getByRole('toolbar', { name: '批注工具' })).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([second]);
  // The selection is let go once it is a highlight: the arrows are the page's again.
  await expect.poll(() => selected(page)).toBe('');

  await server.restart();
  await openReader(page, server.url);
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([second]);
});

test('the end moves by a sentence and by a character, and Esc lets the selection go', async ({
  page,
  server,
}) => {
  const { first, second } = await selectFirstSentenceOfB7(page, server.url);
  const text = await page.evaluate(() => document.getElementById('b7')!.textContent!);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe(text.slice(0, text.indexOf(second) + second.length));
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => selected(page)).toBe(first);
  // Never shorter than a character, never past its start.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => selected(page)).toBe(first);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => selected(page)).toBe(first.slice(0, -2));
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe(first.slice(0, -1));
  await page.keyboard.press('Escape');
  await expect.poll(() => selected(page)).toBe('');
  await expect(page.getByTestId('keyboard-selection-status')).toHaveText('已取消选择');
  await expect(page.getByRole('toolbar', { name: '批注工具' })).toHaveCount(0);
  // With no keyboard selection, → selects nothing.
  await page.keyboard.press('ArrowRight');
  expect(await selected(page)).toBe('');
});

test('a note typed through an input method on a keyboard selection is saved', async ({
  page,
  server,
}) => {
  const { first } = await selectFirstSentenceOfB7(page, server.url);
  // Without its 。: the end shrinks by a character.
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => selected(page)).toBe(first.slice(0, -1));
  await page.keyboard.press('m');
  const editor = page.getByRole('dialog', { name: '新批注' });
  const note = editor.getByRole('textbox', { name: '批注' });
  await expect(note).toBeFocused();
  const ime = await inputMethod(page);
  await ime.type(['k', 'kai', 'kaiju'], '开局之年');
  await note.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await expect.poll(() => highlighted(page, 'annotation-note')).toEqual([first.slice(0, -1)]);

  await server.restart();
  await openReader(page, server.url);
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  await expect(panel).toContainText('开局之年');
  await expect(panel).toContainText(first.slice(0, 10));
});

test('after a note on a keyboard selection is saved or cancelled, focus is back in its paragraph', async ({
  page,
  server,
}) => {
  await selectFirstSentenceOfB7(page, server.url);
  await expect(page.locator('#b7')).toBeFocused();
  await page.keyboard.press('m');
  const editor = page.getByRole('dialog', { name: '新批注' });
  await expect(editor.getByRole('textbox', { name: '批注' })).toBeFocused();
  await page.keyboard.type('资金来源？');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  // Before, focus fell to the page: the next Tab went to 跳到正文 at the top, and v started over at the reading line.
  await expect(page.locator('#b7')).toBeFocused();
  await page.keyboard.press('v');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('m');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(page.locator('#b7')).toBeFocused();
});

test('Tab takes a keyboard selection into the toolbar, for the other colours; focus comes back to the text', async ({
  page,
  server,
}) => {
  const { first } = await selectFirstSentenceOfB7(page, server.url);
  const toolbar = page.getByRole('toolbar', { name: '批注工具' });
  // It comes a frame after the selection, as for a mouse selection.
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: '高亮：重点' })).toBeFocused();
  // Shift+Tab goes back to the words, still selected; Tab again into the toolbar.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#b7')).toBeFocused();
  expect(await selected(page)).toBe(first);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: '高亮：疑问' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => highlighted(page, 'annotation-c2')).toEqual([first]);
  await expect(toolbar).toHaveCount(0);
  await expect(page.locator('#b7')).toBeFocused();
});

test('the 快捷键 sheet and the empty 批注 panel tell of the keyboard selection and its keys', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: '快捷键' });
  const keysOf = (name: string) => sheet.getByRole('row', { name }).locator('kbd');
  await expect(keysOf('用键盘选择文字（Esc 取消）')).toHaveText(['v']);
  await expect(keysOf('选择下一句')).toHaveText(['→']);
  await expect(keysOf('选择上一句')).toHaveText(['←']);
  await expect(keysOf('选择范围延长一句')).toHaveText(['Ctrl+Shift+→']);
  await expect(keysOf('选择范围缩短一字')).toHaveText(['Shift+←']);
  await expect(keysOf('为所选文字写批注…')).toHaveText(['m']);
  await page.keyboard.press('Escape');
  // The empty 批注 panel, where a reader looks for how to start, names the key too.
  await page.keyboard.press('a');
  await expect(page.getByRole('region', { name: '批注' })).toContainText(
    '不用鼠标时，按 v 从正在读的段落选起',
  );
});
