/**
 * The library's search across reports (src/core/search/cross-report.ts)
 * against a plain substring scan of the same blocks, with 1, 10 and 100
 * reports in the library, of two kinds:
 *
 * - `copies`: the bundled report and digit-shifted copies of it (copy k:
 *   every digit d becomes (d + k) mod 10), as the search bench's 100× corpus;
 * - `generated`: the bundled report and reports made to look like other
 *   districts' (tests/support/generated-reports.ts: their own places, years,
 *   figures, topics and sections, sentences recombined).
 *
 * Each library is measured in child processes of its own
 * (bench/multisearch-child.ts), so that memory belongs to that library alone:
 *
 * - `measure`: builds every report's index from its blocks (word segmenting
 *   included) and saves it, reads them all back as the app would at start
 *   (addReportFromFile), checks that every query finds exactly the scan's
 *   blocks, then times the engine and the scan, alternating;
 * - `memory`: what the app's main process holds: the blocks, every saved
 *   index read back, one pass of the query set; then a forced GC, and RSS
 *   and heap are read;
 * - `blocks`: the same library's blocks alone, after a forced GC: the baseline.
 *
 * The goals are issue 14's: with 100 reports, the engine's p95 at most the
 * scan's, and memory after the search at most 300 MB.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block } from '../src/shared/document';
import { generateReport } from '../tests/support/generated-reports';
import {
  markdownTable,
  mib,
  ms,
  queryTimingRows,
  sameHitsCell,
  searchGoalsTable,
  type QueryTimings,
} from './report';
import {
  KEYWORDS,
  QUERY_SEED,
  RANDOM_QUERIES,
  querySet,
  randomSubstrings,
  roundCount,
  runBenchChild,
  shiftDigits,
  type Mismatch,
  type SearchGoal,
} from './search';
import type { Summary } from './stats';

export const LIBRARY_KINDS = ['copies', 'generated'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];
export const LIBRARY_SIZES = [1, 10, 100] as const;
/** Issue 14: main-process memory after a search across 100 reports. */
export const MEMORY_GOAL_BYTES = 300e6;

export interface LibraryReport {
  id: string;
  blocks: Block[];
}

/** The library: the bundled report first, then copies or generated reports, `size` in all. */
export function makeLibrary(kind: LibraryKind, size: number, bundled: Block[]): LibraryReport[] {
  return Array.from({ length: size }, (_, k) => {
    if (k === 0) return { id: 'bundled', blocks: bundled };
    if (kind === 'copies') {
      const blocks = bundled.map((block) => ({ ...block, text: shiftDigits(block.text, k) }));
      return { id: `copy-${k}`, blocks };
    }
    return { id: `generated-${k}`, blocks: generateReport(bundled, k) };
  });
}

/** The search bench's keywords, and random substrings of the whole library (the report's own for copies). */
export function libraryQueries(library: LibraryReport[], kind: LibraryKind): string[] {
  if (kind === 'copies') return querySet(library[0].blocks);
  const blocks = library.flatMap((report) => report.blocks);
  return [...KEYWORDS, ...randomSubstrings(blocks, RANDOM_QUERIES, QUERY_SEED, new Set(KEYWORDS))];
}

/** What `measure` reports for one library. */
export interface LibraryMeasure extends QueryTimings {
  reports: number;
  blocks: number;
  chars: number;
  queries: number;
  rounds: number;
  /** Every report's index built from its blocks, word segmenting included. */
  build: { totalMs: number; perReport: Summary };
  /** The saved indexes, all reports. */
  savedBytes: number;
  /** Every saved index read back and added (addReportFromFile), all reports. */
  loadMs: number;
  engineFull: Summary;
  mismatches: Mismatch[];
  /** The slowest queries in the engine (medians). */
  slowest: { query: string; hits: number; engineMedianMs: number; scanMedianMs: number }[];
  maxRssMiB: number;
}

/** Memory after a forced GC, in MiB. */
export interface MemoryReading {
  rssMiB: number;
  heapUsedMiB: number;
  /** Outside the JS heap: typed arrays' buffers and the like. */
  externalMiB: number;
  maxRssMiB: number;
}

export interface LibraryResult {
  kind: LibraryKind;
  size: number;
  measure: LibraryMeasure;
  /** Blocks, saved indexes read back, one pass of the queries. */
  memory: MemoryReading;
  /** Blocks only. */
  baseline: MemoryReading;
}

export interface MultisearchBenchResult {
  rounds: number;
  libraries: LibraryResult[];
  goals: SearchGoal[];
}

const CHILD = fileURLToPath(new URL('./multisearch-child.ts', import.meta.url));
const MiB = 1024 ** 2;

export function multisearchGoals(libraries: LibraryResult[]): SearchGoal[] {
  const goals: SearchGoal[] = [];
  for (const { kind, size, measure, memory } of libraries) {
    if (size !== 100) continue;
    goals.push({
      goal: `engine p95 ≤ scan p95 across 100 reports (${kind})`,
      measured: `${measure.engine.p95.toFixed(3)} ms vs ${measure.scan.p95.toFixed(3)} ms`,
      pass: measure.engine.p95 <= measure.scan.p95,
    });
    goals.push({
      goal: `memory after a search across 100 reports ≤ 300 MB (${kind})`,
      measured:
        `RSS ${((memory.rssMiB * MiB) / 1e6).toFixed(0)} MB after a forced GC ` +
        `(${memory.rssMiB.toFixed(1)} MiB; heap ${memory.heapUsedMiB.toFixed(1)} MiB)`,
      pass: memory.rssMiB * MiB <= MEMORY_GOAL_BYTES,
    });
  }
  const mismatched = libraries.reduce((sum, result) => sum + result.measure.mismatches.length, 0);
  goals.push({
    goal: 'engine hits = scan hits, every query, every library',
    measured: libraries
      .map(
        ({ kind, size, measure }) =>
          `${kind} ${size}: ${measure.queries - measure.mismatches.length}/${measure.queries}`,
      )
      .join(', '),
    pass: mismatched === 0,
  });
  return goals;
}

/** Measures every library, one child process at a time, and judges the goals. */
export async function runMultisearchBench(): Promise<MultisearchBenchResult> {
  const rounds = roundCount();
  const libraries: LibraryResult[] = [];
  for (const kind of LIBRARY_KINDS) {
    for (const size of LIBRARY_SIZES) {
      const dir = await mkdtemp(join(tmpdir(), 'reader-multisearch-bench-'));
      try {
        const args = [kind, String(size), dir];
        console.log(`multisearch ${kind} ×${size}: build, save, load, ${rounds} rounds…`);
        const measure = await runBenchChild<LibraryMeasure>(CHILD, [
          'measure',
          ...args,
          String(rounds),
        ]);
        console.log(`multisearch ${kind} ×${size}: memory with the search, then blocks only…`);
        const memory = await runBenchChild<MemoryReading>(CHILD, ['memory', ...args]);
        const baseline = await runBenchChild<MemoryReading>(CHILD, ['blocks', ...args]);
        libraries.push({ kind, size, measure, memory, baseline });
        for (const mismatch of measure.mismatches) {
          console.error(
            `!!! MULTISEARCH MISMATCH (${kind} ×${size}): "${mismatch.query}" — engine only: ` +
              `[${mismatch.engineOnly.join(', ')}], scan only: [${mismatch.scanOnly.join(', ')}]`,
          );
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
  return { rounds, libraries, goals: multisearchGoals(libraries) };
}

/** One library kind's numbers, a column per library size. */
function kindTable(results: LibraryResult[]): string {
  const rows: [string, (result: LibraryResult) => string][] = [
    [
      'library',
      ({ measure }) =>
        `${measure.reports} report${measure.reports === 1 ? '' : 's'}, ` +
        `${measure.blocks.toLocaleString('en')} blocks, ` +
        `${measure.chars.toLocaleString('en')} chars`,
    ],
    [
      'build every index from blocks (words segmented): total · per report, median',
      ({ measure }) => `${ms(measure.build.totalMs)} · ${ms(measure.build.perReport.median)}`,
    ],
    ['saved indexes, all reports', ({ measure }) => mib(measure.savedBytes / MiB)],
    ['read back from disk and added, all reports', ({ measure }) => ms(measure.loadMs)],
    ...queryTimingRows({
      firstPass: 'engine first pass (nothing cached), median · p95',
      full: 'engine, full answer (every hit’s ranges and snippet), median · p95',
    }).map(([label, cell]): [string, (result: LibraryResult) => string] => [
      label,
      ({ measure }) => cell(measure),
    ]),
    [
      'after a search, forced GC: RSS (JS heap, outside it)',
      ({ memory }) =>
        `${mib(memory.rssMiB)} (${mib(memory.heapUsedMiB)}, ${mib(memory.externalMiB)})`,
    ],
    ['blocks only, forced GC: RSS (baseline)', ({ baseline }) => mib(baseline.rssMiB)],
    [
      'the search’s share: RSS over the baseline',
      ({ memory, baseline }) => mib(memory.rssMiB - baseline.rssMiB),
    ],
    ['peak RSS: whole measurement, incl. building', ({ measure }) => mib(measure.maxRssMiB)],
    ['engine hits = scan hits', ({ measure }) => sameHitsCell(measure)],
  ];
  return markdownTable(
    ['metric', ...results.map(({ size }) => `${size} report${size === 1 ? '' : 's'}`)],
    rows.map(([label, cell]) => [label, ...results.map(cell)]),
  );
}

/** Every table of the part: per library kind, then the goals, then the slowest queries with 100 reports. */
export function multisearchTables(result: MultisearchBenchResult): string {
  const parts: string[] = [];
  for (const kind of LIBRARY_KINDS) {
    const results = result.libraries.filter((library) => library.kind === kind);
    if (results.length > 0) parts.push(`**${kind}**\n\n${kindTable(results)}`);
  }
  parts.push(searchGoalsTable(result.goals));
  for (const { kind, size, measure } of result.libraries) {
    if (size !== LIBRARY_SIZES.at(-1)) continue;
    parts.push(
      `Slowest queries, ${kind}, ${size} reports (medians):\n\n` +
        markdownTable(
          ['query', 'hits', 'engine', 'scan'],
          measure.slowest.map((stat) => [
            `\`${stat.query}\``,
            String(stat.hits),
            ms(stat.engineMedianMs),
            ms(stat.scanMedianMs),
          ]),
        ),
    );
  }
  return parts.join('\n\n');
}
