/** The contract's library calls: the shelf, adding, renaming, removing, and searching every report. */
import type { Handler } from '../../shared/api';
import type { AddedReport, AddProgress } from '../../shared/library';
import { validate } from '../validate';
import type { AddInput } from './add-report';
import type { LibraryStore } from './library-store';
import { countsOf, type ReportSessions } from './report-sessions';
import type { ShelfSearch } from './shelf-search';

export interface LibraryHandlerOptions {
  library: LibraryStore;
  sessions: ReportSessions;
  search: ShelfSearch;
  add(input: AddInput, progress?: (progress: AddProgress) => void): Promise<AddedReport>;
  /** The shelf changed. */
  changed(): void;
}

type LibraryMethod =
  | 'getLibrary'
  | 'addReport'
  | 'openReport'
  | 'renameReport'
  | 'removeReport'
  | 'restoreReport'
  | 'saveReportView'
  | 'searchLibrary'
  | 'searchLibraryReport';

export function libraryHandlers(options: LibraryHandlerOptions): {
  [M in LibraryMethod]: Handler<M>;
} {
  const { library, sessions, search, changed } = options;
  /** Runs a change to the shelf, then says so. */
  const changing = async <T>(run: () => Promise<T>): Promise<T> => {
    const answer = await run();
    changed();
    return answer;
  };

  return {
    getLibrary: (payload) => validate('getLibrary', payload, () => library.view()),
    addReport: (payload, context) =>
      validate('addReport', payload, ({ fileName, bytes }) =>
        changing(() => options.add({ fileName, bytes }, context?.progress)),
      ),
    openReport: (payload) =>
      validate('openReport', payload, async ({ report }) => {
        const session = await sessions.open(report);
        // The shelf's counts as the notes file has them now (a .bak recovered, say).
        await library.setCounts(report, countsOf(session.file.value)).catch(() => undefined);
        // The place on the shelf is not worth an error, nor a wait for the disk.
        const opened = library.opened(report);
        changed();
        return { report: opened, notices: session.notices };
      }),
    renameReport: (payload) =>
      validate('renameReport', payload, ({ report, title }) =>
        changing(() => library.rename(report, title)),
      ),
    removeReport: (payload) =>
      validate('removeReport', payload, ({ report }) =>
        changing(async () => {
          const removed = await library.remove(report);
          search.forget(report);
          return removed;
        }),
      ),
    restoreReport: (payload) =>
      validate('restoreReport', payload, ({ report }) => changing(() => library.restore(report))),
    saveReportView: (payload) =>
      validate('saveReportView', payload, async ({ report, edition, position, collapsed }) => {
        // The place in an earlier edition names its paragraphs, not the current one's: not kept.
        if (edition !== undefined && edition !== library.require(report).edition) return;
        await library.saveView(report, {
          ...(position !== undefined && { position }),
          ...(collapsed !== undefined && { collapsed }),
        });
      }),
    searchLibrary: (payload) =>
      validate('searchLibrary', payload, ({ query, hitsPerReport }) =>
        search.forPage(query, hitsPerReport),
      ),
    searchLibraryReport: (payload) =>
      validate('searchLibraryReport', payload, ({ query, report, hitsPerReport }) =>
        search.forReport(query, report, hitsPerReport),
      ),
  };
}
