/**
 * The bench's Chromium: the shared resolution and flags of tests/e2e, plus
 * what a timing run needs on top — no background WebUI, and a way to wait
 * until the browser is idle before each measured load.
 */
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser-path';

/**
 * New headless Chromium (≥ 132 is the full browser) builds WebUI omnibox popups
 * for every new browser context: two extra renderers that burn ~1.3 s of CPU
 * right while the page under test loads. That is noise, not the app; on a
 * 2-core machine it dominated the floor. Unknown feature names are ignored.
 */
const BENCH_ONLY_ARGS = [
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

/** Quiet means: all Chromium processes together used < 10 ms CPU in the last 100 ms. */
const QUIET_WINDOW_MS = 100;
const QUIET_CPU_MS = 10;
const SETTLE_LIMIT_MS = 3_000;

export interface BenchBrowser {
  browser: Browser;
  /** Waits (at most 3 s) until Chromium is idle, so one load's tail cannot slow the next. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, ...BENCH_ONLY_ARGS],
  });
  const cdp = await browser.newBrowserCDPSession();
  return {
    browser,
    settle: () => settle(cdp),
    close: () => browser.close(),
  };
}

async function cpuSeconds(cdp: CDPSession): Promise<number> {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.reduce((total, process) => total + process.cpuTime, 0);
}

async function settle(cdp: CDPSession): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let before = await cpuSeconds(cdp);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    const now = await cpuSeconds(cdp);
    if ((now - before) * 1000 < QUIET_CPU_MS) return;
    before = now;
  }
}
