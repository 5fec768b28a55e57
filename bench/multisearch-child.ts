/**
 * One library of the multisearch bench in a process of its own (see
 * multisearch.ts). Usage:
 *
 *   node --expose-gc --import tsx bench/multisearch-child.ts measure <kind> <size> <dir> <rounds>
 *   node --expose-gc --import tsx bench/multisearch-child.ts memory|blocks <kind> <size> <dir>
 *
 * `measure` saves every report's index in <dir>; `memory` reads them back.
 * Progress goes to stderr; the result is one JSON line on stdout after RESULT_TAG.
 */
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CrossReportSearch } from '../src/core/search/cross-report';
import { buildReportIndex } from '../src/core/search/report-index';
import { encodeReportIndex } from '../src/core/search/report-index-codec';
import { addReportFromFile } from '../src/services/search/report-index-file';
import { segmentWords } from '../src/services/search/words';
import { LIBRARY_FIRST_PAGE } from '../src/shared/search';
import {
  collectGarbage,
  firstPass,
  maxRssMiB,
  runChildMain,
  timeRounds,
  timed,
} from './child-tools';
import {
  LIBRARY_KINDS,
  libraryQueries,
  makeLibrary,
  type LibraryKind,
  type LibraryMeasure,
  type LibraryReport,
  type MemoryReading,
} from './multisearch';
import { SubstringScan, loadReportBlocks } from './search';
import { median, summarize } from './stats';

/**
 * The app's call, the very options its service passes (shelf-search.ts):
 * every report counted, up to LIBRARY_HITS_PER_REPORT hits listed per report,
 * ranges and snippets for the first SEARCH_PAGE in the answer's order.
 */
const APP_OPTIONS = LIBRARY_FIRST_PAGE;
const MiB = 1024 ** 2;

const indexFile = (dir: string, id: string) => join(dir, `${id}.bin`);

function progress(label: string, message: string): void {
  process.stderr.write(`  [${label}] ${message}\n`);
}

/** Every report's index from disk into a fresh search, as the app does at its first search across reports. */
async function loadSearch(library: LibraryReport[], dir: string): Promise<CrossReportSearch> {
  const search = new CrossReportSearch();
  for (const { id, blocks } of library) {
    const added = await addReportFromFile(search, id, blocks, indexFile(dir, id));
    if (added.index !== 'saved') throw new Error(`${id}: the saved index was not used`);
  }
  return search;
}

async function measure(
  label: string,
  kind: LibraryKind,
  library: LibraryReport[],
  dir: string,
  rounds: number,
): Promise<LibraryMeasure> {
  const queries = libraryQueries(library, kind);
  // lunr.zh loads on its first use (~50 ms): not a report's build.
  segmentWords('预热');
  const buildTimes: number[] = [];
  let savedBytes = 0;
  for (const { id, blocks } of library) {
    const [index, ms] = timed(() => buildReportIndex(blocks, segmentWords));
    buildTimes.push(ms);
    await writeFile(indexFile(dir, id), encodeReportIndex(index));
    savedBytes += (await stat(indexFile(dir, id))).size;
  }
  const buildMs = buildTimes.reduce((sum, ms) => sum + ms, 0);
  progress(label, `built ${library.length} indexes in ${buildMs.toFixed(0)} ms`);

  const loadStart = performance.now();
  const search = await loadSearch(library, dir);
  const loadMs = performance.now() - loadStart;
  progress(label, `read back in ${loadMs.toFixed(1)} ms`);

  const all = library.flatMap(({ id, blocks }) =>
    blocks.map((block) => ({ ...block, id: `${id}/${block.id}` })),
  );
  const scan = new SubstringScan(all);
  collectGarbage();

  const checked = firstPass(
    queries,
    {
      search: (query) => search.search(query, APP_OPTIONS),
      // The app's answer lists a page per report: every hit is checked in the full one (untimed).
      ids: ({ query }) =>
        search
          .search(query)
          .groups.flatMap((group) => group.hits.map((hit) => `${group.report}/${hit.block}`)),
    },
    (query) => scan.search(query).map((ordinal) => all[ordinal].id),
  );
  const { mismatches, hitCounts } = checked;

  const { engineTimes, scanTimes, fullTimes, gc } = await timeRounds(queries, rounds, {
    engine: (query) => search.search(query, APP_OPTIONS).count,
    scan: (query) => scan.search(query).length,
    full: (query) => search.search(query).count,
  });
  const slowest = queries
    .map((query, q) => ({
      query,
      hits: hitCounts[q],
      engineMedianMs: median(engineTimes[q]),
      scanMedianMs: median(scanTimes[q]),
    }))
    .sort((a, b) => b.engineMedianMs - a.engineMedianMs)
    .slice(0, 5);
  return {
    reports: library.length,
    blocks: all.length,
    chars: all.reduce((sum, block) => sum + block.text.length, 0),
    queries: queries.length,
    rounds,
    build: { totalMs: buildMs, perReport: summarize(buildTimes) },
    savedBytes,
    loadMs,
    engine: summarize(engineTimes.flat()),
    scan: summarize(scanTimes.flat()),
    engineFirstPass: summarize(checked.times),
    engineFull: summarize(fullTimes),
    gc,
    mismatches,
    slowest,
    maxRssMiB: maxRssMiB(),
  };
}

/** RSS and heap after two forced collections (the second picks up what the first's finalizers freed). */
function memoryNow(): MemoryReading {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return {
    rssMiB: usage.rss / MiB,
    heapUsedMiB: usage.heapUsed / MiB,
    externalMiB: usage.external / MiB,
    maxRssMiB: maxRssMiB(),
  };
}

async function main(): Promise<LibraryMeasure | MemoryReading> {
  const [mode, kindArg, sizeArg, dir, roundsArg] = process.argv.slice(2);
  const kind = kindArg as LibraryKind;
  const size = Number(sizeArg);
  if (!LIBRARY_KINDS.includes(kind)) throw new Error(`bad library kind "${kindArg}"`);
  if (!Number.isInteger(size) || size < 1) throw new Error(`bad library size "${sizeArg}"`);
  if (!dir) throw new Error('a folder for the saved indexes is needed');
  const label = `${kind} ×${size}`;
  const library = makeLibrary(kind, size, loadReportBlocks());

  let result: LibraryMeasure | MemoryReading;
  if (mode === 'measure') {
    const rounds = Number(roundsArg);
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`bad rounds "${roundsArg}"`);
    result = await measure(label, kind, library, dir, rounds);
  } else if (mode === 'memory') {
    const search = await loadSearch(library, dir);
    let hits = 0;
    for (const query of libraryQueries(library, kind)) {
      hits += search.search(query, APP_OPTIONS).count;
    }
    result = memoryNow();
    progress(label, `searched (${hits} hits): RSS ${result.rssMiB.toFixed(1)} MiB after GC`);
    // Held to here, so the collection above could not take it.
    if (search.reports().length !== library.length) throw new Error('reports went missing');
  } else if (mode === 'blocks') {
    result = memoryNow();
    progress(label, `blocks only: RSS ${result.rssMiB.toFixed(1)} MiB after GC`);
    if (library.length !== size) throw new Error('reports went missing');
  } else {
    throw new Error(`unknown mode "${mode}"`);
  }
  return result;
}

runChildMain('multisearch-child', main);
