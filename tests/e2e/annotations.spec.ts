/**
 * Highlights, notes and bookmarks in browser mode, against the real services
 * and a real data folder: what is on screen, and what is on disk after a restart.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, openReader, test } from './fixtures';
import { inputMethod } from './ime';
import { highlight } from './library-files';
import {
  blockText,
  highlighted,
  openNoteEditor,
  pointAt,
  select,
  writeNote,
} from './text-selection';

/**
 * Scrolls `block` to the top of the settled text and waits for the frame in
 * which the reading line's block is taken (reading-pane.ts): Ctrl+D's
 * paragraph when none has focus.
 */
async function readAt(page: Page, block: string): Promise<void> {
  // Scrolled before the layout settles, the block moves when the blocks above get their real
  // heights (seen under load on a full run): the paragraph read is then another one.
  await expect(page.locator('.report.settled')).toHaveCount(1);
  await page.evaluate(async (id) => {
    document.getElementById(id)!.scrollIntoView({ block: 'start' });
    for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
  }, block);
}

const DATA_FILE = join('reports', 'haishu-2018-government-work-report.json');

test('a selection becomes a coloured highlight that survives a restart', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b11');
  const start = text.indexOf('污水零直排');
  expect(start).toBeGreaterThan(4);
  await select(page, ['b11', start - 4], ['b11', start + 5]);
  const toolbar = page.getByRole('toolbar', { name: '批注工具' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: '高亮：疑问' }).click();
  const quote = text.slice(start - 4, start + 5);
  await expect.poll(() => highlighted(page, 'annotation-c2')).toEqual([quote]);
  await expect(toolbar).toBeHidden();

  const onDisk = JSON.parse(await readFile(join(server.dataDir, DATA_FILE), 'utf8'));
  expect(onDisk.schemaVersion).toBe(1);
  expect(onDisk.data.annotations).toHaveLength(1);
  expect(onDisk.data.annotations[0].target.quote.exact).toBe(quote);
  expect(onDisk.data.annotations[0].color).toBe('c2');

  await server.restart();
  await openReader(page, server.url);
  await expect.poll(() => highlighted(page, 'annotation-c2')).toEqual([quote]);
});

test('Ctrl+Shift+H highlights a selection across two paragraphs', async ({ page, server }) => {
  await openReader(page, server.url);
  const first = await blockText(page, 'b7');
  await select(page, ['b7', first.length - 6], ['b8', 6]);
  await page.keyboard.press('Control+Shift+H');
  const second = (await blockText(page, 'b8')).slice(0, 6);
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([first.slice(-6), second]);

  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  await expect(panel.locator('.annotation-item')).toHaveCount(1);
  await expect(panel.locator('.annotation-place').first()).toContainText('一第1段');
});

test('a note with tags: saved with Ctrl+Enter, shown as text, edited, deleted and undone', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b12');
  const editor = await openNoteEditor(page, 'b12', [10, 24]);
  await expect(editor).toBeVisible();
  const note = editor.getByRole('textbox', { name: '批注' });
  await expect(note).toBeFocused();
  await note.fill(
    '发言时问：<b>进度</b><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>',
  );
  await editor.getByRole('textbox', { name: '标签' }).fill('民生，预算 民生');
  await note.press('Control+Enter');
  await expect(editor).toBeHidden();

  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  const item = panel.locator('.annotation-item');
  await expect(item.locator('.annotation-note')).toHaveText(
    '发言时问：<b>进度</b><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>',
  );
  await expect(item.locator('.tag')).toHaveText(['#民生', '#预算']);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await expect(item.locator('b, img, script')).toHaveCount(0);
  expect(await highlighted(page, 'annotation-note')).toEqual([text.slice(10, 24)]);

  // Clicking the highlighted words opens the note for editing.
  const box = await pointAt(page, 'b12', 15);
  await page.mouse.click(box.x, box.y);
  const edit = page.getByRole('dialog', { name: '批注' });
  await expect(edit.getByRole('textbox', { name: '批注' })).toHaveValue(/发言时问/);
  await edit.getByRole('textbox', { name: '批注' }).fill('改过的批注');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(item.locator('.annotation-note')).toHaveText('改过的批注');

  // Delete, then 撤销; delete again, then Ctrl+Z.
  await item.getByRole('button', { name: '删除' }).click();
  await expect(panel.locator('.annotation-item')).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
  await expect(panel.locator('.annotation-item .annotation-note')).toHaveText('改过的批注');
  await panel.locator('.annotation-item').getByRole('button', { name: '删除' }).click();
  await expect(panel.locator('.annotation-item')).toHaveCount(0);
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+z');
  await expect(panel.locator('.annotation-item .annotation-note')).toHaveText('改过的批注');

  await server.restart();
  await openReader(page, server.url);
  await page.keyboard.press('a');
  await expect(
    page.getByRole('region', { name: '批注' }).locator('.annotation-item .annotation-note'),
  ).toHaveText('改过的批注');
});

test('Ctrl+D bookmarks the paragraph being read; renamed, listed, jumped to, removed', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await readAt(page, 'b31');
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-block="b31"][data-bookmarked]')).toHaveCount(1);

  await page.keyboard.press('b');
  const panel = page.getByRole('region', { name: '书签' });
  await expect(panel.locator('.bookmark-name')).toHaveText(['加快区块组团开发']);
  await expect(panel.locator('.bookmark-place')).toHaveText(['二（三）第2段']);
  await panel.getByRole('button', { name: '重命名' }).click();
  const name = panel.getByRole('textbox', { name: '书签名称' });
  await name.fill('周三发言：区块开发');
  await name.press('Enter');
  await expect(panel.locator('.bookmark-name')).toHaveText(['周三发言：区块开发']);

  await server.restart();
  await openReader(page, server.url);
  await page.keyboard.press('b');
  const reloaded = page.getByRole('region', { name: '书签' });
  await expect(reloaded.locator('.bookmark-name')).toHaveText(['周三发言：区块开发']);
  await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 0));
  await reloaded.getByRole('button', { name: /周三发言/ }).click();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const pane = document.getElementById('pane')!.getBoundingClientRect();
        const block = document.getElementById('b31')!.getBoundingClientRect();
        return block.top >= pane.top - 1 && block.top < pane.top + pane.height / 2;
      }),
    )
    .toBe(true);

  // Ctrl+D again on the same paragraph takes the bookmark away.
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-bookmarked]')).toHaveCount(0);
  await expect(reloaded.locator('.bookmark-item')).toHaveCount(0);
});

test('Ctrl+D bookmarks the paragraph in focus, as v selects in it, not the one at the top of the view', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await readAt(page, 'b31');
  await page.locator('#pane').focus();
  // Without a mouse: v selects in b31, at the top, and → goes on, sentence by sentence, into b32.
  await page.keyboard.press('v');
  const focusedBlock = () =>
    page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-block]')?.id);
  await expect.poll(focusedBlock).toBe('b31');
  for (let step = 0; step < 12 && (await focusedBlock()) === 'b31'; step++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect.poll(focusedBlock).toBe('b32');
  await expect(page.locator('#b32')).toBeInViewport();
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-bookmarked]')).toHaveCount(1);
  await expect(page.locator('[data-block="b32"][data-bookmarked]')).toHaveCount(1);
  // Focus out of the text (the 书签 panel): the paragraph at the top, as before.
  await page.keyboard.press('b');
  await page.getByRole('region', { name: '书签' }).locator('.bookmark-jump').first().focus();
  await readAt(page, 'b40');
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-block="b40"][data-bookmarked]')).toHaveCount(1);
});

test('Ctrl+D straight after a scroll bookmarks the paragraph now at the top, not the one scrolled away from', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await readAt(page, 'b31');
  await page.locator('#pane').focus();
  /** The paragraph at the top of the view once the scroll has settled, as the reader sees it. */
  const atTop = () =>
    page.evaluate(async () => {
      // PageDown is the browser's animated scroll: settled is three frames at one place.
      const pane = document.getElementById('pane')!;
      for (let still = 0, last = NaN, frames = 0; still < 3 && frames < 120; frames++) {
        await new Promise(requestAnimationFrame);
        still = pane.scrollTop === last ? still + 1 : 0;
        last = pane.scrollTop;
      }
      const line = document.getElementById('pane')!.getBoundingClientRect().top + 20;
      const blocks = [...document.querySelectorAll<HTMLElement>('#pane [data-block]')];
      return blocks.findLast((block) => block.getBoundingClientRect().top <= line)?.id;
    });
  const bookmarked = () =>
    page.locator('[data-bookmarked]').evaluateAll((elements) => elements.map((e) => e.id));
  // As a reader presses them: PageDown, then at once Ctrl+D, while the scroll is under way.
  // (Not before the browser has begun it: on a loaded machine its first step can come
  // frames after the key, later than any reader's next key.)
  const scrolling = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document
          .getElementById('pane')!
          .addEventListener('scroll', () => resolve(), { once: true }),
      ),
  );
  await page.keyboard.press('PageDown');
  await scrolling;
  await page.keyboard.press('Control+d');
  const first = await atTop();
  expect(first).not.toBe('b31');
  await expect.poll(bookmarked).toEqual([first]);
  // The same, with the key in the very task that scrolled (before any frame has seen the scroll):
  // before, the bookmark went to the paragraph of the last frame scrolled, the one above.
  await page.evaluate(() => {
    const pane = document.getElementById('pane')!;
    pane.scrollBy({ top: pane.clientHeight * 0.9 });
    pane.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'd', code: 'KeyD', ctrlKey: true, bubbles: true }),
    );
  });
  const second = await atTop();
  expect(second).not.toBe(first);
  await expect.poll(bookmarked).toEqual([first, second]);
});

test('deleting a bookmark or a note from its panel by keyboard leaves focus on the next one, then on the panel', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  for (const block of ['b31', 'b40']) {
    await readAt(page, block);
    await page.locator('#pane').focus();
    await page.keyboard.press('Control+d');
    await expect(page.locator(`[data-block="${block}"][data-bookmarked]`)).toHaveCount(1);
  }
  await page.keyboard.press('b');
  const bookmarks = page.getByRole('region', { name: '书签' });
  await bookmarks.getByRole('button', { name: '删除' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(bookmarks.locator('.bookmark-item')).toHaveCount(1);
  // Before, focus fell to the page: the next Tab went to 跳到正文, at the top.
  await expect(bookmarks.locator('.bookmark-jump')).toBeFocused();
  await bookmarks.getByRole('button', { name: '删除' }).focus();
  await page.keyboard.press('Enter');
  await expect(bookmarks.locator('.bookmark-item')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '书签' })).toBeFocused();

  await highlight(page, '加快区块组团开发');
  await highlight(page, '推动社会保障统筹提升');
  await page.keyboard.press('a');
  const notes = page.getByRole('region', { name: '批注' });
  await expect(notes.locator('.annotation-item')).toHaveCount(2);
  await notes.getByRole('button', { name: '删除' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(notes.locator('.annotation-item')).toHaveCount(1);
  await expect(notes.locator('.annotation-jump')).toBeFocused();
});

test('an annotation whose words left the report is kept under 未能定位', async ({
  page,
  server,
}) => {
  const now = new Date().toISOString();
  const orphan = {
    id: 'orphan-1',
    created: now,
    modified: now,
    color: 'c3',
    note: '这段在新版里被删了，但我的意见还在',
    tags: ['留存'],
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: '建设一座月球基地并开通星际航线',
        prefix: '',
        suffix: '',
      },
    },
  };
  await mkdir(join(server.dataDir, 'reports'), { recursive: true });
  await writeFile(
    join(server.dataDir, DATA_FILE),
    JSON.stringify({ schemaVersion: 1, data: { annotations: [orphan], bookmarks: [], terms: [] } }),
  );
  await server.restart();
  await openReader(page, server.url);
  await page.keyboard.press('a');
  const orphans = page.getByRole('region', { name: '未能定位' });
  await expect(orphans.locator('.annotation-quote')).toHaveText('建设一座月球基地并开通星际航线');
  await expect(orphans.locator('.annotation-note')).toHaveText(
    '这段在新版里被删了，但我的意见还在',
  );
  expect(await highlighted(page, 'annotation-c3')).toEqual([]);
});

test('export gives a 发言提纲; a bad import changes nothing; a Hypothesis-style import anchors', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b31');
  await select(page, ['b31', 0], ['b31', 12]);
  await page.keyboard.press('Control+Shift+H');
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([text.slice(0, 12)]);
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出发言提纲' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2018年海曙区政府工作报告-发言提纲.md');
  const markdown = await readFile((await file.path())!, 'utf8');
  expect(markdown).toContain('**二（三）第2段** · 重点');
  expect(markdown).toContain(`> ${text.slice(0, 12)}`);

  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: '导入…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"items":[{"type":"Annotation","target":{"selector":[]}}]}'),
  });
  await expect(page.getByRole('alert')).toContainText('导入失败，批注没有任何改动');
  await expect(panel.locator('.annotation-item')).toHaveCount(1);

  const hypothesis = {
    rows: [
      {
        id: 'https://hypothes.is/a/abc123',
        text: '同组代表的批注',
        tags: ['交流'],
        updated: '2026-11-20T08:00:00.000Z',
        target: [
          {
            source: 'https://example.org/report',
            selector: [{ type: 'TextQuoteSelector', exact: '污水零直排', prefix: '', suffix: '' }],
          },
        ],
      },
    ],
  };
  const again = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: '导入…' }).click();
  await (
    await again
  ).setFiles({
    name: 'hypothesis.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hypothesis)),
  });
  await expect(page.getByRole('status').filter({ hasText: '导入完成' })).toContainText(
    '导入完成：新增 1 条',
  );
  await expect(panel.locator('.annotation-item')).toHaveCount(2);
  await expect(panel.locator('.annotation-note')).toHaveText('同组代表的批注');
  await expect.poll(() => highlighted(page, 'annotation-c1')).toContain('污水零直排');
});

test('the 批注 panel by keyboard alone: filter, rename a colour, jump with Enter', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const b22 = await blockText(page, 'b22');
  const b35 = await blockText(page, 'b35');
  await select(page, ['b22', 0], ['b22', 8]);
  await page
    .getByRole('toolbar', { name: '批注工具' })
    .getByRole('button', { name: '高亮：疑问' })
    .click();
  await expect.poll(() => highlighted(page, 'annotation-c2')).toEqual([b22.slice(0, 8)]);
  await select(page, ['b35', 0], ['b35', 6]);
  await page
    .getByRole('toolbar', { name: '批注工具' })
    .getByRole('button', { name: '高亮：数据' })
    .click();
  await expect.poll(() => highlighted(page, 'annotation-c4')).toEqual([b35.slice(0, 6)]);

  await page.locator('#pane').focus();
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  const quotes = panel.locator('.annotation-item .annotation-quote');
  await expect(quotes).toHaveText([b22.slice(0, 8), b35.slice(0, 6)]);

  // Filter by colour, then by text, with the keyboard.
  await panel.getByRole('button', { name: '数据' }).focus();
  await page.keyboard.press('Enter');
  await expect(quotes).toHaveText([b35.slice(0, 6)]);
  await page.keyboard.press('Enter');
  await expect(quotes).toHaveCount(2);
  await panel.getByRole('searchbox', { name: '筛选批注' }).focus();
  await page.keyboard.type(b22.slice(2, 5));
  await expect(quotes).toHaveText([b22.slice(0, 8)]);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');

  // Rename 疑问 to 待核实; the name is a setting and survives a restart.
  await panel.getByText('颜色名称').click();
  const name = panel.getByRole('textbox', { name: '颜色 2 的名称' });
  await name.fill('待核实');
  await page.keyboard.press('Tab');
  await expect(panel.locator('.annotation-color-name').first()).toHaveText('待核实');

  // Tab to the second item's jump button and press Enter: the passage is scrolled to and marked.
  await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 0));
  await panel.getByRole('button', { name: new RegExp(`跳到二（四）第2段`) }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => highlighted(page, 'annotation-focus')).toEqual([b35.slice(0, 6)]);

  await server.restart();
  await openReader(page, server.url);
  await page.keyboard.press('a');
  await expect(
    page.getByRole('region', { name: '批注' }).locator('.annotation-color-name').first(),
  ).toHaveText('待核实');
});

test('a note typed through an input method is saved exactly as composed', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const editor = await openNoteEditor(page, 'b30', [0, 10]);
  const note = editor.getByRole('textbox', { name: '批注' });
  await expect(note).toBeFocused();
  const ime = await inputMethod(page);
  // Enter commits the composition in an IME; it must not save or close anything.
  await ime.type(['g', 'gu', 'gui', 'guihua'], '规划');
  await expect(editor).toBeVisible();
  await ime.type(['x', 'xian', 'xianxing'], '先行');
  await expect(note).toHaveValue('规划先行');
  await note.press('Control+Enter');
  await expect(editor).toBeHidden();
  await page.keyboard.press('a');
  await expect(page.getByRole('region', { name: '批注' }).locator('.annotation-note')).toHaveText(
    '规划先行',
  );
});

test('printing keeps the highlights and adds the notes after the report', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const text = await blockText(page, 'b33');
  await writeNote(page, 'b33', [0, 9], '会上追问：资金从哪里来？');
  await expect.poll(() => highlighted(page, 'annotation-c1')).toEqual([text.slice(0, 9)]);

  const printed = page.locator('.printed-notes');
  await expect(printed).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(printed.locator('.printed-place')).toHaveText('二（三）第4段 · 重点');
  await expect(printed.locator('blockquote')).toHaveText(text.slice(0, 9));
  await expect(printed.locator('.printed-note')).toHaveText('会上追问：资金从哪里来？');
  // The interface is not printed; the highlight still is.
  await expect(page.locator('.toolbar')).toBeHidden();
  expect(await highlighted(page, 'annotation-c1')).toEqual([text.slice(0, 9)]);
});

test('a bookmark renamed through an input method: the Enter that picks a word does not end it; Enter after does, and focus comes back to 重命名', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  // At the top of a report just opened, before any scroll: Ctrl+D still bookmarks where the reader is.
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-bookmarked]')).toHaveCount(1);
  await page.keyboard.press('b');
  const panel = page.getByRole('region', { name: '书签' });
  const rename = panel.getByRole('button', { name: '重命名' });
  await rename.focus();
  await page.keyboard.press('Enter');
  const name = panel.getByRole('textbox', { name: '书签名称' });
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+a');
  const ime = await inputMethod(page);
  await ime.compose(['f', 'fa', 'fayan']);
  // The input method's own Enter (it picks the word, or commits the letters): still renaming.
  await name.dispatchEvent('keydown', { key: 'Enter', isComposing: true });
  await name.dispatchEvent('keydown', { key: 'Escape', isComposing: true });
  await expect(name).toBeVisible();
  await ime.type(['fayan'], '发言要点');
  await page.keyboard.press('Enter');
  await expect(panel.locator('.bookmark-name')).toHaveText(['发言要点']);
  await expect(rename).toBeFocused();
  // Esc leaves the name as it was, and focus where renaming started.
  await page.keyboard.press('Enter');
  await page.keyboard.type('x');
  await page.keyboard.press('Escape');
  await expect(panel.locator('.bookmark-name')).toHaveText(['发言要点']);
  await expect(rename).toBeFocused();
});

test('the 批注 filter waits for an input method: pinyin being typed never empties the list', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await writeNote(page, 'b12', [10, 24], '民生实事');
  await writeNote(page, 'b20', [10, 24], '预算执行');
  await page.keyboard.press('a');
  const panel = page.getByRole('region', { name: '批注' });
  const notes = panel.locator('.annotation-item .annotation-note');
  await expect(notes).toHaveText(['民生实事', '预算执行']);
  await panel.getByRole('searchbox', { name: '筛选批注' }).focus();
  const ime = await inputMethod(page);
  await ime.compose(['m', 'min', 'minsheng']);
  await expect(panel).not.toContainText('没有符合筛选条件的批注');
  await expect(notes).toHaveText(['民生实事', '预算执行']);
  await ime.type(['minsheng'], '民生');
  await expect(notes).toHaveText(['民生实事']);
});

test('the note editor stays on screen when neither side of a long selection has room for it', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openReader(page, server.url);
  // A passage of six lines in the middle of the window: 300 px above it, 300 below.
  const text = await blockText(page, 'b7');
  const from = text.indexOf('一年来');
  const editor = await openNoteEditor(page, 'b7', [from, text.indexOf('。', from) + 1]);
  await expect(editor.getByRole('textbox', { name: '批注' })).toBeFocused();
  // Before, it hung below the words with 标签, 保存 and 取消 past the window's bottom
  // edge, or above them with the quote past its top.
  await expect(editor).toBeInViewport({ ratio: 1 });
  for (const control of [
    editor.getByRole('textbox', { name: '标签' }),
    editor.getByRole('button', { name: '保存' }),
    editor.getByRole('button', { name: '取消' }),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
});

test('a bookmark’s focus ring goes round its words, not through the place under them', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+d');
  await page.keyboard.press('b');
  const jump = page.locator('.bookmark-jump');
  await jump.focus();
  // The ring is 2 px drawn inside the button (sidebar.css): the words must lie inside it.
  const gaps = await jump.evaluate((button) => {
    const outer = button.getBoundingClientRect();
    const words = [...button.children].map((child) => child.getBoundingClientRect());
    return {
      left: Math.min(...words.map((box) => box.left - outer.left)),
      top: words[0].top - outer.top,
      bottom: outer.bottom - words[words.length - 1].bottom,
      ring: getComputedStyle(button).outlineWidth,
    };
  });
  expect(gaps.ring).toBe('2px');
  expect(gaps.left).toBeGreaterThanOrEqual(2);
  expect(gaps.top).toBeGreaterThanOrEqual(2);
  expect(gaps.bottom).toBeGreaterThanOrEqual(2);
});

/** A box's edges on screen. */
const edges = (locator: import('@playwright/test').Locator) =>
  locator.evaluate((element) => {
    const { left, right, top, bottom } = element.getBoundingClientRect();
    return { left, right, top, bottom };
  });

test('at 800 px the selection toolbar and the note editor stay in the pane: the search bar and an open sidebar stay in sight', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openReader(page, server.url);
  const search = page.locator('#search-box');
  await search.fill('发展');
  await search.press('Enter');
  const status = page.locator('.search-status');
  await expect(status).toHaveText(/^第 1\/\d+ 处$/u);
  // A whole paragraph taller than the window: no room above or below it.
  await select(page, ['b12', 0], ['b12', (await blockText(page, 'b12')).length]);
  await page.evaluate(() => document.getElementById('b12')!.scrollIntoView({ block: 'start' }));
  const toolbar = page.getByRole('toolbar', { name: '批注工具' });
  await expect(toolbar).toBeVisible();
  const bar = await edges(page.locator('.toolbar'));
  // Before, the toolbar was shifted up over the search box and its 第 k/N 处.
  await expect.poll(async () => (await edges(toolbar)).top).toBeGreaterThanOrEqual(bar.bottom);
  const hit = async (locator: import('@playwright/test').Locator) => {
    const box = (await locator.boundingBox())!;
    return locator.evaluate(
      (element, [x, y]) => element.contains(document.elementFromPoint(x, y)),
      [box.x + box.width / 2, box.y + box.height / 2] as const,
    );
  };
  expect(await hit(search)).toBe(true);
  expect(await hit(status)).toBe(true);
  await toolbar.getByRole('button', { name: '批注…' }).click();
  const editor = page.getByRole('dialog', { name: '新批注' });
  await expect(editor).toBeInViewport({ ratio: 1 });
  expect((await edges(editor)).top).toBeGreaterThanOrEqual(bar.bottom);
  expect(await hit(search)).toBe(true);
  expect(await hit(status)).toBe(true);
  await editor.getByRole('button', { name: '取消' }).click();

  // The 目录 lies over the text at 800 px: the boxes keep beside it, not over its tabs.
  await page.getByRole('button', { name: /目录/ }).first().click();
  const sidebar = await edges(page.locator('#sidebar'));
  expect(sidebar.right).toBeGreaterThan(0);
  await select(page, ['b12', 0], ['b12', (await blockText(page, 'b12')).length]);
  await expect(toolbar).toBeVisible();
  await expect.poll(async () => (await edges(toolbar)).left).toBeGreaterThanOrEqual(sidebar.right);
  expect((await edges(toolbar)).right).toBeLessThanOrEqual(800);
  await toolbar.getByRole('button', { name: '批注…' }).click();
  await expect(editor).toBeInViewport({ ratio: 1 });
  expect((await edges(editor)).left).toBeGreaterThanOrEqual(sidebar.right);
  // The editor holds focus (its dialog hides the rest from the accessibility tree): found by class.
  expect(await hit(page.locator('.sidebar-tab').first())).toBe(true);
});

test('at 800 px beside the 目录, the boxes over the text take their widths from the stylesheet, capped by the room: never an inline width', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openReader(page, server.url);
  await page.getByRole('button', { name: /目录/ }).first().click();
  const sidebar = await edges(page.locator('#sidebar'));
  expect(sidebar.right).toBeGreaterThan(0);
  // The room beside the 目录, less FloatingBox's 8 px from each edge.
  const room = 800 - sidebar.right - 16;
  /** The box's width, and the max-width set on it inline (the stylesheet's to decide: none). */
  const measure = (locator: import('@playwright/test').Locator) =>
    locator.evaluate((element: HTMLElement) => ({
      ...element.getBoundingClientRect().toJSON(),
      inline: element.style.maxWidth,
      overflows: element.scrollWidth > element.clientWidth,
    }));

  await select(page, ['b31', 0], ['b31', 30]);
  const toolbar = page.getByRole('toolbar', { name: '批注工具' });
  await expect(toolbar).toBeVisible();
  await expect.poll(async () => (await edges(toolbar)).left).toBeGreaterThanOrEqual(sidebar.right);
  const bar = await measure(toolbar);
  // Before, FloatingBox set the room as an inline max-width, which replaced annotations.css's.
  expect(bar.inline).toBe('');
  expect(bar.width).toBeLessThanOrEqual(room + 0.5);
  expect(bar.right).toBeLessThanOrEqual(792.5);
  expect(bar.overflows).toBe(false);

  await toolbar.getByRole('button', { name: '批注…' }).click();
  const editor = page.getByRole('dialog', { name: '新批注' });
  await expect(editor).toBeInViewport({ ratio: 1 });
  const box = await measure(editor);
  expect(box.inline).toBe('');
  // annotations.css's 360 px, which the room beside the 目录 holds.
  expect(box.width).toBeCloseTo(Math.min(360, room), 0);
  expect(box.left).toBeGreaterThanOrEqual(sidebar.right);
  expect(box.overflows).toBe(false);
  await editor.getByRole('button', { name: '取消' }).click();

  // A glossary popover, placed by the same rule: glossary.css's 24em column, in the room.
  const term = page.locator('article.report [data-glossary]', { hasText: '创新券' });
  // Focused (the term may lie under the 目录, where a click cannot reach it).
  await term.focus();
  // After mouse clicks focus is not shown, and focus alone does not open it: Enter does.
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: '创新券' });
  await expect(popover).toBeVisible();
  const shown = await measure(popover);
  expect(shown.inline).toBe('');
  expect(shown.width).toBeLessThanOrEqual(Math.min(24 * 14, room) + 0.5);
  expect(shown.left).toBeGreaterThanOrEqual(sidebar.right + 8 - 0.5);
  expect(shown.right).toBeLessThanOrEqual(792.5);
});
