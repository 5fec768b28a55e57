/**
 * The page-load part: the report loaded cold as the floor (a static page)
 * and as the app, ABBA, each load in a fresh browser context; then the
 * keystroke-to-results time against the app server in a process of its own
 * (search-typing.ts), which the search part's goals take up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_DOCUMENT_FILE, loadBuiltDocument } from '../src/services/built-document';
import { BUILT_DATA_DIR } from '../src/services/paths';
import { startReaderServer } from '../src/server/start';
import type { BenchBrowser } from './browser';
import { renderFloorHtml, startFloorServer } from './floor';
import { measurePageLoad, type PageLoadSample, type PageTarget } from './page-load';
import { resultsTable, timelineTable, type PageLoadReport, type Row } from './report';
import { keystrokeGoal, measureTyping, type TypingSamples } from './search-typing';
import { startServerProcess } from './server-process';
import { median, summarize } from './stats';

export const WARMUPS = 1;
const GOAL_RATIO = 2;
const MiB = 1024 ** 2;

function medians(samples: PageLoadSample[]): Map<string, number> {
  const labels = Object.keys(samples[0]?.detail ?? {});
  return new Map(
    labels.map((label) => [label, median(samples.map((sample) => sample.detail[label]))]),
  );
}

export interface PageLoadOutcome {
  report: PageLoadReport;
  chromium: string;
  /** Keystroke-to-results samples, against the app server in a process of its own. */
  typing: TypingSamples;
}

export async function runPageLoadBench(
  bench: BenchBrowser,
  runs: number,
  loadAverage: number,
): Promise<PageLoadOutcome> {
  const document = await loadBuiltDocument(join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE));
  const { browser } = bench;
  const cleanup: (() => Promise<void>)[] = [];
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
    const typingServer = await startServerProcess();
    cleanup.push(typingServer.close);
    const typing = await measureTyping(bench, typingServer.url);
    console.log(`bench: ${keystrokeGoal(typing).measured}`);
    return {
      report: { runs, warmups: WARMUPS, rows, timeline },
      chromium: browser.version(),
      typing,
    };
  } finally {
    for (const close of cleanup.reverse()) {
      await close().catch((error: unknown) => console.error('bench: cleanup failed:', error));
    }
  }
}
