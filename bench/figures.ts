/**
 * Figures: extracting every figure (src/core/figures) against parsing the
 * same report, at 1× and at 100× (the body a hundred times over, copy k with
 * every digit d made (d + k) mod 10, as the search bench builds its corpus, so
 * no copy repeats another's numbers). Parse and extraction alternate which
 * goes first in each round; the goal is a ratio of medians from the same run:
 * extraction at 100× costs at most 5% of parsing at 100×. Each is timed by
 * the wall clock and by the process's CPU time; the goal is judged on CPU
 * time, which other work on a shared machine moves far less (under load,
 * parsing's wall time swells more than extraction's and flatters the ratio).
 *
 * Runs with the rest of `npm run bench`, or alone and without recording:
 *   npx tsx bench/figures.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractFigures } from '../src/core/figures/extract';
import { BUNDLED_REPORT } from '../src/services/paths';
import { parseReportBytes } from '../src/core/report/parse-report';
import { markdownTable } from './report';
import { shiftDigits } from './search';
import { summarize, type Summary } from './stats';

export const FIGURES_GOAL_RATIO = 0.05;
const DEFAULT_ROUNDS = 15;
/** Where the body ends: the appendix heading, whose glossary parsing is not repeated. */
const APPENDIX = /\n附\s*件\s*[：:]/u;
/** Where the body starts: the first level-1 heading, after the title block. */
const FIRST_HEADING = /\n一、/u;

export interface FiguresScale {
  scale: number;
  blocks: number;
  figures: number;
  parse: Summary;
  extract: Summary;
  parseCpu: Summary;
  extractCpu: Summary;
}

export interface FiguresBenchResult {
  rounds: number;
  scales: FiguresScale[];
  /** Median extraction CPU time over median parse CPU time, at 100×. */
  ratio: number;
  table: string;
  goal: string;
  /** The ratio judged, as a percentage. */
  measured: string;
  pass: boolean;
  /** The goal, and whether this run met it, in one line. */
  verdict: string;
}

/** The report with its body `scale` times over (copy k digit-shifted by k), one title block and appendix. */
export function scaledReport(source: string, scale: number): string {
  const bodyStart = FIRST_HEADING.exec(source)?.index ?? 0;
  const bodyEnd = APPENDIX.exec(source)?.index ?? source.length;
  const body = source.slice(bodyStart, bodyEnd);
  const copies = Array.from({ length: scale }, (_, k) => shiftDigits(body, k));
  return source.slice(0, bodyStart) + copies.join('\n') + source.slice(bodyEnd);
}

function time<T>(run: () => T): { ms: number; cpu: number; value: T } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpu: (cpu.user + cpu.system) / 1000, value };
}

function measureScale(bytes: Uint8Array, scale: number, rounds: number): FiguresScale {
  // One warm-up of each, so both are compiled before the timed rounds.
  let document = parseReportBytes(bytes);
  let figures = extractFigures(document).length;
  const parse = { ms: [] as number[], cpu: [] as number[] };
  const extract = { ms: [] as number[], cpu: [] as number[] };
  const doParse = () => {
    const parsed = time(() => parseReportBytes(bytes));
    document = parsed.value;
    parse.ms.push(parsed.ms);
    parse.cpu.push(parsed.cpu);
  };
  const doExtract = () => {
    const extracted = time(() => extractFigures(document));
    figures = extracted.value.length;
    extract.ms.push(extracted.ms);
    extract.cpu.push(extracted.cpu);
  };
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so drift (and the collector) hits both alike.
    if (round % 2 === 0) {
      doParse();
      doExtract();
    } else {
      doExtract();
      doParse();
    }
  }
  return {
    scale,
    blocks: document.blocks.length,
    figures,
    parse: summarize(parse.ms),
    extract: summarize(extract.ms),
    parseCpu: summarize(parse.cpu),
    extractCpu: summarize(extract.cpu),
  };
}

const ms = (value: number) => `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function runFiguresBench(rounds = roundCount()): FiguresBenchResult {
  const source = readFileSync(BUNDLED_REPORT, 'utf8');
  const scales = [1, 100].map((scale) =>
    measureScale(new TextEncoder().encode(scaledReport(source, scale)), scale, rounds),
  );
  const hundred = scales[scales.length - 1];
  const ratio = hundred.extractCpu.median / hundred.parseCpu.median;
  const table = markdownTable(
    [
      'corpus',
      'blocks',
      'figures',
      'parse wall median / p95',
      'extract wall median / p95',
      'parse CPU median',
      'extract CPU median',
      'extract ÷ parse (wall, CPU)',
    ],
    scales.map((row) => [
      `${row.scale}×`,
      String(row.blocks),
      String(row.figures),
      `${ms(row.parse.median)} / ${ms(row.parse.p95)}`,
      `${ms(row.extract.median)} / ${ms(row.extract.p95)}`,
      ms(row.parseCpu.median),
      ms(row.extractCpu.median),
      `${percent(row.extract.median / row.parse.median)}, ${percent(row.extractCpu.median / row.parseCpu.median)}`,
    ]),
  );
  const goal = `figure extraction ≤ ${percent(FIGURES_GOAL_RATIO)} of parse at 100× (CPU time)`;
  const pass = ratio <= FIGURES_GOAL_RATIO;
  const verdict = pass
    ? `Figures: goal met, ${goal} (measured ${percent(ratio)}).`
    : `GOAL MISSED: ${goal} — measured ${percent(ratio)}.`;
  return { rounds, scales, ratio, table, goal, measured: percent(ratio), pass, verdict };
}

function roundCount(): number {
  const raw = process.env.BENCH_FIGURES_ROUNDS;
  const rounds = raw === undefined || raw === '' ? DEFAULT_ROUNDS : Number(raw);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`BENCH_FIGURES_ROUNDS must be a positive integer, not "${raw}"`);
  }
  return rounds;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runFiguresBench();
  console.log(`Figures (${result.rounds} rounds):\n${result.table}\n\n${result.verdict}`);
}
