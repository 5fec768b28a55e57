/** The report's 名词解释 explained where the terms are read: popovers and the panel. */
import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { chooseTheme, expect, openReader, READY_SELECTOR, test } from './fixtures';
import { inputMethod } from './ime';

const term = (page: Page, text: string) =>
  page.locator('article.report [data-glossary]', { hasText: text });

async function box(locator: Locator) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error('not laid out');
  return rect;
}

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Scrolls the reading pane so the element's top sits `top` px below the window's top. */
async function placeAt(page: Page, locator: Locator, top: number): Promise<void> {
  await locator.evaluate((element, wanted) => {
    const pane = document.querySelector('main.pane')!;
    document.querySelector('.report')!.classList.add('settled');
    pane.scrollTop += element.getBoundingClientRect().top - wanted;
  }, top);
}

test('hovering a term opens its definition after a short delay; moving into the popover keeps it', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const target = term(page, '城市双修');
  // The popover layer is a chunk of its own; a pointer there before it has bound the
  // term (aria-expanded) meets nothing, as a hover then would (left alone for now).
  await expect(target).toHaveAttribute('aria-expanded', 'false', { timeout: 15_000 });
  await target.scrollIntoViewIfNeeded();
  await target.hover();
  const dialog = page.getByRole('dialog', { name: '城市双修' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('名词解释');
  await expect(dialog).toContainText('是指用再生态的理念，修复城市中被破坏的自然环境和地形地貌');
  await expect(dialog).toContainText('第 1/1 处');
  await expect(target).toHaveAttribute('aria-expanded', 'true');

  // From the term down into the popover, then onto its link: it stays open.
  const link = dialog.getByRole('link', { name: '查看附件中的解释' });
  const to = await box(link);
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.waitForTimeout(400);
  await expect(dialog).toBeVisible();

  // Away from both, it closes.
  await page.mouse.move(5, 300, { steps: 4 });
  await expect(dialog).toBeHidden();
});

test('a term focused before the popover layer has loaded opens once it has', async ({
  page,
  server,
}) => {
  // Hold the lazily loaded layer back until the reader has tabbed to a term.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/GlossaryTerms-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openReader(page, server.url);
  await page.locator('main.pane').focus();
  await page.keyboard.press('Tab');
  await expect(term(page, '“365”产业投资导向')).toBeFocused();
  const dialog = page.getByRole('dialog', { name: '“365”产业投资导向' });
  await expect(dialog).toHaveCount(0);
  release();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“3”是指智能经济、数字经济、时尚经济三大产业集群');
});

test('keyboard focus opens the definition; Tab enters it and Esc closes it, focus back on the term', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.locator('main.pane').focus();
  await page.keyboard.press('Tab');
  const first = term(page, '“365”产业投资导向');
  await expect(first).toBeFocused();
  // A button whose accessible name is the term itself.
  await expect(page.getByRole('button', { name: '“365”产业投资导向', exact: true })).toBeFocused();
  const dialog = page.getByRole('dialog', { name: '“365”产业投资导向' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“3”是指智能经济、数字经济、时尚经济三大产业集群');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();

  // Enter opens it again; Tab moves into it; Esc there gives focus back to the term.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('link', { name: '查看附件中的解释' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();

  // Tab out of the popover continues in the text: the next term, with its own definition.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('link', { name: '查看附件中的解释' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog).toBeHidden();
  await expect(term(page, '三品')).toBeFocused();
  await expect(page.getByRole('dialog', { name: '三品' })).toContainText(
    '是指消费品工业“增品种、提品质、创品牌”',
  );
});

test('opened from the keyboard, a popover stays open through Enter and Space on its term; Esc closes it, focus back on the term', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page.locator('main.pane').focus();
  await page.keyboard.press('Tab');
  const first = term(page, '“365”产业投资导向');
  await expect(first).toBeFocused();
  const dialog = page.getByRole('dialog', { name: '“365”产业投资导向' });
  await expect(dialog).toBeVisible();
  // The keys a keyboard reader presses to open it: before, Enter closed what focus had opened.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
  await expect(first).toBeFocused();
  // Into it and back out to the term: still open, and Enter there keeps it so.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('link', { name: '查看附件中的解释' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  // Esc closes it and leaves focus on the term; Enter then opens it again, and a second Enter keeps it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  // Stepping from a popover by keyboard lands on the next occurrence's term, open: Enter keeps it open.
  const hidden = term(page, '隐形冠军');
  await hidden.focus();
  const second = page.getByRole('dialog', { name: '单打冠军' });
  await page
    .getByRole('dialog', { name: '隐形冠军' })
    .getByRole('button', { name: '下一处' })
    .focus();
  await page.keyboard.press('Enter');
  await expect(term(page, '单打冠军')).toBeFocused();
  await expect(second).toContainText('第 2/2 处');
  await page.keyboard.press('Enter');
  await expect(second).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(second).toBeHidden();
  await expect(term(page, '单打冠军')).toBeFocused();
});

test('Tab out of the last term’s popover leaves it for good: focus wraps to the page’s start, not back and forth', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const last = term(page, '两强三提高');
  await last.focus();
  const dialog = page.getByRole('dialog', { name: '两强三提高' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  const link = dialog.getByRole('link', { name: '查看附件中的解释' });
  await expect(link).toBeFocused();
  // Nothing after the last term can take focus: Tab goes round to the start of the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(link).toHaveCount(0);
  await expect(page.getByRole('button', { name: '书架' })).toBeFocused();
});

test('a long definition is shown in a narrow column, not one line across a wide window', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openReader(page, server.url);
  const creditTerm = term(page, '创新券');
  await creditTerm.focus();
  const dialog = page.getByRole('dialog', { name: '创新券' });
  await expect(dialog).toBeVisible();
  // glossary.css keeps it to 24em of its 14 px text (with its padding and border), as wide as
  // the text column at most; before, the room's width (some 980 px) replaced that, a 70-character line.
  const shown = await box(dialog);
  expect(shown.width).toBeLessThanOrEqual(24 * 14 + 2 * 14 + 2);
  const definition = await box(dialog.locator('.popover-definition'));
  expect(definition.height).toBeGreaterThan(3 * 14);
});

test('clicking a term opens its definition and keeps it open until dismissed', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const target = term(page, '创新券');
  // The popover layer is a chunk of its own; a pointer there before it has bound the
  // term (aria-expanded) meets nothing, as a hover then would (left alone for now).
  await expect(target).toHaveAttribute('aria-expanded', 'false', { timeout: 15_000 });
  await target.scrollIntoViewIfNeeded();
  await target.click();
  const dialog = page.getByRole('dialog', { name: '创新券' });
  await expect(dialog).toContainText('是指以政府购买服务的方式支持科技型中小微企业');
  // Opened by a click, it does not go away when the mouse does.
  await page.mouse.move(5, 300, { steps: 4 });
  await page.waitForTimeout(500);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The link goes to the entry in the appendix, and takes focus there.
  await target.click();
  await dialog.getByRole('link', { name: '查看附件中的解释' }).click();
  await expect(dialog).toBeHidden();
  const entry = page.locator('p.glossary-entry', { hasText: /^5\. 创新券：/ });
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
});

test('next and previous move between the occurrences of an entry', async ({ page, server }) => {
  await openReader(page, server.url);
  const hidden = term(page, '隐形冠军');
  await hidden.scrollIntoViewIfNeeded();
  await hidden.click();
  const first = page.getByRole('dialog', { name: '隐形冠军' });
  await expect(first).toContainText('第 1/2 处');
  await expect(first.getByRole('button', { name: '上一处' })).toBeDisabled();

  await first.getByRole('button', { name: '下一处' }).click();
  const second = page.getByRole('dialog', { name: '单打冠军' });
  await expect(second).toContainText('第 2/2 处');
  await expect(second).toContainText('“隐形冠军”是指');
  await expect(first).toBeHidden();
  await expect(term(page, '单打冠军')).toBeFocused();
  await expect(second.getByRole('button', { name: '下一处' })).toBeDisabled();

  await second.getByRole('button', { name: '上一处' }).click();
  await expect(page.getByRole('dialog', { name: '隐形冠军' })).toContainText('第 1/2 处');
  await expect(hidden).toBeFocused();
});

test('at 800×600 the popover of a term by the window’s bottom edge stays on screen, off the term, and follows it', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openReader(page, server.url);
  // The longest definition, for a term on the last line of the window.
  const target = term(page, '“365”产业投资导向');
  await placeAt(page, target, 560);
  await target.click();
  const dialog = page.getByRole('dialog', { name: '“365”产业投资导向' });
  await expect(dialog).toBeVisible();

  const check = async () => {
    const popover = await box(dialog);
    const anchor = await box(target);
    expect(popover.x).toBeGreaterThanOrEqual(0);
    expect(popover.y).toBeGreaterThanOrEqual(0);
    expect(popover.x + popover.width).toBeLessThanOrEqual(800);
    expect(popover.y + popover.height).toBeLessThanOrEqual(600);
    expect(overlaps(popover, anchor)).toBe(false);
    return { popover, anchor };
  };
  const before = await check();
  // No room below: it opened above the term.
  expect(before.popover.y + before.popover.height).toBeLessThanOrEqual(before.anchor.y);

  // Scrolling the text moves the popover with its term.
  await page.locator('main.pane').evaluate((pane) => (pane.scrollTop += 120));
  await expect.poll(async () => (await box(dialog)).y).toBeCloseTo(before.popover.y - 120, 0);
  await check();
});

for (const theme of ['明亮', '夜间'] as const) {
  test(`an open popover in the ${theme} theme is drawn in that theme's colours`, async ({
    page,
    server,
  }, testInfo) => {
    await page.setViewportSize({ width: 1000, height: 640 });
    await openReader(page, server.url);
    await chooseTheme(page, theme);
    const target = term(page, '“凤凰行动”计划');
    await placeAt(page, target, 260);
    await target.click();
    const dialog = page.getByRole('dialog', { name: '“凤凰行动”计划' });
    await expect(dialog).toContainText('是指以企业上市和并购重组为核心的计划方案');

    const colours = await dialog.evaluate((element) => {
      const style = getComputedStyle(element);
      const root = getComputedStyle(document.body);
      return { popover: style.backgroundColor, text: style.color, page: root.backgroundColor };
    });
    // A raised surface, distinct from the page, with the theme's text: dark on light or light on dark.
    expect(colours.popover).not.toBe(colours.page);
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const dark = theme === '夜间';
    expect(luminance(colours.popover) < luminance(colours.text)).toBe(dark);

    const shot = await page.screenshot();
    const name = `glossary-popover-${dark ? 'dark' : 'light'}.png`;
    await testInfo.attach(name, { body: shot, contentType: 'image/png' });
    await writeFile(testInfo.outputPath(name), shot);
  });
}

test('the 名词解释 panel lists every entry with its count; it jumps to and steps through occurrences', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  // The sidebar is open beside the text: g switches it to the 名词解释 tab.
  await page.keyboard.press('g');
  await expect(page.getByRole('tab', { name: '名词解释' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const panel = page.getByRole('region', { name: /名词解释/ });
  await expect(panel).toContainText('10 条 · 11 处');
  const rows = panel.getByRole('listitem');
  await expect(rows).toHaveCount(10);
  await expect(rows.nth(3)).toContainText('隐形冠军、单打冠军');
  await expect(rows.nth(3)).toContainText('2 处');
  await expect(rows.nth(9)).toContainText('两强三提高');

  // The row's term jumps to the text: the term is focused and explained.
  await rows.nth(3).getByRole('button', { name: '隐形冠军、单打冠军', exact: true }).click();
  await expect(term(page, '隐形冠军')).toBeFocused();
  await expect(term(page, '隐形冠军')).toBeInViewport();
  await expect(page.getByRole('dialog', { name: '隐形冠军' })).toContainText('第 1/2 处');

  // Stepping from the panel shows the next occurrence and keeps focus in the panel.
  const next = rows.nth(3).getByRole('button', { name: '隐形冠军、单打冠军：下一处' });
  await next.click();
  await expect(page.getByRole('dialog', { name: '单打冠军' })).toContainText('第 2/2 处');
  await expect(rows.nth(3)).toContainText('第 2/2 处');
  await expect(next).toBeDisabled();
  await rows.nth(3).getByRole('button', { name: '隐形冠军、单打冠军：上一处' }).click();
  await expect(page.getByRole('dialog', { name: '隐形冠军' })).toBeVisible();

  // g again closes the sidebar; g once more opens it on this panel, with focus on its first entry.
  await page.locator('main.pane').focus();
  await page.keyboard.press('g');
  await expect(rows).toHaveCount(0);
  await page.keyboard.press('g');
  await expect(rows.first().getByRole('button').first()).toBeFocused();
});

/** Selects the first place the phrase is written in the report, as a reader dragging over it would. */
async function selectPhrase(page: Page, phrase: string): Promise<string> {
  return page.evaluate((wanted) => {
    const report = document.querySelector('article.report')!;
    const walker = document.createTreeWalker(report, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return node.parentElement!.closest('[data-block]')!.id;
    }
    throw new Error(`${wanted} is not in the report`);
  }, phrase);
}

test('a reader’s own term: added from a selection, marked and explained as theirs, edited, deleted, and kept across reloads', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const block = await selectPhrase(page, '最多跑一次');
  const textBefore = await page.locator(`#${block}`).textContent();

  // The selection's toolbar offers it (as does the key d).
  await page
    .getByRole('toolbar', { name: '批注工具' })
    .getByRole('button', { name: '注释词语…' })
    .click();
  const form = page.getByRole('dialog', { name: '添加我的注释' });
  await expect(form.getByLabel('词语')).toHaveValue('最多跑一次');
  await expect(form.getByLabel('我的解释')).toBeFocused();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toHaveText('请填写解释。');
  await form.getByLabel('我的解释').fill('群众和企业到政府办一件事，最多只跑一次。');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  const marks = page.locator('article.report .user-term');
  await expect(marks).toHaveCount(2);
  await expect(marks).toHaveText(['最多跑一次', '最多跑一次']);
  // Marked by wrapping only: the block's text is exactly what it was.
  expect(await page.locator(`#${block}`).textContent()).toBe(textBefore);

  const open = async () => {
    await marks.first().scrollIntoViewIfNeeded();
    await marks.first().click();
    const popover = page.getByRole('dialog', { name: '最多跑一次' });
    await expect(popover).toBeVisible();
    return popover;
  };
  let popover = await open();
  await expect(popover).toContainText('我的注释');
  await expect(popover).not.toContainText('名词解释');
  await expect(popover).toContainText('群众和企业到政府办一件事，最多只跑一次。');
  await expect(popover).toContainText('第 1/2 处');
  await expect(popover.getByRole('link', { name: '查看附件中的解释' })).toHaveCount(0);

  // A new server on the same data folder, a fresh page: the term is still there.
  await server.restart();
  await page.goto(server.url);
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await expect(marks).toHaveCount(2);
  popover = await open();
  await expect(popover).toContainText('群众和企业到政府办一件事，最多只跑一次。');

  // Edit.
  await popover.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑我的注释' });
  await edit.getByLabel('我的解释').fill('改革口号：一次办成。');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  popover = await open();
  await expect(popover).toContainText('改革口号：一次办成。');

  // Delete, after a second confirmation.
  await popover.getByRole('button', { name: '删除' }).click();
  await popover.getByRole('button', { name: '确认删除' }).click();
  await expect(marks).toHaveCount(0);
  expect(await page.locator(`#${block}`).textContent()).toBe(textBefore);
  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await expect(page.locator('article.report [data-glossary]')).toHaveCount(11);
  await expect(marks).toHaveCount(0);
});

test('marking a reader’s term keeps search highlights on their words', async ({ page, server }) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  // Matches that lie where the term will be: marking moves exactly these words into new nodes.
  await box.fill('跑一次');
  const highlighted = () =>
    page.evaluate(() => [...(CSS.highlights.get('search') ?? [])].map((range) => range.toString()));
  await expect.poll(highlighted).toEqual(['跑一次', '跑一次']);

  // Out of the search box (where d is typed), then select the phrase.
  await page.locator('main.pane').focus();
  await selectPhrase(page, '最多跑一次');
  await page.keyboard.press('d');
  const form = page.getByRole('dialog', { name: '添加我的注释' });
  await form.getByLabel('我的解释').fill('一次办成。');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('article.report .user-term')).toHaveCount(2);
  await expect.poll(highlighted).toEqual(['跑一次', '跑一次']);
});

/** Selects a phrase and opens the form for the reader's own term on it (key d), its explanation focused. */
async function openTermForm(page: Page, phrase: string) {
  await selectPhrase(page, phrase);
  await page.keyboard.press('d');
  const form = page.getByRole('dialog', { name: '添加我的注释' });
  const explanation = form.getByLabel('我的解释');
  await expect(explanation).toBeFocused();
  return { form, explanation };
}

test('Esc in the form of a reader’s term, with an explanation typed, asks before it throws the words away', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const { form, explanation } = await openTermForm(page, '最多跑一次');
  await (await inputMethod(page)).type(['q', 'qunzhong'], '群众办事只跑一次');
  await page.keyboard.press('Escape');
  await expect(form.getByRole('alert')).toContainText('写下的解释还没有保存');
  await expect(explanation).toHaveValue('群众办事只跑一次');
  // Typing on asks again; a second Esc in a row lets it go.
  await explanation.press('End');
  await page.keyboard.type('。');
  await form.getByRole('button', { name: '取消' }).click();
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.locator('article.report .user-term')).toHaveCount(0);

  // Nothing typed: Esc closes at once.
  await selectPhrase(page, '最多跑一次');
  await page.keyboard.press('d');
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
});

test('Ctrl+Enter saves a reader’s term, as it saves a note; not while the input method is composing', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const { form, explanation } = await openTermForm(page, '最多跑一次');
  const ime = await inputMethod(page);
  await ime.type(['y', 'yici'], '一次办成');
  // The input method still composing: its Enter is its own.
  await ime.compose(['b']);
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeVisible();
  await ime.type(['ba'], '吧');
  await expect(explanation).toHaveValue('一次办成吧');
  // Before, Ctrl+Enter did nothing here: the reader had to reach for 保存.
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(page.locator('article.report .user-term')).toHaveCount(2);
});
