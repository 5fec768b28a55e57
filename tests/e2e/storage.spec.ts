/**
 * Where the reader sees issue 17's guarantees: the banner of a window that may
 * only read (another reader holds the folder, the folder is read-only), and
 * the notice and the export of a record set aside as unreadable.
 */
import type { Page } from '@playwright/test';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startReaderServer } from '../../src/server/start';
import { makeReadOnly } from '../unit/storage/mounts';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { expect, openReader, test } from './fixtures';

const DATA_FILE = join('reports', 'haishu-2018-government-work-report.json');

/** Annotations made through the bridge, as the page would make them. */
async function annotate(url: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const response = await fetch(`${url}api/createAnnotation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        report: BUNDLED_REPORT_ID,
        start: 200 + n * 40,
        end: 210 + n * 40,
        color: 'c3',
        note: `第${n + 1}条`,
      }),
    });
    expect((await response.json()).ok).toBe(true);
  }
}

const annotationItems = async (page: Page) => {
  await page.keyboard.press('a');
  return page.getByRole('region', { name: '批注' });
};

test('a second server on the same data folder opens read-only, and its banner says why', async ({
  page,
  server,
}) => {
  await annotate(server.url, 2);
  const second = await startReaderServer({ dataDir: server.dataDir, port: 0, lockWaitMs: 0 });
  try {
    expect(second.readOnlyReason).toMatch(/^另一个报告阅读器（浏览器模式，进程 \d+）/);
    await openReader(page, second.url);
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('另一个报告阅读器（浏览器模式，进程');
    await expect(banner).toContainText(
      '本次只读打开，可以阅读、检索和导出，但不能修改批注、书签和设置',
    );
    // The notes are there to read; nothing that would change them is offered.
    const panel = await annotationItems(page);
    await expect(panel.locator('.annotation-item')).toHaveCount(2);
    await expect(panel.getByRole('button', { name: '导入…' })).toBeDisabled();
    await expect(panel.getByRole('button', { name: '删除' }).first()).toBeDisabled();
    await page.screenshot({ path: 'test-results/storage-read-only-banner.png' });
  } finally {
    await second.close();
  }
  // The first server still writes.
  await annotate(server.url, 1);
});

test('one unreadable record among five: four are shown, a notice says so, the record can be exported', async ({
  page,
  server,
}) => {
  await annotate(server.url, 5);
  await server.restart(async () => {
    const path = join(server.dataDir, DATA_FILE);
    const stored = JSON.parse(await readFile(path, 'utf8'));
    stored.data.annotations[2].color = 'c9';
    await writeFile(path, JSON.stringify(stored));
  });
  await openReader(page, server.url);
  await expect(page.getByRole('alert')).toContainText('批注文件中有 1 条记录无法读取（color：');
  await expect(page.getByRole('alert')).toContainText('其余记录照常载入（4 条批注）');
  const panel = await annotationItems(page);
  await expect(panel.locator('.annotation-item')).toHaveCount(4);
  await expect(panel.locator('.annotation-note')).toHaveText(['第1条', '第2条', '第4条', '第5条']);
  await expect(panel).toContainText('另有 1 条记录无法读取，已单独保存，没有丢失。');
  await page.screenshot({ path: 'test-results/storage-quarantine-notice.png' });

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出无法读取的记录' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2018年海曙区政府工作报告-无法读取的记录.json');
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(exported.entries).toHaveLength(1);
  expect(exported.entries[0].record).toMatchObject({ color: 'c9', note: '第3条' });
});

test('a read-only data folder with a damaged file: the server starts, shows the notes, says why', async ({
  page,
  server,
}) => {
  await annotate(server.url, 2);
  let undo: (() => Promise<void>) | undefined;
  try {
    await server.restart(async () => {
      const path = join(server.dataDir, DATA_FILE);
      await copyFile(path, `${path}.bak`);
      await writeFile(path, '{"schemaVersion":1,"data":{"annotations":[{');
      undo = await makeReadOnly(server.dataDir);
    });
    await openReader(page, server.url);
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('数据文件夹是只读的');
    await expect(banner).toContainText(
      '已从上一份完好副本（.bak）恢复（2 条批注）（本次只读，未写回）',
    );
    const panel = await annotationItems(page);
    await expect(panel.locator('.annotation-item')).toHaveCount(2);
    await expect(panel.getByRole('button', { name: '导入…' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/storage-read-only-folder.png' });
  } finally {
    await undo?.();
  }
});
