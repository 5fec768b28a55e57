/**
 * `npm run bench`: every part of bench/parts.ts in order (cold page loads
 * against the floor, search, search across reports, annotations, parse,
 * figures, the 数说报告 panel, editions, the library), each against a floor
 * measured in the same run; prints the tables and saves them under
 * bench-results/ (results.ts). Exits 0 when a goal is missed (it reports, it
 * does not gate), 1 when it cannot measure.
 *
 * `BENCH_ONLY=search` (or a comma-separated list: `BENCH_ONLY=search,parse`)
 * runs those parts. `BENCH_RECORD=1` rewrites BENCHMARKS.md with a full run;
 * with BENCH_ONLY it replaces only those parts' sections, each then saying
 * its own date, machine, commit and load. `BENCH_RECORD_FILE` names another
 * file to record into (a scratch copy).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BUILT_DOCUMENT_FILE } from '../src/services/built-document';
import { BUILT_DATA_DIR, RENDERER_DIR } from '../src/services/paths';
import { launchBenchBrowser } from './browser';
import { BENCH_PARTS, chosenParts, type BenchPart, type PartContext } from './parts';
import {
  describeMachine,
  missedGoalNames,
  replaceParts,
  runSection,
  verdictLines,
  type PartOutcome,
} from './report';
import {
  BENCHMARKS_FILE,
  HISTORY_FILE,
  LATEST_FILE,
  recordRequested,
  saveRun,
  writeBenchmarks,
  type RunRecord,
} from './results';
import type { SearchBenchResult } from './search';

function requireBuild(): void {
  const document = join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE);
  if (!existsSync(document) || !existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/ is missing or incomplete; run `npm run build` first.');
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

interface RunParts {
  outcomes: PartOutcome[];
  record: Partial<RunRecord>;
  /** The Chromium the browser parts drove, for the machine line. */
  chromium?: string;
  results: Map<BenchPart<unknown>, unknown>;
}

async function runParts(parts: readonly BenchPart<unknown>[], loadAverage: number) {
  const run: RunParts = { outcomes: [], record: {}, results: new Map() };
  if (parts.some((part) => part.needs.build)) requireBuild();
  for (const part of parts) {
    console.log(`bench: ${part.title}, load average ${loadavg()[0].toFixed(2)}`);
    const browser = part.needs.browser ? await launchBenchBrowser() : undefined;
    run.chromium ??= browser?.browser.version();
    const context: PartContext = {
      loadAverage,
      ...(browser && { browser }),
      earlier: <R>(earlier: BenchPart<R>) => run.results.get(earlier) as R | undefined,
    };
    let result: unknown;
    try {
      result = await part.run(context);
    } finally {
      await browser?.close();
    }
    run.results.set(part, result);
    console.log(`\n${part.title}:\n${part.printed(result)}\n`);
    run.outcomes.push({
      id: part.id,
      title: part.title,
      section: part.section(result),
      goals: part.goals(result),
    });
    Object.assign(run.record, part.record(result));
  }
  return run;
}

async function main(): Promise<void> {
  const parts = chosenParts(process.env.BENCH_ONLY);
  const only = parts.length === BENCH_PARTS.length ? undefined : parts.map((p) => p.id).join(',');
  const loadAverage = loadavg()[0];
  const date = new Date();
  const run = await runParts(parts, loadAverage);
  const machine = describeMachine(run.chromium, loadAverage);
  const report = { date, machine, parts: run.outcomes, ...(only !== undefined && { only }) };
  const section = runSection(report);
  await saveRun(
    {
      date: date.toISOString(),
      machine,
      ...(only !== undefined && { only }),
      ...run.record,
      goalsMissed: missedGoalNames(run.outcomes),
    },
    section,
  );
  console.log(`Saved in ${HISTORY_FILE} and ${LATEST_FILE}`);
  if (recordRequested()) {
    const file = process.env.BENCH_RECORD_FILE || BENCHMARKS_FILE;
    if (only === undefined) {
      await writeBenchmarks(section, file);
    } else {
      // Only these parts' sections: the others stay as the run that measured them wrote them.
      const text = await readFile(file, 'utf8');
      await writeFile(file, replaceParts(text, run.outcomes, date, machine, only));
    }
    console.log(`Recorded in ${file}${only === undefined ? '' : ` (${only} only)`}`);
  }

  const search = run.record.search;
  if (search) printSearchMismatches(search);
  for (const line of verdictLines(run.outcomes)) console.log(line);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
