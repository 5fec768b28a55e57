import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
/** Keyword search in browser mode, typed the way an input method types. */
import type { Page } from '@playwright/test';
import { searches, watchCalls } from './calls';
import {
  expect,
  holdPageIndex,
  openReader,
  READY_SELECTOR,
  test,
  waitForPageIndex,
} from './fixtures';
import { inputMethod } from './ime';
import { watchProblems } from './problems';

/** Texts of the ranges in a CSS highlight ('search' or 'search-current'). */
function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (highlight) => [...(CSS.highlights.get(highlight) ?? [])].map((range) => range.toString()),
    name,
  );
}

test('IME typing searches only when composition ends; Enter steps through every match', async ({
  page,
  server,
}) => {
  // Searches go to the bridge, where the test can see each one asked.
  await holdPageIndex(page);
  const calls = watchCalls(page);
  await openReader(page, server.url);

  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: '搜索' });
  await expect(box).toBeFocused();

  // Pinyin composition, as an IME does it: the box shows the raw letters meanwhile.
  const ime = await inputMethod(page);
  await ime.compose(['w', 'wu', 'wus', 'wush', 'wushui']);
  await expect(box).toHaveValue('wushui');
  await ime.type([], '污水');
  await expect(box).toHaveValue('污水');
  await ime.type(['l', 'ling', 'lingzhipai'], '零直排');
  await expect(box).toHaveValue('污水零直排');

  const status = page.locator('.search-status');
  await expect(status).toHaveText('共 2 处，2 段');
  // Nothing half-composed was ever searched for.
  const sent = searches(calls).map((search) => search.query);
  expect(sent.filter((query) => /[a-z]/.test(query))).toEqual([]);
  expect(sent).toEqual(['污水', '污水零直排']);

  // Every match is highlighted in the text; none is current yet.
  expect(await highlighted(page, 'search')).toEqual(['污水零直排', '污水零直排']);
  expect(await highlighted(page, 'search-current')).toEqual([]);

  await box.press('Enter');
  await expect(status).toHaveText('第 1/2 处');
  expect(await highlighted(page, 'search-current')).toEqual(['污水零直排']);
  const inView = () =>
    page.evaluate(() => {
      const range = [...CSS.highlights.get('search-current')!][0] as Range;
      const box = range.getBoundingClientRect();
      const pane = document.querySelector('main.pane')!.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    });
  expect(await inView()).toBe(true);
  const firstTop = await page.evaluate(
    () => ([...CSS.highlights.get('search-current')!][0] as Range).getBoundingClientRect().top,
  );

  await box.press('Enter');
  await expect(status).toHaveText('第 2/2 处');
  expect(await inView()).toBe(true);
  await box.press('Enter');
  await expect(status).toHaveText('第 1/2 处');
  await box.press('Shift+Enter');
  await expect(status).toHaveText('第 2/2 处');
  await page.keyboard.press('F3');
  await expect(status).toHaveText('第 1/2 处');
  expect(
    await page.evaluate(
      () => ([...CSS.highlights.get('search-current')!][0] as Range).getBoundingClientRect().top,
    ),
  ).toBeCloseTo(firstTop, 0);

  // The results list: count, section path, marked snippet.
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results).toContainText('共 2 处，2 段');
  const items = results.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first().locator('mark')).toHaveText('污水零直排');
  await expect(items.first()).toContainText('二、2018年主要目标任务 › （四）突出综合治理');
  await expect(items.nth(1)).toContainText('一、2017年工作回顾 › （四）城乡环境不断改善');

  // Document order puts the 2017 review first.
  await results.getByRole('radio', { name: '按原文顺序' }).click();
  await expect(items.first()).toContainText('一、2017年工作回顾');
  // The order is a radio group: arrow keys move the choice and focus with it.
  await page.keyboard.press('ArrowLeft');
  const byRelevance = results.getByRole('radio', { name: '按相关度' });
  await expect(byRelevance).toHaveAttribute('aria-checked', 'true');
  await expect(byRelevance).toBeFocused();
  await expect(items.first()).toContainText('二、2018年主要目标任务');

  // The TOC counts matches per section.
  const toc = page.getByRole('navigation', { name: '目录' });
  // 一, 一（四）; 二, 二（四）, 深化环境整治: one match in each section.
  await expect(toc.getByLabel('1 处匹配')).toHaveCount(5);
  await expect(toc.getByLabel('2 处匹配')).toHaveCount(0);

  // Esc clears the search and every highlight.
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(results).toHaveCount(0);
  expect(await highlighted(page, 'search')).toEqual([]);
});

test('search semantics on screen: full-width, spaces, several keywords, syntax characters', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  const status = page.locator('.search-status');
  await box.fill('５Ｇ');
  await expect(status).toHaveText('共 1 处，1 段');
  expect(await highlighted(page, 'search')).toEqual(['5G']);
  await box.fill('区长褚孟彤');
  await expect(status).toHaveText('共 1 处，1 段');
  expect(await highlighted(page, 'search')).toEqual(['区长 褚孟彤']);
  await box.fill('创新 人才');
  await expect(status).toHaveText(/^共 \d+ 处，2 段$/);
  // Several keywords: a snippet shows them together where its paragraph has them close.
  await box.fill('城市 建设');
  const together = page
    .getByRole('region', { name: '搜索结果' })
    .getByRole('listitem')
    .filter({ hasText: '海绵城市建设' });
  await expect(together.locator('mark')).toContainText(['城市建设']);
  // Syntax characters are text (so these find nothing); punctuation alone is not searched, and says so.
  for (const [query, shown] of [
    ['foo:', '无结果'],
    ['^2', '无结果'],
    ['+海曙 -发展', '无结果'],
    ['~', '无可搜索的字'],
    ['、。', '无可搜索的字'],
  ]) {
    await box.fill(query);
    await expect(status, query).toHaveText(shown);
  }
});

test('a search acted on is remembered, across a restart', async ({ page, server }) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('民生实事');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');
  await box.press('Enter');
  // On disk before the restart: a restart at once cut the save's request in flight (a CI run).
  await expect
    .poll(() => readFile(join(server.dataDir, 'settings.json'), 'utf8').catch(() => ''))
    .toContain('民生实事');
  await server.restart();
  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  const recent = page.getByRole('region', { name: '最近搜索' });
  await expect(recent.getByRole('button')).toHaveText(['民生实事']);
  // Choosing it searches again.
  await recent.getByRole('button', { name: '民生实事' }).click();
  await expect(page.getByRole('searchbox', { name: '搜索' })).toHaveValue('民生实事');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');
});

test('more hits than one page: every match highlighted and stepped through, ranges fetched after', async ({
  page,
  server,
}) => {
  // Pages of ranges are the bridge's: the page's own index gives them all at once.
  await holdPageIndex(page);
  const calls = watchCalls(page);
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  const status = page.locator('.search-status');
  // 区 is in more blocks than the first answer carries ranges for (SEARCH_PAGE).
  await box.fill('区');
  await expect(status).toHaveText(/^共 \d+ 处，\d+ 段$/);
  const [total, blocks] = ((await status.textContent()) ?? '').match(/\d+/g)!.map(Number);
  expect(blocks).toBeGreaterThan(20);
  // Step back at once, before the other ranges may be in: it lands on the last of all N.
  await box.press('Shift+Enter');
  await expect(status).toHaveText(`第 ${total}/${total} 处`);
  expect(
    calls.filter((call) => call.method.startsWith('search')).map((call) => call.method),
  ).toEqual(['search', 'searchMatches']);
  const all = await highlighted(page, 'search');
  expect(all).toHaveLength(total);
  expect(new Set(all)).toEqual(new Set(['区']));
  expect(await highlighted(page, 'search-current')).toEqual(['区']);
  await box.press('Enter');
  await expect(status).toHaveText(`第 1/${total} 处`);
  // Every listed result has its match marked, the last page included.
  const items = page.getByRole('region', { name: '搜索结果' }).getByRole('listitem');
  await expect(items).toHaveCount(blocks);
  await expect(items.last().locator('mark').first()).toHaveText('区');
  // The 目录's counts add up to N over the level-1 sections.
  const toc = page.getByRole('navigation', { name: '目录' });
  await expect(toc.getByLabel(/处匹配$/).first()).toBeVisible();
});

/** What the page shows of its search now: the status, every result (path and snippet), every highlight. */
async function shown(page: Page): Promise<string[]> {
  const items = page.getByRole('region', { name: '搜索结果' }).getByRole('listitem');
  return [
    (await page.locator('.search-status').textContent()) ?? '',
    ...(await items.allTextContents()),
    ...(await highlighted(page, 'search')),
  ];
}

/**
 * Searches on a page that answers in the page: its answer is in by the time
 * the input event is handled, and only the rest of the list follows a frame later.
 */
async function shownForAtOnce(page: Page, query: string): Promise<string[]> {
  await page.getByRole('searchbox', { name: '搜索' }).fill(query);
  const text = (await page.locator('.search-status').textContent()) ?? '';
  expect(text, query).toMatch(/^(共 \d+ 处，\d+ 段|无结果)$/);
  const blocks = Number(text.match(/(\d+) 段/)?.[1] ?? 0);
  const items = page.getByRole('region', { name: '搜索结果' }).getByRole('listitem');
  await expect(items).toHaveCount(blocks);
  return shown(page);
}

test('with its own copy of the index, the page searches without a call, and shows what the bridge shows', async ({
  page,
  browser,
  server,
}) => {
  const problems = await watchProblems(page);
  const calls = watchCalls(page);
  await openReader(page, server.url);
  await waitForPageIndex(page);

  // Typed through an input method: still nothing half-composed is searched.
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.focus();
  const ime = await inputMethod(page);
  await ime.compose(['w', 'wu', 'wushui']);
  await expect(page.locator('.search-status')).toHaveText('');
  await ime.type([], '污水');
  await ime.type(['l', 'lingzhipai'], '零直排');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');
  expect(await highlighted(page, 'search')).toEqual(['污水零直排', '污水零直排']);
  await box.press('Enter');
  await expect(page.locator('.search-status')).toHaveText('第 1/2 处');
  expect(await highlighted(page, 'search-current')).toEqual(['污水零直排']);
  expect(calls.filter((call) => call.method.startsWith('search'))).toEqual([]);
  // The engine is a chunk of its own, loaded within the CSP.
  expect(await problems()).toEqual([]);

  // The same queries on a page whose searches all go to the bridge.
  const bridged = await browser.newPage();
  await holdPageIndex(bridged);
  const bridgedCalls = watchCalls(bridged);
  await openReader(bridged, server.url);
  for (const [query, found] of [
    ['区', true],
    ['５Ｇ', true],
    ['2018年', true],
    ['创新 人才', true],
    ['+海曙 -发展', false],
    ['区长褚孟彤', true],
  ] as const) {
    const here = await shownForAtOnce(page, query);
    expect(here[0], query).toMatch(found ? /^共/ : /^无结果$/);
    // Over the bridge the previous answer shows until this one, and its later ranges, are in.
    await bridged.getByRole('searchbox', { name: '搜索' }).fill(query);
    await expect.poll(() => shown(bridged), { message: query }).toEqual(here);
  }
  expect(searches(bridgedCalls)).toHaveLength(6);
  await bridged.close();
});

test('a match across a glossary term’s edge is highlighted whole, in both halves’ text nodes', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await waitForPageIndex(page);
  // Two characters before the report's first marked term, and two of the term.
  const query = await page.evaluate(() => {
    const term = [...document.querySelectorAll<HTMLElement>('.pane [data-glossary]')].find(
      (element) => (element.previousSibling?.textContent ?? '').trim().length >= 2,
    )!;
    return (
      term.previousSibling!.textContent!.trim().slice(-2) + (term.textContent ?? '').slice(0, 2)
    );
  });
  await page.getByRole('searchbox', { name: '搜索' }).fill(query);
  await expect(page.locator('.search-status')).toHaveText(/^共 \d+ 处/);
  const shown = await highlighted(page, 'search');
  expect(shown.length).toBeGreaterThan(0);
  for (const text of shown) expect(text).toBe(query);
});

test('Esc while the input method is composing leaves the search box as it was, not blank beside a stale count', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  const status = page.locator('.search-status');
  await box.focus();
  const ime = await inputMethod(page);
  await ime.type(['fazhan'], '发展');
  await expect(status).toHaveText(/^共 \d+ 处/u);
  await ime.compose(['g', 'ga', 'gai']);
  await page.keyboard.press('Escape');
  // Before, the box's own Esc emptied it: blank, with 共 51 处 and every highlight still shown.
  await expect(box).toHaveValue('发展gai');
  await ime.type(['gaige'], '改革');
  await expect(box).toHaveValue('发展改革');
  await expect(status).toHaveText(/^(共 \d+ 处.*|无结果)$/u);
  // Esc after the composition clears the search, as ever.
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(status).toHaveText('');
});

test('a word begun with the input method and given up leaves the search where it was', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: '搜索' });
  const ime = await inputMethod(page);
  await ime.type(['k', 'ke', 'keji'], '科技');
  const status = page.locator('.search-status');
  await expect(status).toHaveText('共 12 处，7 段');
  await box.press('Enter');
  await box.press('Enter');
  await expect(status).toHaveText('第 2/12 处');
  const current = await highlighted(page, 'search-current');

  // To narrow it down the reader starts another word, then erases its pinyin.
  await ime.compose(['c', 'chuang', '']);
  await expect(box).toHaveValue('科技');
  await expect(status).toHaveText('第 2/12 处');
  expect(await highlighted(page, 'search-current')).toEqual(current);
  await box.press('Enter');
  await expect(status).toHaveText('第 3/12 处');
});
