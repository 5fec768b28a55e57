/**
 * Keystroke to search results painted, in browser mode: the reader types
 * queries one character at a time, and the app records, per answered input,
 * three measures (src/renderer/instrumentation.ts). The goal is measured
 * once the page has its own copy of the index (src/renderer/features/search/local-search.ts),
 * as a reader types after the first seconds; the same typing with that copy
 * held back, every search going to the bridge, is reported beside it. Measures:
 * - keystroke → the task after the frame that shows the results (painted);
 * - keystroke → results committed to the DOM;
 * - that frame's own work (style, layout, paint).
 *
 * In the same page, two floors: the same keystrokes typed into a bare input
 * that does nothing but wait for the next frame (the display's frame clock:
 * at 60 Hz a keystroke waits 0–16.7 ms for it whatever the page does), and
 * bare round trips to the bridge.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { LATENCY_MEASURES, READY_SELECTOR } from '../src/renderer/instrumentation';
import { holdPageIndex, PAGE_INDEX_READY } from '../tests/support/page-index';
import type { BenchBrowser } from './browser';
import type { SearchGoal } from './search';
import { summarize, type Summary } from './stats';

/** Typed as a reader would: each character a separate input, 80 ms apart. */
const TYPED = ['垃圾分类', '污水零直排', '月湖', '民生实事', '5G', '城市双修', '创新 人才', '发展'];
const KEY_DELAY_MS = 80;
export const KEYSTROKE_GOAL_MS = 16;
export const KEYSTROKE_GOAL_NAME = 'keystroke → results shown (browser mode)';
/** Bare round trips timed in the same page after the typing: the floor of any answer over HTTP. */
const ROUND_TRIPS = 40;

export interface TypingSamples {
  /** Keystroke to results painted, one per answered input. */
  keystrokes: number[];
  /** The app's own time per answered input: keystroke → committed, plus the frame's work. */
  work: number[];
  /**
   * The same two, with the page's own copy of the index held back, so every
   * search goes to the bridge: what a reader gets in the first seconds, before
   * the copy is made (or if it cannot be).
   */
  bridge: { keystrokes: number[]; work: number[] };
  /** Keystroke to the next frame in a bare input that does nothing: the frame clock's share. */
  frameFloor: number[];
  /**
   * `fetch('/api/getNotices')` to its parsed JSON, one call at a time, 20 ms
   * apart: the bridge's least answer, with no search and no rendering.
   */
  roundTrips: number[];
  /**
   * The same call over a WebSocket of the page's own to the bridge's
   * /api/socket, sent to its parsed answer: the floor for queries, which the
   * renderer sends over its socket while it is open.
   */
  socketRoundTrips: number[];
}

async function typeQueries(page: Page, selector: string): Promise<void> {
  const box = page.locator(selector);
  for (const query of TYPED) {
    await box.fill('');
    await page.waitForTimeout(100);
    // One character at a time, each KEY_DELAY_MS after the last. Not
    // pressSequentially's own delay: it waits before a character it inserts
    // (新) but between the down and up of a key (the space), so a key right
    // after an inserted character came ~10 ms after it, not 80.
    for (const character of query) {
      await box.pressSequentially(character);
      await page.waitForTimeout(KEY_DELAY_MS);
    }
    await page.waitForTimeout(200);
  }
}

/** Opens the reader in a fresh page, warmed up; with `bridgeOnly`, the page's own index is held back. */
async function openForTyping(context: BrowserContext, url: string, bridgeOnly: boolean) {
  const page = await context.newPage();
  if (bridgeOnly) await holdPageIndex(page);
  await page.goto(url);
  await page.waitForSelector(READY_SELECTOR);
  if (!bridgeOnly) {
    await page.waitForSelector(PAGE_INDEX_READY, { timeout: 15_000 }).catch(() => {
      throw new Error('the page never made its own copy of the search index');
    });
  }
  // One discarded query warms the engine (main's loads on the first search).
  await page.locator('#search-box').fill('海曙');
  await page.waitForTimeout(300);
  return page;
}

/** Types the queries into the app; per answered input, keystroke → painted and the app's own time. */
async function typeIntoApp(page: Page): Promise<{ keystrokes: number[]; work: number[] }> {
  await page.evaluate(
    (names) => names.forEach((name) => performance.clearMeasures(name)),
    LATENCY_MEASURES,
  );
  await typeQueries(page, '#search-box');
  const [keystrokes, commits, frames] = await page.evaluate(
    (names) =>
      names.map((name) => performance.getEntriesByName(name).map((entry) => entry.duration)),
    LATENCY_MEASURES,
  );
  return { keystrokes, work: commits.map((commit, i) => commit + frames[i]) };
}

export async function measureTyping(bench: BenchBrowser, url: string): Promise<TypingSamples> {
  const context = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const bridgePage = await openForTyping(context, url, true);
    const bridge = await typeIntoApp(bridgePage);
    await bridgePage.close();

    const page = await openForTyping(context, url, false);
    const { keystrokes, work } = await typeIntoApp(page);

    // The floor: the same typing into an input whose only work is to wait for the next frame.
    await page.locator('#search-box').fill('');
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'bench-floor';
      input.style.cssText = 'position:fixed;top:0;left:0;width:200px';
      input.addEventListener('input', () => {
        const start = performance.now();
        // The task after the frame, marked as the instrumentation module marks it.
        requestAnimationFrame(() => {
          // Chromium has the Prioritized Task Scheduling API; TypeScript's DOM types do not yet.
          const { scheduler } = globalThis as unknown as {
            scheduler: { postTask(task: () => void, options: { priority: string }): unknown };
          };
          scheduler.postTask(() => performance.measure('bench:frame-floor', { start }), {
            priority: 'user-blocking',
          });
        });
      });
      document.body.append(input);
    });
    await typeQueries(page, '#bench-floor');
    const frameFloor = await page.evaluate(() =>
      performance.getEntriesByName('bench:frame-floor').map((entry) => entry.duration),
    );

    const roundTrips = await page.evaluate(async (count) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const start = performance.now();
        const response = await fetch('/api/getNotices', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: 'null',
        });
        await response.json();
        times.push(performance.now() - start);
      }
      return times;
    }, ROUND_TRIPS);
    const socketRoundTrips = await page.evaluate(async (count) => {
      const socket = new WebSocket(new URL('/api/socket', location.href.replace(/^http/, 'ws')));
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = () => reject(new Error('the bench could not open /api/socket'));
      });
      const times: number[] = [];
      for (let id = 1; id <= count; id++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const start = performance.now();
        await new Promise<void>((resolve) => {
          socket.onmessage = (event) => {
            if ((JSON.parse(String(event.data)) as { id: number }).id === id) resolve();
          };
          socket.send(JSON.stringify({ id, method: 'getNotices' }));
        });
        times.push(performance.now() - start);
      }
      socket.close();
      return times;
    }, ROUND_TRIPS);
    return { keystrokes, work, bridge, frameFloor, roundTrips, socketRoundTrips };
  } finally {
    await context.close();
  }
}

const ms = (summary: Summary) =>
  `median ${summary.median.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms`;

/**
 * The goal is judged on the app's own time (keystroke → results in the DOM,
 * plus the frame's style, layout and paint), at most one 60 Hz frame. The
 * raw keystroke → painted also holds the wait for the display's next frame,
 * which no page can shorten: up to a whole frame (16.7 ms at 60 Hz). Its
 * share is the frame floor measured here; its p95 alone has been 6–17 ms,
 * so on that reading the goal would leave the app almost no time at all.
 */
export function keystrokeGoal({
  keystrokes,
  work,
  bridge,
  frameFloor,
  roundTrips,
  socketRoundTrips,
}: TypingSamples): SearchGoal {
  if (keystrokes.length === 0 || work.length === 0) {
    return { goal: KEYSTROKE_GOAL_NAME, measured: 'no samples recorded', pass: false };
  }
  const painted = summarize(keystrokes);
  const own = summarize(work);
  const parts = [
    `app's own time ${ms(own)} over ${work.length} keystrokes (goal p95 ≤ ${KEYSTROKE_GOAL_MS} ms)`,
    `painted ${ms(painted)}`,
  ];
  if (bridge.work.length > 0) {
    parts.push(
      `with every search sent to the bridge (the page's own index held back): ` +
        `own time ${ms(summarize(bridge.work))}, painted ${ms(summarize(bridge.keystrokes))}`,
    );
  }
  if (frameFloor.length > 0) {
    const floor = summarize(frameFloor);
    parts.push(
      `frame floor (bare input, next frame) ${ms(floor)}: painted p95 ` +
        `${(painted.p95 / floor.p95).toFixed(2)}× the floor's`,
    );
  }
  if (roundTrips.length > 0) parts.push(`bare fetch round trip ${ms(summarize(roundTrips))}`);
  if (socketRoundTrips.length > 0) {
    parts.push(`bare socket round trip ${ms(summarize(socketRoundTrips))}`);
  }
  return {
    goal: KEYSTROKE_GOAL_NAME,
    measured: parts.join('; '),
    pass: own.p95 <= KEYSTROKE_GOAL_MS,
  };
}
