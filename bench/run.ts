/**
 * `npm run bench`: the floor against the app, cold page loads in headless
 * Chromium; prints the table and records it in BENCHMARKS.md. Exits 0 when a
 * goal is missed (it reports, it does not gate), 1 when it cannot measure.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_DOCUMENT_FILE, loadBuiltDocument } from '../src/core/report/built-document';
import { BUILT_DATA_DIR, PROJECT_ROOT, RENDERER_DIR } from '../src/core/paths';
import { startReaderServer } from '../src/server/start';
import { launchBenchBrowser } from './browser';
import { renderFloorHtml, startFloorServer } from './floor';
import { measurePageLoad, type PageLoadSample, type PageTarget } from './page-load';
import {
  describeMachine,
  missedGoals,
  recordRun,
  resultsTable,
  runSection,
  timelineTable,
  type Row,
} from './report';
import { median, summarize } from './stats';

const DEFAULT_RUNS = 15;
const WARMUPS = 1;
const GOAL_RATIO = 2;
const BENCHMARKS_FILE = join(PROJECT_ROOT, 'BENCHMARKS.md');
const MiB = 1024 ** 2;

function runCount(): number {
  const raw = process.env.BENCH_RUNS;
  if (raw === undefined || raw === '') return DEFAULT_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`BENCH_RUNS must be a positive integer, not "${raw}"`);
    process.exit(1);
  }
  return runs;
}

function medians(samples: PageLoadSample[]): Map<string, number> {
  const labels = Object.keys(samples[0]?.detail ?? {});
  return new Map(
    labels.map((label) => [label, median(samples.map((sample) => sample.detail[label]))]),
  );
}

async function main(): Promise<void> {
  const runs = runCount();
  const loadAverage = loadavg()[0];
  const documentPath = join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE);
  if (!existsSync(documentPath) || !existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.error('bench: out/ is missing or incomplete; run `npm run build` first.');
    process.exit(1);
  }
  const document = await loadBuiltDocument(documentPath);

  const bench = await launchBenchBrowser();
  const { browser } = bench;
  const cleanup: (() => Promise<void>)[] = [bench.close];
  try {
    const floor = await startFloorServer(renderFloorHtml(document));
    cleanup.push(floor.close);
    const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const app = await startReaderServer({ dataDir, port: 0 });
    cleanup.push(app.close);

    const targets: PageTarget[] = [
      { kind: 'floor', url: floor.url },
      { kind: 'app', url: app.url },
    ];
    console.log(
      `bench: Chromium ${browser.version()}, ${runs} runs per page (+${WARMUPS} warm-up), ` +
        `load average ${loadAverage.toFixed(2)}\n` +
        `  floor ${floor.url}\n  app   ${app.url}`,
    );
    for (let i = 0; i < WARMUPS; i++) {
      for (const target of targets) await measurePageLoad(bench, target);
    }

    const samples: Record<PageTarget['kind'], PageLoadSample[]> = { floor: [], app: [] };
    for (let i = 0; i < runs; i++) {
      // ABBA: each page goes first half of the time, so drift hits both alike.
      const order = i % 2 === 0 ? targets : [...targets].reverse();
      const line: string[] = [];
      for (const target of order) {
        const sample = await measurePageLoad(bench, target);
        samples[target.kind].push(sample);
        line.push(
          `${target.kind} paint ${sample.firstParagraphMs.toFixed(1)} / ` +
            `interactive ${sample.interactiveMs.toFixed(1)} ms`,
        );
      }
      console.log(`  run ${String(i + 1).padStart(2)}/${runs}: ${line.join(', ')}`);
    }

    const pick = (select: (sample: PageLoadSample) => number) => ({
      floor: summarize(samples.floor.map(select)),
      app: summarize(samples.app.map(select)),
    });
    const rows: Row[] = [
      {
        metric: 'first paragraph painted',
        unit: 'ms',
        ...pick((sample) => sample.firstParagraphMs),
        goalRatio: GOAL_RATIO,
      },
      {
        metric: 'interactive',
        unit: 'ms',
        ...pick((sample) => sample.interactiveMs),
        goalRatio: GOAL_RATIO,
      },
      { metric: 'JS heap after load', unit: 'MiB', ...pick((sample) => sample.jsHeapBytes / MiB) },
    ];
    const timeline = timelineTable(medians(samples.floor), medians(samples.app));

    console.log(`\n${resultsTable(rows)}\n\nWhere the time goes (medians):\n${timeline}\n`);
    const section = runSection({
      date: new Date(),
      machine: describeMachine(browser.version(), loadAverage),
      runs,
      warmups: WARMUPS,
      rows,
      timeline,
    });
    await recordRun(BENCHMARKS_FILE, section);
    console.log(`Recorded in ${BENCHMARKS_FILE}`);

    const missed = missedGoals(rows);
    if (missed.length === 0) {
      console.log(`All goals met: the app is within ${GOAL_RATIO}× the floor.`);
    } else {
      for (const row of missed) {
        const ratio = row.app.median / row.floor.median;
        console.log(
          `GOAL MISSED: ${row.metric} — app median is ${ratio.toFixed(2)}× the floor ` +
            `(goal ≤ ${row.goalRatio}×).`,
        );
      }
    }
  } finally {
    for (const close of cleanup.reverse()) {
      await close().catch((error: unknown) => console.error('bench: cleanup failed:', error));
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
