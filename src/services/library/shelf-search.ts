/**
 * Searching every report on the shelf: the reports are taken into the search
 * across reports as they are first needed (their documents read from the
 * library), and the hits are told the way the page shows them (each with its
 * place in its report and a snippet) or, for the CLI, with every match.
 */
import type { CrossReportResult, CrossReportSearch } from '../../core/search/cross-report';
import { sectionPath } from '../../core/report/location';
import { makeSnippet } from '../../core/search/snippet';
import { queryKeywords } from '../../core/search/normalize';
import type { LibraryHit, LibrarySearchResult, ReportHits } from '../../shared/search';
import type { LibraryStore } from './library-store';
import type { ReportSessions } from './report-sessions';

export interface ShelfSearch {
  /** The hits as the search across reports gives them: block ids and match ranges. */
  hits(query: string, hitsPerReport: number): Promise<CrossReportResult>;
  /** The hits as the page shows them. */
  forPage(query: string, hitsPerReport: number): Promise<LibrarySearchResult>;
  /** A report left the shelf. */
  forget(report: string): void;
}

export function shelfSearch(
  library: LibraryStore,
  sessions: ReportSessions,
  search: CrossReportSearch,
): ShelfSearch {
  /** Every report on the shelf taken in (one whose files cannot be read is left out). */
  async function takeInShelf(): Promise<void> {
    for (const report of library.view().reports) {
      if (search.has(report.id)) continue;
      const document = await sessions.document(report.id).catch(() => null);
      if (document) search.add(report.id, document.blocks);
    }
  }

  async function hits(query: string, hitsPerReport: number): Promise<CrossReportResult> {
    await takeInShelf();
    const found = search.search(query, { hitsPerReport });
    // A report removed while this ran is not on the shelf any more.
    const reports = found.reports.filter((hits) => library.get(hits.report)?.removed === undefined);
    return { query, total: reports.reduce((sum, r) => sum + r.total, 0), reports };
  }

  return {
    hits,
    async forPage(query, hitsPerReport) {
      const found = await hits(query, hitsPerReport);
      const keywords = queryKeywords(query);
      const reports: ReportHits[] = [];
      for (const { report, total, blocks, hits: shown } of found.reports) {
        const document = await sessions.document(report);
        const order = new Map(document.blocks.map((block, index) => [block.id, index]));
        const texts = new Map(document.blocks.map((block) => [block.id, block.text]));
        const pageHits: LibraryHit[] = shown.map((hit) => ({
          block: hit.block,
          count: hit.count,
          path: sectionPath(document.outline, order, hit.block)
            .map((entry) => entry.title)
            .join(' › '),
          snippet: makeSnippet(texts.get(hit.block) ?? '', hit.matches ?? [], keywords),
        }));
        reports.push({
          report,
          title: library.require(report).title,
          total,
          blocks,
          hits: pageHits,
        });
      }
      return { query, total: found.total, reports };
    },
    forget: (report) => search.remove(report),
  };
}
