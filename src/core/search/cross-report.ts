/**
 * Search across every report of the library, exactly as each report's own
 * search finds (Ctrl+F's hits: every keyword a substring of the block's
 * normalized text) and ranks (hit-set.ts, shared with engine.ts), grouped by
 * report.
 *
 * Each report is held as its blocks and a compact index (report-index.ts: a
 * few typed arrays, ~0.4 MiB for the bundled report) rather than a lunr
 * index (~14 MiB each loaded; a hundred would not fit the 300 MB goal of
 * issue 14). Reports are added and removed one at a time; nothing else is
 * rebuilt. A query looks its terms up in each report (a binary search), so
 * a report without one of them costs a few comparisons.
 *
 * The API, as the library calls it:
 *
 *   const search = new CrossReportSearch();
 *   // Blocks as parsed (id, kind, text, lead). With `index` (a saved one,
 *   // src/services/search/report-index-file.ts reads and writes them) it is
 *   // used when its fingerprint says it was built from these very blocks;
 *   // else the index is built here (~15 ms, plus `segmentWords`' ~20 ms).
 *   const index = search.add(reportId, blocks, { index, segmentWords });
 *   search.remove(reportId);            // false when it was not there
 *   search.has(reportId);
 *   search.reports();                   // ids, in library (add) order
 *   const result = search.search(query, {
 *     order: 'relevance',               // or 'document'
 *     limit: 5,                         // hits listed per report (default all)
 *     matchLimit: SEARCH_PAGE,          // hits, in answer order, given ranges and a snippet (default all listed)
 *     reports: [id, …],                 // only these, in this order (default every report)
 *   });
 *   // result: { query, groups: [{ report, hits: [{ report, block, score, count,
 *   //   matches?, snippet?, snippetMarks? }], count, total }], count, total }
 *   search.matchesIn(reportId, query, blockIds);   // ranges of hits past matchLimit
 *
 * Re-adding a report id replaces its blocks and index, keeping its place.
 * Scores are the report's own engine's, to the thousandth (BM25 over that
 * report's blocks); in relevance order the groups follow their best hit.
 */
import type { CrossReportGroup, CrossReportHit, CrossReportResult } from '../../shared/search';
import type { SearchOrder } from '../../shared/search';
import type { SegmentWords } from './build-index';
import { findHits, parseQuery, type HitSet, type HitSource, type Posting } from './hit-set';
import { findMatches } from './matches';
import { normalizeWithMap, queryKeywords, type Normalized } from './normalize';
import {
  buildReportIndex,
  reportFingerprint,
  termPosting,
  wordPosting,
  type IndexedBlock,
  type ReportIndex,
} from './report-index';
import { makeSnippet } from './snippet';

export interface AddReportOptions {
  /** An index built before (buildReportIndex, or read back from disk); used only if it is of these blocks. */
  index?: ReportIndex;
  /** Words of a normalized text (src/services/search/words.ts), for the whole-word bonus of a fresh index. */
  segmentWords?: SegmentWords;
}

export interface CrossReportOptions {
  order?: SearchOrder;
  /** Hits listed per report; every report still counts all of its hits. Default: all. */
  limit?: number;
  /** Match ranges and a snippet for the first this-many listed hits, in the answer's order. Default: all. */
  matchLimit?: number;
  /** Only these reports, in this order (unknown ids are skipped). Default: every report, in add order. */
  reports?: readonly string[];
}

/** One report as the search holds it: blocks, index, and normalized texts as they are needed. */
class IndexedReport implements HitSource {
  private readonly normalized: (Normalized | undefined)[];
  private ordinals: Map<string, number> | undefined;

  constructor(
    readonly blocks: readonly IndexedBlock[],
    readonly index: ReportIndex,
  ) {
    this.normalized = new Array(blocks.length);
  }

  posting(term: string): Posting | null {
    return termPosting(this.index, term);
  }

  wordPosting(keyword: string): Posting | null {
    return wordPosting(this.index, keyword);
  }

  normalizedText(ordinal: number): Normalized {
    return (this.normalized[ordinal] ??= normalizeWithMap(this.blocks[ordinal].text));
  }

  ordinalOf(id: string): number | undefined {
    this.ordinals ??= new Map(this.blocks.map((block, ordinal) => [block.id, ordinal]));
    return this.ordinals.get(id);
  }
}

export class CrossReportSearch {
  /** A Map: any string is a report id, `__proto__` included. */
  private readonly library = new Map<string, IndexedReport>();

  /** Adds (or replaces) a report; returns its index, to be saved. */
  add(
    reportId: string,
    blocks: readonly IndexedBlock[],
    options: AddReportOptions = {},
  ): ReportIndex {
    const given = options.index;
    const index =
      given !== undefined &&
      given.blockCount === blocks.length &&
      given.fingerprint === reportFingerprint(blocks)
        ? given
        : buildReportIndex(blocks, options.segmentWords);
    this.library.set(reportId, new IndexedReport(blocks, index));
    return index;
  }

  remove(reportId: string): boolean {
    return this.library.delete(reportId);
  }

  has(reportId: string): boolean {
    return this.library.has(reportId);
  }

  reports(): string[] {
    return [...this.library.keys()];
  }

  search(query: string, options: CrossReportOptions = {}): CrossReportResult {
    const parsed = parseQuery(query, options.order);
    if (!parsed) return { query, groups: [], count: 0, total: 0 };
    const found: { id: string; report: IndexedReport; hits: HitSet }[] = [];
    for (const id of options.reports ?? this.library.keys()) {
      const report = this.library.get(id);
      if (!report) continue;
      const hits = findHits(report, parsed);
      if (hits.length > 0) found.push({ id, report, hits });
    }
    // Stable: equal best scores (and document order, where every score is 0) keep library order.
    if (parsed.order === 'relevance') found.sort((a, b) => b.hits.score(0) - a.hits.score(0));

    const limit = options.limit ?? Infinity;
    let detailed = options.matchLimit ?? Infinity;
    const result: CrossReportResult = { query, groups: [], count: 0, total: 0 };
    for (const { id, report, hits } of found) {
      const listed = Math.min(limit, hits.length);
      const group: CrossReportGroup = { report: id, hits: [], count: hits.length, total: 0 };
      for (let r = 0; r < hits.length; r++) {
        if (r >= listed) {
          group.total += hits.count(r);
          continue;
        }
        const ordinal = hits.ordinal(r);
        const block = report.blocks[ordinal];
        const hit: CrossReportHit = { report: id, block: block.id, score: hits.score(r), count: 0 };
        if (detailed > 0) {
          detailed--;
          // The ranges give the count: a listed hit is never counted twice.
          const matches = findMatches(report.normalizedText(ordinal), parsed.keywords);
          const snippet = makeSnippet(block.text, matches, parsed.keywords);
          hit.matches = matches;
          hit.count = matches.length;
          hit.snippet = snippet.text;
          hit.snippetMarks = snippet.marks;
        } else {
          hit.count = hits.count(r);
        }
        group.total += hit.count;
        group.hits.push(hit);
      }
      result.groups.push(group);
      result.count += group.count;
      result.total += group.total;
    }
    return result;
  }

  /** Every match of `query` in each of a report's `blocks` (ids); none for an unknown report or block. */
  matchesIn(reportId: string, query: string, blocks: readonly string[]): [number, number][][] {
    const report = this.library.get(reportId);
    const keywords = queryKeywords(query);
    return blocks.map((id) => {
      const ordinal = report?.ordinalOf(id);
      if (ordinal === undefined || keywords.length === 0) return [];
      return findMatches(report!.normalizedText(ordinal), keywords);
    });
  }
}
