/**
 * 已作为…新版本加入 is news of the moment an edition is added: said once,
 * then gone once an earlier edition is on screen, and not said again when the
 * reader goes back to the current one.
 */
import type { Page } from '@playwright/test';
import { RAW, revise } from '../unit/editions/fixtures';
import { expect, openReader, test } from './fixtures';
import { addByChooser } from './library-files';

test.describe.configure({ timeout: 90_000 });

const TITLE = '2018年海曙区政府工作报告';
const shownEdition = (page: Page) => page.evaluate(() => document.documentElement.dataset.edition);

test('已作为…新版本加入 is said when the edition is added, not again when it is reopened from an earlier one', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const first = (await shownEdition(page))!;
  await addByChooser(page, '终稿.txt', new TextEncoder().encode(revise(RAW)));
  const offer = page.getByRole('dialog', { name: `这是《${TITLE}》的新版本吗？` });
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect.poll(() => shownEdition(page), { timeout: 20_000 }).not.toBe(first);
  const second = (await shownEdition(page))!;
  const notice = page.getByRole('status').filter({ hasText: '新版本加入' });
  await expect(notice).toContainText(`已作为《${TITLE}》的新版本加入`);

  await page.keyboard.press('l');
  const row = page.locator('.library .shelf-row', { hasText: TITLE });
  await row.getByRole('button', { name: `《${TITLE}》的 2 个版本` }).click();
  await row.getByRole('button', { name: '阅读第 1 版（只读）' }).click();
  await expect.poll(() => shownEdition(page), { timeout: 20_000 }).toBe(first);
  await expect(page.locator('.earlier-edition')).toContainText('正在查看较早的版本');
  await expect(notice).toHaveCount(0);

  await page.getByRole('button', { name: '回到当前版本' }).click();
  await expect.poll(() => shownEdition(page)).toBe(second);
  await expect(page.locator('.earlier-edition')).toHaveCount(0);
  await expect(notice).toHaveCount(0);
});
