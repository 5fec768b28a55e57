/**
 * The first moments after opening, before the layout settles (off-screen
 * paragraphs have estimated heights until the browser is idle: reading.css):
 * a reader who scrolls, drags the scrollbar, tabs to a far term, or jumps to a
 * 目录 heading or a search hit, then, must not see the text move once the
 * paragraphs above get their real heights (scroll.ts's settleLayout).
 * The CPU is slowed as on a busy laptop, and the page's idle callbacks are
 * held until the test lets them go, so the layout surely settles after the
 * reader acted.
 */
import type { Page } from '@playwright/test';
import { expect, openReader, READY_SELECTOR, test } from './fixtures';

/** Holds requestIdleCallback's callbacks until `window.releaseIdle()`. Call before the page loads. */
async function holdIdle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const held: (() => void)[] = [];
    let released = false;
    window.requestIdleCallback = (run) => {
      const call = () => run({ didTimeout: false, timeRemaining: () => 50 } as IdleDeadline);
      if (released) setTimeout(call);
      else held.push(call);
      return held.length;
    };
    window.cancelIdleCallback = (handle) => {
      held[handle - 1] = () => {};
    };
    Object.assign(window, {
      releaseIdle: () => {
        released = true;
        held.splice(0).forEach((call) => call());
      },
    });
  });
}

async function slowCpu(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

const frames = (page: Page, count: number) =>
  page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame);
  }, count);

/** The block at the top edge of the pane and its top, in px below the pane's top. */
const blockAtTop = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('main.pane')!;
    const top = pane.getBoundingClientRect().top;
    const block = [...pane.querySelectorAll<HTMLElement>('[data-block]')].find(
      (element) => element.getBoundingClientRect().bottom > top + 1,
    )!;
    return { id: block.id, top: block.getBoundingClientRect().top - top };
  });

const topOf = (page: Page, id: string) =>
  page.evaluate((block) => {
    const pane = document.querySelector('main.pane')!;
    return (
      document.getElementById(block)!.getBoundingClientRect().top - pane.getBoundingClientRect().top
    );
  }, id);

/** Lets the held idle callbacks run, and waits until the layout is settled and drawn. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { releaseIdle(): void }).releaseIdle());
  await expect(page.locator('.report.settled')).toHaveCount(1);
  await frames(page, 3);
}

test.beforeEach(async ({ page }) => {
  await holdIdle(page);
  await slowCpu(page);
});

test('text scrolled before the layout settles stays where the reader has it', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await expect(page.locator('.report.settled')).toHaveCount(0);
  await page.locator('main.pane').hover();
  await page.mouse.wheel(0, 6000);
  await expect
    .poll(() => page.evaluate(() => document.querySelector('main.pane')!.scrollTop))
    .toBeGreaterThan(3000);
  await frames(page, 2);
  const seen = await blockAtTop(page);
  // The paragraphs that came near the view are laid out over the next frames…
  await frames(page, 6);
  expect(Math.abs((await topOf(page, seen.id)) - seen.top)).toBeLessThan(3);
  // …and all of those above once the browser is idle.
  await settle(page);
  expect(Math.abs((await topOf(page, seen.id)) - seen.top)).toBeLessThan(3);
});

test('a jump to a 目录 heading before the layout settles lands, and stays', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openReader(page, server.url);
  await expect(page.locator('.report.settled')).toHaveCount(0);
  const heading = page.getByRole('navigation', { name: '目录' }).locator('.toc-link').nth(6);
  const target = (await heading.getAttribute('href'))!.slice(1);
  await heading.click();
  const landed = await topOf(page, target);
  await settle(page);
  expect(Math.abs((await topOf(page, target)) - landed)).toBeLessThan(3);
});

test('a search hit far down shown before the layout settles stays', async ({ page, server }) => {
  await openReader(page, server.url);
  await expect(page.locator('.report.settled')).toHaveCount(0);
  // The text's only 政务服务网 is in its 46th paragraph.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('政务服务网');
  await page.keyboard.press('Enter');
  const hitTop = () =>
    page.evaluate(() => {
      const range = [...(CSS.highlights.get('search-current') ?? [])][0];
      if (!(range instanceof Range)) return null;
      const pane = document.querySelector('main.pane')!;
      return range.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    });
  await expect.poll(hitTop).not.toBeNull();
  const shown = (await hitTop())!;
  expect(shown).toBeGreaterThan(0);
  await settle(page);
  expect(Math.abs((await hitTop())! - shown)).toBeLessThan(3);
});

test('a reader who dragged the scrollbar before the layout settled keeps the same text in view when it does', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  await expect(page.locator('.report.settled')).toHaveCount(0);
  // As a drag of the scrollbar does: straight to 60% down, past paragraphs never laid out.
  await page.locator('main.pane').evaluate((pane) => (pane.scrollTop = pane.scrollHeight * 0.6));
  await frames(page, 2);
  const before = await blockAtTop(page);
  await settle(page);
  // Before, the text jumped some 800 px here.
  const after = await blockAtTop(page);
  expect(after.id).toBe(before.id);
  expect(Math.abs(after.top - before.top)).toBeLessThan(1.5);
});

test('a term focused far down before the layout settled stays in view with its popover when it does', async ({
  page,
  server,
}) => {
  await openReader(page, server.url);
  const last = page.locator('article.report [data-glossary]', { hasText: '两强三提高' });
  await last.focus();
  await expect(last).toBeInViewport();
  await settle(page);
  // Before, the term went some 1,600 px down, out of sight, and its popover was hidden with it.
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(page.getByRole('dialog', { name: '两强三提高' })).toBeVisible();
});

test('the served text scrolled before the interface came keeps the same paragraph at the top when the layout settles', async ({
  page,
  server,
}) => {
  // The interface's bundle is held back: the reader has only the text the page came with.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url, { waitUntil: 'commit' });
  await expect(page.locator('#pane [elementtiming="first-paragraph"]')).toBeVisible();
  await page.locator('main.pane').hover();
  await page.mouse.wheel(0, 9000);
  await expect
    .poll(() => page.evaluate(() => document.querySelector('main.pane')!.scrollTop))
    .toBeGreaterThan(5000);
  await frames(page, 4);
  await expect(page.locator('html[data-ready]')).toHaveCount(0);
  const seen = await blockAtTop(page);
  release();
  // The pane was scrolled already, so the layout settles as the interface comes (scroll.ts).
  await expect(page.locator(READY_SELECTOR)).toHaveCount(1);
  await settle(page);
  const after = await blockAtTop(page);
  expect(after.id).toBe(seen.id);
  expect(Math.abs(after.top - seen.top)).toBeLessThan(3);
});
