/**
 * The 书架 as a demanding reader uses it, keyboard alone and on a phone:
 * focus after renaming and removing, a name refused with a reason, typed
 * through an input method, lines that wrap instead of losing their end,
 * toasts that stack, and a drop overlay whose words can be read.
 */
import type { Locator, Page } from '@playwright/test';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { reportShownSelector } from '../../src/renderer/instrumentation';
import { makeDocx, reportLines } from '../unit/formats/fixtures';
import { reportText } from '../unit/report/helpers';
import { chooseTheme, expect, openReader, test } from './fixtures';
import { inputMethod } from './ime';
import { watchProblems } from './problems';
import {
  addByChooser,
  addByDrop,
  district,
  shownReport,
  waitForOtherReport,
} from './library-files';
import { ERROR_MESSAGES } from '../../src/core/formats/errors';

// Every test here adds files, and each is parsed in a worker process of its own
// (the fixture's server does not warm one): on a machine whose cores are shared,
// that start alone has taken 2–7 s a file, so 30 s is too little for five files.
test.describe.configure({ timeout: 90_000 });

const text = (place: string, day: number) =>
  new TextEncoder().encode(district(place, `2019年1月${day}日`));

/**
 * The bundled report, then 江北 (.txt) and 镇海 (.docx); answers 镇海's id, on
 * screen. Each file is parsed in a worker: on a loaded two-core machine that
 * takes several seconds, so the tests that call this take the slow budget.
 */
async function twoMoreReports(page: Page): Promise<string> {
  await addByChooser(page, '江北.txt', text('江北', 8));
  const jiangbei = await waitForOtherReport(page, BUNDLED_REPORT_ID);
  await addByChooser(page, '镇海.docx', makeDocx(reportLines(district('镇海', '2019年1月9日'))));
  return waitForOtherReport(page, jiangbei);
}

const shelfRows = (page: Page) => page.locator('.library > ul.library-list .shelf-title');

/** The bundled report and 江北 (.txt), which is on screen. */
async function oneMoreReport(page: Page, url: string): Promise<void> {
  await openReader(page, url);
  await addByChooser(page, '江北.txt', text('江北', 8));
  await waitForOtherReport(page, BUNDLED_REPORT_ID);
}

/** How many lines an element's words take. */
function lineCount(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const words = document.createRange();
    words.selectNodeContents(node);
    return new Set([...words.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
}

/** The element with focus, as a screen reader names it. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    return element.getAttribute('aria-label') ?? element.textContent ?? element.tagName;
  });

test('a removal answered after the reader has moved focus on leaves focus where they put it, as the panels’ 删除 do', async ({
  page,
  server,
}) => {
  // removeReport is held on its way until the test lets it go.
  const held: (() => void)[] = [];
  let holding = false;
  await page.route(/\/api\/removeReport$/, async (route) => {
    if (!holding) return route.continue();
    await new Promise<void>((release) => held.push(release));
    await route.continue();
  });
  test.slow();
  await openReader(page, server.url);
  await twoMoreReports(page);
  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveCount(3);
  holding = true;
  // 江北, not the report on screen (镇海): the reader behind the 书架 stays as it is.
  await page.getByRole('button', { name: '移除《2019年江北区政府工作报告》' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => held.length).toBe(1);
  // While it is under way the reader goes on to 返回阅读; then the answer comes and the row goes.
  const back = page.getByRole('button', { name: '返回阅读' });
  await back.focus();
  held.splice(0).forEach((release) => release());
  await expect(shelfRows(page)).toHaveCount(2);
  // Before, the 书架 moved focus to the row in the removed one's place whenever its list changed.
  await expect(back).toBeFocused();
});

test('renaming by keyboard and input method: an empty name is refused with a reason; focus comes back to 重命名', async ({
  page,
  server,
}, testInfo) => {
  await oneMoreReport(page, server.url);
  await page.keyboard.press('l');
  await page.getByRole('button', { name: '重命名《2019年江北区政府工作报告》' }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: '《2019年江北区政府工作报告》的新名称' });
  await expect(field).toBeFocused();
  // Esc: nothing changes, and focus is where renaming started.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: '书架' })).toBeVisible();
  expect(await focusedName(page)).toBe('重命名《2019年江北区政府工作报告》');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: '名称不能为空，请输入一个名称。' }),
  ).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('名称不能为空，请输入一个名称。');
  await expect(field).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('rename-empty.png') });

  // Typed through an input method: the Enter that picks a word saves nothing.
  const ime = await inputMethod(page);
  await ime.compose(['j', 'jiang', 'jiangbei']);
  await field.dispatchEvent('keydown', { key: 'Enter', isComposing: true });
  await expect(field).toBeVisible();
  await ime.type(['jiangbei'], '江北区报告');
  await expect(
    page.getByRole('alert').filter({ hasText: '名称不能为空，请输入一个名称。' }),
  ).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(shelfRows(page).nth(1)).toHaveText('江北区报告正在阅读');
  expect(await focusedName(page)).toBe('重命名《江北区报告》');
  await expect(page.locator('.toolbar-title')).toHaveText('江北区报告');
});

test('removing by keyboard: focus goes to the report in its place; the 书架 stays up when the report on screen goes', async ({
  page,
  server,
}) => {
  test.slow();
  await openReader(page, server.url);
  await twoMoreReports(page);
  await page.keyboard.press('l');
  await expect(shelfRows(page)).toHaveText([
    '2018年海曙区政府工作报告内置',
    '2019年镇海区政府工作报告正在阅读',
    '2019年江北区政府工作报告',
  ]);
  // The last row: focus goes to the one above it.
  await page.getByRole('button', { name: '移除《2019年江北区政府工作报告》' }).focus();
  await page.keyboard.press('Enter');
  await expect(shelfRows(page)).toHaveCount(2);
  await expect.poll(() => focusedName(page)).toMatch(/^2019年镇海区政府工作报告/);
  await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
  await expect(shelfRows(page)).toHaveCount(3);

  // The report on screen: the bundled one takes its place behind the 书架, which stays.
  await page.getByRole('button', { name: '移除《2019年镇海区政府工作报告》' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(reportShownSelector(BUNDLED_REPORT_ID))).toHaveCount(1);
  await expect(shelfRows(page)).toHaveText([
    '2018年海曙区政府工作报告内置正在阅读',
    '2019年江北区政府工作报告',
  ]);
  await expect(page.getByRole('region', { name: '书架' })).toBeVisible();
  // Focus is on the report now in its place (the last row: the one above), as for any other.
  await expect.poll(() => focusedName(page)).toMatch(/^2019年江北区政府工作报告/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: '书架' })).toHaveCount(0);
  expect(await shownReport(page)).toBe(BUNDLED_REPORT_ID);
});

test('撤销 and 放回书架 by keyboard: focus goes to the report put back, so Esc still leaves the 书架', async ({
  page,
  server,
}) => {
  await oneMoreReport(page, server.url);
  await page.keyboard.press('l');
  const shelf = page.getByRole('region', { name: '书架' });
  const remove = page.getByRole('button', { name: '移除《2019年江北区政府工作报告》' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(shelfRows(page)).toHaveCount(1);
  // 撤销, from the keyboard: its button goes with the toast, and focus to the row back on the 书架.
  const undo = page.getByRole('status').getByRole('button', { name: '撤销' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(shelfRows(page)).toHaveCount(2);
  await expect.poll(() => focusedName(page)).toMatch(/^2019年江北区政府工作报告/);

  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(shelfRows(page)).toHaveCount(1);
  await shelf.locator('summary', { hasText: '已移除（1）' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '把《2019年江北区政府工作报告》放回书架' }).focus();
  await page.keyboard.press('Enter');
  await expect(shelfRows(page)).toHaveCount(2);
  await expect.poll(() => focusedName(page)).toMatch(/^2019年江北区政府工作报告/);
  await page.keyboard.press('Escape');
  await expect(shelf).toHaveCount(0);

  // 撤销 over the text, the 书架 closed: the text keeps focus, not the page's start.
  await page.keyboard.press('l');
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(shelfRows(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(shelf).toHaveCount(0);
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(undo).toHaveCount(0);
  await expect(page.locator('#pane')).toBeFocused();
});

/** Whether two boxes share any area. */
function overlap(a: Locator, b: Locator): Promise<boolean> {
  return Promise.all([a.boundingBox(), b.boundingBox()]).then(
    ([x, y]) =>
      !!x &&
      !!y &&
      x.x < y.x + y.width &&
      y.x < x.x + x.width &&
      x.y < y.y + y.height &&
      y.y < x.y + x.height,
  );
}

test('a removal’s 撤销 and a file’s progress show together, one above the other, at 1366 and 390 px', async ({
  page,
  server,
}, testInfo) => {
  await oneMoreReport(page, server.url);
  // The next file is held on its way until both toasts have been looked at.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/addReport', async (route) => {
    await held;
    await route.continue();
  });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 700 });
    if (!(await page.getByRole('region', { name: '书架' }).isVisible())) {
      await page.locator('#pane').focus();
      await page.keyboard.press('l');
    }
    const remove = page.getByRole('button', { name: /^移除《2019年江北区/ });
    if (await remove.isVisible()) await remove.click();
    // The report on screen was removed: the bundled one is put up, and the toasts with it.
    await expect(page.locator(reportShownSelector(BUNDLED_REPORT_ID))).toHaveCount(1);
    const undo = page.getByRole('status').filter({ hasText: '移出书架' });
    await expect(undo).toBeVisible();
    if (width === 1366) await addByDrop(page, '镇海.txt', text('镇海', 9));
    const progress = page.getByRole('status').filter({ hasText: '正在加入书架' });
    await expect(progress).toBeVisible();
    expect(await overlap(undo, progress)).toBe(false);
    // 撤销 on one line; the step being done is never cut off.
    await expect.poll(() => lineCount(undo.getByRole('button', { name: '撤销' }))).toBe(1);
    expect(
      await progress
        .locator('.adding-text')
        .evaluate((words) => words.scrollWidth <= words.clientWidth),
    ).toBe(true);
    for (const toast of [undo, progress]) {
      const box = (await toast.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: testInfo.outputPath(`toasts-${width}.png`) });
  }
  release();
  await expect(page.getByRole('status').filter({ hasText: '正在加入书架' })).toHaveCount(0, {
    timeout: 20_000,
  });
});

test('on a phone the 书架’s lines wrap: the format and date at a line’s end are never cut off', async ({
  page,
  server,
}, testInfo) => {
  test.slow();
  await openReader(page, server.url);
  await twoMoreReports(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.locator('#pane').focus();
  await page.keyboard.press('l');
  const metas = page.locator('.library .shelf-meta');
  await expect(metas).toHaveCount(6);
  const cut = await metas.evaluateAll((lines) =>
    lines.filter((line) => line.scrollWidth > line.clientWidth + 1).map((line) => line.textContent),
  );
  expect(cut).toEqual([]);
  await expect(metas.filter({ hasText: /· Word$/ })).toBeInViewport();
  // Two sentences, no space between them.
  await expect(page.locator('.library-hint')).toContainText('拖进窗口。报告会在');
  await page.screenshot({ path: testInfo.outputPath('shelf-390.png'), fullPage: true });
});

/** The WCAG contrast ratio of an element's text against its own (opaque) background. */
function contrastOnOwnBackground(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const rgb = (colour: string) => {
      const parts = colour.match(/[\d.]+/g)!.map(Number);
      return { channels: parts.slice(0, 3), alpha: parts[3] ?? 1 };
    };
    let card: Element | null = node;
    while (card && rgb(getComputedStyle(card).backgroundColor).alpha < 1) card = card.parentElement;
    if (!card) return 0;
    const luminance = (colour: string) => {
      const [r, g, b] = rgb(colour).channels.map((value) => {
        const v = value / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [a, b] = [
      luminance(getComputedStyle(node).color),
      luminance(getComputedStyle(card).backgroundColor),
    ].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}

test('a file dragged over the window: the whole window fades and the words sit on a card that can be read in every theme', async ({
  page,
  server,
}, testInfo) => {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 700 });
    await openReader(page, server.url);
    for (const theme of ['明亮', '护眼', '夜间']) {
      await chooseTheme(page, theme);
      await addByDrop(page, '镇海.txt', text('镇海', 9), true);
      const overlay = page.locator('.drop-overlay');
      await expect(overlay).toBeVisible();
      expect(await overlay.boundingBox()).toEqual({ x: 0, y: 0, width, height: 700 });
      for (const words of [
        overlay.getByText('松开鼠标，把文件加入书架'),
        overlay.getByText('PDF、Word（.docx）、网页（.html）或文本（.txt）'),
      ]) {
        await expect(words).toBeInViewport({ ratio: 1 });
        expect(await contrastOnOwnBackground(words), `${theme} at ${width} px`).toBeGreaterThan(
          4.5,
        );
      }
      await page.screenshot({ path: testInfo.outputPath(`dragging-${width}-${theme}.png`) });
      // The file is dragged away again.
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['x'], 'x.txt'));
        document
          .getElementById('pane')!
          .dispatchEvent(new DragEvent('dragleave', { dataTransfer: transfer, bubbles: true }));
      });
      await expect(overlay).toHaveCount(0);
    }
  }
});

test('results across four reports scroll as one list inside the sidebar: the tabs stay, the last report’s hits can be reached', async ({
  page,
  server,
}, testInfo) => {
  test.slow();
  await openReader(page, server.url);
  const zhenhai = await twoMoreReports(page);
  await addByChooser(page, '北仑.txt', text('北仑', 10));
  await waitForOtherReport(page, zhenhai);
  await expect(page.locator('#pane')).toContainText('北仑区第十一届人民代表大会');
  await page.getByRole('combobox', { name: '搜索范围' }).selectOption('all');
  await page.getByRole('searchbox', { name: '搜索' }).fill('区人民政府');
  const results = page.getByRole('region', { name: '全部报告的搜索结果' });
  await expect(results.locator('.results-group')).toHaveCount(4);
  for (const [width, height] of [
    [1366, 768],
    [800, 800],
  ]) {
    await page.setViewportSize({ width, height });
    const tabs = page.getByRole('tablist', { name: '侧栏' });
    if (width < 960) {
      // The window turning narrow closes the sidebar, on the media query's
      // change event, a frame or more after the resize: wait for it, or the
      // 'o' below may open the sidebar that closing then hides again.
      await expect(tabs).toBeHidden();
      await page.locator('#pane').focus();
      await page.keyboard.press('o');
    }
    await expect(tabs).toBeVisible();
    const sidebar = (await page.locator('#sidebar').boundingBox())!;
    const inSidebar = async (target: Locator) => {
      const box = await target.boundingBox();
      return (
        !!box && box.y >= sidebar.y - 1 && box.y + box.height <= sidebar.y + sidebar.height + 1
      );
    };
    await expect.poll(() => inSidebar(page.getByRole('tab', { name: '目录' }))).toBe(true);
    expect(await inSidebar(results)).toBe(true);
    // The 目录 keeps room below the results.
    const panel = (await page.getByRole('tabpanel').boundingBox())!;
    expect(sidebar.y + sidebar.height - panel.y).toBeGreaterThan(150);
    // The last report's last hit: scrolled to with the wheel, as a reader would.
    const last = results.locator('.results-group').last().getByRole('button').last();
    await results.locator('.results-groups').hover();
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => inSidebar(last)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`results-all-${width}.png`) });
    await results.locator('.results-groups').evaluate((list) => (list.scrollTop = 0));
  }
});

test('bad queries across every report: told why in the results, never a raw error; no results of the query before stay', async ({
  page,
  server,
}) => {
  const problems = await watchProblems(page);
  await openReader(page, server.url);
  await page.getByRole('combobox', { name: '搜索范围' }).selectOption('all');
  const box = page.getByRole('searchbox', { name: '搜索' });
  const results = page.getByRole('region', { name: '全部报告的搜索结果' });
  await box.fill('区人民政府');
  await expect(results.locator('.results-group')).toHaveCount(1);
  await box.fill('政'.repeat(201));
  await expect(results).toHaveText('搜索词太长：最多 200 个字，现在有 201 个。请缩短后再搜。');
  await box.fill('区人民政府');
  await expect(results.locator('.results-group')).toHaveCount(1);
  await box.fill('^“”');
  await expect(results).toHaveText('没有可搜索的文字：请输入汉字、字母或数字。');
  await expect(page.locator('.notice')).toHaveCount(0);
  expect(await problems()).toEqual([]);
});

test('a notice on a phone: its sentence wraps, 知道了 stays one word', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await openReader(page, server.url);
  await addByChooser(page, '一份很长很长的文件名（第二次修改稿）.txt', new Uint8Array(0));
  const notice = page.locator('.notice');
  await expect(notice).toContainText(`没有加入书架：${ERROR_MESSAGES.empty}`);
  const button = notice.getByRole('button', { name: '知道了' });
  await expect.poll(() => lineCount(button)).toBe(1);
  await page.screenshot({ path: testInfo.outputPath('notice-390.png') });
  await button.click();
  await expect(notice).toHaveCount(0);
});

test('five bad files at once: their notices keep to a third of the window, go one by one from the keyboard or all at once', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openReader(page, server.url);
  const names = ['一.txt', '二.txt', '三.txt', '四.txt', '五.txt'];
  for (const name of names) await addByDrop(page, name, new Uint8Array(0));
  const notices = page.locator('.notice');
  await expect(notices).toHaveCount(5, { timeout: 20_000 });
  const bar = (await page.locator('.notices').boundingBox())!;
  expect(bar.height).toBeLessThanOrEqual(700 / 3 + 1);
  // The text below keeps the rest of the window.
  expect((await page.locator('#pane').boundingBox())!.height).toBeGreaterThan(400);
  const all = page.getByRole('button', { name: '全部知道了' });
  await expect(all).toBeInViewport();
  await expect(page.locator('.notices-all')).toContainText('共 5 条提示');
  await page.screenshot({ path: testInfo.outputPath('notices-1024.png') });

  // From the keyboard: focus goes to the next notice's 知道了, not the page's start.
  await notices.first().getByRole('button', { name: '知道了' }).focus();
  await page.keyboard.press('Enter');
  await expect(notices).toHaveCount(4);
  await expect(notices.first().getByRole('button', { name: '知道了' })).toBeFocused();
  await expect(notices.first()).toContainText('“二.txt”');
  await all.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('#pane')).toBeFocused();
});

test('a report without headings says why its 目录 is empty', async ({ page, server }) => {
  await openReader(page, server.url);
  const note =
    '关于今年工作的几点意见\n\n各位代表：请大家在会前阅读材料，准备发言。\n\n会议安排在下周举行，具体时间另行通知。\n';
  await addByChooser(page, '意见.txt', new TextEncoder().encode(note));
  await waitForOtherReport(page, BUNDLED_REPORT_ID);
  const toc = page.getByRole('navigation', { name: '目录' });
  await expect(toc).toHaveText('这份报告里没有找到章节标题（如“一、”“（一）”），所以目录是空的。');
  await expect(toc.getByRole('link')).toHaveCount(0);
});

test('the same file added three times is one notice: news in a status, below the errors in an alert', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const same = new TextEncoder().encode(reportText());
  const errors = page.getByRole('alert').locator('.notice > span');
  const news = page.getByRole('status').locator('.notice > span');
  const all = page.locator('.notices .notice > span');
  const again = '《2018年海曙区政府工作报告》已在书架上，已为你打开。';
  // Each file is parsed in a worker of its own, as the tests above wait for.
  const PARSED = { timeout: 20_000 };
  const empty = (name: string) => `“${name}”没有加入书架：${ERROR_MESSAGES.empty}`;
  await addByChooser(page, '海曙.txt', same);
  await expect(news).toHaveText([again], PARSED);
  await expect(errors).toHaveCount(0);
  // Each step waits for a list only the file just added can make: files are added in turn,
  // so once an empty file's refusal is shown, the 海曙 added before it has been answered.
  await addByChooser(page, '空白一.txt', new Uint8Array(0));
  await expect(errors).toHaveText([empty('空白一.txt')], PARSED);
  await expect(all).toHaveText([empty('空白一.txt'), again]);
  await addByChooser(page, '海曙.txt', same);
  await addByChooser(page, '空白二.txt', new Uint8Array(0));
  await expect(errors).toHaveText([empty('空白一.txt'), empty('空白二.txt')], PARSED);
  await expect(news).toHaveText([again]);
  await addByChooser(page, '海曙.txt', same);
  await addByChooser(page, '空白三.txt', new Uint8Array(0));
  await expect(errors).toHaveText(
    [empty('空白一.txt'), empty('空白二.txt'), empty('空白三.txt')],
    PARSED,
  );
  await expect(news).toHaveText([again]);
});
