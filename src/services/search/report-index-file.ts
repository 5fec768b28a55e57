/**
 * The library's search (src/core/search/cross-report.ts) fed from disk: each
 * report's compact index is saved once, as bytes beside the report, and read
 * back at the next start in about a millisecond instead of rebuilt (~15 ms,
 * plus ~20 ms of word segmenting, per report). A saved index is only a cache:
 * a missing, damaged, older-format or stale one (its fingerprint is not of
 * these blocks) is rebuilt from the blocks and saved again, and a save that
 * fails leaves the search working and is reported, never thrown.
 */
import { readFile } from 'node:fs/promises';
import { CrossReportSearch } from '../../core/search/cross-report';
import type { IndexedBlock } from '../../core/search/report-index';
import { decodeReportIndex, encodeReportIndex } from '../../core/search/report-index-codec';
import { writeFileAtomic } from '../storage/atomic-write';
import { segmentWords } from './words';

/** File name suggested for a report's saved index, beside its other files. */
export const REPORT_INDEX_FILE = 'search-index.bin';

export interface AddedReport {
  /** 'saved': the index on disk was used; 'built': it was built from the blocks. */
  index: 'saved' | 'built';
  /** Why the fresh index could not be saved (the search still has it). */
  saveError?: unknown;
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
): Promise<AddedReport> {
  // Unreadable is as good as absent: the index is rebuilt.
  const bytes = await readFile(indexFile).catch(() => undefined);
  const saved = bytes === undefined ? undefined : (decodeReportIndex(bytes) ?? undefined);
  const index = search.add(reportId, blocks, { index: saved, segmentWords });
  if (index === saved) return { index: 'saved' };
  try {
    await writeFileAtomic(indexFile, encodeReportIndex(index));
    return { index: 'built' };
  } catch (error) {
    return { index: 'built', saveError: error };
  }
}

/** A report of the library, as the search needs it: its blocks read only when it is not in the search yet. */
export interface LibraryReport {
  id: string;
  indexFile: string;
  blocks: () => Promise<readonly IndexedBlock[]>;
}

/**
 * Brings the search in line with the library before a search across it:
 * reports not in the search yet are added (their saved indexes read), those
 * no longer in the library removed; the rest are left as they are. Call it
 * before each search: when nothing changed it only compares ids.
 */
export async function syncLibrarySearch(
  search: CrossReportSearch,
  library: readonly LibraryReport[],
): Promise<Map<string, AddedReport>> {
  const wanted = new Set(library.map((report) => report.id));
  for (const id of search.reports()) if (!wanted.has(id)) search.remove(id);
  const added = new Map<string, AddedReport>();
  for (const report of library) {
    if (search.has(report.id)) continue;
    added.set(
      report.id,
      await addReportFromFile(search, report.id, await report.blocks(), report.indexFile),
    );
  }
  return added;
}
