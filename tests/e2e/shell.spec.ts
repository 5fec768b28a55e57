/** The shell in browser mode: the 快捷键 sheet and printing. */
import { RENDERER_DIR } from '../../src/services/paths';
import { APP_PAGE_URL, appResponse } from '../../src/main/app-protocol';
import { FEATURE_COMMANDS } from '../../src/renderer/app/commands';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { expect, openReader, test } from './fixtures';

test('? opens the 快捷键 sheet listing every command; Esc closes it and focus returns', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const tocButton = page.getByRole('button', { name: '显示/隐藏目录' });
  await tocButton.focus();
  const pane = page.locator('main.pane');
  const scrollBefore = await pane.evaluate((element) => element.scrollTop);

  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: '快捷键' });
  await expect(sheet).toBeVisible();
  // Generated from the command list: one row per command, each with its keys.
  await expect(sheet.locator('tbody tr')).toHaveCount(
    FEATURE_COMMANDS.flatMap((feature) => feature.commands).length,
  );
  await expect(sheet.getByRole('row', { name: /搜索/ }).first()).toContainText('Ctrl+F');
  await expect(sheet.getByRole('row', { name: /向下翻页/ })).toContainText('空格');
  await expect(sheet.getByRole('row', { name: /快捷键/ })).toContainText('?');
  // Focus is inside the sheet, and keys meant for the text do nothing behind it.
  await expect(sheet.getByRole('button', { name: '关闭' })).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('t');
  expect(await pane.evaluate((element) => element.scrollTop)).toBe(scrollBefore);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);

  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(tocButton).toBeFocused();
  // The TOC toggle still has the focus, and the TOC is still open: Esc went to the sheet only.
  await expect(page.getByRole('navigation', { name: '目录' })).toBeVisible();
});

test('the toolbar ? button opens the sheet, and its 关闭 button closes it', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const button = page.getByRole('button', { name: '快捷键' });
  await button.click();
  const sheet = page.getByRole('dialog', { name: '快捷键' });
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: '关闭' }).click();
  await expect(sheet).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('? typed into the search box is text, not the sheet', async ({ page, server }) => {
  await openReader(page, server.url);
  const box = page.getByRole('searchbox');
  await box.focus();
  await page.keyboard.type('什么?');
  await expect(box).toHaveValue('什么?');
  await expect(page.getByRole('dialog', { name: '快捷键' })).toHaveCount(0);
});

test('printed from the 夜间 theme, the title, the occasion and highlights are in the light theme’s ink', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const looks = () =>
    page.evaluate(() => {
      const color = (selector: string) => getComputedStyle(document.querySelector(selector)!).color;
      const probe = document.createElement('span');
      probe.style.background = 'var(--hl-c1)';
      document.querySelector('.report [data-block]')!.append(probe);
      const highlight = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return { title: color('.report-title'), occasion: color('.meta-occasion'), highlight };
    });
  await page.getByRole('radio', { name: '明亮' }).click();
  await page.emulateMedia({ media: 'print' });
  const light = await looks();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('radio', { name: '夜间' }).click();
  const night = await looks();
  // On screen the night's colours differ…
  expect(night.title).not.toBe(light.title);
  await page.emulateMedia({ media: 'print' });
  // …on paper they are the light theme's: before, a pale pink title (rgb(240, 138, 132)) on white.
  expect(await looks()).toEqual(light);
});

test('print shows the whole report and nothing else, black on white', async ({ page, server }) => {
  await openReader(page, server.url);
  await page.getByRole('radio', { name: '夜间' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.locator('#sidebar')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const looks = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    color: getComputedStyle(document.querySelector('.report')!).color,
    paneOverflow: getComputedStyle(document.querySelector('.pane')!).overflowY,
    // The whole text is in the flow, not a scrolled window onto it.
    reportHeight: document.querySelector('.report')!.getBoundingClientRect().height,
    viewport: window.innerHeight,
  }));
  expect(looks.background).toBe('rgb(255, 255, 255)');
  expect(looks.color).toBe('rgb(0, 0, 0)');
  expect(looks.paneOverflow).toBe('visible');
  expect(looks.reportHeight).toBeGreaterThan(looks.viewport * 5);

  // Highlights and notes added to the text (.annotation…) are printed, not hidden.
  const annotationShown = await page.evaluate(() => {
    const mark = document.createElement('mark');
    mark.className = 'annotation-highlight';
    mark.textContent = '批注';
    document.querySelector('.report [data-block]')!.append(mark);
    return getComputedStyle(mark).display !== 'none';
  });
  expect(annotationShown).toBe(true);

  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('Ctrl+P opens the print dialog (window.print) in browser mode', async ({ page, server }) => {
  await openReader(page, server.url);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.keyboard.press('Control+p');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

test('app:// serves the built page and every file it references, with the CSP', async () => {
  // Not a browser test: it needs the build, which exists only from here on in `npm test`.
  const page = await appResponse(APP_PAGE_URL, 'GET', RENDERER_DIR);
  expect(page.status).toBe(200);
  expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  const html = String(page.body);
  const references = [...html.matchAll(/(?:src|href)="([^"#]+)"/g)].map((match) => match[1]);
  expect(references.length).toBeGreaterThanOrEqual(3);
  for (const reference of references) {
    const url = new URL(reference, APP_PAGE_URL).href;
    expect(url.startsWith('app://bundle/'), reference).toBe(true);
    const answer = await appResponse(url, 'GET', RENDERER_DIR);
    expect(answer.status, url).toBe(200);
  }
  // And nothing beside the renderer folder: the parsed report data is main's, not the page's.
  expect(
    (await appResponse('app://bundle/../data/document.json', 'GET', RENDERER_DIR)).status,
  ).toBe(404);
});

/** The chunks a built script names: its static imports and the ones it loads later. */
const chunksNamedIn = (script: string) =>
  new Set([...script.matchAll(/"\.\/([\w-]+\.js)"/g)].map((match) => match[1]));

test('app:// serves every chunk the page loads later, as scripts; the panels are not in the first bundle', async () => {
  const html = String((await appResponse(APP_PAGE_URL, 'GET', RENDERER_DIR)).body);
  const entries = [...html.matchAll(/<script type="module"[^>]* src="\.\/assets\/([^"]+)"/g)].map(
    (match) => match[1],
  );
  const first = entries.find((name) => name.startsWith('index-'));
  expect(first, 'the first bundle').toBeDefined();
  const seen = new Map<string, string>();
  const todo = [...entries];
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (seen.has(name)) continue;
    const answer = await appResponse(`app://bundle/assets/${name}`, 'GET', RENDERER_DIR);
    expect(answer.status, name).toBe(200);
    expect(answer.headers['Content-Type'], name).toMatch(/^text\/javascript/);
    expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const script = String(answer.body);
    seen.set(name, script);
    todo.push(...chunksNamedIn(script));
  }
  // 数说报告 (with its figures' code and the chart), 修订对照, the 书架 and the 快捷键 sheet
  // are chunks of their own, reached from the first bundle.
  const names = [...seen.keys()];
  for (const part of [
    'figures-',
    'ComparisonChart-',
    'EditionsPanel-',
    'LibraryLayer-',
    'ShortcutsDialog-',
  ]) {
    expect(
      names.some((name) => name.startsWith(part)),
      part,
    ).toBe(true);
  }
  // None of them is imported by the first bundle before it runs: its static imports are all it waits for.
  const waitsFor = [...seen.get(first!)!.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)].map(
    (match) => match[1],
  );
  expect(
    waitsFor.every((name) => name.startsWith('rolldown-runtime-')),
    waitsFor.join(),
  ).toBe(true);
});
