/**
 * The app restarted on a report read last that is not the bundled one: the
 * page comes from the server with that report's text already in it, so it
 * is on screen before any script has run (as the bundled report's always
 * was), and the reader keeps that text, with that report's notes, instead of
 * rendering it again.
 */
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { reportShownSelector } from '../../src/renderer/instrumentation';
import { VIEW_CACHE_KEY } from '../../src/renderer/app/view-cache';
import { expect, openReader, test } from './fixtures';
import {
  addByChooser,
  annotationQuotes,
  district,
  highlight,
  waitForOtherReport,
} from './library-files';
import { watchProblems } from './problems';

// A report file is parsed in a worker process of its own, which the fixture's server does not warm.
test.describe.configure({ timeout: 90_000 });

const ZHENHAI = district('镇海', '2019年1月9日');
/** The 镇海 report's occasion line, under its title; the bundled report's says 海曙. */
const ZHENHAI_OPENING = '2019年1月9日在镇海区第十一届人民代表大会';
const HAISHU_OPENING = '2018年2月7日在海曙区';

/** Adds the 镇海 report, highlights a phrase in it, and closes the page: 镇海 is the report read last. */
async function readZhenhaiLast(page: Page, url: string): Promise<string> {
  await openReader(page, url);
  await addByChooser(page, '镇海区报告.txt', new TextEncoder().encode(ZHENHAI));
  const zhenhai = await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await highlight(page, '镇海区人民政府');
  await expect.poll(() => annotationQuotes(page)).toEqual(['镇海区人民政府']);
  await page.close();
  return zhenhai;
}

/** Marks the article the page was parsed with, before any module runs, to tell it from one rendered later. */
async function markServedText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      document.querySelector('#pane > article.report')?.setAttribute('data-e2e-served', '');
    });
  });
}

test('restarted on another report read last: its text is in the served page, kept, with its notes', async ({
  page,
  browser,
  server,
}) => {
  const zhenhai = await readZhenhaiLast(page, server.url);
  await server.restart();

  // The page as served, before any script: 镇海's text, named as the report the app starts on.
  const html = await (await fetch(server.url)).text();
  expect(html).toContain(`data-page-report="${zhenhai}"`);
  expect(html).toContain('data-page-start=""');
  expect(html).toContain(ZHENHAI_OPENING);
  expect(html).not.toContain(HAISHU_OPENING);
  // Only the two head scripts the CSP allows by hash are inline.
  expect([...html.matchAll(/<script>/g)]).toHaveLength(2);

  // With scripts off, the reader still sees that report's title and first paragraph.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto(server.url);
  await expect(still.locator('.report-title')).toBeVisible();
  await expect(still.locator('#pane .title-block')).toContainText(ZHENHAI_OPENING);
  await expect(still.locator('#pane [elementtiming="first-paragraph"]')).toBeVisible();
  await still.screenshot({ path: 'test-results/start-page-no-script.png' });
  await noScript.close();

  // Before the interface's bundle has run (it is held back here), with a view cache that
  // still names the bundled report: boot.js leaves the served text shown, since the server chose it.
  const held = await browser.newContext();
  await held.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    VIEW_CACHE_KEY,
    JSON.stringify({ report: BUNDLED_REPORT_ID }),
  ] as const);
  await held.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  const early = await held.newPage();
  await early.goto(server.url, { waitUntil: 'domcontentloaded' });
  await expect(early.locator('html[data-restoring]')).toHaveCount(0);
  await expect(early.locator('#pane [elementtiming="first-paragraph"]')).toBeVisible();
  await expect(early.locator('#pane .title-block')).toContainText(ZHENHAI_OPENING);
  await held.close();

  // A new browser (no view cache): the reader starts on 镇海, in the served text, with its notes.
  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  const problems = await watchProblems(reader);
  await markServedText(reader);
  await openReader(reader, server.url);
  await expect(reader.locator(reportShownSelector(zhenhai))).toHaveCount(1);
  await expect(reader.locator('#pane > article.report[data-e2e-served]')).toHaveCount(1);
  await expect(reader.locator('#pane .title-block')).toContainText(ZHENHAI_OPENING);
  // Its highlight is drawn in the served text.
  await expect
    .poll(() =>
      reader.evaluate(() =>
        [...CSS.highlights.entries()]
          .filter(([name]) => /^annotation-c\d$/.test(name))
          .flatMap(([, highlight]) => [...highlight].map((range) => range.toString())),
      ),
    )
    .toEqual(['镇海区人民政府']);
  await expect.poll(() => annotationQuotes(reader)).toEqual(['镇海区人民政府']);
  await expect(reader.locator('.toolbar-title')).toHaveText('2019年镇海区政府工作报告');
  expect(await problems()).toEqual([]);
  await fresh.close();
});

test('the report read last damaged while the app was closed: the page is the bundled report, which opens, with a notice', async ({
  page,
  browser,
  server,
}) => {
  const zhenhai = await readZhenhaiLast(page, server.url);
  await server.restart(async () => {
    // Its parsed text and the app's copy of the file both damaged: nothing to open it from.
    const edition = join(server.dataDir, 'library', zhenhai, zhenhai);
    await writeFile(join(edition, 'document.json'), '{"damaged": tru');
    await writeFile(join(edition, 'source.txt'), 'not the report');
  });

  const html = await (await fetch(server.url)).text();
  expect(html).toContain(`data-page-report="${BUNDLED_REPORT_ID}"`);
  expect(html).toContain(HAISHU_OPENING);
  expect(html).not.toContain(ZHENHAI_OPENING);

  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  await markServedText(reader);
  await openReader(reader, server.url);
  await expect(reader.locator(reportShownSelector(BUNDLED_REPORT_ID))).toHaveCount(1);
  await expect(reader.locator('.notices')).toContainText('上次阅读的报告没能打开');
  // The bundled text the page came with is the one shown.
  await expect(reader.locator('#pane > article.report[data-e2e-served]')).toHaveCount(1);
  await expect(reader.locator('#pane .title-block')).toContainText(HAISHU_OPENING);
  await fresh.close();
});
