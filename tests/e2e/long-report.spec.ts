/**
 * A long report (twenty copies of the bundled text, some 1,600 paragraphs),
 * where until the layout is settled off-screen paragraphs have estimated
 * heights (reading.css): every place the reader is taken to must still land
 * exactly, and stay put once the layout settles: a jump to a bookmark (after
 * the font size changed too), a search hit, the reading position restored
 * after a reload, and a change of 修订对照; the redline marks every copy's
 * changes, the far ones too; and print lays out every paragraph.
 */
import type { Page } from '@playwright/test';
import { INSERTED, RAW, revise } from '../unit/editions/fixtures';
import { expect, openReader, test } from './fixtures';
import { addByChooser, waitForOtherReport } from './library-files';
import { highlighted } from './text-selection';

test.describe.configure({ timeout: 120_000 });

const COPIES = 20;
/** Where a jump puts the top of the block it lands on, below the pane's top (scroll.ts's LANDING). */
const LANDING = 12;

/** The text twenty times over; the last copy says 北仑 where the others say 江北, so a search finds only it. */
function longText(raw: string): Uint8Array {
  const copies = Array.from({ length: COPIES }, (_, index) =>
    raw.replace(/海曙/g, index === COPIES - 1 ? '北仑' : '江北'),
  );
  return new TextEncoder().encode(copies.join('\n'));
}

async function openLongReport(page: Page, url: string): Promise<void> {
  await openReader(page, url);
  const bundled = await page.evaluate(() => document.documentElement.dataset.report!);
  await addByChooser(page, '江北二十倍.txt', longText(RAW));
  await waitForOtherReport(page, bundled);
  expect(await page.locator('.report-part > [data-block]').count()).toBeGreaterThan(1000);
}

/** Waits until the layout is settled and two more frames are drawn: whatever would drift has drifted. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.report.settled')).toHaveCount(1);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Distance from the pane's top to the top of the element, in px. */
const topInPane = (page: Page, selector: string, index: number) =>
  page.evaluate(
    ([css, at]) => {
      const pane = document.querySelector('main.pane')!;
      const element =
        document.querySelectorAll(css)[at < 0 ? document.querySelectorAll(css).length + at : at];
      return element.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    },
    [selector, index] as const,
  );

/** Distance from the pane's top to the top of the block, in px. */
const blockTop = (page: Page, id: string) => topInPane(page, `[id="${id}"]`, 0);

/** Lands exactly `LANDING` px below the pane's top (give or take a pixel's rounding), and stays there. */
async function landsAndStays(page: Page, id: string): Promise<void> {
  await expect.poll(async () => Math.abs((await blockTop(page, id)) - LANDING)).toBeLessThan(1.5);
  await settled(page);
  expect(Math.abs((await blockTop(page, id)) - LANDING)).toBeLessThan(1.5);
}

test('in a long report a jump to a bookmark, a search hit and the restored reading position land exactly, and stay', async ({
  page,
  server,
}) => {
  await openLongReport(page, server.url);
  await settled(page);
  // Print lays out every paragraph, none skipped at an estimated height, even before the
  // layout is settled (the class is taken off here to see that).
  const visibilities = () =>
    page.evaluate(() => {
      const seen = new Set<string>();
      for (const element of document.querySelectorAll('.report-part > [data-block]')) {
        seen.add(getComputedStyle(element).contentVisibility);
      }
      return [...seen].sort();
    });
  await page.evaluate(() => document.querySelector('.report')!.classList.remove('settled'));
  expect(await visibilities()).toEqual(['auto']);
  await page.emulateMedia({ media: 'print' });
  expect(await visibilities()).toEqual(['visible']);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.querySelector('.report')!.classList.add('settled'));

  // A bookmark on a paragraph near the end, jumped to from the top: it lands exactly, and stays.
  const far = await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.report-part > p.paragraph')];
    const paragraph = paragraphs[Math.floor(paragraphs.length * 0.93)];
    paragraph.scrollIntoView({ block: 'start' });
    return paragraph.id;
  });
  await page.locator('#pane').focus();
  await page.keyboard.press('Control+d');
  await expect(page.locator(`[data-block="${far}"][data-bookmarked]`)).toHaveCount(1);
  const jumpToBookmark = async () => {
    await page.locator('main.pane').evaluate((pane) => pane.scrollTo(0, 0));
    await settled(page);
    const bookmarks = page.getByRole('region', { name: '书签' });
    if (!(await bookmarks.isVisible())) await page.keyboard.press('b');
    await bookmarks.locator('.bookmark-name').first().click();
    await expect(page.locator(`[id="${far}"]`)).toBeFocused();
    await landsAndStays(page, far);
  };
  await jumpToBookmark();

  // A bigger type: every paragraph's size changes, the far ones' too; the jump is as exact.
  await page.getByRole('button', { name: '增大字号' }).click();
  await page.getByRole('button', { name: '增大字号' }).click();
  await expect(page.getByLabel('当前字号')).toHaveText('22');
  await settled(page);
  await jumpToBookmark();

  // Back to the top, then to the very end with the keyboard: the last paragraph is in view.
  await page.locator('#pane').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await settled(page);
  await expect(page.locator('.report-part > [data-block]').last()).toBeInViewport();

  // A search hit in the last copy only: scrolled to a third of the way down, and it stays there.
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('北仑');
  await expect(page.locator('.search-status')).toContainText('共');
  await page.locator('main.pane').evaluate((pane) => pane.scrollTo(0, 0));
  await box.press('Enter');
  await expect.poll(() => highlighted(page, 'search-current')).toEqual(['北仑']);
  const hitTop = () =>
    page.evaluate(() => {
      const pane = document.querySelector('main.pane')!.getBoundingClientRect();
      const [range] = CSS.highlights.get('search-current')!;
      return ((range as Range).getBoundingClientRect().top - pane.top) / pane.height;
    });
  const landed = await hitTop();
  expect(landed).toBeGreaterThan(0.15);
  expect(landed).toBeLessThan(0.85);
  await settled(page);
  expect(await hitTop()).toBeCloseTo(landed, 3);
  await page.keyboard.press('Escape');

  // Read on by hand, deep in the text, into a long paragraph; after a reload the same line is at the same place.
  const readingId = await page.evaluate(() => {
    const pane = document.querySelector('main.pane')!;
    const top = pane.getBoundingClientRect().top;
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.report-part > p.paragraph')];
    const paragraph = paragraphs
      .slice(Math.floor(paragraphs.length * 0.85))
      .find((element) => element.offsetHeight > 150)!;
    pane.scrollBy(0, paragraph.getBoundingClientRect().top - top + 77);
    return paragraph.id;
  });
  const before = await topInPane(page, `[id="${readingId}"]`, 0);
  await page.waitForTimeout(600); // the position is saved 400 ms after the last scroll
  await page.reload();
  await expect(page.locator('.report-part > [data-block]').nth(1000)).toBeAttached();
  await expect.poll(() => topInPane(page, `[id="${readingId}"]`, 0)).toBeCloseTo(before, 0);
  await settled(page);
  expect(await topInPane(page, `[id="${readingId}"]`, 0)).toBeCloseTo(before, 0);
});

test('in a long report the redline marks every copy’s changes, and a change stepped to lands in view', async ({
  page,
  server,
}) => {
  await openLongReport(page, server.url);
  await addByChooser(page, '江北二十倍终稿.txt', longText(revise(RAW)));
  const offer = page.getByRole('dialog', { name: /新版本吗/ });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: '修订对照' });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await settled(page);

  // `,` from the text steps back to the last change: in the last copy, marked and in view.
  await page.locator('#pane').focus();
  await page.keyboard.press(',');
  await expect(panel.locator('.edition-position')).toHaveText(/^第 (\d+)\/\1 处$/);
  await expect.poll(async () => (await highlighted(page, 'edition-current')).length).toBe(1);
  const currentInView = () =>
    page.evaluate(() => {
      const pane = document.querySelector('main.pane')!.getBoundingClientRect();
      const [range] = CSS.highlights.get('edition-current')!;
      const box = (range as Range).getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    });
  expect(await currentInView()).toBe(true);
  await settled(page);
  expect(await currentInView()).toBe(true);

  // Shift+R: the words put in are marked in every copy, the far ones too, and each changed paragraph.
  await page.keyboard.press('Shift+R');
  await expect(page.locator('.report [data-redline~="inserted"]')).toHaveCount(COPIES);
  const added = await highlighted(page, 'edition-added');
  expect(added.filter((text) => text === INSERTED)).toHaveLength(COPIES);
  const lastInserted = page.locator('.report [data-redline~="inserted"]').last();
  await lastInserted.scrollIntoViewIfNeeded();
  await expect(lastInserted).toBeInViewport();
  await expect(lastInserted).toHaveCSS('border-image-source', /gradient/);
  await page.keyboard.press('Shift+R');
  await expect(page.locator('.report [data-redline]')).toHaveCount(0);
  expect(await highlighted(page, 'edition-added')).toEqual([]);
});
