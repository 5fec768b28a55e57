/**
 * Until the browser is idle after start, off-screen paragraphs have estimated
 * heights (reading.css); then the layout settles (scroll.ts). What the reader
 * is looking at must not move when it does: here the idle moment is held back
 * so the reader can get far into the text first, as a reader on a busy
 * machine can.
 */
import type { Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';

const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

/** Holds every idle callback until `release` is called: the layout stays unsettled till then. */
async function holdIdle(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const held: (() => void)[] = [];
    let released = false;
    window.requestIdleCallback = (run) => {
      const call = () => run({ didTimeout: false, timeRemaining: () => 50 });
      if (released) setTimeout(call);
      else held.push(call);
      return 0;
    };
    Object.assign(window, {
      releaseIdle() {
        released = true;
        held.splice(0).forEach((call) => setTimeout(call));
      },
    });
  });
  return async () => {
    await page.evaluate(() => (window as unknown as { releaseIdle(): void }).releaseIdle());
    await expect(page.locator('.report.settled')).toHaveCount(1);
    // Two frames more: whatever would drift has drifted.
    await twoFrames(page);
  };
}

/** The first block not wholly above the pane's top, and how far below that top it starts. */
const topBlock = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('main.pane')!.getBoundingClientRect();
    const block = [...document.querySelectorAll('.report > [data-block]')].find(
      (candidate) => candidate.getBoundingClientRect().bottom > pane.top,
    )!;
    return { id: block.id, top: block.getBoundingClientRect().top - pane.top };
  });

test('a reader who dragged the scrollbar before the layout settled keeps the same text in view when it does', async ({
  page,
  server,
}) => {
  const settle = await holdIdle(page);
  await openReader(page, server.url);
  await expect(page.locator('.report:not(.settled)')).toHaveCount(1);
  // As a drag of the scrollbar does: straight to 60% down, past paragraphs never laid out.
  await page.locator('main.pane').evaluate((pane) => (pane.scrollTop = pane.scrollHeight * 0.6));
  await twoFrames(page);
  const before = await topBlock(page);
  await settle();
  // Before, the text jumped some 800 px here.
  const after = await topBlock(page);
  expect(after.id).toBe(before.id);
  expect(Math.abs(after.top - before.top)).toBeLessThan(1.5);
});

test('a term focused far down before the layout settled stays in view with its popover when it does', async ({
  page,
  server,
}) => {
  const settle = await holdIdle(page);
  await openReader(page, server.url);
  const last = page.locator('article.report [data-glossary]', { hasText: '两强三提高' });
  await last.focus();
  await expect(last).toBeInViewport();
  await settle();
  // Before, the term went some 1,600 px down, out of sight, and its popover was hidden with it.
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(page.getByRole('dialog', { name: '两强三提高' })).toBeVisible();
});
