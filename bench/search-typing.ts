/**
 * Keystroke to search results painted, in browser mode: the reader types
 * queries one character at a time, and the app records, per answered input,
 * the time from the input event to the task after the frame that shows the
 * results (`search:keystroke-to-paint`, see src/renderer/hooks/useSearch.ts).
 */
import type { BenchBrowser } from './browser';
import type { SearchGoal } from './search';
import { summarize } from './stats';

/** Typed as a reader would: each character a separate input, 80 ms apart. */
const TYPED = ['垃圾分类', '污水零直排', '月湖', '民生实事', '5G', '城市双修', '创新 人才', '发展'];
const KEY_DELAY_MS = 80;
export const KEYSTROKE_GOAL_MS = 16;
/** Bare round trips timed in the same page after the typing: the floor of any answer. */
const ROUND_TRIPS = 40;

export interface TypingSamples {
  /** Keystroke to results painted, one per answered input. */
  keystrokes: number[];
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

export async function measureTyping(bench: BenchBrowser, url: string): Promise<TypingSamples> {
  const context = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    const box = page.getByRole('searchbox', { name: '搜索' });
    // One discarded query warms the index (main loads it on the first search).
    await box.fill('海曙');
    await page.waitForTimeout(300);
    await page.evaluate(() => performance.clearMeasures('search:keystroke-to-paint'));
    for (const query of TYPED) {
      await box.fill('');
      await page.waitForTimeout(100);
      await box.pressSequentially(query, { delay: KEY_DELAY_MS });
      await page.waitForTimeout(200);
    }
    const keystrokes = await page.evaluate(() =>
      performance.getEntriesByName('search:keystroke-to-paint').map((entry) => entry.duration),
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
    return { keystrokes, roundTrips, socketRoundTrips };
  } finally {
    await context.close();
  }
}

export function keystrokeGoal({
  keystrokes,
  roundTrips,
  socketRoundTrips,
}: TypingSamples): SearchGoal {
  if (keystrokes.length === 0) {
    return { goal: keystrokeGoalName, measured: 'no samples recorded', pass: false };
  }
  const summary = summarize(keystrokes);
  const floor = (label: string, samples: number[]) => {
    if (samples.length === 0) return '';
    const { median, p95 } = summarize(samples);
    return `; ${label} median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${samples.length}`;
  };
  return {
    goal: keystrokeGoalName,
    measured:
      `median ${summary.median.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms ` +
      `over ${keystrokes.length} keystrokes (goal p95 ≤ ${KEYSTROKE_GOAL_MS} ms)` +
      floor('bare fetch round trip (getNotices)', roundTrips) +
      floor('bare socket round trip (getNotices)', socketRoundTrips),
    pass: summary.p95 <= KEYSTROKE_GOAL_MS,
  };
}

const keystrokeGoalName = 'keystroke → results painted (browser mode)';
