/** The reading view in browser mode, driven as a reader would drive it. */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, HEAD_SCRIPT_HASHES } from '../../src/shared/csp';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import {
  expect,
  offsetInPane,
  openReader,
  READY_SELECTOR,
  scrollToHeading,
  test,
} from './fixtures';

const settingsFile = (dataDir: string) => join(dataDir, 'settings.json');

/** The bundled report's place as the library keeps it (where the reader is, folded 目录 entries). */
async function storedView(dataDir: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(dataDir, 'library.json'), 'utf8').catch(() => '{}');
  const library = JSON.parse(text) as { library?: { reports: { id: string; view: object }[] } };
  const bundled = library.library?.reports.find((report) => report.id === BUNDLED_REPORT_ID);
  return (bundled?.view ?? {}) as Record<string, unknown>;
}

async function storedSettings(dataDir: string): Promise<Record<string, unknown>> {
  const text = await readFile(settingsFile(dataDir), 'utf8').catch(() => '{}');
  return (JSON.parse(text) as { settings?: Record<string, unknown> }).settings ?? {};
}

test('opens the report with its title block, repaired text and a full TOC', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('政府工作报告');
  await expect(
    page.getByText('2018年2月7日在海曙区第十一届人民代表大会第二次会议上'),
  ).toBeVisible();
  await expect(page.getByText('区长 褚孟彤')).toBeVisible();

  const toc = page.getByRole('navigation', { name: '目录' });
  await expect(toc.getByRole('link')).toHaveCount(36);
  await expect(toc.getByRole('link', { name: '一、2017年工作回顾' })).toBeVisible();
  await expect(toc.getByRole('link', { name: '强化平台建设' })).toBeVisible();
  await expect(toc.getByRole('link', { name: '附件：名词解释' })).toBeVisible();

  const text = await page.locator('article.report').innerText();
  expect(text).toContain('14个地块完成挂牌出让');
  expect(text).toContain('新增各类市场主体17282家');
  expect(text).not.toContain('**');
  expect(text).not.toMatch(/\p{Script=Han} +\d/u);
  // The bold passage of the source is bold on screen, without asterisks.
  await expect(page.locator('strong.emphasis')).toContainText(
    '高举习近平新时代中国特色社会主义思想伟大旗帜',
  );

  const shot = await page.screenshot();
  await testInfo.attach('reader-1280x800', { body: shot, contentType: 'image/png' });
  await writeFile(testInfo.outputPath('reader-1280x800.png'), shot);
});

test('TOC click jumps to the section and marks it current; scrolling moves the mark', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const toc = page.getByRole('navigation', { name: '目录' });
  const link = toc.getByRole('link', { name: '强化平台建设' });
  await link.click();

  const target = page.locator('p[data-block]', {
    hasText: /^强化平台建设。谋划启动军民融合产业园/,
  });
  const id = await target.getAttribute('id');
  expect(Math.abs(await offsetInPane(page, id!))).toBeLessThan(30);
  await expect(link).toHaveAttribute('aria-current', 'location');
  await expect(target).toBeFocused();

  // Scroll by hand to the 三、 section: the mark follows.
  await scrollToHeading(page, '三、');
  await expect(toc.getByRole('link', { name: '三、切实加强政府自身建设' })).toHaveAttribute(
    'aria-current',
    'location',
  );
  await expect(link).not.toHaveAttribute('aria-current', 'location');
});

test('TOC sections collapse, and stay collapsed after a reload', async ({ page, server }) => {
  await openReader(page, server.url);
  const toc = page.getByRole('navigation', { name: '目录' });
  const fold = toc.getByRole('button', { name: '折叠：二、2018年主要目标任务' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.click();
  await expect(toc.getByRole('link', { name: '强化平台建设' })).toHaveCount(0);
  await expect(toc.getByRole('link')).toHaveCount(36 - 22);

  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await expect(toc.getByRole('button', { name: '展开：二、2018年主要目标任务' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(toc.getByRole('link', { name: '强化平台建设' })).toHaveCount(0);
});

test('theme and font size persist across a reload and a server restart', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await expect(page.getByLabel('当前字号')).toHaveText('18');
  await page.getByRole('button', { name: '增大字号' }).click();
  await page.getByRole('button', { name: '增大字号' }).click();
  await expect(page.getByLabel('当前字号')).toHaveText('22');
  await page.getByRole('radio', { name: '护眼' }).click();
  // Arrow keys move within the theme group, as in any radio group.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '夜间' })).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await expect
    .poll(() => storedSettings(server.dataDir))
    .toMatchObject({ theme: 'dark', fontSize: 22 });
  await server.restart();
  // What the page looks like before the interface mounts: boot.js must already
  // have applied the theme and size, so the reader sees no white flash.
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      const root = document.documentElement;
      (window as unknown as { early: unknown }).early = {
        theme: root.dataset.theme,
        fontSize: root.style.getPropertyValue('--reader-font-size'),
        mounted: root.dataset.ready === 'true',
      };
    }),
  );
  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('当前字号')).toHaveText('22');
  const looks = await page.evaluate(() => {
    const report = document.querySelector('article.report')!;
    return {
      fontSize: getComputedStyle(report).fontSize,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
  expect(looks.fontSize).toBe('22px');
  expect(looks.background).toBe('rgb(24, 25, 27)');
  expect(await page.evaluate(() => (window as unknown as { early: unknown }).early)).toEqual({
    theme: 'dark',
    fontSize: '22px',
    mounted: false,
  });
});

test('the theme follows the system until the reader picks one', async ({ browser, server }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openReader(page, server.url);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(24, 25, 27)',
  );
  await page.getByRole('radio', { name: '护眼' }).click();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(245, 236, 217)',
  );
  await context.close();
});

test('the reading position is restored on the next start', async ({ page, server }) => {
  await openReader(page, server.url);
  await page
    .getByRole('navigation', { name: '目录' })
    .getByRole('link', { name: '（三）崇尚实干担当，提高服务水平' })
    .click();
  // Then read on a little, by hand.
  await page.locator('main.pane').evaluate((pane) => pane.scrollBy(0, 100));
  const target = page.locator('p[data-block]', { hasText: /^（三）崇尚实干担当/ });
  const id = (await target.getAttribute('id'))!;
  const before = await offsetInPane(page, id);
  await expect
    .poll(async () => (await storedView(server.dataDir)).position)
    .toMatchObject({ block: id });

  await server.restart();
  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  expect(Math.abs((await offsetInPane(page, id)) - before)).toBeLessThan(4);
});

test('keyboard alone: skip link, visible focus, Space and j/k, [ and ] between sections', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const pane = page.locator('main.pane');
  const scrollTop = () => pane.evaluate((element) => element.scrollTop);

  // Nothing has focus yet: Space and End read on, as in any document.
  await page.keyboard.press('Space');
  await expect.poll(scrollTop).toBeGreaterThan(300);
  await page.keyboard.press('Home');
  await expect.poll(scrollTop).toBe(0);

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '书架' })).toBeFocused();
  await page.keyboard.press('Tab');
  const tocButton = page.getByRole('button', { name: '显示/隐藏目录' });
  await expect(tocButton).toBeFocused();
  expect(await tocButton.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe(
    'none',
  );
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(pane).toBeFocused();

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect.poll(scrollTop).toBeGreaterThan(100);
  const afterJ = await scrollTop();
  await page.keyboard.press('k');
  await expect.poll(scrollTop).toBeLessThan(afterJ);
  await pane.evaluate((element) => element.scrollTo({ top: 0 }));

  const toc = page.getByRole('navigation', { name: '目录' });
  const current = toc.locator('[aria-current="location"]');
  await page.keyboard.press(']');
  await expect(current).toHaveText('一、2017年工作回顾');
  await page.keyboard.press(']');
  await expect(current).toHaveText('（一）融合发展平稳推进');
  await page.keyboard.press(']');
  await expect(current).toHaveText('（二）增长后劲积极培育');
  await page.keyboard.press('[');
  await expect(current).toHaveText('（一）融合发展平稳推进');
  // Inside a long section, [ goes back to its start first, then to the one before.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('[');
  await expect(current).toHaveText('（一）融合发展平稳推进');
  const section = page.locator('p[data-block]', { hasText: /^（一）融合发展平稳推进/ });
  expect(Math.abs(await offsetInPane(page, (await section.getAttribute('id'))!))).toBeLessThan(30);
  await page.keyboard.press('[');
  await expect(current).toHaveText('一、2017年工作回顾');

  // Keys change the font size too, and a TOC link works with Enter.
  await page.keyboard.press('+');
  await expect(page.getByLabel('当前字号')).toHaveText('20');
  const link = toc.getByRole('link', { name: '做大智能产业集群' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(link).toHaveAttribute('aria-current', 'location');
  // Arrow keys on a focused TOC link belong to the TOC, not the text.
  const before = await scrollTop();
  await link.focus();
  await page.keyboard.press('ArrowDown');
  expect(await scrollTop()).toBe(before);
});

test('changing the font size keeps the reader on the same passage', async ({ page, server }) => {
  await openReader(page, server.url);
  const toc = page.getByRole('navigation', { name: '目录' });
  await toc.getByRole('link', { name: '加大惠农富农力度' }).click();
  const target = page.locator('p[data-block]', { hasText: /^加大惠农富农力度。/ });
  const id = (await target.getAttribute('id'))!;
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '增大字号' }).click();
  await expect(page.getByLabel('当前字号')).toHaveText('24');
  expect(Math.abs(await offsetInPane(page, id))).toBeLessThan(30);
  await page.keyboard.press('0');
  await expect(page.getByLabel('当前字号')).toHaveText('18');
  expect(Math.abs(await offsetInPane(page, id))).toBeLessThan(30);
});

test('a reload right after scrolling still comes back to the latest place', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await page
    .getByRole('navigation', { name: '目录' })
    .getByRole('link', { name: '深化社会治理' })
    .click();
  const target = page.locator('p[data-block]', { hasText: /^深化社会治理。/ });
  const id = (await target.getAttribute('id'))!;
  // Reload at once: well inside the save delay, so only the flush on page hide saves it.
  await page.reload();
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  expect(Math.abs(await offsetInPane(page, id))).toBeLessThan(30);
});

test('at 800×600 the TOC opens over the text, jumps, and gets out of the way', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openReader(page, server.url);
  const toc = page.getByRole('navigation', { name: '目录' });
  await expect(toc).toHaveCount(0);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await page.getByRole('button', { name: '显示/隐藏目录' }).click();
  await expect(toc).toBeVisible();
  await writeFile(testInfo.outputPath('reader-800x600-toc.png'), await page.screenshot());
  await page.keyboard.press('Escape');
  await expect(toc).toHaveCount(0);
  await page.keyboard.press('o');
  await expect(toc).toBeVisible();
  // Opened from the keyboard, focus goes into the TOC; closed, it returns to the toggle.
  await expect(toc.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: '显示/隐藏目录' })).toBeFocused();
  await page.keyboard.press('o');
  await toc.getByRole('link', { name: '深化城市管理' }).click();
  await expect(toc).toHaveCount(0);
  const target = page.locator('p[data-block]', { hasText: /^深化城市管理。/ });
  expect(Math.abs(await offsetInPane(page, (await target.getAttribute('id'))!))).toBeLessThan(30);
  await writeFile(testInfo.outputPath('reader-800x600.png'), await page.screenshot());
});

test('a corrupt settings file is moved aside, the reader is told, and nothing is lost', async ({
  page,
  server,
}) => {
  await writeFile(settingsFile(server.dataDir), '{"schemaVersion":1,"settings":{"theme":');
  await server.restart();
  await openReader(page, server.url);
  await expect(page.getByRole('alert')).toContainText('设置文件已损坏');
  const { readdir } = await import('node:fs/promises');
  const kept = (await readdir(server.dataDir)).filter((name) =>
    name.startsWith('settings.json.corrupt-'),
  );
  expect(kept).toHaveLength(1);
  expect(await readFile(join(server.dataDir, kept[0]), 'utf8')).toBe(
    '{"schemaVersion":1,"settings":{"theme":',
  );
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the page runs under a CSP that blocks inline script and eval', async ({ page, server }) => {
  await openReader(page, server.url);
  // page.evaluate itself is exempt from CSP (it is a DevTools evaluation), so the
  // probes below make the page's own context run inline code and string eval.
  const result = await page.evaluate(async () => {
    const blocked: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      blocked.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
    const state = window as unknown as Record<string, number | undefined>;
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__handler = 1');
    document.body.append(div);
    div.click();
    // A string timer is eval: it needs 'unsafe-eval'.
    setTimeout('window.__timer = 1' as unknown as () => void, 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    div.remove();
    return { handler: state.__handler, timer: state.__timer, blocked };
  });
  expect(result.handler).toBeUndefined();
  expect(result.timer).toBeUndefined();
  expect(result.blocked).toContain('script-src-attr inline');
  expect(result.blocked).toContain('script-src eval');
  await expect(page.addScriptTag({ content: 'window.__tag = 1' })).rejects.toThrow(
    /Content Security Policy/,
  );
  expect(
    await page.evaluate(() => (window as unknown as { __tag?: number }).__tag),
  ).toBeUndefined();
});

test('the built page carries exactly the shared CSP, in meta tag and header, and no inline script but the two head scripts it allows by hash', async ({
  request,
  server,
}) => {
  const response = await request.get(server.url);
  expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const inline = scripts.filter(([, attributes]) => !/\bsrc=/.test(attributes));
  expect(scripts.length).toBeGreaterThan(inline.length);
  for (const [, attributes, body] of scripts) {
    if (/\bsrc=/.test(attributes)) expect(body.trim()).toBe('');
  }
  // boot.js and early-calls.js, each exactly as the CSP's hash of it says.
  expect(
    inline.map(([, , body]) => `sha256-${createHash('sha256').update(body).digest('base64')}`),
  ).toEqual(Object.values(HEAD_SCRIPT_HASHES));
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/\sstyle=/i);
});
