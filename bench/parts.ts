/**
 * The parts of `npm run bench`, one entry each: what BENCH_ONLY calls it, its
 * heading in BENCHMARKS.md, whether it needs the built app and a browser,
 * how it runs, what it prints, its section and goals, and what
 * history.jsonl keeps of it. Adding a part is adding an entry here; run.ts
 * runs the table in order.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReaderServer } from '../src/server/start';
import { runAnnotationBench, type AnnotationBenchRow } from './annotations';
import type { BenchBrowser } from './browser';
import { runEditionsBench, type EditionsBenchResult } from './editions';
import { runEditionsUiBench } from './editions-ui';
import { runFiguresBench, type FiguresBenchResult } from './figures';
import { measurePanelOpening, type PanelBenchResult } from './figures-panel';
import { libraryTables, runLibraryBench, type LibraryBenchResult } from './library';
import { multisearchTables, runMultisearchBench, type MultisearchBenchResult } from './multisearch';
import { runPageLoadBench, WARMUPS, type PageLoadOutcome } from './page-load-run';
import { runParseBench, type ParseBenchResult } from './parse';
import {
  annotationsSection,
  editionsGoals,
  editionsSection,
  figuresPanelSection,
  figuresSection,
  librarySection,
  multisearchSection,
  pageLoadGoals,
  pageLoadSection,
  parseGoals,
  parseSection,
  resultsTable,
  searchGoalsTable,
  searchSection,
  searchTable,
  slowestQueriesTable,
} from './report';
import type { RunRecord } from './results';
import { runSearchBench, type SearchBenchResult, type SearchGoal } from './search';
import { keystrokeGoal } from './search-typing';

/** What a part is given to run with. */
export interface PartContext {
  /** A headless Chromium of its own, launched for a part that needs one (closed after it). */
  browser?: BenchBrowser;
  /** The 1-minute load average as the run started. */
  loadAverage: number;
  /** What a part run before it in this process measured (the search part takes page-load's typing). */
  earlier<R>(part: BenchPart<R>): R | undefined;
}

export interface BenchPart<R> {
  /** BENCH_ONLY's name for it. */
  id: string;
  /** Its heading in BENCHMARKS.md (`### <title>`), which BENCH_RECORD with BENCH_ONLY replaces. */
  title: string;
  /** `build`: it serves or reads out/ (`npm run build`); `browser`: it drives Chromium. */
  needs: { build?: true; browser?: true };
  run(context: PartContext): Promise<R>;
  /** The tables printed once it has run. */
  printed(result: R): string;
  /** Its section in BENCHMARKS.md, below its heading. */
  section(result: R): string[];
  /** The goals it judges (none for a part that only reports). */
  goals(result: R): SearchGoal[];
  /** What history.jsonl keeps of it. */
  record(result: R): Partial<RunRecord>;
}

/** A browser part's own Chromium (run.ts launches it for the parts whose `needs.browser` is set). */
function browserOf(context: PartContext): BenchBrowser {
  if (context.browser === undefined) throw new Error('this part needs a browser');
  return context.browser;
}

/** BENCH_RUNS: page loads per page (default 15; the library part's default is 9). */
export function runCount(fallback: number): number {
  const raw = process.env.BENCH_RUNS;
  if (raw === undefined || raw === '') return fallback;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`BENCH_RUNS must be a positive integer, not "${raw}"`);
  }
  return runs;
}

const DEFAULT_RUNS = 15;
/** The library part loads three pairs of pages per run: fewer runs by default. */
const LIBRARY_DEFAULT_RUNS = 9;

/** In a temporary data folder, removed after. */
async function withDataDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pageLoad: BenchPart<PageLoadOutcome> = {
  id: 'page-load',
  title: 'Page load',
  needs: { build: true, browser: true },
  run: (context) =>
    runPageLoadBench(browserOf(context), runCount(DEFAULT_RUNS), context.loadAverage),
  printed: ({ report }) =>
    `${resultsTable(report.rows)}\n\nWhere the time goes (medians):\n${report.timeline}`,
  section: ({ report }) => pageLoadSection(report),
  goals: ({ report }) => pageLoadGoals(report),
  record: ({ report }) => ({
    pageLoad: { runs: report.runs, warmups: WARMUPS, rows: report.rows },
  }),
};

const search: BenchPart<SearchBenchResult> = {
  id: 'search',
  title: 'Search',
  needs: {},
  run: async (context) => {
    const result = await runSearchBench();
    // The browser step ran with the page-load part (same browser), when it ran.
    const typing = context.earlier(pageLoad)?.typing;
    if (typing === undefined) return result;
    const typed = keystrokeGoal(typing);
    return {
      ...result,
      goals: result.goals.map((goal) => (goal.goal === typed.goal ? typed : goal)),
    };
  },
  printed: (result) =>
    `${searchTable(result)}\n\n${searchGoalsTable(result.goals)}\n\n` +
    `Slowest queries at ${result.scales.at(-1)?.scale ?? ''}× (medians):\n` +
    slowestQueriesTable(result),
  section: searchSection,
  goals: (result) => result.goals,
  record: (result) => ({ search: result }),
};

const multisearch: BenchPart<MultisearchBenchResult> = {
  id: 'multisearch',
  title: 'Search across reports',
  needs: {},
  run: () => runMultisearchBench(),
  printed: multisearchTables,
  section: multisearchSection,
  goals: (result) => result.goals,
  record: (result) => ({ multisearch: result }),
};

const annotations: BenchPart<{ rows: AnnotationBenchRow[]; table: string }> = {
  id: 'annotations',
  title: 'Annotations',
  needs: {},
  run: () => withDataDir('reader-bench-annotations-', (dir) => runAnnotationBench(dir)),
  printed: (result) => result.table,
  section: (result) => annotationsSection(result.table),
  goals: () => [],
  record: (result) => ({ annotations: result.rows }),
};

const parse: BenchPart<ParseBenchResult> = {
  id: 'parse',
  title: 'Parse',
  needs: {},
  run: () => runParseBench(),
  printed: (result) => `${result.table}\n\n${result.pdfTable}`,
  section: (result) =>
    parseSection(`${result.table}\n\n${result.pdfTable}\n\n${result.hostileTable}`),
  goals: (result) => parseGoals(result.missed),
  record: (result) => ({ parse: result }),
};

const figures: BenchPart<FiguresBenchResult> = {
  id: 'figures',
  title: 'Figures',
  needs: {},
  run: async () => runFiguresBench(),
  printed: (result) => `${result.table}\n\n${result.verdict}`,
  section: figuresSection,
  goals: (result) => [{ goal: result.goal, measured: result.measured, pass: result.pass }],
  record: (result) => ({ figures: result }),
};

const figuresPanel: BenchPart<PanelBenchResult> = {
  id: 'figures-panel',
  title: '数说报告 panel',
  needs: { build: true, browser: true },
  run: (context) =>
    withDataDir('reader-bench-panel-', async (dataDir) => {
      const app = await startReaderServer({ dataDir, port: 0 });
      try {
        return await measurePanelOpening(browserOf(context), app.url);
      } finally {
        await app.close();
      }
    }),
  printed: (result) => result.table,
  section: figuresPanelSection,
  goals: (result) => [result.goal],
  record: (result) => ({ figuresPanel: result }),
};

const library: BenchPart<LibraryBenchResult> = {
  id: 'library',
  title: 'Library (书架)',
  needs: { build: true, browser: true },
  run: (context) => runLibraryBench(browserOf(context), runCount(LIBRARY_DEFAULT_RUNS)),
  printed: (result) => `${libraryTables(result)}\n\n${searchGoalsTable(result.goals)}`,
  section: (result) => librarySection({ table: libraryTables(result), goals: result.goals }),
  goals: (result) => result.goals,
  record: (result) => ({ library: result }),
};

const editions: BenchPart<EditionsBenchResult> = {
  id: 'editions',
  title: 'Editions (修订对照)',
  needs: { build: true, browser: true },
  run: async (context) => {
    const result = runEditionsBench();
    console.log(`\nEditions:\n${result.table}\n`);
    return { ...result, ui: await runEditionsUiBench(browserOf(context)) };
  },
  printed: (result) => result.ui?.table ?? '',
  section: editionsSection,
  goals: editionsGoals,
  record: (result) => ({ editions: result }),
};

/** Every part, in the order a full run takes them and BENCHMARKS.md lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own result type; run.ts only ever hands a part's result back to that part
export const BENCH_PARTS: readonly BenchPart<any>[] = [
  pageLoad,
  search,
  multisearch,
  annotations,
  parse,
  figures,
  figuresPanel,
  editions,
  library,
];

const PART_IDS = BENCH_PARTS.map((part) => part.id);

/** BENCH_ONLY: the parts named (comma-separated), in the table's order; every part when unset. */
export function chosenParts(raw: string | undefined): readonly BenchPart<unknown>[] {
  if (raw === undefined || raw.trim() === '') return BENCH_PARTS;
  const wanted = raw.split(',').map((id) => id.trim());
  const unknown = wanted.filter((id) => !PART_IDS.includes(id));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY takes a comma-separated list of ${PART_IDS.join(', ')}, not "${raw}"`,
    );
  }
  return BENCH_PARTS.filter((part) => wanted.includes(part.id));
}
