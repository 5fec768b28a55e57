/**
 * Searching every report on the shelf with the library's search across
 * reports (src/core/search/cross-report.ts): before each search the shelf's
 * reports are brought in (each report's compact index read from its folder,
 * or built and saved there as a cache), and those that left are dropped.
 * The hits are told the way the page shows them (each with its place in its
 * report and a snippet) or, for the CLI, with every match.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CrossReportSearch } from '../../core/search/cross-report';
import { sectionPath } from '../../core/report/location';
import { BUNDLED_REPORT_ID } from '../../shared/library';
import type {
  CrossReportResult,
  LibraryHit,
  LibrarySearchResult,
  ReportHits,
} from '../../shared/search';
import {
  forgetReport,
  REPORT_INDEX_FILE,
  syncLibrarySearch,
  type LibraryReport as SearchedReport,
} from '../search/report-index-file';
import type { FileAccess } from '../storage/versioned-file';
import type { LibraryStore } from './library-store';
import { editionDir } from './report-folder';
import type { ReportSessions } from './report-sessions';

export interface ShelfSearch {
  /** The hits as the search across reports gives them, `hitsPerReport` listed per report with their ranges. */
  hits(query: string, hitsPerReport: number): Promise<CrossReportResult>;
  /** The hits as the page shows them. */
  forPage(query: string, hitsPerReport: number): Promise<LibrarySearchResult>;
  /** A report left the shelf. */
  forget(report: string): void;
}

export interface ShelfSearchOptions {
  dataDir: string;
  access?: FileAccess;
  library: LibraryStore;
  sessions: ReportSessions;
  search?: CrossReportSearch;
}

export function shelfSearch(options: ShelfSearchOptions): ShelfSearch {
  const { library, sessions } = options;
  const search = options.search ?? new CrossReportSearch();

  /** A report's blocks; a report whose files cannot be read is searched as empty. */
  const blocksOf = (id: string) =>
    sessions.document(id).then(
      (document) => document.blocks,
      () => [],
    );

  /** The shelf's reports in the search, the others out. */
  async function takeInShelf(): Promise<void> {
    const shelf = library.view().reports;
    // A folder this process may not write: the indexes are built in memory, never saved.
    const mayWrite =
      (await options.access?.beforeWrite?.().then(
        () => options.access?.readOnlyReason === null,
        () => false,
      )) ?? true;
    const reports: SearchedReport[] = [];
    for (const report of shelf) {
      const folder = editionDir(options.dataDir, report.id, report.edition);
      // The bundled report's index is kept like any other's, in a folder of its edition.
      if (mayWrite && report.bundled && !search.has(report.id)) {
        await mkdir(folder, { recursive: true });
      }
      reports.push({
        id: report.id,
        indexFile: mayWrite ? join(folder, REPORT_INDEX_FILE) : null,
        blocks: () => blocksOf(report.id),
      });
    }
    await syncLibrarySearch(search, reports);
  }

  async function hits(query: string, hitsPerReport: number): Promise<CrossReportResult> {
    await takeInShelf();
    return search.search(query, { limit: hitsPerReport });
  }

  return {
    hits,
    async forPage(query, hitsPerReport) {
      const found = await hits(query, hitsPerReport);
      const reports: ReportHits[] = [];
      for (const group of found.groups) {
        const document = await sessions.document(group.report);
        const order = new Map(document.blocks.map((block, index) => [block.id, index]));
        const shown: LibraryHit[] = group.hits.map((hit) => ({
          block: hit.block,
          count: hit.count,
          path: sectionPath(document.outline, order, hit.block)
            .map((entry) => entry.title)
            .join(' › '),
          snippet: { text: hit.snippet ?? '', marks: hit.snippetMarks ?? [] },
        }));
        const title = library.get(group.report)?.title ?? BUNDLED_REPORT_ID;
        reports.push({
          report: group.report,
          title,
          total: group.total,
          blocks: group.count,
          hits: shown,
        });
      }
      return { query, total: found.total, reports };
    },
    forget: (report) => forgetReport(search, report),
  };
}
