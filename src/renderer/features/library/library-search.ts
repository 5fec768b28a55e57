/**
 * The search box's scope: this report (the search session of the report on
 * screen, as before) or every report on the shelf. In the second, each query
 * the session runs (never mid-composition: the session decides when) is also
 * sent to main's search across reports, and the answer replaces the results
 * list with hits grouped by report. The scope outlives a switch of report.
 * The answer lists every matching report, but only the first page of hits
 * (LIBRARY_FIRST_PAGE): a report further down shows its own when the reader
 * asks (`showReport`), in the answer to the same query only.
 */
import type { ReaderApi } from '../../../shared/api';
import type { LibrarySearchResult, ReportHits } from '../../../shared/search';
import { Store } from '../../store';
import { queryProblem } from '../search/search-session';

export type SearchScope = 'report' | 'all';

interface LibrarySearchState {
  scope: SearchScope;
  /** The query last run in the box. */
  query: string;
  /** The answer to it across every report (null in this report's scope, or for nothing to look for). */
  result: LibrarySearchResult | null;
  /** Reports whose hits were asked for (showReport) and have not come yet. */
  loading: ReadonlySet<string>;
}

export class LibrarySearch extends Store<LibrarySearchState> {
  private ticket = 0;

  constructor(
    private readonly api: Pick<ReaderApi, 'searchLibrary' | 'searchLibraryReport'>,
    private readonly onError: (message: string) => void,
  ) {
    super({ scope: 'report', query: '', result: null, loading: new Set() });
  }

  /** A query the box ran (called by the report's search session). */
  readonly follow = (query: string): void => {
    this.set({ query });
    if (this.getSnapshot().scope === 'all') this.run(query);
  };

  /**
   * The query a report put up by a switch searches for at once: while every
   * report is searched, the results beside it are its query's, and its box,
   * its marks and 共 N 处 must say the same. Null in this report's scope.
   */
  carriedQuery(): string | null {
    const { scope, query } = this.getSnapshot();
    return scope === 'all' && query.trim() !== '' ? query : null;
  }

  readonly setScope = (scope: SearchScope): void => {
    this.set({ scope });
    if (scope === 'all') this.run(this.getSnapshot().query);
    else {
      this.ticket++;
      this.set({ result: null, loading: new Set() });
    }
  };

  /** Fetches a report's hits the first page left out, into the answer on screen. */
  readonly showReport = (report: string): void => {
    const { result, loading } = this.getSnapshot();
    if (!result || loading.has(report)) return;
    const ticket = this.ticket;
    this.set({ loading: new Set(loading).add(report) });
    void this.api.searchLibraryReport({ query: result.query, report }).then((answer) => {
      // An answer to a query no longer on screen (or on its way) must not change the one that is.
      const now = this.getSnapshot();
      if (ticket !== this.ticket || now.result?.query !== result.query) return;
      const rest = new Set(now.loading);
      rest.delete(report);
      if (!answer.ok) {
        this.set({ loading: rest });
        this.onError(`检索这份报告失败：${answer.error}`);
        return;
      }
      this.set({ loading: rest, result: withReport(now.result, report, answer.value) });
    });
  };

  private run(query: string): void {
    const ticket = ++this.ticket;
    // Nothing to look for, or too long to be asked: the box says why (search-session.ts).
    if (query.trim() === '' || queryProblem(query)) {
      this.set({ result: null, loading: new Set() });
      return;
    }
    void this.api.searchLibrary({ query }).then((answer) => {
      // A slower answer to an older query must not replace a newer one.
      if (ticket !== this.ticket) return;
      if (answer.ok) this.set({ result: answer.value, loading: new Set() });
      else this.onError(`检索全部报告失败：${answer.error}`);
    });
  }
}

/** The answer with a report's own hits in its group (its counts as they are now); gone when it has none now. */
function withReport(
  result: LibrarySearchResult | null,
  report: string,
  hits: ReportHits | null,
): LibrarySearchResult | null {
  if (!result) return result;
  const reports = hits
    ? result.reports.map((group) => (group.report === report ? hits : group))
    : result.reports.filter((group) => group.report !== report);
  return { ...result, reports };
}
