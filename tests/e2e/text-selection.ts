/** Selecting the report's text as a reader's drag would, and reading back what is highlighted. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Selects text the way a drag would, from (block, offset) to (block, offset) in block text. */
export async function select(page: Page, from: [string, number], to: [string, number]) {
  // Until the layout is settled (when the browser is first idle), off-screen
  // blocks have estimated heights: a selection scrolled to before then can be
  // carried off screen when they are measured, and its toolbar hides with it.
  await expect(page.locator('.report.settled')).toHaveCount(1);
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

export function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (highlight) => [...(CSS.highlights.get(highlight) ?? [])].map((range) => range.toString()),
    name,
  );
}

export const blockText = (page: Page, id: string) =>
  page.evaluate((block) => document.getElementById(block)!.textContent!, id);

/** Selects [from, to) of a block and opens 批注… on it; answers the editor. */
export async function openNoteEditor(page: Page, block: string, [from, to]: [number, number]) {
  await select(page, [block, from], [block, to]);
  await page
    .getByRole('toolbar', { name: '批注工具' })
    .getByRole('button', { name: '批注…' })
    .click();
  return page.getByRole('dialog', { name: '新批注' });
}

/** Writes a note on [from, to) of a block and saves it with Ctrl+Enter. */
export async function writeNote(
  page: Page,
  block: string,
  range: [number, number],
  words: string,
): Promise<void> {
  const editor = await openNoteEditor(page, block, range);
  const note = editor.getByRole('textbox', { name: '批注' });
  await note.fill(words);
  await note.press('Control+Enter');
  await expect(editor).toHaveCount(0);
}

/** Where the character at `offset` of a block's text is on screen (its centre), scrolled into view. */
export async function pointAt(page: Page, block: string, offset: number) {
  return page.evaluate(
    ([id, at]) => {
      const element = document.getElementById(id)!;
      element.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (at < seen + length) {
          const range = document.createRange();
          range.setStart(node, at - seen);
          range.setEnd(node, at - seen + 1);
          const rect = range.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
        seen += length;
      }
      throw new Error(`offset ${at} past the end of ${id}`);
    },
    [block, offset] as const,
  );
}
