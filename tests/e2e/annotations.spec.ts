/**
 * Highlights, notes and bookmarks in browser mode, against the real services
 * and a real data folder: what is on screen, and what is on disk after a restart.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, openReader, test } from './fixtures';

const DATA_FILE = join('reports', 'haishu-2018-government-work-report.json');

/** Selects text the way a drag would, from (block, offset) to (block, offset) in block text. */
async function select(page: Page, from: [string, number], to: [string, number]) {
  await page.evaluate(
    ([[startBlock, startOffset], [endBlock, endOffset]]) => {
      const point = (id: string, offset: number): [Node, number] => {
        const block = document.querySelector(`[data-block="${id}"]`)!;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (offset <= seen + length) return [node, offset - seen];
          seen += length;
        }
        throw new Error(`offset ${offset} past the end of ${id}`);
      };
      const [startNode, startAt] = point(startBlock, startOffset);
      const [endNode, endAt] = point(endBlock, endOffset);
      document.getElementById(startBlock)!.scrollIntoView({ block: 'center' });
      window.getSelection()!.setBaseAndExtent(startNode, startAt, endNode, endAt);
    },
    [from, to] as const,
  );
}

function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (highlight) => [...(CSS.highlights.get(highlight) ?? [])].map((range) => range.toString()),
    name,
  );
}

const blockText = (page: Page, id: string) =>
  page.evaluate((block) => document.getElementById(block)!.textContent!, id);

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
  await select(page, ['b12', 10], ['b12', 24]);
  await page
    .getByRole('toolbar', { name: '批注工具' })
    .getByRole('button', { name: '批注…' })
    .click();
  const editor = page.getByRole('dialog', { name: '新批注' });
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
  const box = await page.evaluate(() => {
    const block = document.getElementById('b12')!;
    const range = document.createRange();
    const node = block.querySelector('.run-in')?.nextSibling ?? block.firstChild!;
    void node;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const length = n.textContent!.length;
      if (15 < seen + length) {
        range.setStart(n, 15 - seen);
        range.setEnd(n, 16 - seen);
        break;
      }
      seen += length;
    }
    const rect = range.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
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
