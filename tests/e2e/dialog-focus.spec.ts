/**
 * Every modal dialog keeps focus inside, as the WAI-ARIA APG dialog pattern
 * has it: Tab from the last control goes to the first, Shift+Tab from the
 * first to the last, Esc closes, and focus goes back where it came from.
 */
import type { Locator, Page } from '@playwright/test';
import { RAW, revise } from '../unit/editions/fixtures';
import { expect, openReader, test } from './fixtures';
import { addByChooser } from './library-files';

test.describe.configure({ timeout: 90_000 });

const TITLE = '2018年海曙区政府工作报告';

/** The dialog's controls in Tab order, each marked so the test can find it again. */
async function stops(dialog: Locator): Promise<string[]> {
  return dialog.evaluate((element) => {
    const found = [
      ...element.querySelectorAll<HTMLElement>(
        'button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea:not([disabled]), a[href], [tabindex="0"]',
      ),
    ].filter((control) => control.getClientRects().length > 0);
    return found.map((control, index) => {
      control.dataset.stop = String(index);
      return String(index);
    });
  });
}

const focusedStop = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.stop ?? 'outside');

/** Tab goes round: from the last control to the first, and Shift+Tab back from the first to the last. */
async function expectTabWraps(page: Page, dialog: Locator): Promise<void> {
  const order = await stops(dialog);
  expect(order.length).toBeGreaterThan(0);
  const first = order[0];
  const last = order.at(-1)!;
  await dialog.locator(`[data-stop="${last}"]`).focus();
  await page.keyboard.press('Tab');
  expect(await focusedStop(page)).toBe(first);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedStop(page)).toBe(last);
  // And all the way round with Tab alone, never leaving it.
  for (let press = 0; press < order.length; press++) {
    await page.keyboard.press('Tab');
    expect(await focusedStop(page)).not.toBe('outside');
  }
  expect(await focusedStop(page)).toBe(last);
}

test('the edition question and 选择对照的版本: Tab wraps inside, Esc closes, focus goes back', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await addByChooser(page, '终稿.txt', new TextEncoder().encode(revise(RAW)));
  const offer = page.getByRole('dialog', { name: `这是《${TITLE}》的新版本吗？` });
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await expectTabWraps(page, offer);
  await offer.getByRole('button', { name: '作为新版本加入' }).click();

  const panel = page.getByRole('region', { name: '修订对照' });
  await expect(panel).toBeVisible({ timeout: 20_000 });
  const opener = panel.getByRole('button', { name: /换版本|选择对照的版本/ });
  await opener.click();
  const chooser = page.getByRole('dialog', { name: '选择对照的版本' });
  await expect(chooser).toBeVisible();
  await expectTabWraps(page, chooser);
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('the 快捷键 sheet and 添加我的注释: Tab wraps inside, Esc closes, focus goes back to the text', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const pane = page.locator('#pane');
  await pane.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: '快捷键' });
  await expect(sheet).toBeVisible();
  await expectTabWraps(page, sheet);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(pane).toBeFocused();

  await page.keyboard.press('d');
  const term = page.getByRole('dialog', { name: '添加我的注释' });
  await expect(term).toBeVisible();
  await expectTabWraps(page, term);
  await page.keyboard.press('Escape');
  await expect(term).toHaveCount(0);
  await expect(pane).toBeFocused();
});
