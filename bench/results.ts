/**
 * Where a run's results go. Every run: one JSON line appended to
 * bench-results/history.jsonl and its tables in bench-results/latest.md, a
 * folder git ignores, so a bench run never leaves the tree dirty.
 * BENCHMARKS.md (tracked) is rewritten only when asked (BENCH_RECORD=1).
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/services/paths';
import type { AnnotationBenchRow } from './annotations';
import { benchmarksFile, type Machine, type Row } from './report';
import type { EditionsBenchResult } from './editions';
import type { FiguresBenchResult } from './figures';
import type { PanelBenchResult } from './figures-panel';
import type { MultisearchBenchResult } from './multisearch';
import type { LibraryBenchResult } from './library';
import type { ParseBenchResult } from './parse';
import type { SearchBenchResult } from './search';

export const RESULTS_DIR = join(PROJECT_ROOT, 'bench-results');
export const HISTORY_FILE = join(RESULTS_DIR, 'history.jsonl');
export const LATEST_FILE = join(RESULTS_DIR, 'latest.md');
export const BENCHMARKS_FILE = join(PROJECT_ROOT, 'BENCHMARKS.md');

/** One run as history.jsonl keeps it: the numbers, not the tables. */
export interface RunRecord {
  date: string;
  machine: Machine;
  /** The BENCH_ONLY value that limited the run, if any. */
  only?: string;
  pageLoad?: { runs: number; warmups: number; rows: Row[] };
  search?: SearchBenchResult;
  multisearch?: MultisearchBenchResult;
  annotations?: AnnotationBenchRow[];
  parse?: ParseBenchResult;
  figures?: FiguresBenchResult;
  figuresPanel?: PanelBenchResult;
  editions?: EditionsBenchResult;
  library?: LibraryBenchResult;
  goalsMissed: string[];
}

export async function saveRun(
  record: RunRecord,
  section: string,
  dir = RESULTS_DIR,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await appendFile(join(dir, 'history.jsonl'), `${JSON.stringify(record)}\n`);
  await writeFile(join(dir, 'latest.md'), `${section}\n`);
}

/** True when BENCH_RECORD asks for BENCHMARKS.md to be rewritten with this run. */
export function recordRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BENCH_RECORD !== undefined && env.BENCH_RECORD !== '' && env.BENCH_RECORD !== '0';
}

export async function writeBenchmarks(section: string, path = BENCHMARKS_FILE): Promise<void> {
  await writeFile(path, benchmarksFile(section));
}
