/**
 * One corpus of the search bench in a process of its own, so its peak RSS is
 * its own (see search.ts). Usage:
 *
 *   node --expose-gc --import tsx bench/search-child.ts <scale> [measure <index file> [rounds] | engine <index file> | blocks]
 *
 * Progress goes to stderr; the result is one JSON line on stdout after RESULT_TAG.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex } from '../src/core/search/build-index';
import { segmentWords } from '../src/services/search/words';
import { SearchEngine } from '../src/core/search/engine';
import type { Block } from '../src/shared/document';
import { SEARCH_PAGE } from '../src/shared/search';
import {
  DEFAULT_ROUNDS,
  SubstringScan,
  loadReportBlocks,
  makeCorpus,
  querySet,
  type ChildMode,
  type MeasureResult,
  type QueryStat,
  type RssResult,
} from './search';
import {
  collectGarbage,
  firstPass,
  maxRssMiB,
  runChildMain,
  timeRounds,
  timed,
} from './child-tools';
import { median, p95, summarize } from './stats';

/** Builds and loads are repeated on the small corpus only; at 100× one build takes seconds. */
const BUILD_RUNS = { small: 5, large: 1 };
const LOAD_RUNS = { small: 10, large: 3 };
/** The app's call: ranges for the first page of hits, counts for all (see src/renderer/features/search/search-session.ts). */
const APP_OPTIONS = { matchLimit: SEARCH_PAGE };

function progress(scale: number, message: string): void {
  process.stderr.write(`  [${scale}×] ${message}\n`);
}

async function measure(
  scale: number,
  corpus: Block[],
  queries: string[],
  indexFile: string,
  rounds: number,
): Promise<MeasureResult> {
  const small = corpus.length < 1000;

  const buildTimes: number[] = [];
  let serialized = '';
  for (let run = 0; run < (small ? BUILD_RUNS.small : BUILD_RUNS.large); run++) {
    const [index, ms] = timed(() => buildSearchIndex(corpus, segmentWords));
    buildTimes.push(ms);
    serialized = JSON.stringify(index);
  }
  progress(scale, `built in ${median(buildTimes).toFixed(0)} ms (median of ${buildTimes.length})`);
  const rawBytes = Buffer.byteLength(serialized, 'utf8');
  const gzipBytes = gzipSync(serialized).length;
  await writeFile(indexFile, serialized);

  const loadTimes: number[] = [];
  for (let run = 1; run < (small ? LOAD_RUNS.small : LOAD_RUNS.large); run++) {
    loadTimes.push(timed(() => SearchEngine.load(serialized, corpus))[1]);
  }
  // The last load is the engine under test.
  const [search, lastLoad] = timed(() => SearchEngine.load(serialized, corpus));
  loadTimes.push(lastLoad);
  serialized = '';
  progress(scale, `loaded in ${median(loadTimes).toFixed(1)} ms (median of ${loadTimes.length})`);
  const scan = new SubstringScan(corpus);
  // The builds and discarded loads left garbage that queries should not pay for.
  collectGarbage();

  const checked = firstPass(
    queries,
    {
      search: (query) => search.search(query, APP_OPTIONS),
      ids: (result) => result.hits.map((hit) => hit.block),
    },
    (query) => scan.search(query).map((ordinal) => corpus[ordinal].id),
  );
  const { mismatches, hitCounts } = checked;

  const { engineTimes, scanTimes, fullTimes, gc } = await timeRounds(queries, rounds, {
    engine: (query) => search.search(query, APP_OPTIONS).hits.length,
    scan: (query) => scan.search(query).length,
    // The full answer, every hit's ranges (what the CLI prints), for comparison.
    full: (query) => search.search(query).hits.length,
  });

  const perQuery: QueryStat[] = queries.map((query, q) => ({
    query,
    hits: hitCounts[q],
    engineMedianMs: median(engineTimes[q]),
    engineP95Ms: p95(engineTimes[q]),
    scanMedianMs: median(scanTimes[q]),
  }));
  const result: MeasureResult = {
    scale,
    blocks: corpus.length,
    chars: corpus.reduce((sum, block) => sum + block.text.length, 0),
    queries: queries.length,
    rounds,
    build: summarize(buildTimes),
    rawBytes,
    gzipBytes,
    load: summarize(loadTimes),
    engine: summarize(engineTimes.flat()),
    scan: summarize(scanTimes.flat()),
    engineFirstPass: summarize(checked.times),
    engineFull: summarize(fullTimes),
    gc,
    mismatches,
    perQuery,
    maxRssMiB: 0,
  };
  result.maxRssMiB = maxRssMiB();
  return result;
}

/** The app's run-time share: the index from disk, loaded, and every query once. */
async function engineOnly(corpus: Block[], queries: string[], indexFile: string) {
  const engine = SearchEngine.load(await readFile(indexFile, 'utf8'), corpus);
  let hits = 0;
  for (const query of queries) hits += engine.search(query, APP_OPTIONS).hits.length;
  return hits;
}

async function main(): Promise<MeasureResult | RssResult> {
  const [scaleArg, mode = 'measure', indexFile, roundsArg] = process.argv.slice(2) as [
    string,
    ChildMode | undefined,
    string | undefined,
    string | undefined,
  ];
  const scale = Number(scaleArg);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`bad scale "${scaleArg}"`);
  const report = loadReportBlocks();
  const queries = querySet(report);
  const corpus = makeCorpus(report, scale);

  let result: MeasureResult | RssResult;
  if (mode === 'measure') {
    if (!indexFile) throw new Error('measure needs an index file to write');
    const rounds = roundsArg === undefined ? DEFAULT_ROUNDS : Number(roundsArg);
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`bad rounds "${roundsArg}"`);
    result = await measure(scale, corpus, queries, indexFile, rounds);
  } else if (mode === 'engine') {
    if (!indexFile) throw new Error('engine needs the index file that measure wrote');
    const hits = await engineOnly(corpus, queries, indexFile);
    result = { maxRssMiB: maxRssMiB() };
    progress(
      scale,
      `index loaded and queried (${hits} hits): peak RSS ${result.maxRssMiB.toFixed(1)} MiB`,
    );
  } else if (mode === 'blocks') {
    result = { maxRssMiB: maxRssMiB() };
    progress(scale, `${corpus.length} blocks only: peak RSS ${result.maxRssMiB.toFixed(1)} MiB`);
  } else {
    throw new Error(`unknown mode "${String(mode)}"`);
  }
  return result;
}

runChildMain('search-child', main);
