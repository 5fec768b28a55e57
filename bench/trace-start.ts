/**
 * Start-up under a Chromium trace, for comparing two builds when wall-clock
 * ratios drown in the machine's load: the renderer main thread's CPU time
 * (trace `tdur` of its top-level tasks, which load on other cores does not
 * swell) from navigation start to interactive, with a coarse split by kind.
 *
 *   npx tsx bench/trace-start.ts [--runs 9] [--library [--last]] <worktree> [<worktree> …]
 *
 * Each worktree (built: `npm run build` in it) is served by its own
 * `src/server/cli.ts` process on a fresh copy of one data folder (with
 * `--library`, the library bench's hundred reports), and the static floor of
 * the bundled report beside them. With `--last`, the app starts on one of
 * the hundred (read last, and named by the page's view cache, as the library
 * bench's "start on that report" does), and the floor is that report's.
 * Loads are cold (a new browser context each), in rotating order, after one
 * warm-up each; medians are printed. As in the bench, the pages run without
 * the stack traces Playwright's DevTools session has V8 take
 * (inspector-stacks.ts; BENCH_INSPECTOR_STACKS=1 keeps them).
 * Diagnosis only: `npm run bench` is the judge.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { parseReportBytes } from '../src/core/report/parse-report';
import { BUNDLED_REPORT } from '../src/services/paths';
import { FIRST_PARAGRAPH_TIMING, INTERACTIVE_MARK } from '../src/renderer/instrumentation';
import { launchBenchBrowser, type BenchBrowser } from './browser';
import { withoutInspectorStacks } from './inspector-stacks';
import { renderFloorHtml, startFloorServer } from './floor';
import { fillLibrary, middleReport } from './library-folder';
import { VIEW_CACHE_KEY } from '../src/renderer/app/view-cache';
import { serveWorktree } from './worktree-server';
import { median } from './stats';
import type { TraceEvent } from './trace-event';

const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8', 'loading'];
const TAG = '[trace-start]';
const TIMEOUT_MS = 30_000;

interface Sample {
  paintedMs: number;
  interactiveMs: number;
  /** Renderer main thread CPU (ms) from navigation start to interactive, by kind; `all` is every top-level task. */
  cpu: Record<string, number>;
}

/** Top-level trace events (of devtools.timeline) counted per kind, outermost only. */
const KINDS: Record<string, string> = {
  ParseHTML: 'parse HTML',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  EventDispatch: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  ParseAuthorStyleSheet: 'parse CSS',
  MinorGC: 'gc',
  MajorGC: 'gc',
};

/** Runs in the page before its scripts: reports the first paragraph's paint and the interactive mark. */
function observe({ identifier, mark, tag }: { identifier: string; mark: string; tag: string }) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { renderTime: number })[]) {
      if ((entry as unknown as { identifier: string }).identifier === identifier) {
        console.debug(`${tag} painted ${entry.renderTime}`);
      }
    }
  }).observe({ type: 'element', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === mark) console.debug(`${tag} mark ${entry.startTime}`);
    }
  }).observe({ type: 'mark', buffered: true });
}

function waitFor(page: Page, what: 'painted' | 'mark'): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${TAG} no ${what}`)), TIMEOUT_MS);
    page.on('console', (message) => {
      const text = message.text();
      if (!text.startsWith(`${TAG} ${what} `)) return;
      clearTimeout(timer);
      resolvePromise(Number(text.slice(TAG.length + what.length + 2)));
    });
  });
}

/** CPU (ms) of the window's share of each event: a task that straddles an edge counts in proportion. */
function clippedCpu(event: TraceEvent, from: number, to: number): number {
  const start = event.ts;
  const end = event.ts + (event.dur ?? 0);
  const inside = Math.max(0, Math.min(end, to) - Math.max(start, from));
  if (inside === 0 || !event.dur) return 0;
  return ((event.tdur ?? event.dur) * inside) / event.dur / 1000;
}

function analyse(events: TraceEvent[], url: string, interactiveMs: number): Record<string, number> {
  const nav = events.find(
    (event) =>
      event.name === 'navigationStart' &&
      event.args?.data?.isLoadingMainFrame &&
      event.args.data.documentLoaderURL?.startsWith(url),
  );
  if (!nav) throw new Error(`${TAG} no navigationStart for ${url}`);
  const main = events.find(
    (event) =>
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.pid === nav.pid &&
      event.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? nav.tid;
  const from = nav.ts;
  const to = nav.ts + interactiveMs * 1000;
  const cpu: Record<string, number> = { all: 0 };
  const onMain = events
    .filter((event) => event.pid === nav.pid && event.tid === tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  // Outermost counted only: a kind inside another counted kind is already in it.
  let countedUntil = -Infinity;
  let taskUntil = -Infinity;
  for (const event of onMain) {
    const end = event.ts + (event.dur ?? 0);
    if (event.cat.includes('toplevel') && /RunTask$/.test(event.name)) {
      if (event.ts >= taskUntil) {
        cpu.all += clippedCpu(event, from, to);
        taskUntil = end;
      }
      continue;
    }
    const kind = KINDS[event.name];
    if (!kind || event.ts < countedUntil) continue;
    cpu[kind] = (cpu[kind] ?? 0) + clippedCpu(event, from, to);
    countedUntil = end;
  }
  return cpu;
}

async function load(
  bench: BenchBrowser,
  url: string,
  app: boolean,
  viewCache?: string,
): Promise<Sample> {
  const context = await bench.browser.newContext();
  try {
    if (app && viewCache !== undefined) {
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        VIEW_CACHE_KEY,
        viewCache,
      ] as const);
    }
    await context.addInitScript(observe, {
      identifier: FIRST_PARAGRAPH_TIMING,
      mark: INTERACTIVE_MARK,
      tag: TAG,
    });
    const page = await context.newPage();
    await withoutInspectorStacks(page);
    const painted = waitFor(page, 'painted');
    const marked = app ? waitFor(page, 'mark') : null;
    await bench.settle();
    await bench.browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    const paintedMs = await painted;
    const readyMs = marked
      ? await marked
      : await page.evaluate(
          () =>
            (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .loadEventEnd,
        );
    const interactiveMs = Math.max(paintedMs, readyMs);
    // The trace's tail: whatever the page still runs is not in the window.
    await page.waitForTimeout(200);
    const trace = JSON.parse((await bench.browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    return { paintedMs, interactiveMs, cpu: analyse(trace.traceEvents, url, interactiveMs) };
  } finally {
    await context.close();
  }
}

interface Served {
  label: string;
  url: string;
  app: boolean;
  close(): Promise<void>;
}

function parseArgs(argv: string[]) {
  let runs = 9;
  let library = false;
  let last = false;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--library') library = true;
    else if (argv[i] === '--last') last = true;
    else dirs.push(resolve(argv[i]));
  }
  return { runs, library, last: library && last, dirs };
}

const fmt = (value: number) => value.toFixed(1).padStart(7);

async function main() {
  const { runs, library, last, dirs } = parseArgs(process.argv.slice(2));
  const bundled = parseReportBytes(await readFile(BUNDLED_REPORT));
  const scratch = await mkdtemp(join(tmpdir(), 'trace-start-'));
  const served: Served[] = [];
  const bench = await launchBenchBrowser();
  try {
    const seed = join(scratch, 'seed');
    let shown = bundled;
    let viewCache: string | undefined;
    if (library) {
      console.log(`${TAG} filling a shelf of 100 reports…`);
      const { added } = await fillLibrary(seed, 100, { lastOther: last });
      if (last) {
        shown = middleReport(added).document;
        viewCache = JSON.stringify({ report: middleReport(added).id });
      }
    }
    const floor = await startFloorServer(renderFloorHtml(shown));
    served.push({ label: 'floor', url: floor.url, app: false, close: floor.close });
    for (const [n, dir] of dirs.entries()) {
      const dataDir = join(scratch, `data-${n}`);
      if (library)
        // Timestamps kept: a copied library.json.bak would look newer than the file and
        // every load would show the backup notice.
        await cp(seed, dataDir, { recursive: true, preserveTimestamps: true });
      served.push({ ...(await serveWorktree(dir, dataDir)), app: true });
    }
    const samples = new Map<Served, Sample[]>(served.map((target) => [target, []]));
    for (const target of served) await load(bench, target.url, target.app, viewCache);
    for (let round = 0; round < runs; round++) {
      // Each target first, in turn.
      const order = served.map((_, i) => served[(i + round) % served.length]);
      for (const target of order)
        samples.get(target)!.push(await load(bench, target.url, target.app, viewCache));
      console.log(
        `${TAG} ${round + 1}/${runs}: ` +
          served
            .map((target) => {
              const last = samples.get(target)!.at(-1)!;
              return `${target.label.split('/').at(-1)} ${last.interactiveMs.toFixed(0)} ms, cpu ${last.cpu.all.toFixed(0)}`;
            })
            .join(' · '),
      );
    }
    const kinds = [...new Set([...samples.values()].flat().flatMap((s) => Object.keys(s.cpu)))];
    console.log(
      `\n${TAG} medians of ${runs} (ms) · load ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}`,
    );
    console.log(
      [
        'target'.padEnd(28),
        'painted',
        ' inter.',
        ...kinds.map((k) => k.slice(0, 7).padStart(7)),
      ].join(' '),
    );
    for (const target of served) {
      const list = samples.get(target)!;
      const floorInteractive = median(samples.get(served[0])!.map((s) => s.interactiveMs));
      const interactive = median(list.map((s) => s.interactiveMs));
      console.log(
        [
          target.label.split('/').at(-1)!.padEnd(28),
          fmt(median(list.map((s) => s.paintedMs))),
          fmt(interactive),
          ...kinds.map((kind) => fmt(median(list.map((s) => s.cpu[kind] ?? 0)))),
          `  ${(interactive / floorInteractive).toFixed(2)}×`,
        ].join(' '),
      );
    }
  } finally {
    await bench.close();
    for (const target of served) await target.close().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
