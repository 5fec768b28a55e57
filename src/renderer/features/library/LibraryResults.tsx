/**
 * Search results across every report on the shelf, grouped by report (most
 * matches first): each hit with its place in its report and a snippet.
 * Choosing one in the report on screen shows it there; in another report,
 * that report is opened at the hit, with every match of the query marked.
 * The first page of hits is shown (LIBRARY_FIRST_PAGE); a report past it
 * shows its title and counts, and its hits when the reader asks.
 */
import { useEffect, useRef } from 'react';
import { LIBRARY_HITS_PER_REPORT, type ReportHits } from '../../../shared/search';
import { useReader } from '../../app/context';
import { isCurrentEdition } from '../../app/report-switch';
import { useStore } from '../../store';
import { queryProblem } from '../search/search-session';
import { MarkedSnippet } from '../search/SearchResults';

function ReportGroup({ group, query }: { group: ReportHits; query: string }) {
  const { report, shelf, jumpAndClose, search, librarySearch } = useReader();
  const loading = useStore(librarySearch, (state) => state.loading.has(group.report));
  const list = useRef<HTMLOListElement>(null);
  /** The first hit the last 显示… asked for: focus goes there when it comes (the button is gone). */
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    const at = focusAt.current;
    if (at === null || group.hits.length <= at) return;
    focusAt.current = null;
    list.current?.querySelectorAll<HTMLButtonElement>('button.result')[at]?.focus();
  }, [group.hits]);
  // The hits are in the report's current edition: an earlier one on screen is not where they are.
  const here = group.report === report.id && isCurrentEdition(report);
  const choose = (block: string) => {
    if (!here) return void shelf.open(group.report, { arrival: { block, query } });
    jumpAndClose(block);
    search.showBlock(block);
  };
  const more = group.blocks - group.hits.length;
  // Past the first page: fewer shown than the report can show of its own.
  const partial = group.hits.length < Math.min(group.blocks, LIBRARY_HITS_PER_REPORT);
  const showMore = () => {
    focusAt.current = group.hits.length;
    librarySearch.showReport(group.report);
  };
  return (
    <li className="results-group">
      <h3 className="results-report">
        <span className="results-report-title">{group.title}</span>
        <span className="results-count">
          {here ? '本报告 · ' : ''}
          {group.total} 处
        </span>
      </h3>
      <ol className="results-list" ref={list}>
        {group.hits.map((hit) => (
          <li key={hit.block}>
            <button type="button" className="result row-button" onClick={() => choose(hit.block)}>
              <span className="result-path">{hit.path || '标题'}</span>
              <MarkedSnippet snippet={hit.snippet} />
            </button>
          </li>
        ))}
      </ol>
      {partial ? (
        <button
          type="button"
          className="row-button results-show"
          aria-busy={loading}
          onClick={showMore}
        >
          {loading
            ? '正在查找…'
            : group.hits.length === 0
              ? `显示匹配段落（${group.blocks} 段）`
              : `显示更多（还有 ${more} 段）`}
        </button>
      ) : (
        more > 0 && <p className="results-more">还有 {more} 段有匹配，打开这份报告可逐一查看。</p>
      )}
    </li>
  );
}

export function LibraryResults() {
  const { librarySearch } = useReader();
  const result = useStore(librarySearch, (state) => state.result);
  // A query that cannot be searched (punctuation alone, too long): why, as in this report's scope.
  const problem = useStore(librarySearch, (state) => queryProblem(state.query)?.message ?? null);
  if (problem) {
    return (
      <section className="search-results library-results" aria-label="全部报告的搜索结果">
        <p className="results-empty">{problem}</p>
      </section>
    );
  }
  if (!result) return null;
  return (
    <section className="search-results library-results" aria-label="全部报告的搜索结果">
      <div className="results-header">
        <h2 className="panel-title">全部报告</h2>
        <span className="results-count">
          共 {result.total} 处，{result.reports.length} 份报告
        </span>
      </div>
      {result.reports.length === 0 ? (
        <p className="results-empty">书架上的报告里没有“{result.query}”。</p>
      ) : (
        <ol className="results-groups">
          {result.reports.map((group) => (
            <ReportGroup key={group.report} group={group} query={result.query} />
          ))}
        </ol>
      )}
    </section>
  );
}
