/**
 * The library's search (src/core/search/cross-report.ts) fed from disk: each
 * report's compact index is saved once, as bytes beside the report, and read
 * back at the next start in about a millisecond instead of rebuilt (~15 ms,
 * plus ~20 ms of word segmenting, per report). A saved index is only a cache:
 * a missing, damaged, older-format or stale one (its fingerprint is not of
 * these blocks) is rebuilt from the blocks and saved again, and a save that
 * fails leaves the search working and is reported, never thrown.
 *
 * Searches across the library overlap (each keystroke asks one, and the
 * first may still be taking in a hundred reports): a report's index is read
 * or built once, and every search that needs it meanwhile waits for that one
 * load instead of reading, building and saving the same index again.
 */
import { readFile } from 'node:fs/promises';
import type { CrossReportSearch } from '../../core/search/cross-report';
import {
  buildReportIndex,
  isIndexOf,
  type IndexedBlock,
  type ReportIndex,
} from '../../core/search/report-index';
import { decodeReportIndex, encodeReportIndex } from '../../core/search/report-index-codec';
import { writeFileAtomic } from '../storage/atomic-write';
import { segmentWords } from './words';

/** File name suggested for a report's saved index, beside its other files. */
export const REPORT_INDEX_FILE = 'search-index.bin';

/**
 * Builds a report's index from its blocks. The app's builds it in a worker
 * (index-in-worker.ts), never on main; by default (the CLI, the bench, tests
 * of the file's handling) in this thread.
 */
export type BuildIndex = (blocks: readonly IndexedBlock[]) => Promise<ReportIndex>;

export const buildHere: BuildIndex = async (blocks) => buildReportIndex(blocks, segmentWords);

export interface AddedReport {
  /** 'saved': the index on disk was used; 'built': it was built from the blocks. */
  index: 'saved' | 'built';
  /** Why the fresh index could not be saved (the search still has it). */
  saveError?: unknown;
}

/**
 * A report's index: the one saved in `indexFile` when it is of these blocks,
 * else built, then saved there. With no file (a folder this process may not
 * write), built and kept in memory only.
 */
async function readOrBuild(
  blocks: readonly IndexedBlock[],
  indexFile: string | null,
  build: BuildIndex,
): Promise<{ index: ReportIndex; added: AddedReport }> {
  if (indexFile !== null) {
    // Unreadable is as good as absent: the index is rebuilt.
    const bytes = await readFile(indexFile).catch(() => undefined);
    const saved = bytes === undefined ? null : decodeReportIndex(bytes);
    if (saved && isIndexOf(saved, blocks)) return { index: saved, added: { index: 'saved' } };
  }
  const index = await build(blocks);
  if (indexFile === null) return { index, added: { index: 'built' } };
  try {
    await writeFileAtomic(indexFile, encodeReportIndex(index));
    return { index, added: { index: 'built' } };
  } catch (error) {
    return { index, added: { index: 'built', saveError: error } };
  }
}

/**
 * Adds a report to the search, with the index saved in `indexFile` when it
 * is of these blocks, else a fresh one, which is then saved there.
 */
export async function addReportFromFile(
  search: CrossReportSearch,
  reportId: string,
  blocks: readonly IndexedBlock[],
  indexFile: string,
  build: BuildIndex = buildHere,
): Promise<AddedReport> {
  const { index, added } = await readOrBuild(blocks, indexFile, build);
  search.add(reportId, blocks, { index });
  return added;
}

/** A report of the library, as the search needs it: its blocks read only when it is not in the search yet. */
export interface LibraryReport {
  id: string;
  /** Where its index is saved; null: built in memory, never saved (a folder this process may not write). */
  indexFile: string | null;
  /** How its index is built when none is saved, if not as the search builds the others'. */
  build?: BuildIndex;
  blocks: () => Promise<readonly IndexedBlock[]>;
}

/** A report's blocks and index on their way into a search, shared by every search waiting for them. */
interface Loading {
  indexFile: string | null;
  loaded: Promise<{ blocks: readonly IndexedBlock[]; index: ReportIndex; added: AddedReport }>;
}

/** Per search: the reports being taken in, by id. Held beside the search, and gone with it. */
const loadings = new WeakMap<CrossReportSearch, Map<string, Loading>>();

function loadingsOf(search: CrossReportSearch): Map<string, Loading> {
  let loading = loadings.get(search);
  if (!loading) loadings.set(search, (loading = new Map()));
  return loading;
}

/** The load of a report's index under way, or a new one. */
function loadReport(search: CrossReportSearch, report: LibraryReport, build: BuildIndex): Loading {
  const pending = loadingsOf(search);
  const under = pending.get(report.id);
  // Another file is another edition's index: not the one wanted now.
  if (under && under.indexFile === report.indexFile) return under;
  const loading: Loading = {
    indexFile: report.indexFile,
    loaded: (async () => {
      const blocks = await report.blocks();
      return { blocks, ...(await readOrBuild(blocks, report.indexFile, report.build ?? build)) };
    })(),
  };
  pending.set(report.id, loading);
  // A failed load is forgotten, so the next search tries again.
  loading.loaded.catch(() => {
    if (pending.get(report.id) === loading) pending.delete(report.id);
  });
  return loading;
}

/**
 * Brings the search in line with the library before a search across it:
 * reports not in the search yet are added (their saved indexes read), those
 * no longer in the library removed; the rest are left as they are. Call it
 * before each search: when nothing changed it only compares ids. Calls that
 * overlap share each report's load (see above).
 */
export async function syncLibrarySearch(
  search: CrossReportSearch,
  library: readonly LibraryReport[],
  build: BuildIndex = buildHere,
): Promise<Map<string, AddedReport>> {
  const wanted = new Set(library.map((report) => report.id));
  for (const id of search.reports()) if (!wanted.has(id)) search.remove(id);
  const pending = loadingsOf(search);
  const added = new Map<string, AddedReport>();
  // Every load started at once, then taken in library order: while one
  // report's index is built (in a worker, in the app), the next ones' blocks
  // and saved indexes are read.
  const loads = library
    .filter((report) => !search.has(report.id))
    .map((report) => ({ report, loading: loadReport(search, report, build) }));
  for (const { report, loading } of loads) {
    const { blocks, index, added: how } = await loading.loaded;
    // The first search back adds it; a report dropped meanwhile (forgetReport) is not.
    if (pending.get(report.id) === loading) {
      pending.delete(report.id);
      search.add(report.id, blocks, { index });
    }
    added.set(report.id, how);
  }
  return added;
}

/** A report leaves the search (it left the shelf, or has another text now), with any load of it under way. */
export function forgetReport(search: CrossReportSearch, reportId: string): void {
  loadingsOf(search).delete(reportId);
  search.remove(reportId);
}
