/**
 * One report searched through its compact index (report-index.ts) instead of
 * its lunr index: the same answer, hit for hit (cross-report.ts ranks a
 * report's hits as its own engine does, and its tests hold it to that). Its
 * index is built in about a third of the time of a lunr index, which main
 * then takes as much again to load: main answers a report just added and
 * searched at once with it (the index the parse worker built first), before
 * the lunr index is in and after (src/services/library/report-sessions.ts).
 */
import type { SearchHit, SearchResult } from '../../shared/search';
import type { SegmentWords } from './build-index';
import { CrossReportSearch } from './cross-report';
import type { SearchEngine } from './engine';
import type { IndexedBlock, ReportIndex } from './report-index';

/** What main asks of a report's search: the engine's two calls. */
export type ReportSearcher = Pick<SearchEngine, 'search' | 'matchesIn'>;

const ID = 'report';

/** `index`: the blocks' index built already (a worker's); used only if it is of these blocks, else built here. */
export function compactReportSearch(
  blocks: readonly IndexedBlock[],
  segmentWords?: SegmentWords,
  index?: ReportIndex,
): ReportSearcher {
  const search = new CrossReportSearch();
  search.add(ID, blocks, { segmentWords, ...(index && { index }) });
  return {
    search(query, options = {}) {
      const { order, matchLimit, snippets } = options;
      const found = search.search(query, { order, matchLimit });
      const group = found.groups[0];
      const hits = (group?.hits ?? []).map(
        ({ block, score, count, matches, snippet }): SearchHit => ({
          block,
          score,
          count,
          ...(matches && { matches }),
          ...(snippets && snippet !== undefined && { snippet }),
        }),
      );
      const result: SearchResult = { query, hits, total: group?.total ?? 0 };
      return result;
    },
    matchesIn: (query, ids) => search.matchesIn(ID, query, ids),
  };
}
