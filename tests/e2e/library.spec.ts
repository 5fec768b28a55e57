/**
 * The 书架 in browser mode, against the real services and a real data folder:
 * a second report opened by the file chooser and by a drop, each with its own
 * notes after a restart, a search across both that opens the other report at
 * its hit, renaming and removing with 撤销, and bad files that change nothing.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { reportShownSelector } from '../../src/renderer/instrumentation';
import { encryptedPdf, randomBytes, scannedPdf } from '../unit/formats/bad-files';
import {
  encodeGb18030,
  makeDocx,
  makePrintedPdf,
  makeSavedPage,
  makeTablePage,
  reportLines,
} from '../unit/formats/fixtures';
import { reportText } from '../unit/report/helpers';
import { expect, openReader, test } from './fixtures';
import {
  addByChooser,
  addByDrop,
  annotationQuotes,
  district,
  highlight,
  settledSnapshot,
  shownReport,
  waitForOtherReport,
} from './library-files';
import { watchProblems } from './problems';

// Every test here adds files, and each is parsed in a worker process of its own
// (the fixture's server does not warm one): on a machine whose cores are shared,
// that start alone has taken 2–7 s a file, so 30 s is too little for five files.
test.describe.configure({ timeout: 90_000 });

const JIANGBEI = district('江北', '2019年1月8日');
const ZHENHAI = district('镇海', '2019年1月9日');

/** The reports on the shelf (not those under 已移除). */
const shelfRows = (page: Page) => page.locator('.library > ul.library-list .shelf-title');

test('a second report opened by the file chooser and a third by a drop keep their own notes after a restart', async ({
  page,
  server,
}) => {
  const problems = await watchProblems(page);
  await openReader(page, server.url);
  // The first time, the bundled report.
  expect(await shownReport(page)).toBe(BUNDLED_REPORT_ID);
  await highlight(page, '污水零直排区');

  await addByChooser(page, '江北区政府工作报告.docx', makeDocx(reportLines(JIANGBEI)));
  const jiangbei = await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await expect(page.locator('.report-title')).toHaveText('政 府 工 作 报 告'.replace(/ /g, ''));
  await expect(page.locator('#pane')).toContainText('2019年1月8日在江北区第十一届人民代表大会');
  await expect(page.locator('.toolbar-title')).toHaveText('2019年江北区政府工作报告');
  await highlight(page, '江北区人民政府');

  await addByDrop(page, '镇海区报告.txt', encodeGb18030(ZHENHAI));
  const zhenhai = await waitForOtherReport(page, jiangbei);
  await expect(page.locator('#pane')).toContainText('镇海区第十一届人民代表大会');
  await highlight(page, '镇海区人民政府');
  await highlight(page, '民生实事');
  // Both answered before the server goes down: a restart mid-request is a crash, not this test's subject.
  await expect.poll(() => annotationQuotes(page)).toEqual(['镇海区人民政府', '民生实事']);
  await page.screenshot({ path: 'test-results/library-third-report.png' });
  expect(await problems()).toEqual([]);

  await server.restart();
  await page.reload();
  // Requests refused while the server was down are the restart's, not the page's.
  await problems();
  // The report read last reopens.
  await expect(page.locator(reportShownSelector(zhenhai))).toHaveCount(1);
  await expect(page.locator('#pane')).toContainText('镇海区第十一届人民代表大会');
  await expect.poll(() => annotationQuotes(page)).toEqual(['镇海区人民政府', '民生实事']);

  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveText([
    '2018年海曙区政府工作报告内置',
    '2019年镇海区政府工作报告正在阅读',
    '2019年江北区政府工作报告',
  ]);
  await expect(page.locator('.library .shelf-row').nth(1)).toContainText('批注 2 · 书签 0');
  await page.locator('.library .shelf-open', { hasText: '2019年江北区政府工作报告' }).click();
  await expect(page.locator(reportShownSelector(jiangbei))).toHaveCount(1);
  await expect.poll(() => annotationQuotes(page)).toEqual(['江北区人民政府']);

  await page.keyboard.press('l');
  await page.locator('.library .shelf-open', { hasText: '2018年海曙区政府工作报告' }).click();
  await expect(page.locator(reportShownSelector(BUNDLED_REPORT_ID))).toHaveCount(1);
  await expect(page.locator('#pane')).toContainText('2018年2月7日在海曙区');
  await expect.poll(() => annotationQuotes(page)).toEqual(['污水零直排区']);
  // Switching reports back and forth broke no rule of the page and logged no error.
  expect(await problems()).toEqual([]);
  // Each report's notes in a file of its own.
  const stored = JSON.parse(await readFile(`${server.dataDir}/reports/${jiangbei}.json`, 'utf8'));
  expect(
    stored.data.annotations.map(
      (a: { target: { quote: { exact: string } } }) => a.target.quote.exact,
    ),
  ).toEqual(['江北区人民政府']);
});

test('search across both reports, grouped by report; a hit in the other report opens it there', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await addByChooser(page, '江北.txt', new TextEncoder().encode(JIANGBEI));
  const jiangbei = await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await page.getByRole('combobox', { name: '搜索范围' }).selectOption('all');
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('区人民政府向大会报告');
  const results = page.getByRole('region', { name: '全部报告的搜索结果' });
  // As many matches in each: in the shelf's order.
  await expect(results.locator('.results-report-title')).toHaveText([
    '2018年海曙区政府工作报告',
    '2019年江北区政府工作报告',
  ]);
  await expect(results.locator('.results-count').first()).toHaveText('共 2 处，2 份报告');
  await page.screenshot({ path: 'test-results/library-search-all.png' });

  // A hit in the bundled report: it opens there, with the query's matches marked.
  await results
    .locator('.results-group', { hasText: '2018年海曙区政府工作报告' })
    .getByRole('button')
    .first()
    .click();
  await expect(page.locator(reportShownSelector(BUNDLED_REPORT_ID))).toHaveCount(1);
  await expect(page.locator('.search-status')).toHaveText('本报告第 1/1 处');
  await expect(box).toHaveValue('区人民政府向大会报告');
  const current = await page.evaluate(() =>
    [...(CSS.highlights.get('search-current') ?? [])].map((range) => range.toString()),
  );
  expect(current).toEqual(['区人民政府向大会报告']);
  // Still searching every report; the results show both.
  await expect(results.locator('.results-group')).toHaveCount(2);
  expect(jiangbei).not.toBe(BUNDLED_REPORT_ID);
});

test('rename and remove on the 书架; 撤销 and 放回 bring a report back with its notes', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await addByChooser(page, '江北.txt', new TextEncoder().encode(JIANGBEI));
  await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await highlight(page, '江北区人民政府');
  await page.keyboard.press('l');
  const library = page.getByRole('region', { name: '书架' }).or(page.locator('section.library'));
  await page.getByRole('button', { name: '重命名《2019年江北区政府工作报告》' }).click();
  const field = page.getByRole('textbox', { name: '《2019年江北区政府工作报告》的新名称' });
  await field.fill('江北区 2019 年报告（正式稿）');
  await field.press('Enter');
  await expect(shelfRows(page).nth(1)).toHaveText('江北区 2019 年报告（正式稿）正在阅读');

  await page.getByRole('button', { name: '移除《江北区 2019 年报告（正式稿）》' }).click();
  const toast = page.getByRole('status').filter({ hasText: '移出书架' });
  await expect(toast).toHaveText(
    /已把《江北区 2019 年报告（正式稿）》移出书架，其 1 条批注、0 个书签保留着/,
  );
  // The report on screen gave way to the bundled one, behind the 书架, which stays up.
  await expect(page.locator(reportShownSelector(BUNDLED_REPORT_ID))).toHaveCount(1);
  await expect(shelfRows(page)).toHaveText(['2018年海曙区政府工作报告内置正在阅读']);
  await toast.getByRole('button', { name: '撤销' }).click();
  await expect(shelfRows(page)).toHaveCount(2);

  await page.getByRole('button', { name: '移除《江北区 2019 年报告（正式稿）》' }).click();
  await expect(shelfRows(page)).toHaveCount(1);
  await library.locator('summary', { hasText: '已移除（1）' }).click();
  await page.screenshot({ path: 'test-results/library-removed.png' });
  await page.getByRole('button', { name: '把《江北区 2019 年报告（正式稿）》放回书架' }).click();
  await expect(shelfRows(page)).toHaveCount(2);
  await page.locator('.library .shelf-open', { hasText: '正式稿' }).click();
  await expect.poll(() => annotationQuotes(page)).toEqual(['江北区人民政府']);
  await expect(page.locator('.toolbar-title')).toHaveText('江北区 2019 年报告（正式稿）');
});

test('the bundled report as a PDF, a web page or GB18030 text is the bundled report', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  // News, not an error: the notices are a polite status, not an alert.
  const notices = page.getByRole('status').locator('.notice');
  // The same notice said again is one notice: each file's is read, then put
  // away, so the next one is that file's own answer.
  const alreadyThere = async () => {
    // A PDF is read in a worker: on a busy machine that takes a few seconds.
    await expect(notices).toHaveText(
      ['《2018年海曙区政府工作报告》已在书架上，已为你打开。知道了'],
      {
        timeout: 20_000,
      },
    );
    await notices.getByRole('button', { name: '知道了' }).click();
    await expect(notices).toHaveCount(0);
  };
  await addByChooser(page, '海曙.pdf', await makePrintedPdf());
  await alreadyThere();
  await addByDrop(page, '海曙.html', new TextEncoder().encode(makeSavedPage()));
  await alreadyThere();
  await addByDrop(page, '海曙.txt', encodeGb18030(reportText()));
  await alreadyThere();
  // Saved from a site laid out in tables, in gb2312: 发布日期, 责任编辑 and 打印本页 around the text.
  await addByChooser(page, '政府工作报告.htm', encodeGb18030(makeTablePage()));
  await alreadyThere();
  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveCount(1);
  expect(await shownReport(page)).toBe(BUNDLED_REPORT_ID);
});

test('bad files: one clear sentence each, and the data folder is left as it was', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await highlight(page, '民生实事');
  // The note and the reader's place (saved a moment after a scroll) land first.
  const place = async () => {
    const text = await readFile(`${server.dataDir}/library.json`, 'utf8').catch(() => '{}');
    return JSON.stringify(JSON.parse(text).library?.reports[0].view.position ?? null);
  };
  await expect.poll(place).not.toBe('null');
  const before = await settledSnapshot(server.dataDir);
  const bad: [string, Uint8Array, string][] = [
    ['空.txt', new Uint8Array(0), '文件是空的，没有任何内容。'],
    ['加密.pdf', encryptedPdf(), '这个 PDF 设有密码或加密保护，请先去掉保护后再打开。'],
    [
      '扫描件.pdf',
      await scannedPdf(),
      '这个 PDF 是扫描件，只有页面图像、没有文字层，报告阅读器无法读取其中的文字。',
    ],
    [
      '杂乱.bin',
      randomBytes(4096),
      '这不是文本文件，也不是 PDF、Word（.docx）或网页文件，无法作为报告打开。',
    ],
    [
      '安装包改名.pdf',
      Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...randomBytes(4096)]),
      '这个文件名为 .pdf，内容却不是 PDF（可能是改了扩展名的其他文件），无法作为报告打开。',
    ],
    [
      '残缺.pdf',
      (await makePrintedPdf()).subarray(0, 50_000),
      '这个 PDF 文件已损坏或不完整，无法读取。',
    ],
  ];
  const notices = page.getByRole('alert').locator('.notice');
  for (const [index, [name, bytes, sentence]] of bad.entries()) {
    await (index % 2 === 0 ? addByChooser : addByDrop)(page, name, bytes);
    await expect(notices.nth(index)).toContainText(`“${name}”没有加入书架：${sentence}`, {
      timeout: 20_000,
    });
  }
  await page.screenshot({ path: 'test-results/library-bad-files.png' });
  expect(await settledSnapshot(server.dataDir)).toEqual(before);
  expect(await shownReport(page)).toBe(BUNDLED_REPORT_ID);
});
