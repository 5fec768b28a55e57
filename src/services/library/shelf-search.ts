/**
 * Searching every report on the shelf with the library's search across
 * reports (src/core/search/cross-report.ts): before each search the shelf's
 * reports are brought in (each report's compact index read from its folder,
 * where the parse worker wrote it when the report was added), and those that
 * left are dropped. An index that is missing or damaged is built again in a
 * worker (index-in-worker.ts), never on main, and saved; `indexMissing` does
 * that ahead, in the background, for a shelf an older version filled. Main
 * builds two kinds of index itself, one report's each: the bundled report's
 * when the build did not ship it (the CLI; see takeInShelf), and a report's
 * just added whose indexes are still in the parse worker: the search takes
 * it in at once, as the report's own search does (report-sessions.ts), with
 * the very index the worker builds.
 * The hits are told the way the page shows them (every matching report
 * counted; a snippet and a place in its report for the first page of hits,
 * and only those reports' texts read; a report's own hits when the page asks)
 * or, for the CLI, with every match.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CrossReportSearch, type CrossReportOptions } from '../../core/search/cross-report';
import { sectionPath } from '../../core/report/location';
import { BUNDLED_REPORT_ID } from '../../shared/library';
import {
  LIBRARY_FIRST_PAGE,
  LIBRARY_HITS_PER_REPORT,
  type CrossReportGroup,
  type CrossReportResult,
  type LibraryHit,
  type LibrarySearchResult,
  type ReportHits,
} from '../../shared/search';
import {
  buildHere,
  forgetReport,
  type BuildIndex,
  REPORT_INDEX_FILE,
  syncLibrarySearch,
  type LibraryReport as SearchedReport,
} from '../search/report-index-file';
import { buildInWorker } from '../search/index-in-worker';
import { isIndexOf } from '../../core/search/report-index';
import { decodeReportIndex } from '../../core/search/report-index-codec';
import type { IndexSource } from '../search/index-build';
import { writeFileAtomic } from '../storage/atomic-write';
import type { FileAccess } from '../storage/versioned-file';
import type { LibraryStore } from './library-store';
import { editionDir } from './report-folder';
import type { ReportSessions } from './report-sessions';

export interface ShelfSearch {
  /** The hits as the search across reports gives them, `hitsPerReport` listed per report with their ranges. */
  hits(query: string, hitsPerReport: number): Promise<CrossReportResult>;
  /**
   * The hits as the page shows them: every matching report with its counts,
   * and the first page's hits (LIBRARY_FIRST_PAGE) with places and snippets.
   * `hitsPerReport` caps a report's share of the page (default the app's).
   */
  forPage(query: string, hitsPerReport?: number): Promise<LibrarySearchResult>;
  /** One report's first `hitsPerReport` hits (default LIBRARY_HITS_PER_REPORT) as the page shows them; null for none. */
  forReport(query: string, report: string, hitsPerReport?: number): Promise<ReportHits | null>;
  /** A report left the shelf. */
  forget(report: string): void;
  /**
   * Builds, in the worker and one after another, the compact index of every
   * report on the shelf that has none saved (added by a version that saved
   * none), and saves it; answers how many it built. Nothing when this process
   * may not write the folder.
   */
  indexMissing(): Promise<number>;
}

/** Builds a report's compact index off main's thread, encoded (index-in-worker.ts's ReportIndexWorker). */
export interface ReportIndexer {
  build(source: IndexSource): Promise<Uint8Array>;
}

export interface ShelfSearchOptions {
  dataDir: string;
  access?: FileAccess;
  library: LibraryStore;
  sessions: ReportSessions;
  search?: CrossReportSearch;
  /** Where indexes are built: a worker in the app. */
  indexer: ReportIndexer;
  /**
   * The bundled report's compact index as the build made it, for its shipped
   * edition: read, never built nor saved again. Without it, main builds it.
   */
  shipped?: { version: string; load: () => Promise<Uint8Array> };
  /** How main builds the indexes it builds itself (see above); in this thread unless a test counts them. */
  buildHere?: BuildIndex;
}

/** The first page's options: the app's own (the bench's too), or with another share per report. */
const firstPage = (hitsPerReport?: number): CrossReportOptions =>
  hitsPerReport === undefined || hitsPerReport === LIBRARY_FIRST_PAGE.limit
    ? LIBRARY_FIRST_PAGE
    : { ...LIBRARY_FIRST_PAGE, limit: hitsPerReport };

export function shelfSearch(options: ShelfSearchOptions): ShelfSearch {
  const { library, sessions } = options;
  const search = options.search ?? new CrossReportSearch();
  const build = buildInWorker(options.indexer);
  const here = options.buildHere ?? buildHere;
  const { shipped } = options;
  /** The bundled report in the edition the build shipped the index of. */
  const isShipped = (report: { bundled?: boolean; edition: string }) =>
    shipped !== undefined && report.bundled === true && report.edition === shipped.version;
  /** The shipped index, when it is of these blocks (a build of another text would not be); else built here. */
  const shippedIndex: BuildIndex = async (blocks) => {
    const bytes = await shipped?.load().catch(() => undefined);
    const index = bytes === undefined ? null : decodeReportIndex(bytes);
    return index && isIndexOf(index, blocks) ? index : here(blocks);
  };
  /** Indexes `indexMissing` is building, by file: a search that needs one waits for it. */
  const building = new Map<string, Promise<void>>();

  /**
   * A report's blocks, once its index is where the search reads it: written
   * (a report just added), or built in the background. A report whose files
   * cannot be read is searched as empty.
   */
  const blocksOf = async (id: string, indexFile: string | null) => {
    if (indexFile !== null) {
      await sessions.written(id).catch(() => undefined);
      await building.get(indexFile);
    }
    return sessions.document(id).then(
      (document) => document.blocks,
      () => [],
    );
  };

  /** Whether this process may write the folder now (another reader may have taken it over). */
  const mayWrite = async () =>
    (await options.access?.beforeWrite?.().then(
      () => options.access?.readOnlyReason === null,
      () => false,
    )) ?? true;

  /** Where a shelf report's compact index is kept; the bundled report's too, in a folder of its edition. */
  const indexFileOf = (report: { id: string; edition: string }) =>
    join(editionDir(options.dataDir, report.id, report.edition), REPORT_INDEX_FILE);

  /** The shelf's reports in the search, the others out. */
  async function takeInShelf(): Promise<void> {
    const shelf = library.view().reports;
    // A folder this process may not write: the indexes are built (in the worker) and kept in memory only.
    const writable = await mayWrite();
    const reports: SearchedReport[] = [];
    for (const report of shelf) {
      if (!search.has(report.id) && sessions.indexesComing(report.id)) {
        // Just added, its indexes still in the parse worker (seconds, on a busy
        // machine): taken in at once with an index of its blocks built here,
        // one report's (~50 ms), the very index the worker is building, kept in
        // memory only (the worker's is written to its folder as it comes).
        reports.push({
          id: report.id,
          indexFile: null,
          build: here,
          blocks: () => blocksOf(report.id, null),
        });
        continue;
      }
      if (isShipped(report)) {
        // Its index came with the app: nothing to build, nothing to save beside it.
        reports.push({
          id: report.id,
          indexFile: null,
          build: shippedIndex,
          blocks: () => blocksOf(report.id, null),
        });
        continue;
      }
      const indexFile = writable ? indexFileOf(report) : null;
      if (indexFile !== null && report.bundled && !search.has(report.id)) {
        await mkdir(dirname(indexFile), { recursive: true });
      }
      reports.push({
        id: report.id,
        indexFile,
        // The bundled report's, when the build shipped none for this edition, is
        // built here: one report (~50 ms) costs main less than a worker's start
        // costs the search (seconds on a busy machine), and main holds its text.
        ...(report.bundled && { build: here }),
        blocks: () => blocksOf(report.id, indexFile),
      });
    }
    await syncLibrarySearch(search, reports, build);
  }

  /** Builds one report's missing index in the worker, and saves it; false when it had one. */
  async function indexOne(report: {
    id: string;
    edition: string;
    bundled?: boolean;
  }): Promise<boolean> {
    // The shipped index is read from the build, never from the folder.
    if (isShipped(report)) return false;
    const indexFile = indexFileOf(report);
    // Just added: its index is on its way from the parse worker.
    await sessions.written(report.id);
    const missing = await stat(indexFile).then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
    );
    if (!missing || search.has(report.id) || building.has(indexFile)) return false;
    const job = (async () => {
      // The worker reads a stored document itself; the bundled report's text is main's own.
      const stored = sessions.storedDocument(report.id);
      const source: IndexSource = stored ?? { blocks: (await sessions.document(report.id)).blocks };
      const bytes = await options.indexer.build(source);
      // The folder may have been taken over meanwhile: nothing made in it then.
      if (!(await mayWrite())) return;
      await mkdir(dirname(indexFile), { recursive: true });
      await writeFileAtomic(indexFile, bytes);
    })();
    building.set(indexFile, job);
    try {
      await job;
      return true;
    } finally {
      building.delete(indexFile);
    }
  }

  async function indexMissing(): Promise<number> {
    let built = 0;
    for (const report of library.view().reports) {
      if (!(await mayWrite())) break;
      // One that fails is left to the search, which builds it again when it needs it.
      if (await indexOne(report).catch(() => false)) built++;
    }
    return built;
  }

  async function hits(query: string, options: CrossReportOptions): Promise<CrossReportResult> {
    await takeInShelf();
    return search.search(query, options);
  }

  /**
   * A report's part of the answer as the page shows it: its hits that have
   * their snippets, each with its place, which needs the report's text (read
   * only for a report with such hits).
   */
  async function shown(group: CrossReportGroup): Promise<ReportHits> {
    const detailed = group.hits.filter((hit) => hit.snippet !== undefined);
    const listed: LibraryHit[] = [];
    if (detailed.length > 0) {
      const document = await sessions.document(group.report);
      const order = new Map(document.blocks.map((block, index) => [block.id, index]));
      for (const hit of detailed) {
        listed.push({
          block: hit.block,
          count: hit.count,
          path: sectionPath(document.outline, order, hit.block)
            .map((entry) => entry.title)
            .join(' › '),
          snippet: { text: hit.snippet ?? '', marks: hit.snippetMarks ?? [] },
        });
      }
    }
    return {
      report: group.report,
      title: library.get(group.report)?.title ?? BUNDLED_REPORT_ID,
      total: group.total,
      blocks: group.count,
      hits: listed,
    };
  }

  return {
    hits: (query, hitsPerReport) => hits(query, { limit: hitsPerReport }),
    async forPage(query, hitsPerReport) {
      const found = await hits(query, firstPage(hitsPerReport));
      const reports: ReportHits[] = [];
      for (const group of found.groups) reports.push(await shown(group));
      return { query, total: found.total, reports };
    },
    async forReport(query, report, hitsPerReport = LIBRARY_HITS_PER_REPORT) {
      const found = await hits(query, { limit: hitsPerReport, reports: [report] });
      const [group] = found.groups;
      return group === undefined ? null : shown(group);
    },
    forget: (report) => forgetReport(search, report),
    indexMissing,
  };
}
