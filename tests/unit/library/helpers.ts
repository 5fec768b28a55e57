/**
 * The library's services on a temp data folder, over the real bundled report,
 * with report files parsed in this thread (the worker is tested on its own
 * and in the built main process: here only what the library does with a
 * parse matters, and a worker per file would cost a Node start each).
 */
import { buildSerializedIndex } from '../../../src/core/search/build-index';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import type { ParseFile } from '../../../src/services/library/parse';
import { createReaderServices, type ServiceOptions } from '../../../src/services/reader-services';
import { parseReportFile } from '../../../src/services/report-file/parse-file';
import { segmentWords } from '../../../src/services/search/words';
import { buildBothIndexes } from '../../../src/services/search/both-indexes';
import { buildEncodedIndex } from '../../../src/services/search/index-build';
import type { ReportIndexer } from '../../../src/services/library/shelf-search';
import type { Result } from '../../../src/shared/api';
import { removeTempDir } from '../storage/helpers';
import { reportBytes, reportText } from '../report/helpers';

export const BUNDLED = parseReportBytes(reportBytes());

let bundledIndex: string | undefined;
export const loadBundledIndex = async () =>
  (bundledIndex ??= buildSerializedIndex(BUNDLED, segmentWords));

/** Parses as the worker does (same functions, same answer), in this thread. */
export const parseHere: ParseFile = async (input, options) => {
  if (!('bytes' in input)) throw new Error('the library hands the parser bytes');
  const parsed = await parseReportFile(input.bytes, options);
  return options.index ? { ...parsed, ...buildBothIndexes(parsed.document) } : parsed;
};

/** Builds the search-across-reports indexes as the index worker does, in this thread. */
export const indexHere: ReportIndexer = { build: buildEncodedIndex };

/** The flushes of the services opened since the last removeLibraryDir. */
const opened = new Set<() => Promise<void>>();

export async function openLibrary(dataDir: string, options: Partial<ServiceOptions> = {}) {
  const services = await createReaderServices({
    dataDir,
    document: BUNDLED,
    loadSearchIndex: loadBundledIndex,
    parse: parseHere,
    indexer: indexHere,
    ...options,
  });
  opened.add(services.flush);
  return services;
}

/**
 * A test's data folder removed once every library it opened has done its
 * writes: an added report's search index is written after the add answers,
 * and removing the folder meanwhile failed with ENOTEMPTY (a directory
 * refilled while rm emptied it).
 */
export async function removeLibraryDir(dir: string): Promise<void> {
  const flushes = [...opened];
  opened.clear();
  // A library a test left broken on purpose may fail its writes: the folder goes all the same.
  await Promise.allSettled(flushes.map((flush) => flush()));
  await removeTempDir(dir);
}

export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

export function refused<T>(result: Result<T>): string {
  if (result.ok) throw new Error(`expected a refusal, got: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The bundled report's text made into another district's report (another text: another report). */
export function otherReportText(place = '江北', date = '2019年1月8日'): string {
  return reportText().replace(/海曙/g, place).replace('2018年2月7日', date);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
