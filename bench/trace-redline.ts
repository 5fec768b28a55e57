/**
 * The redline (Shift+R) at 100× under a Chromium trace, for comparing two
 * builds when the editions bench's frame counts drown in the machine's load:
 * the renderer main thread's CPU (trace `tdur` of its top-level tasks, which
 * load on other cores does not swell) from the key until the redline is
 * drawn, its longest task, and the longest frame the page saw meanwhile.
 *
 *   npx tsx bench/trace-redline.ts [--runs 5] <worktree> [<worktree> …]
 *
 * Each worktree (built: `npm run build` in it) is served by its own
 * `src/server/cli.ts` on a copy of one data folder: the editions bench's 100×
 * report and its revised edition, opened. Each round, in rotating order, a
 * fresh page compares (`r`), waits until the list is drawn and the page is
 * quiet, then traces Shift+R. Diagnosis only: `npm run bench` is the judge.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchBenchBrowser, type BenchBrowser } from './browser';
import {
  fillFolder,
  openQuiet,
  REDLINE_STILL_MS,
  redlineStill,
  WATCH,
  WATCH_REDLINE,
} from './editions-ui';
import { openedLast } from './library';
import { serveWorktree, type WorktreeServer } from './worktree-server';
import { median } from './stats';
import type { TraceEvent } from './trace-event';

const TAG = '[trace-redline]';
const TIMEOUT_MS = 120_000;
/** How many times `.` steps, traced before the redline. */
const STEPS = 20;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

interface Sample {
  /** Main-thread CPU (ms) from the key to the redline drawn, and its longest task's. */
  cpu: number;
  longestTask: number;
  /** The longest frame the page saw meanwhile (ms). */
  frame: number;
  /** What the longest task spent its CPU on: the outermost timeline events in it, by name. */
  kinds: Record<string, number>;
}

/** The outermost timeline events inside a task, CPU (ms) by name. */
function kindsIn(events: TraceEvent[], task: TraceEvent): Record<string, number> {
  const end = task.ts + (task.dur ?? 0);
  const inside = events
    .filter(
      (event) =>
        event !== task &&
        event.pid === task.pid &&
        event.tid === task.tid &&
        event.ph === 'X' &&
        event.ts >= task.ts &&
        event.ts < end &&
        !/RunTask$/.test(event.name),
    )
    .sort((a, b) => a.ts - b.ts);
  const kinds: Record<string, number> = {};
  let until = -Infinity;
  for (const event of inside) {
    if (event.ts < until) continue;
    kinds[event.name] = (kinds[event.name] ?? 0) + (event.tdur ?? event.dur ?? 0) / 1000;
    until = event.ts + (event.dur ?? 0);
  }
  return kinds;
}

/** The renderer main thread's top-level tasks: the CrRendererMain with the most of them. */
function mainTasks(events: TraceEvent[]): TraceEvent[] {
  const mains = events.filter(
    (event) =>
      event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  const tasks = mains.map((main) =>
    events.filter(
      (event) =>
        event.pid === main.pid &&
        event.tid === main.tid &&
        event.ph === 'X' &&
        event.cat.includes('toplevel') &&
        /RunTask$/.test(event.name),
    ),
  );
  return tasks.reduce((most, next) => (next.length > most.length ? next : most), []);
}

const TWO_FRAMES = () =>
  new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

/** Traces what `run` does in the page, two frames on included. */
async function traced(bench: BenchBrowser, page: Page, run: () => Promise<void>): Promise<Sample> {
  await bench.browser.startTracing(page, { categories: CATEGORIES });
  const from = await page.evaluate(() => performance.now());
  await run();
  await page.evaluate(TWO_FRAMES);
  const frame = await page.evaluate((start) => {
    const { frames } = (window as unknown as { benchEditions: { frames: number[] } }).benchEditions;
    let longest = 0;
    for (let i = 1; i < frames.length; i++) {
      if (frames[i] > start) longest = Math.max(longest, frames[i] - frames[i - 1]);
    }
    return longest;
  }, from);
  const trace = JSON.parse((await bench.browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const tasks = mainTasks(trace.traceEvents);
  const cpus = tasks.map((task) => (task.tdur ?? task.dur ?? 0) / 1000);
  const longest = tasks[cpus.indexOf(Math.max(...cpus))];
  return {
    kinds: longest ? kindsIn(trace.traceEvents, longest) : {},
    cpu: cpus.reduce((sum, cpu) => sum + cpu, 0),
    longestTask: Math.max(0, ...cpus),
    frame,
  };
}

const PHASES = ['step', 'redline'] as const;
type Phases = Record<(typeof PHASES)[number], Sample>;

async function measure(bench: BenchBrowser, url: string): Promise<Phases> {
  const context = await bench.browser.newContext();
  try {
    const page = await context.newPage();
    await openQuiet(page, url);
    await page.keyboard.press('r');
    await page.waitForSelector('.editions-panel .change-item', { timeout: TIMEOUT_MS });
    await page.waitForTimeout(1500);
    await bench.settle();
    await page.evaluate(WATCH);
    await page.evaluate(WATCH_REDLINE);
    await page.locator('#pane').focus();
    const step = await traced(bench, page, async () => {
      for (let press = 0; press < STEPS; press++) {
        await page.keyboard.press('.');
        await page.evaluate(TWO_FRAMES);
      }
    });
    await page.waitForTimeout(500);
    const redline = await traced(bench, page, async () => {
      await page.keyboard.press('Shift+R');
      await page.waitForFunction(redlineStill, REDLINE_STILL_MS, {
        polling: 'raf',
        timeout: TIMEOUT_MS,
      });
    });
    return { step, redline };
  } finally {
    await context.close();
  }
}

/** A worktree's server, named by the worktree's folder's name. */
async function serve(dir: string, dataDir: string): Promise<WorktreeServer> {
  const server = await serveWorktree(dir, dataDir);
  return { ...server, label: dir.split('/').at(-1)! };
}

const fmt = (value: number) => value.toFixed(0).padStart(6);

async function main() {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv.splice(runsAt, 2)[1]) : 5;
  const dirs = argv.map((dir) => resolve(dir));
  const scratch = await mkdtemp(join(tmpdir(), 'trace-redline-'));
  const served: WorktreeServer[] = [];
  const bench = await launchBenchBrowser();
  try {
    const seed = join(scratch, 'seed');
    console.log(`${TAG} a 100× report and its revised edition…`);
    const report = await fillFolder(seed);
    for (const [n, dir] of dirs.entries()) {
      const dataDir = join(scratch, `data-${n}`);
      // Timestamps kept: a copied library.json.bak would look newer than the file and
      // every load would show the backup notice.
      await cp(seed, dataDir, { recursive: true, preserveTimestamps: true });
      const target = await serve(dir, dataDir);
      await openedLast(target.url, report);
      served.push(target);
    }
    const samples = new Map<WorktreeServer, Phases[]>(served.map((target) => [target, []]));
    const line = (label: string, sample: Sample) => {
      const kinds = Object.entries(sample.kinds)
        .filter(([, cpu]) => cpu >= 2)
        .map(([name, cpu]) => `${name.replace(/^.*::/, '')} ${cpu.toFixed(0)}`)
        .join(', ');
      return `${label} cpu ${fmt(sample.cpu)} longest task ${fmt(sample.longestTask)} frame ${fmt(sample.frame)} (${kinds})`;
    };
    for (let round = 0; round < runs; round++) {
      const order = served.map((_, i) => served[(i + round) % served.length]);
      for (const target of order) samples.get(target)!.push(await measure(bench, target.url));
      for (const target of served) {
        const last = samples.get(target)!.at(-1)!;
        for (const phase of PHASES) {
          console.log(
            `${TAG} ${round + 1}/${runs} ${line(`${target.label} ${phase}`.padEnd(24), last[phase])}`,
          );
        }
      }
    }
    const load = (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');
    console.log(`\n${TAG} medians of ${runs} (ms) · load ${load}`);
    for (const phase of PHASES) {
      for (const target of served) {
        const all = samples.get(target)!.map((sample) => sample[phase]);
        console.log(
          `${`${target.label} ${phase}`.padEnd(24)} cpu ${fmt(median(all.map((s) => s.cpu)))} longest task ${fmt(median(all.map((s) => s.longestTask)))} frame ${fmt(median(all.map((s) => s.frame)))} (longest tasks: ${all.map((s) => s.longestTask.toFixed(0)).join(', ')})`,
        );
      }
    }
  } finally {
    for (const target of served) await target.close();
    await bench.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
