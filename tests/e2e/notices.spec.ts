/**
 * Notices come in two kinds. News (a report already on the shelf, opened for
 * you; a file exported) is a calm, polite status; a failure (a file that is
 * not a report) is an alert, in red. In every theme, at 1366 and 800 px.
 */
import type { Locator, Page } from '@playwright/test';
import { reportText } from '../unit/report/helpers';
import { chooseTheme, expect, openReader, test } from './fixtures';
import { addByChooser } from './library-files';
import { ERROR_MESSAGES } from '../../src/core/formats/errors';

const AGAIN = '《2018年海曙区政府工作报告》已在书架上，已为你打开。';
const EMPTY = `“空白.txt”没有加入书架：${ERROR_MESSAGES.empty}`;

/** The notice's band colour as [r, g, b]. */
const background = (notice: Locator) =>
  notice.evaluate((element) =>
    getComputedStyle(element)
      .backgroundColor.match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number),
  );
/** How much redder than green a colour is: an error's band is, news' is not. */
const redness = ([r, g]: number[]) => r - g;

async function noticesOfBothKinds(page: Page) {
  await addByChooser(page, '海曙.txt', new TextEncoder().encode(reportText()));
  const news = page.getByRole('status').filter({ hasText: AGAIN });
  await expect(news).toHaveText(`${AGAIN}知道了`, { timeout: 20_000 });
  await expect(news).toHaveAttribute('aria-live', 'polite');
  // News alone raises no alert.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await addByChooser(page, '空白.txt', new Uint8Array(0));
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(`${EMPTY}知道了`, { timeout: 20_000 });
  // The news is still a status, not pulled into the alert.
  await expect(alert).not.toContainText('已在书架上');
  await expect(news).toContainText(AGAIN);
  return { news: news.locator('.notice'), error: alert.locator('.notice') };
}

test('a report already on the shelf is told as a status, a bad file as an alert', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const { news, error } = await noticesOfBothKinds(page);
  await expect(news).toHaveClass(/notice-info/);
  await expect(error).toHaveClass(/notice-error/);
  // The alert comes first, above the news.
  const [errorBox, newsBox] = [(await error.boundingBox())!, (await news.boundingBox())!];
  expect(errorBox.y).toBeLessThan(newsBox.y);
  // Dismissing the error leaves the news, still a status; then nothing is left.
  await error.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(news).toHaveText(`${AGAIN}知道了`);
  await news.getByRole('button', { name: '知道了' }).click();
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect(page.locator('#pane')).toBeFocused();
});

for (const theme of ['明亮', '护眼', '夜间']) {
  for (const width of [1366, 800]) {
    test(`news is calm and errors are red in the ${theme} theme at ${width} px`, async ({
      page,
      server,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 700 });
      await openReader(page, server.url);
      await chooseTheme(page, theme);
      const { news, error } = await noticesOfBothKinds(page);
      const [newsBand, errorBand] = [await background(news), await background(error)];
      expect(newsBand).not.toEqual(errorBand);
      expect(redness(errorBand)).toBeGreaterThan(redness(newsBand) + 10);
      // The text reads on its band: not the page's muted grey on grey.
      await expect(news.locator('span')).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`notices-${width}.png`) });
    });
  }
}
