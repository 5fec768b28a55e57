/**
 * 修订对照 at 100× in browser mode: a report of a hundred copies of the
 * bundled text (1.2 million characters) with a second edition in which every
 * copy is revised, on screen; `r` asks main to compare the two. The issue
 * asks that it finishes and that the UI stays responsive meanwhile, so this
 * measures, from the key press to the change list drawn:
 *
 * - the page's longest frame while main compares (until the answer arrives),
 *   and the longest while the list is then drawn (a few changes a frame);
 * - main's longest event-loop stall (the bridge runs in this process; the
 *   comparison itself runs in a worker thread);
 * - the whole time.
 *
 * Each against its floor in the same round: the longest frame and stall over
 * three idle seconds just before, so a loaded machine's own stutter is not
 * counted as the comparison's.
 *
 * Each round reloads the page, so the comparison is asked for afresh.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildSerializedIndex } from '../src/core/search/build-index';
import { parseReportBytes } from '../src/core/report/parse-report';
import { createReaderServices } from '../src/services/reader-services';
import { segmentWords } from '../src/services/search/words';
import { startReaderServer } from '../src/server/start';
import { PAGE_INDEX_SELECTOR, READY_SELECTOR } from '../src/renderer/instrumentation';
import { RAW, revise } from '../tests/unit/editions/fixtures';
import type { BenchBrowser } from './browser';
import { openedLast } from './library';
import { parseHere } from './library-folder';
import { markdownTable } from './report';
import type { SearchGoal } from './search';

const COPIES = 100;
const ROUNDS = 3;
const TIMEOUT_MS = 120_000;
/** How long the floor is watched, with nothing asked: about as long as a comparison takes. */
const IDLE_MS = 3_000;
/**
 * What comparing may add to the floor's longest frame and stall: under the
 * RAIL budget for a response (100 ms) however loaded the machine is.
 */
const ADDED_GOAL_MS = 50;

interface Sample {
  totalMs: number;
  /** The floor: the page's longest frame, and main's longest stall, over as long with nothing asked. */
  idleFrameMs: number;
  idleStallMs: number;
  waitingFrameMs: number;
  drawMs: number;
  mainStallMs: number;
  changes: number;
}

export interface EditionsUiResult {
  table: string;
  goal: SearchGoal;
}

/** A data folder with the 100× report and its revised edition, added as the app adds them. */
async function fillFolder(dataDir: string): Promise<string> {
  const bundled = parseReportBytes(new TextEncoder().encode(RAW));
  const services = await createReaderServices({
    dataDir,
    document: bundled,
    loadSearchIndex: async () => buildSerializedIndex(bundled, segmentWords),
    parse: parseHere,
  });
  // Another place, so the copies are a report of their own rather than an edition of the bundled one.
  const copies = (text: string) =>
    Array.from({ length: COPIES }, () => text.replace(/海曙/g, '江北')).join('\n');
  const added = await services.addFile(
    { bytes: new TextEncoder().encode(copies(RAW)), fileName: '百倍征求意见稿.txt' },
    undefined,
    'report',
  );
  const revised = await services.addFile(
    { bytes: new TextEncoder().encode(copies(revise(RAW))), fileName: '百倍终稿.txt' },
    undefined,
    'edition',
  );
  if (!revised.edition) throw new Error('bench: the revised copies were not added as an edition');
  await services.flush();
  return added.report.id;
}

/** Runs in the page: every frame's time, and when `r` was pressed and the list went in. */
const WATCH = `(() => {
  const state = { idle: performance.now(), pressed: 0, listed: 0, complete: 0, frames: [] };
  window.benchEditions = state;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'r' && !state.pressed) state.pressed = performance.now();
  }, true);
  new MutationObserver(() => {
    const items = document.querySelectorAll('.editions-panel .change-item').length;
    if (!state.listed && items > 0) state.listed = performance.now();
    let listed = 0;
    for (const count of document.querySelectorAll('.editions-panel .panel-count')) listed += Number(count.textContent);
    if (!state.complete && items > 0 && items === listed) state.complete = performance.now();
  }).observe(document.body, { childList: true, subtree: true });
  const tick = (time) => {
    state.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

interface PageState {
  /** When the watch began: the frames until \`pressed\` are the idle floor. */
  idle: number;
  pressed: number;
  listed: number;
  complete: number;
  frames: number[];
}

/** Runs in the page, once the whole list is painted. */
function pageTimes(): {
  total: number;
  idleFrame: number;
  waitingFrame: number;
  draw: number;
  changes: number;
} {
  const state = (window as unknown as { benchEditions: PageState }).benchEditions;
  const { idle, pressed, listed, complete, frames } = state;
  let idleFrame = 0;
  let waitingFrame = 0;
  let draw = 0;
  for (let i = 1; i < frames.length; i++) {
    const gap = frames[i] - frames[i - 1];
    if (frames[i - 1] < pressed) {
      if (frames[i - 1] >= idle && frames[i] <= pressed) idleFrame = Math.max(idleFrame, gap);
      continue;
    }
    // Until the first changes go in, main is comparing; then the list is drawn, a few each frame.
    if (frames[i] <= listed) waitingFrame = Math.max(waitingFrame, gap);
    else if (frames[i - 1] <= complete) draw = Math.max(draw, gap);
  }
  const painted = frames.find((time) => time > complete) ?? complete;
  return {
    total: painted - pressed,
    idleFrame,
    waitingFrame,
    draw,
    changes: document.querySelectorAll('.editions-panel .change-item').length,
  };
}

async function measure(bench: BenchBrowser, url: string): Promise<Sample> {
  const context = await bench.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(READY_SELECTOR, { timeout: TIMEOUT_MS });
    await page.waitForSelector('.report.settled', { timeout: TIMEOUT_MS });
    // The page's own copy of the search index is made once it is idle: a long task of its own, not the comparison's.
    await page.waitForSelector(PAGE_INDEX_SELECTOR, { state: 'attached', timeout: TIMEOUT_MS });
    await bench.settle();
    // The floor, in this run and under this machine's load: the same watch with nothing asked.
    await page.evaluate(WATCH);
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    idle.disable();
    const stall = monitorEventLoopDelay({ resolution: 5 });
    stall.enable();
    await page.keyboard.press('r');
    await page.waitForFunction(
      () => (window as unknown as { benchEditions: PageState }).benchEditions.complete > 0,
      null,
      { timeout: TIMEOUT_MS },
    );
    stall.disable();
    // Two frames on, so the drawing frame is over.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const times = await page.evaluate(pageTimes);
    return {
      totalMs: times.total,
      idleFrameMs: times.idleFrame,
      idleStallMs: idle.max / 1e6,
      waitingFrameMs: times.waitingFrame,
      drawMs: times.draw,
      mainStallMs: stall.max / 1e6,
      changes: times.changes,
    };
  } finally {
    await context.close();
  }
}

const worst = (samples: Sample[], key: keyof Sample) => Math.max(...samples.map((s) => s[key]));
const ms = (value: number) => `${value.toFixed(0)} ms`;

export async function runEditionsUiBench(bench: BenchBrowser): Promise<EditionsUiResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-editions-'));
  try {
    console.log(`bench: editions, a ${COPIES}× report and its revised edition…`);
    const report = await fillFolder(dataDir);
    const app = await startReaderServer({ dataDir, port: 0 });
    try {
      await openedLast(app.url, report);
      const samples: Sample[] = [];
      for (let round = 0; round < ROUNDS; round++) samples.push(await measure(bench, app.url));
      const rows = samples.map((sample, index) => [
        `${COPIES}×, every copy revised, round ${index + 1}${index === 0 ? ' (cold)' : ''}`,
        String(sample.changes),
        ms(sample.totalMs),
        ms(sample.idleFrameMs),
        ms(sample.waitingFrameMs),
        ms(sample.drawMs),
        ms(sample.idleStallMs),
        ms(sample.mainStallMs),
      ]);
      // Added to the floor, round by round; the worst round counts.
      const added = (key: keyof Sample, floor: keyof Sample) =>
        Math.max(...samples.map((sample) => sample[key] - sample[floor]));
      const frame = Math.max(
        added('waitingFrameMs', 'idleFrameMs'),
        added('drawMs', 'idleFrameMs'),
      );
      const stall = added('mainStallMs', 'idleStallMs');
      return {
        table: markdownTable(
          [
            '修订对照 in the page (`r`)',
            'changes listed',
            'key → whole list painted',
            'floor: longest frame, idle',
            'longest frame while main compares',
            'longest frame drawing the list',
            "floor: main's longest stall, idle",
            "main's longest stall",
          ],
          rows,
        ),
        goal: {
          goal: `at ${COPIES}×, the UI stays responsive while comparing: the page's longest frame and main's longest stall at most ${ADDED_GOAL_MS} ms over the idle floor`,
          measured: `frame +${ms(frame)}, stall +${ms(stall)}; whole list painted in ${ms(worst(samples, 'totalMs'))} at worst`,
          pass: frame <= ADDED_GOAL_MS && stall <= ADDED_GOAL_MS,
        },
      };
    } finally {
      await app.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
