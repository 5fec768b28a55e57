/**
 * A glossary popover keeps to the reading pane, as the selection toolbar
 * does: in an 800 px window with the sidebar open over the text, it opens
 * beside the sidebar, never over its 目录, nor over the toolbar's search box.
 */
import { expect, openReader, test } from './fixtures';

test('at 800 px with the sidebar open, a term’s popover stays in the text beside it', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openReader(page, server.url);
  await expect(page.locator('.report.settled')).toHaveCount(1);
  await page.locator('[data-command="toc.toggle"]').click();
  const sidebar = page.locator('#sidebar');
  await expect(page.getByRole('tablist', { name: '侧栏' })).toBeVisible();
  // The first term, half under the sidebar, in the middle of the window.
  const term = page.locator('main.pane .term').first();
  await page.evaluate(() => {
    const pane = document.querySelector('main.pane')!;
    const first = pane.querySelector('.term')!;
    pane.scrollTop += first.getBoundingClientRect().top - 300;
  });
  const side = (await sidebar.boundingBox())!;
  const at = (await term.boundingBox())!;
  expect(at.x).toBeLessThan(side.x + side.width);
  expect(at.x + at.width).toBeGreaterThan(side.x + side.width + 10);
  await page.mouse.click(at.x + at.width - 8, at.y + at.height / 2);

  const popover = page.locator('.glossary-popover');
  await expect(popover).toBeVisible();
  await expect
    .poll(async () => {
      const box = (await popover.boundingBox())!;
      return box.x >= side.x + side.width;
    })
    .toBe(true);
  const box = (await popover.boundingBox())!;
  const pane = (await page.locator('main.pane').boundingBox())!;
  // Not over the toolbar either, and all of it in the window.
  expect(box.y).toBeGreaterThanOrEqual(pane.y);
  expect(box.x + box.width).toBeLessThanOrEqual(800);
  expect(box.y + box.height).toBeLessThanOrEqual(600);
  // Off the term, whose words stay readable.
  expect(box.y >= at.y + at.height || box.y + box.height <= at.y).toBe(true);
  await page.screenshot({ path: test.info().outputPath('glossary-800-sidebar.png') });
});
