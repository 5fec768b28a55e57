/**
 * The search bench: the engine (src/core/search) against a plain substring
 * scan of the same blocks, on the report (1×) and on a generated 100× corpus.
 *
 * Each corpus is measured in child processes of its own (bench/search-child.ts),
 * so that peak RSS belongs to that corpus alone:
 *
 * - `measure`: builds the index (buildSearchIndex), serializes it (raw and gzip
 *   size), loads it (JSON.parse + SearchEngine.load), checks that the engine and
 *   the scan find the same blocks for every query, then times both;
 * - `engine`: what the app pays at run time — blocks, the serialized index read
 *   from disk and loaded, one pass of the query set (it fills the engine's caches);
 * - `blocks`: the baseline — only the corpus blocks, no index.
 *
 * The floor: every block's text normalized once up front (NFKC, lower case, no
 * whitespace); a query's keywords are normalized the same way and a block is a
 * hit when it includes every keyword. That is the least a search can do to
 * find Ctrl+F's hits; the engine adds ranking, match ranges and snippets, and
 * is judged by whether its index pays for itself.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_REPORT, PROJECT_ROOT } from '../src/services/paths';
import { parseReportBytes } from '../src/core/report/parse-report';
import type { Block } from '../src/shared/document';
import type { GcPauses } from './child-tools';
import type { Summary } from './stats';
import { KEYSTROKE_GOAL_NAME } from './search-typing';
import { mulberry32 } from '../tests/support/random';

export const SCALES = [1, 100] as const;
export type Scale = (typeof SCALES)[number];
export type ChildMode = 'measure' | 'engine' | 'blocks';

/** Timed rounds over the whole query set, after one warm-up round. */
export const DEFAULT_ROUNDS = 20;
/** Seed of the random substrings, so every run asks the same queries. */
export const QUERY_SEED = 2018;
export const RANDOM_QUERIES = 100;
export const RANDOM_LENGTH = { min: 2, max: 6 } as const;
/** Goal: at 1×, the engine's p95 is at most this. */
export const GOAL_P95_MS_1X = 0.1;

/**
 * Realistic keywords, all from the report: topics, places, figures, a
 * one-character query (the first keystroke of most searches) and queries of
 * two keywords.
 */
export const KEYWORDS = [
  '垃圾分类',
  '污水零直排',
  '月湖',
  '民生实事',
  '5G',
  '2018年',
  '创新',
  '人才',
  '海曙',
  '发展',
  '建设',
  '城市双修',
  '中国制造2025',
  '三江口',
  '天一阁',
  '乡村振兴',
  '特色小镇',
  '最多跑一次',
  '一带一路',
  '十九大',
  '习近平',
  '养老',
  '教育',
  '医疗',
  '旅游',
  '生态',
  '产业',
  '改革',
  '亿元',
  '同比增长',
  '小微企业',
  '棚户区改造',
  '海',
  '区',
  '创新 人才',
  '海曙 发展',
  '垃圾分类 生态',
];

export function loadReportBlocks(): Block[] {
  return parseReportBytes(readFileSync(BUNDLED_REPORT)).blocks;
}

/** Copy k of the corpus: every ASCII digit d becomes (d + k) % 10. */
export function shiftDigits(text: string, k: number): string {
  if (k % 10 === 0) return text;
  return text.replace(/[0-9]/g, (digit) => String((Number(digit) + k) % 10));
}

/** `scale` copies of the report's blocks, digits perturbed per copy, ids `c${k}-${id}`. */
export function makeCorpus(blocks: Block[], scale: number): Block[] {
  if (scale === 1) return blocks;
  const corpus: Block[] = [];
  for (let k = 0; k < scale; k++) {
    for (const block of blocks) {
      corpus.push({ ...block, id: `c${k}-${block.id}`, text: shiftDigits(block.text, k) });
    }
  }
  return corpus;
}

/**
 * Distinct substrings of the report (code points, never across blocks), each
 * starting at a uniformly random code point of the whole text, 2–6 code
 * points long, none of them in `exclude`.
 */
export function randomSubstrings(
  blocks: Block[],
  count: number,
  seed: number,
  exclude: ReadonlySet<string> = new Set(),
): string[] {
  const random = mulberry32(seed);
  const texts = blocks.map((block) => Array.from(block.text));
  const total = texts.reduce((sum, chars) => sum + chars.length, 0);
  const queries: string[] = [];
  while (queries.length < count) {
    const length =
      RANDOM_LENGTH.min + Math.floor(random() * (RANDOM_LENGTH.max - RANDOM_LENGTH.min + 1));
    let at = Math.floor(random() * total);
    let block = 0;
    while (at >= texts[block].length) at -= texts[block++].length;
    if (at + length > texts[block].length) continue;
    const query = texts[block].slice(at, at + length).join('');
    if (!exclude.has(query) && !queries.includes(query)) queries.push(query);
  }
  return queries;
}

/** The keywords, then the random substrings: every query once. */
export function querySet(blocks: Block[]): string[] {
  return [...KEYWORDS, ...randomSubstrings(blocks, RANDOM_QUERIES, QUERY_SEED, new Set(KEYWORDS))];
}

/** The floor's normalization, on whole strings: NFKC, lower case, no whitespace. */
export function floorNormalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * The floor: a linear scan of precomputed normalized texts. Keywords follow the
 * engine's documented contract (split on whitespace, duplicates dropped, a
 * keyword without a letter or digit dropped), written independently of it.
 */
export class SubstringScan {
  private readonly texts: string[];

  constructor(blocks: Pick<Block, 'text'>[]) {
    this.texts = blocks.map((block) => floorNormalize(block.text));
  }

  /** Ordinals of the blocks that include every keyword, in document order. */
  search(query: string): number[] {
    const keywords = [
      ...new Set(
        query
          .split(/\s+/u)
          .map(floorNormalize)
          .filter((keyword) => /[\p{L}\p{N}]/u.test(keyword)),
      ),
    ];
    const hits: number[] = [];
    if (keywords.length === 0) return hits;
    const { texts } = this;
    for (let ordinal = 0; ordinal < texts.length; ordinal++) {
      const text = texts[ordinal];
      if (keywords.every((keyword) => text.includes(keyword))) hits.push(ordinal);
    }
    return hits;
  }
}

/** One query's numbers in one corpus (medians over the rounds). */
export interface QueryStat {
  query: string;
  hits: number;
  engineMedianMs: number;
  engineP95Ms: number;
  scanMedianMs: number;
}

export interface Mismatch {
  query: string;
  engineOnly: string[];
  scanOnly: string[];
}

/** What `measure` reports for one corpus. */
export interface MeasureResult {
  scale: number;
  blocks: number;
  chars: number;
  queries: number;
  rounds: number;
  build: Summary;
  rawBytes: number;
  gzipBytes: number;
  load: Summary;
  /** Every timed call of every query, all rounds pooled. */
  engine: Summary;
  scan: Summary;
  /** The warm-up round: the engine's caches (postings, normalized texts) still empty. */
  engineFirstPass: Summary;
  /** The full answer, every hit's match ranges (the CLI's), after the timed rounds. */
  engineFull: Summary;
  /** Garbage collection during the timed rounds (engine and scan together; the scan allocates little). */
  gc: GcPauses;
  mismatches: Mismatch[];
  perQuery: QueryStat[];
  maxRssMiB: number;
}

export interface RssResult {
  maxRssMiB: number;
}

export interface ScaleResult {
  scale: Scale;
  measure: MeasureResult;
  /** Blocks + serialized index loaded from disk + one pass of the query set. */
  engineRss: RssResult;
  /** Blocks only. */
  blocksRss: RssResult;
}

export interface SearchGoal {
  goal: string;
  measured: string;
  pass: boolean | null;
}

export interface SearchBenchResult {
  rounds: number;
  keywords: number;
  randomQueries: number;
  scales: ScaleResult[];
  goals: SearchGoal[];
}

const CHILD = fileURLToPath(new URL('./search-child.ts', import.meta.url));
export const RESULT_TAG = '[bench:search-result]';

export function roundCount(): number {
  const raw = process.env.BENCH_SEARCH_ROUNDS;
  if (raw === undefined || raw === '') return DEFAULT_ROUNDS;
  const rounds = Number(raw);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`BENCH_SEARCH_ROUNDS must be a positive integer, not "${raw}"`);
  }
  return rounds;
}

/**
 * Runs a bench child script in a fresh Node (tsx loader, --expose-gc); its
 * last stdout line tagged RESULT_TAG is the result.
 */
export function runBenchChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // --expose-gc: the measuring child collects the build's garbage before it times queries.
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout
        .split('\n')
        .reverse()
        .find((candidate) => candidate.startsWith(`${RESULT_TAG} `));
      if (code !== 0 || line === undefined) {
        reject(
          new Error(
            `${script} ${args.join(' ')} exited with ${signal ?? code}` +
              (line === undefined ? ' and no result line' : ''),
          ),
        );
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_TAG.length + 1)) as T);
    });
  });
}

const runChild = <T>(args: string[]) => runBenchChild<T>(CHILD, args);

export function searchGoals(scales: ScaleResult[]): SearchGoal[] {
  const at = (scale: Scale) => scales.find((result) => result.scale === scale)?.measure;
  const goals: SearchGoal[] = [];
  const one = at(1);
  if (one) {
    goals.push({
      goal: `engine p95 ≤ ${GOAL_P95_MS_1X} ms at 1×`,
      measured: `${one.engine.p95.toFixed(3)} ms`,
      pass: one.engine.p95 <= GOAL_P95_MS_1X,
    });
  }
  const hundred = at(100);
  if (hundred) {
    goals.push({
      goal: 'engine p95 ≤ scan p95 at 100×',
      measured: `${hundred.engine.p95.toFixed(3)} ms vs ${hundred.scan.p95.toFixed(3)} ms`,
      pass: hundred.engine.p95 <= hundred.scan.p95,
    });
  }
  const mismatched = scales.reduce((sum, result) => sum + result.measure.mismatches.length, 0);
  goals.push({
    goal: 'engine hits = scan hits, every query, every corpus',
    measured: scales
      .map(
        ({ scale, measure }) =>
          `${scale}×: ${measure.queries - measure.mismatches.length}/${measure.queries}`,
      )
      .join(', '),
    pass: mismatched === 0,
  });
  goals.push({
    goal: KEYSTROKE_GOAL_NAME,
    measured: 'not measured in this run: the browser step runs with the page-load part',
    pass: null,
  });
  return goals;
}

/** Measures every corpus, one child process at a time, and judges the goals. */
export async function runSearchBench(): Promise<SearchBenchResult> {
  const rounds = roundCount();
  const dir = await mkdtemp(join(tmpdir(), 'reader-search-bench-'));
  const scales: ScaleResult[] = [];
  try {
    for (const scale of SCALES) {
      const indexFile = join(dir, `index-${scale}x.json`);
      console.log(`search ${scale}×: measuring (build, size, load, ${rounds} rounds of queries)…`);
      const measure = await runChild<MeasureResult>([
        String(scale),
        'measure',
        indexFile,
        String(rounds),
      ]);
      console.log(`search ${scale}×: peak RSS with the loaded index, then blocks only…`);
      const engineRss = await runChild<RssResult>([String(scale), 'engine', indexFile]);
      const blocksRss = await runChild<RssResult>([String(scale), 'blocks']);
      scales.push({ scale, measure, engineRss, blocksRss });
      for (const mismatch of measure.mismatches) {
        console.error(
          `!!! SEARCH MISMATCH at ${scale}×: "${mismatch.query}" — engine only: ` +
            `[${mismatch.engineOnly.join(', ')}], scan only: [${mismatch.scanOnly.join(', ')}]`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    rounds,
    keywords: KEYWORDS.length,
    randomQueries: RANDOM_QUERIES,
    scales,
    goals: searchGoals(scales),
  };
}
