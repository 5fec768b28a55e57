/**
 * A report just added is searched, while its lunr index is still being
 * built in the parse worker, through the compact index the worker built
 * first (it posts it before the lunr one): main builds none of its own on
 * the thread that answers, and the answer is the engine's, hit for hit;
 * nor does it load the engine once the lunr index is in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import { SearchEngine } from '../../../src/core/search/engine';
import { buildSerializedIndex } from '../../../src/core/search/build-index';
import type { ParseFile } from '../../../src/services/library/parse';
import { segmentWords } from '../../../src/services/search/words';
import { makeTempDir } from '../storage/helpers';
import { ok, openLibrary, otherReportText, parseHere, utf8, removeLibraryDir } from './helpers';

// Counts the compact indexes built in this thread; the worker's stand-in below builds its one before counting starts.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/core/search/report-index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/search/report-index')>();
  return {
    ...real,
    buildReportIndex: (...args: Parameters<typeof real.buildReportIndex>) => {
      built.count++;
      return real.buildReportIndex(...args);
    },
  };
});

const TEXT = otherReportText('江北', '2019年1月8日');
const DOCUMENT = parseReport(TEXT);
const QUERIES = ['江北', '污水零直排', '发展 改革', '的'];

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('library-added-search');
});
afterEach(() => removeLibraryDir(dir));

/**
 * As the worker does: the document handed over, then the compact index,
 * while the lunr index waits for `release`.
 */
function slowWorker() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const parse: ParseFile = async (input, options) => {
    const whole = await parseHere(input, options);
    options.onParsed?.(whole);
    options.onReportIndex?.(whole.reportIndex!);
    await gate;
    return whole;
  };
  return { parse, release };
}

async function expectEngineAnswers(
  search: (query: string) => Promise<unknown>,
  engine: SearchEngine,
): Promise<void> {
  for (const query of QUERIES) {
    expect(await search(query), query).toEqual(engine.search(query, { matchLimit: 20 }));
  }
}

describe('a report searched while its lunr index is still in the parse worker', () => {
  const engine = SearchEngine.load(buildSerializedIndex(DOCUMENT, segmentWords), DOCUMENT.blocks);

  it('is answered through the compact index the worker sent, none built here', async () => {
    const { parse, release } = slowWorker();
    const { handlers, flush } = await openLibrary(dir, { parse });
    const report = ok(await handlers.addReport({ fileName: '江北.txt', bytes: utf8(TEXT) })).report
      .id;
    built.count = 0;
    await expectEngineAnswers(
      async (query) => ok(await handlers.search({ query, matchLimit: 20, report })),
      engine,
    );
    expect(built.count).toBe(0);
    // Once its lunr index is in (and written), it is still searched the same way: main loads no engine for it.
    const loads = vi.spyOn(SearchEngine, 'load');
    release();
    await flush();
    await expectEngineAnswers(
      async (query) => ok(await handlers.search({ query, matchLimit: 20, report })),
      engine,
    );
    expect(loads).not.toHaveBeenCalled();
    expect(built.count).toBe(0);
    loads.mockRestore();
  });
});
