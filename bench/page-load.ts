/**
 * One cold page load in a fresh browser context (no cache, no storage), timed
 * from navigation start (performance.timeOrigin):
 *
 * - first paragraph: Element Timing renderTime of `[elementtiming=first-paragraph]`;
 * - interactive: the app's `reader:interactive` mark, or the floor's loadEventEnd,
 *   whichever is later than that paint (a mark set in an effect may precede paint);
 * - JS heap: CDP `Performance.getMetrics` JSHeapUsedSize after a forced GC.
 *
 * Nothing of the bench runs in the page until the first paragraph has painted:
 * a few lines installed before any page script observe Element Timing and
 * report through the console. (Playwright's evaluate/waitFor helpers compile
 * an injected script of their own, ~15 ms on the main thread, which would land
 * on the app's critical path.) The browser is left to go idle (`settle`) after
 * the context and tab exist and before the navigation starts. The page runs
 * without the stack traces Playwright's DevTools session has V8 take, which no
 * reader pays (inspector-stacks.ts).
 *
 * `detail` is a coarse timeline of where the time went, for diagnosis only.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { BenchBrowser } from './browser';
import { withoutInspectorStacks } from './inspector-stacks';
import {
  FIRST_PARAGRAPH_TIMING as FIRST_PARAGRAPH,
  INTERACTIVE_MARK,
  READY_SELECTOR,
} from '../src/renderer/instrumentation';

export type PageKind = 'floor' | 'app';

export interface PageTarget {
  kind: PageKind;
  url: string;
  /** Put in the page's localStorage before any of its scripts run (the app's view cache). */
  localStorage?: Record<string, string>;
}

export interface PageLoadSample {
  firstParagraphMs: number;
  interactiveMs: number;
  jsHeapBytes: number;
  /** Milestones (ms since navigation start) and main-thread work (ms), by label. */
  detail: Record<string, number>;
}

const TIMEOUT_MS = 30_000;
/** Console prefix of the in-page observer's report. */
const REPORT_TAG = '[bench:element-timing]';

export async function measurePageLoad(
  { browser, settle }: BenchBrowser,
  target: PageTarget,
): Promise<PageLoadSample> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(observeElementTiming, {
      identifier: FIRST_PARAGRAPH,
      tag: REPORT_TAG,
    });
    if (target.localStorage) await context.addInitScript(fillLocalStorage, target.localStorage);
    const page = await context.newPage();
    await withoutInspectorStacks(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const painted = reportedRenderTime(page);
    await settle();

    await page.goto(target.url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    const firstParagraphMs = await painted;
    const work = await mainThreadWork(cdp);

    // Measurement is over; from here on the bench may run code in the page.
    if (target.kind === 'app') {
      await page.waitForFunction(
        (ready) => document.querySelector(ready) !== null,
        READY_SELECTOR,
        {
          timeout: TIMEOUT_MS,
        },
      );
    }
    // loadEventEnd is only written once the load handlers have returned.
    await page.waitForFunction(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          ?.loadEventEnd > 0,
      null,
      { timeout: TIMEOUT_MS },
    );
    const timeline = await page.evaluate(readTimeline, INTERACTIVE_MARK);

    let readyMs: number;
    if (target.kind === 'app') {
      if (timeline.mark === null) throw new Error(`app never marked ${INTERACTIVE_MARK}`);
      readyMs = timeline.mark;
    } else {
      readyMs = timeline.loadEventEnd;
    }

    await cdp.send('HeapProfiler.collectGarbage');
    const jsHeapBytes = (await metrics(cdp)).JSHeapUsedSize;

    return {
      firstParagraphMs,
      interactiveMs: Math.max(readyMs, firstParagraphMs),
      jsHeapBytes,
      detail: {
        'HTML received': timeline.htmlEnd,
        ...(timeline.subresourcesEnd !== null && { 'JS/CSS received': timeline.subresourcesEnd }),
        'DOMContentLoaded done': timeline.domContentLoadedEnd,
        'load event done': timeline.loadEventEnd,
        ...(timeline.apiStart !== null && { 'API requests sent': timeline.apiStart }),
        ...(timeline.apiEnd !== null && { 'API responses in': timeline.apiEnd }),
        ...(timeline.mark !== null && { [`${INTERACTIVE_MARK} mark`]: timeline.mark }),
        ...(timeline.fcp !== null && { 'first contentful paint': timeline.fcp }),
        'first paragraph painted': firstParagraphMs,
        ...work,
      },
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before any of its scripts (an init script). No named inner
 * functions: tsx (esbuild keepNames) would wrap them in a `__name` helper that
 * does not exist in the page.
 */
function observeElementTiming({ identifier, tag }: { identifier: string; tag: string }): void {
  if (!PerformanceObserver.supportedEntryTypes.includes('element')) {
    console.debug(`${tag} unsupported`);
    return;
  }
  new PerformanceObserver((list, observer) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      identifier: string;
      renderTime: number;
      loadTime: number;
    })[]) {
      if (entry.identifier !== identifier) continue;
      observer.disconnect();
      console.debug(`${tag} ${entry.renderTime || entry.loadTime}`);
    }
  }).observe({ type: 'element', buffered: true });
}

/** Runs in the page before any of its scripts (an init script). */
function fillLocalStorage(entries: Record<string, string>): void {
  for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
}

/** The render time the init script reports for the first paragraph. */
function reportedRenderTime(page: Page): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off('console', onConsole);
      reject(new Error(`no Element Timing entry "${FIRST_PARAGRAPH}" within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const onConsole = (message: { text(): string }) => {
      const text = message.text();
      if (!text.startsWith(`${REPORT_TAG} `)) return;
      clearTimeout(timer);
      page.off('console', onConsole);
      const value = Number(text.slice(REPORT_TAG.length + 1));
      if (Number.isFinite(value)) resolve(value);
      else reject(new Error(`Element Timing: ${text.slice(REPORT_TAG.length + 1)}`));
    };
    page.on('console', onConsole);
  });
}

interface Timeline {
  htmlEnd: number;
  subresourcesEnd: number | null;
  domContentLoadedEnd: number;
  loadEventEnd: number;
  apiStart: number | null;
  apiEnd: number | null;
  mark: number | null;
  fcp: number | null;
}

/** Runs in the page, after the measurement. No named inner functions (see above). */
function readTimeline(markName: string): Timeline {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const api = resources.filter((entry) => new URL(entry.name).pathname.startsWith('/api/'));
  const assets = resources.filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname));
  return {
    htmlEnd: navigation.responseEnd,
    subresourcesEnd: assets.length ? Math.max(...assets.map((entry) => entry.responseEnd)) : null,
    domContentLoadedEnd: navigation.domContentLoadedEventEnd,
    loadEventEnd: navigation.loadEventEnd,
    apiStart: api.length ? Math.min(...api.map((entry) => entry.startTime)) : null,
    apiEnd: api.length ? Math.max(...api.map((entry) => entry.responseEnd)) : null,
    mark: performance.getEntriesByName(markName, 'mark')[0]?.startTime ?? null,
    fcp: performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null,
  };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/** Main-thread time the renderer has spent up to first-paragraph paint (CDP reports seconds). */
async function mainThreadWork(cdp: CDPSession): Promise<Record<string, number>> {
  const values = await metrics(cdp);
  return {
    'script (main thread, to paint)': values.ScriptDuration * 1000,
    'style recalc (to paint)': values.RecalcStyleDuration * 1000,
    'layout (to paint)': values.LayoutDuration * 1000,
    'all tasks (to paint)': values.TaskDuration * 1000,
  };
}
