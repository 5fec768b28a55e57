/** What the paper gets: the page's passing states of the screen stay off it. */
import { expect, openReader, test } from './fixtures';

test('the focus ring of the text or of a paragraph is not printed', async ({ page, server }) => {
  await openReader(page, server.url);
  // By the keyboard, as a reader without a mouse gets to the text: the ring shows on screen.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await page.keyboard.press('Enter');
  const pane = page.locator('#pane');
  await expect(pane).toBeFocused();
  const ring = (selector: string) =>
    page.locator(selector).evaluate((element) => ({
      visible: element.matches(':focus-visible'),
      outline: getComputedStyle(element).outlineStyle,
    }));
  expect(await ring('#pane')).toEqual({ visible: true, outline: 'solid' });
  await page.emulateMedia({ media: 'print' });
  // Before, a blue frame ran down both sides of every page.
  expect(await ring('#pane')).toEqual({ visible: true, outline: 'none' });

  await page.emulateMedia({ media: 'screen' });
  const paragraph = page.locator('[data-block="b8"]');
  await paragraph.focus();
  expect(await ring('[data-block="b8"]')).toEqual({ visible: true, outline: 'solid' });
  await page.emulateMedia({ media: 'print' });
  expect(await ring('[data-block="b8"]')).toEqual({ visible: true, outline: 'none' });
});
