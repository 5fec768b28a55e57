/**
 * `npm run bench`: the floor against the app, cold page loads in headless
 * Chromium, then the search engine against a substring scan (search.ts),
 * annotations, parse throughput per MB with the PDF open time (parse.ts),
 * figure extraction against parsing (figures.ts), and the search across a
 * library of 1, 10 and 100 reports (multisearch.ts); prints the tables and
 * saves them under bench-results/ (results.ts); with BENCH_RECORD=1, a full
 * run also rewrites BENCHMARKS.md with them. Exits 0 when a goal is missed
 * (it reports, it does not gate), 1 when it cannot measure. `BENCH_ONLY=search`
 * (or page-load, multisearch, annotations, parse, figures, figures-panel, editions, library)
 * runs one part.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_DOCUMENT_FILE, loadBuiltDocument } from '../src/services/built-document';
import { BUILT_DATA_DIR, RENDERER_DIR } from '../src/services/paths';
import { startReaderServer } from '../src/server/start';
import { launchBenchBrowser } from './browser';
import { renderFloorHtml, startFloorServer } from './floor';
import { measurePageLoad, type PageLoadSample, type PageTarget } from './page-load';
import {
  describeMachine,
  missedGoalNames,
  resultsTable,
  runSection,
  searchGoalsTable,
  searchTable,
  slowestQueriesTable,
  timelineTable,
  type PageLoadReport,
  type Row,
  verdictLines,
} from './report';
import { runAnnotationBench, type AnnotationBenchRow } from './annotations';
import {
  HISTORY_FILE,
  LATEST_FILE,
  BENCHMARKS_FILE,
  recordRequested,
  saveRun,
  writeBenchmarks,
} from './results';
import { runParseBench } from './parse';
import { runFiguresBench, type FiguresBenchResult } from './figures';
import { runPanelBench } from './figures-panel';
import { runEditionsBench } from './editions';
import { runEditionsUiBench } from './editions-ui';
import { multisearchTables, runMultisearchBench, type MultisearchBenchResult } from './multisearch';
import { runSearchBench, type SearchBenchResult } from './search';
import { libraryTables, runLibraryBench, type LibraryBenchResult } from './library';
import { keystrokeGoal, measureTyping, type TypingSamples } from './search-typing';
import { startServerProcess } from './server-process';
import { median, summarize } from './stats';

const DEFAULT_RUNS = 15;
const WARMUPS = 1;
const GOAL_RATIO = 2;
const MiB = 1024 ** 2;

/** The library part loads three pairs of pages per run: fewer runs by default. */
const LIBRARY_DEFAULT_RUNS = 9;

function libraryRuns(): number {
  return process.env.BENCH_RUNS ? runCount() : LIBRARY_DEFAULT_RUNS;
}

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

const PARTS = [
  'page-load',
  'search',
  'multisearch',
  'annotations',
  'parse',
  'figures',
  'figures-panel',
  'editions',
  'library',
] as const;
type Part = (typeof PARTS)[number];

/** BENCH_ONLY: one part, or undefined for all of them. */
function onlyPart(): Part | undefined {
  const raw = process.env.BENCH_ONLY;
  if (raw === undefined || raw === '') return undefined;
  if (!(PARTS as readonly string[]).includes(raw)) {
    console.error(`BENCH_ONLY must be one of ${PARTS.join(', ')}, not "${raw}"`);
    process.exit(1);
  }
  return raw as Part;
}

function medians(samples: PageLoadSample[]): Map<string, number> {
  const labels = Object.keys(samples[0]?.detail ?? {});
  return new Map(
    labels.map((label) => [label, median(samples.map((sample) => sample.detail[label]))]),
  );
}

interface PageLoadOutcome {
  report: PageLoadReport;
  chromium: string;
  /** Keystroke-to-results samples, against the app server in a process of its own. */
  typing: TypingSamples;
}

async function runPageLoadBench(runs: number, loadAverage: number): Promise<PageLoadOutcome> {
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

/** The engine's hits must be the scan's: a difference is shouted, above the goals. */
function printSearchMismatches(search: SearchBenchResult): void {
  const mismatches = search.scales.flatMap(({ scale, measure }) =>
    measure.mismatches.map((mismatch) => ({ scale, ...mismatch })),
  );
  if (mismatches.length > 0) {
    const bar = '!'.repeat(72);
    console.error(
      `\n${bar}\n!!! SEARCH FAIL: the engine's hits differ from the scan's for ` +
        `${mismatches.length} quer${mismatches.length === 1 ? 'y' : 'ies'}:\n` +
        mismatches.map(({ scale, query }) => `!!!   ${scale}×  "${query}"`).join('\n') +
        `\n${bar}\n`,
    );
  }
}

async function main(): Promise<void> {
  const only = onlyPart();
  const runs = only === undefined || only === 'page-load' ? runCount() : 0;
  const loadAverage = loadavg()[0];

  let pageLoad: PageLoadOutcome | undefined;
  if (only === undefined || only === 'page-load') {
    pageLoad = await runPageLoadBench(runs, loadAverage);
  }

  let search: SearchBenchResult | undefined;
  if (only === undefined || only === 'search') {
    console.log(`bench: search, load average ${loadavg()[0].toFixed(2)}`);
    search = await runSearchBench();
    // The browser step ran with the page-load part (same browser).
    if (pageLoad) {
      const typed = keystrokeGoal(pageLoad.typing);
      search.goals = search.goals.map((goal) => (goal.goal === typed.goal ? typed : goal));
    }
    console.log(
      `\nSearch:\n${searchTable(search)}\n\n${searchGoalsTable(search.goals)}\n\n` +
        `Slowest queries at ${search.scales.at(-1)?.scale ?? ''}× (medians):\n` +
        `${slowestQueriesTable(search)}\n`,
    );
  }

  let multisearch: MultisearchBenchResult | undefined;
  if (only === undefined || only === 'multisearch') {
    console.log(`bench: search across reports, load average ${loadavg()[0].toFixed(2)}`);
    multisearch = await runMultisearchBench();
    console.log(`\nSearch across reports:\n${multisearchTables(multisearch)}\n`);
  }

  let annotations: { rows: AnnotationBenchRow[]; table: string } | undefined;
  if (only === undefined || only === 'annotations') {
    console.log(`bench: annotations, load average ${loadavg()[0].toFixed(2)}`);
    const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-annotations-'));
    try {
      annotations = await runAnnotationBench(dataDir);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    console.log(`\nAnnotations:\n${annotations.table}\n`);
  }

  let parse: Awaited<ReturnType<typeof runParseBench>> | undefined;
  if (only === undefined || only === 'parse') {
    console.log(`bench: parse, load average ${loadavg()[0].toFixed(2)}`);
    parse = await runParseBench();
    console.log(`\nParse:\n${parse.table}\n\n${parse.pdfTable}\n`);
  }

  let figures: FiguresBenchResult | undefined;
  if (only === undefined || only === 'figures') {
    console.log(`bench: figures, load average ${loadavg()[0].toFixed(2)}`);
    figures = runFiguresBench();
    console.log(`\nFigures:\n${figures.table}\n\n${figures.verdict}\n`);
  }

  let figuresPanel: Awaited<ReturnType<typeof runPanelBench>> | undefined;
  if (only === undefined || only === 'figures-panel') {
    console.log(`bench: 数说报告 panel, load average ${loadavg()[0].toFixed(2)}`);
    figuresPanel = await runPanelBench();
    console.log(`\nFigures panel:\n${figuresPanel.table}\n`);
  }

  let library: LibraryBenchResult | undefined;
  if (only === undefined || only === 'library') {
    console.log(`bench: library, load average ${loadavg()[0].toFixed(2)}`);
    const bench = await launchBenchBrowser();
    try {
      library = await runLibraryBench(bench, libraryRuns());
    } finally {
      await bench.close();
    }
    console.log(`\nLibrary:\n${libraryTables(library)}\n\n${searchGoalsTable(library.goals)}\n`);
  }

  let editions: ReturnType<typeof runEditionsBench> | undefined;
  if (only === undefined || only === 'editions') {
    console.log(`bench: editions, load average ${loadavg()[0].toFixed(2)}`);
    editions = runEditionsBench();
    console.log(`\nEditions:\n${editions.table}\n`);
    const bench = await launchBenchBrowser();
    try {
      editions.ui = await runEditionsUiBench(bench);
    } finally {
      await bench.close();
    }
    console.log(`${editions.ui.table}\n`);
  }

  const report = {
    date: new Date(),
    machine: describeMachine(pageLoad?.chromium, loadAverage),
    pageLoad: pageLoad?.report,
    search,
    multisearch,
    annotations: annotations?.table,
    parse: parse && { tables: `${parse.table}\n\n${parse.pdfTable}`, missed: parse.missed },
    figures,
    figuresPanel,
    editions,
    library: library && { table: libraryTables(library), goals: library.goals },
    ...(only !== undefined && { only }),
  };
  const section = runSection(report);
  await saveRun(
    {
      date: report.date.toISOString(),
      machine: report.machine,
      ...(only !== undefined && { only }),
      ...(pageLoad && {
        pageLoad: { runs: pageLoad.report.runs, warmups: WARMUPS, rows: pageLoad.report.rows },
      }),
      ...(search && { search }),
      ...(multisearch && { multisearch }),
      ...(annotations && { annotations: annotations.rows }),
      ...(parse && { parse }),
      ...(figures && { figures }),
      ...(figuresPanel && { figuresPanel }),
      ...(editions && { editions }),
      ...(library && { library }),
      goalsMissed: missedGoalNames(report),
    },
    section,
  );
  console.log(`Saved in ${HISTORY_FILE} and ${LATEST_FILE}`);
  if (recordRequested()) {
    if (only === undefined) {
      await writeBenchmarks(section);
      console.log(`Recorded in ${BENCHMARKS_FILE}`);
    } else {
      // BENCHMARKS.md shows one whole run: a partial one would drop the other parts' tables.
      console.error(`BENCH_RECORD ignored: BENCH_ONLY=${only} is not a full run`);
    }
  }

  if (search) printSearchMismatches(search);
  for (const line of verdictLines(report)) console.log(line);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
