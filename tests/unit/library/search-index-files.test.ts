/**
 * The search across reports reads each report's compact index from its
 * folder and builds none on main: a report added has its index written by
 * the parse (the worker, in the app) beside its other files; a report an
 * older version added without one, or whose file is damaged, has it built
 * by the indexer (a worker thread in the app, counted here through the
 * seam) and saved, and the search finds exactly what Ctrl+F finds.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import { isIndexOf, type IndexedBlock } from '../../../src/core/search/report-index';
import { decodeReportIndex } from '../../../src/core/search/report-index-codec';
import { editionDir } from '../../../src/services/library/report-folder';
import type { ReportIndexer } from '../../../src/services/library/shelf-search';
import { buildEncodedIndex, type IndexSource } from '../../../src/services/search/index-build';
import { ReportIndexWorker } from '../../../src/services/search/index-in-worker';
import {
  buildHere,
  REPORT_INDEX_FILE,
  type BuildIndex,
} from '../../../src/services/search/report-index-file';
import { buildBothIndexes } from '../../../src/services/search/both-indexes';
import {
  BUILT_DOCUMENT_FILE,
  BUILT_REPORT_INDEX_FILE,
  loadBuiltDocument,
  loadBuiltReportIndex,
} from '../../../src/services/built-document';
import { BUILT_DATA_DIR } from '../../../src/services/paths';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { Oracle } from '../search/oracle';
import { makeTempDir } from '../storage/helpers';
import type { ParseFile } from '../../../src/services/library/parse';
import {
  BUNDLED,
  ok,
  openLibrary,
  otherReportText,
  parseHere,
  utf8,
  removeLibraryDir,
} from './helpers';

const OTHER_TEXT = otherReportText('江北', '2019年1月8日');
const OTHER = parseReport(OTHER_TEXT);
const QUERIES = ['江北', '海曙', '污水零直排', '发展 改革', '的'];
/** Hits listed per report: the most the contract lets a page ask for. */
const LISTED = 200;

/** An indexer that builds in this thread and says which reports' indexes it built (by their blocks). */
function countingIndexer(inner: ReportIndexer = { build: buildEncodedIndex }) {
  const built: IndexSource[] = [];
  const indexer: ReportIndexer = {
    build: async (source) => {
      built.push(source);
      return inner.build(source);
    },
  };
  /** How many builds were of these blocks (a source given as a stored file counts by its bytes). */
  const buildsOf = async (blocks: readonly IndexedBlock[], all = built) => {
    let count = 0;
    for (const source of all) {
      const index = decodeReportIndex(await buildEncodedIndex(source))!;
      if (isIndexOf(index, blocks)) count++;
    }
    return count;
  };
  return { indexer, built, buildsOf };
}

/** Main's own builds (the seam the services take), by the blocks they were of. */
function countingHere() {
  const built: (readonly IndexedBlock[])[] = [];
  const build: BuildIndex = (blocks) => {
    built.push(blocks);
    return buildHere(blocks);
  };
  return { build, built };
}

/** The bundled report's compact index, as `npm run data` ships it. */
const SHIPPED = buildBothIndexes(BUNDLED).reportIndex;

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('library-index-files');
});
afterEach(() => removeLibraryDir(dir));

const indexFileOf = (report: string, edition = report) =>
  join(editionDir(dir, report, edition), REPORT_INDEX_FILE);

/** The file at `path` holds an index of these blocks, whole. */
async function holdsIndexOf(path: string, blocks: readonly IndexedBlock[]): Promise<boolean> {
  const index = decodeReportIndex(new Uint8Array(await readFile(path)));
  return index !== null && isIndexOf(index, blocks);
}

/** Each query's hits in each report are the oracle's: the same blocks, every match counted. */
async function expectExactHits(
  handlers: Awaited<ReturnType<typeof openLibrary>>['handlers'],
  reports: Record<string, readonly IndexedBlock[]>,
) {
  for (const query of QUERIES) {
    for (const [id, blocks] of Object.entries(reports)) {
      const expected = new Oracle(blocks as IndexedBlock[]).search(query);
      // A report's own hits (the first page across reports shows only some).
      const group = ok(
        await handlers.searchLibraryReport({ query, report: id, hitsPerReport: LISTED }),
      );
      expect(group?.blocks ?? 0, `${query} in ${id}`).toBe(expected.length);
      // Every hit listed when they fit a page; counted either way.
      if (expected.length <= LISTED) {
        expect(group?.hits.map((hit) => hit.block).sort() ?? []).toEqual(
          expected.map((hit) => hit.block).sort(),
        );
      }
      const total = expected.reduce((sum, hit) => sum + hit.matches.length, 0);
      expect(group?.total ?? 0, `${query} in ${id}`).toBe(total);
    }
  }
}

/** A library with the bundled report and 江北's, its files on disk; answers 江北's id. */
async function filledLibrary(): Promise<string> {
  const services = await openLibrary(dir);
  const id = ok(
    await services.handlers.addReport({ fileName: '江北.txt', bytes: utf8(OTHER_TEXT) }),
  ).report.id;
  await services.flush();
  return id;
}

describe('a report added', () => {
  it('has its compact index written beside its files, and a search across the library reads it instead of building it', async () => {
    const { indexer, buildsOf } = countingIndexer();
    const { handlers, flush } = await openLibrary(dir, { indexer });
    const added = ok(await handlers.addReport({ fileName: '江北.txt', bytes: utf8(OTHER_TEXT) }));
    const id = added.report.id;
    // Searched at once, before anything waited for the write: the search waits for it, not builds.
    await expectExactHits(handlers, { [BUNDLED_REPORT_ID]: BUNDLED.blocks, [id]: OTHER.blocks });
    await flush();
    expect(await holdsIndexOf(indexFileOf(id), OTHER.blocks)).toBe(true);
    expect(await buildsOf(OTHER.blocks)).toBe(0);
    // The bundled report came with no index: built here (one report costs less than a worker's start), then saved.
    expect(await buildsOf(BUNDLED.blocks)).toBe(0);
    expect(
      await holdsIndexOf(indexFileOf(BUNDLED_REPORT_ID, BUNDLED.version), BUNDLED.blocks),
    ).toBe(true);

    // The next start reads both, builds none.
    const again = countingIndexer();
    const reopened = await openLibrary(dir, { indexer: again.indexer });
    await expectExactHits(reopened.handlers, {
      [BUNDLED_REPORT_ID]: BUNDLED.blocks,
      [id]: OTHER.blocks,
    });
    expect(again.built).toEqual([]);
  });
});

describe('a report searched while its indexes are still in the parse worker', () => {
  it("is found at once, exactly, from an index of its blocks built here; the worker's is written to its folder when it comes", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // As the worker does: the document handed over first, the indexes after.
    const slowIndexes: ParseFile = async (input, options) => {
      const whole = await parseHere(input, options);
      options.onParsed?.(whole);
      await gate;
      return whole;
    };
    const { indexer, built } = countingIndexer();
    const { handlers, flush } = await openLibrary(dir, { indexer, parse: slowIndexes });
    const id = ok(await handlers.addReport({ fileName: '江北.txt', bytes: utf8(OTHER_TEXT) }))
      .report.id;
    await expectExactHits(handlers, { [BUNDLED_REPORT_ID]: BUNDLED.blocks, [id]: OTHER.blocks });
    // Nothing went to the indexer: 江北's was built here, and nothing written yet.
    expect(built).toHaveLength(0);
    await expect(stat(indexFileOf(id))).rejects.toThrow();
    release();
    await flush();
    expect(await holdsIndexOf(indexFileOf(id), OTHER.blocks)).toBe(true);
    await expectExactHits(handlers, { [BUNDLED_REPORT_ID]: BUNDLED.blocks, [id]: OTHER.blocks });
    expect(built).toHaveLength(0);
  });
});

describe('the bundled report', () => {
  it('has its index from the build: the search across the library reads it, and neither main nor the indexer builds or saves one', async () => {
    const here = countingHere();
    const { indexer, built } = countingIndexer();
    let loads = 0;
    const loadReportIndex = async () => {
      loads++;
      return SHIPPED;
    };
    const services = await openLibrary(dir, { indexer, buildHere: here.build, loadReportIndex });
    const id = ok(
      await services.handlers.addReport({ fileName: '江北.txt', bytes: utf8(OTHER_TEXT) }),
    ).report.id;
    await expectExactHits(services.handlers, {
      [BUNDLED_REPORT_ID]: BUNDLED.blocks,
      [id]: OTHER.blocks,
    });
    await services.flush();
    // The background finds nothing missing either: the shipped index is not the folder's to hold.
    expect(await services.indexMissing()).toBe(0);
    expect(here.built).toEqual([]);
    expect(built).toEqual([]);
    expect(loads).toBe(1);
    await expect(stat(indexFileOf(BUNDLED_REPORT_ID, BUNDLED.version))).rejects.toThrow();
  });

  it('without an index from the build (the CLI), has it built once by main at the first search, and saved', async () => {
    const here = countingHere();
    const { handlers } = await openLibrary(dir, { buildHere: here.build });
    await expectExactHits(handlers, { [BUNDLED_REPORT_ID]: BUNDLED.blocks });
    expect(here.built).toEqual([BUNDLED.blocks]);
    expect(
      await holdsIndexOf(indexFileOf(BUNDLED_REPORT_ID, BUNDLED.version), BUNDLED.blocks),
    ).toBe(true);
  });

  it('given an index of another text, builds its own and finds exactly what Ctrl+F finds', async () => {
    const here = countingHere();
    const other = buildBothIndexes(OTHER).reportIndex;
    const { handlers } = await openLibrary(dir, {
      buildHere: here.build,
      loadReportIndex: async () => other,
    });
    await expectExactHits(handlers, { [BUNDLED_REPORT_ID]: BUNDLED.blocks });
    expect(here.built).toEqual([BUNDLED.blocks]);
  });

  // Run after `npm run build` (as `npm test` does): the files the app and browser mode read.
  it('is shipped by the build: out/data holds the compact index of out/data’s document', async () => {
    const document = await loadBuiltDocument(join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE));
    const bytes = await loadBuiltReportIndex(join(BUILT_DATA_DIR, BUILT_REPORT_INDEX_FILE));
    const index = decodeReportIndex(bytes);
    expect(index).not.toBeNull();
    expect(isIndexOf(index!, document.blocks)).toBe(true);
  });
});

describe('a report an older version added, with no index file', () => {
  it('gets its index built by the indexer in the background, saved, and read by the search', async () => {
    const id = await filledLibrary();
    await rm(indexFileOf(id));
    const { indexer, built, buildsOf } = countingIndexer();
    const services = await openLibrary(dir, { indexer });
    // The bundled report's and 江北's: both missing.
    expect(await services.indexMissing()).toBe(2);
    expect(await buildsOf(OTHER.blocks)).toBe(1);
    // 江北's is read by the worker from its stored document: main neither reads nor sends it.
    expect(built.find((source) => 'file' in source)).toMatchObject({ version: id });
    expect(await holdsIndexOf(indexFileOf(id), OTHER.blocks)).toBe(true);
    // Nothing left to build, and the search builds none.
    expect(await services.indexMissing()).toBe(0);
    await expectExactHits(services.handlers, {
      [BUNDLED_REPORT_ID]: BUNDLED.blocks,
      [id]: OTHER.blocks,
    });
    expect(built).toHaveLength(2);
  });

  it('searched before the background got to it, has it built by the indexer (not here) and saved', async () => {
    const id = await filledLibrary();
    await rm(indexFileOf(id));
    const { indexer, buildsOf } = countingIndexer();
    const { handlers } = await openLibrary(dir, { indexer });
    await expectExactHits(handlers, { [BUNDLED_REPORT_ID]: BUNDLED.blocks, [id]: OTHER.blocks });
    expect(await buildsOf(OTHER.blocks)).toBe(1);
    expect(await holdsIndexOf(indexFileOf(id), OTHER.blocks)).toBe(true);
  });

  it('is indexed in a real worker thread, which ends once it has nothing left to build', async () => {
    const id = await filledLibrary();
    await rm(indexFileOf(id));
    await rm(indexFileOf(BUNDLED_REPORT_ID, BUNDLED.version), { force: true });
    // The default wait: between two builds main writes one file and looks for the next.
    const worker = new ReportIndexWorker();
    const { indexer, buildsOf } = countingIndexer(worker);
    const services = await openLibrary(dir, { indexer });
    expect(await services.indexMissing()).toBe(2);
    expect(worker.started).toBe(1);
    expect(await buildsOf(OTHER.blocks)).toBe(1);
    expect(await holdsIndexOf(indexFileOf(id), OTHER.blocks)).toBe(true);
    await expect.poll(() => worker.running, { timeout: 15_000 }).toBe(false);
    await expectExactHits(services.handlers, {
      [BUNDLED_REPORT_ID]: BUNDLED.blocks,
      [id]: OTHER.blocks,
    });
    // Read, not built: no worker was started again.
    expect(worker.started).toBe(1);
  }, 60_000);
});

describe('a damaged index file', () => {
  it('is built again by the indexer and saved whole; the search still finds exactly what Ctrl+F finds', async () => {
    const id = await filledLibrary();
    const file = indexFileOf(id);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    const { indexer, buildsOf } = countingIndexer();
    const { handlers } = await openLibrary(dir, { indexer });
    await expectExactHits(handlers, { [BUNDLED_REPORT_ID]: BUNDLED.blocks, [id]: OTHER.blocks });
    expect(await buildsOf(OTHER.blocks)).toBe(1);
    expect(await holdsIndexOf(file, OTHER.blocks)).toBe(true);
    // The background finds nothing missing: the file is there again.
    expect((await stat(file)).size).toBe(bytes.length);
  });
});
