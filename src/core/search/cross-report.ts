/**
 * Search across every report of the library, exactly as each report's own
 * search finds (Ctrl+F's hits: every keyword a substring of the block's
 * normalized text) and ranks (hit-set.ts, shared with engine.ts), grouped by
 * report.
 *
 * Each report is held as its blocks and a compact index (report-index.ts: a
 * few typed arrays, ~0.4 MiB for the bundled report) rather than a lunr
 * index (~14 MiB each loaded; a hundred took ~590 MiB, more than issue 14's
 * 300 MB), and, once a search reads its text, its blocks' normalized
 * text as one string (~0.1 MiB per report, with its map). Reports are added
 * and removed one at a time; nothing else is rebuilt. A search treats the library as one run of blocks (LibraryView):
 * a query term's postings are merged across the reports at its first search
 * and kept, so one pass finds and ranks every hit, which are then grouped.
 * Searching report by report cost more than a substring scan of the whole
 * library: a hundred small passes, each with its own arrays.
 *
 * The API, as the library calls it (from main, through the services loader):
 *
 *   const search = new CrossReportSearch();
 *   // Before each search across the library: adds the reports not in it yet,
 *   // from their saved index (or builds and saves one), drops those gone.
 *   await syncLibrarySearch(search, [{ id, indexFile, blocks: async () => blocks }, …]);
 *   // or one at a time: await addReportFromFile(search, id, blocks, indexFile);
 *   // or, with no file: search.add(id, blocks, { index?, segmentWords? }) → its index.
 *   search.remove(reportId);            // false when it was not there
 *   search.has(reportId);
 *   search.reports();                   // ids, in library (add) order
 *   const result = search.search(query, {
 *     order: 'relevance',               // or 'document'
 *     limit: 5,                         // hits listed per report (default all)
 *     matchLimit: SEARCH_PAGE,          // hits, in answer order, given ranges and a snippet (default all listed)
 *     reports: [id, …],                 // only these (in document order, in this order); default all
 *   });
 *   // result: { query, groups: [{ report, hits: [{ report, block, score, count,
 *   //   matches?, snippet?, snippetMarks? }], count, total }], count, total }
 *   search.matchesIn(reportId, query, blockIds);   // ranges of hits past matchLimit
 *
 * Re-adding a report id replaces its blocks and index, keeping its place.
 * Scores are the report's own engine's, to the thousandth (BM25 over that
 * report's blocks); in relevance order the groups follow their best hit.
 */
import type {
  CrossReportGroup,
  CrossReportHit,
  CrossReportResult,
  SearchOrder,
} from '../../shared/search';
import type { SegmentWords } from './build-index';
import { findHits, parseQuery, type HitSource, type Posting } from './hit-set';
import { countHit, findMatches } from './matches';
import {
  normalizeBlocks,
  queryKeywords,
  type Normalized,
  type NormalizedBlocks,
} from './normalize';
import {
  buildReportIndex,
  findTerm,
  findWord,
  isIndexOf,
  termKey,
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
  /** Only these reports (unknown ids are skipped); in document order, in this order. Default: every report. */
  reports?: readonly string[];
}

/**
 * Merged postings kept for the terms searched lately, at most this many
 * entries in all (16 bytes each, so 16 MiB): a keystroke's terms are mostly
 * the last one's, and merging a common character across 100 reports takes
 * ~0.1 ms.
 */
const CACHED_ENTRIES = 1 << 20;

/** One report as the search holds it: blocks, index, and normalized texts once they are needed. */
class IndexedReport {
  /**
   * Every block's normalized text, in one string, made at the first that is
   * needed (~0.2 ms for the bundled report). One string per report, not one
   * per block: a search reads many blocks of a report in a row, and these
   * lie together in memory, where thousands of small strings and maps lay
   * scattered, and reading them cost more than searching them.
   */
  private whole: NormalizedBlocks | undefined;
  private ordinals: Map<string, number> | undefined;
  /**
   * The blocks' ids, by ordinal: an answer names thousands of blocks, and
   * reading each id from its block object (shapes vary from report to report)
   * cost more than the rest of the answer.
   */
  readonly ids: readonly string[];

  constructor(
    readonly id: string,
    readonly blocks: readonly IndexedBlock[],
    readonly index: ReportIndex,
  ) {
    this.ids = blocks.map((block) => block.id);
  }

  private texts(): NormalizedBlocks {
    return (this.whole ??= normalizeBlocks(this.blocks.map((block) => block.text)));
  }

  /** A block's normalized text and its map (views of the report's). */
  normalizedText(ordinal: number): Normalized {
    const { normalized, starts } = this.texts();
    const start = starts[ordinal];
    const end = starts[ordinal + 1] - 1;
    return {
      text: normalized.text.slice(start, end),
      from: normalized.from.subarray(start, end),
      to: normalized.to.subarray(start, end),
    };
  }

  /** As HitSource's: a slice of the report's text searched (a slice shares its characters), its map read only where needed. */
  countHit(ordinal: number, keywords: string[]): number {
    const { normalized, starts, plain } = this.texts();
    const start = starts[ordinal];
    const text = normalized.text.slice(start, starts[ordinal + 1] - 1);
    return countHit(text, keywords, plain[ordinal] ? null : normalized, start);
  }

  ordinalOf(id: string): number | undefined {
    this.ordinals ??= new Map(this.blocks.map((block, ordinal) => [block.id, ordinal]));
    return this.ordinals.get(id);
  }
}

/**
 * The library as one run of blocks, report after report, for one search
 * over all of it: a block's number is its report's base plus its ordinal
 * there. A term's posting is its postings in every report, merged in that
 * order (each report's weights its own), made at its first search and kept.
 * Made afresh when a report is added or removed.
 */
class LibraryView implements HitSource {
  /** bases[r] is report r's first block number; bases[reports.length] is the library's size. */
  readonly bases: Int32Array;
  /** Each library block's report (4 bytes a block: a lookup per hit, not a search). */
  private readonly reportOf: Int32Array;
  /** Merged postings by `t` + term or `w` + word, least recently used first. */
  private readonly cache = new Map<string, Posting | null>();
  private cachedEntries = 0;

  constructor(
    readonly reports: readonly IndexedReport[],
    private readonly cacheLimit: number,
  ) {
    this.bases = new Int32Array(reports.length + 1);
    reports.forEach((report, r) => (this.bases[r + 1] = this.bases[r] + report.blocks.length));
    this.reportOf = new Int32Array(this.bases[reports.length]);
    reports.forEach((_, r) => this.reportOf.fill(r, this.bases[r], this.bases[r + 1]));
  }

  /** The report a library block number falls in. */
  reportAt(block: number): number {
    return this.reportOf[block];
  }

  countHit(block: number, keywords: string[]): number {
    const r = this.reportOf[block];
    return this.reports[r].countHit(block - this.bases[r], keywords);
  }

  posting(term: string): Posting | null {
    const key = termKey(term);
    return this.cached(`t${term}`, false, (index) => {
      const t = findTerm(index, key);
      return t < 0 ? null : [index.starts[t], index.starts[t + 1]];
    });
  }

  wordPosting(keyword: string): Posting | null {
    return this.cached(`w${keyword}`, true, (index) => {
      const w = findWord(index, keyword);
      return w < 0 ? null : [index.wordStarts[w], index.wordStarts[w + 1]];
    });
  }

  /** A merged posting from the cache, or made from each report's [start, end) and cached. */
  private cached(
    name: string,
    words: boolean,
    find: (index: ReportIndex) => [number, number] | null,
  ): Posting | null {
    let posting = this.cache.get(name);
    if (posting !== undefined) {
      // Most recently used last: the first entries are the ones to drop.
      this.cache.delete(name);
      this.cache.set(name, posting);
      return posting;
    }
    posting = this.merge(find, words);
    this.cachedEntries += posting?.blocks.length ?? 0;
    for (const [oldest, old] of this.cache) {
      if (this.cachedEntries <= this.cacheLimit) break;
      this.cachedEntries -= old?.blocks.length ?? 0;
      this.cache.delete(oldest);
    }
    this.cache.set(name, posting);
    return posting;
  }

  /** Each report's part of a posting (`find`), one after the other, its block numbers made the library's. */
  private merge(
    find: (index: ReportIndex) => [number, number] | null,
    words: boolean,
  ): Posting | null {
    const ranges: [report: number, start: number, end: number][] = [];
    let total = 0;
    this.reports.forEach(({ index }, r) => {
      const range = find(index);
      if (range && range[1] > range[0]) {
        ranges.push([r, ...range]);
        total += range[1] - range[0];
      }
    });
    if (total === 0) return null;
    const blocks = new Int32Array(total);
    const weights = new Float64Array(total);
    const counts = words ? undefined : new Int32Array(total);
    let at = 0;
    for (const [r, start, end] of ranges) {
      const { index } = this.reports[r];
      const base = this.bases[r];
      const from = words ? index.wordBlocks : index.blocks;
      weights.set((words ? index.wordWeights : index.weights).subarray(start, end), at);
      counts?.set(index.counts.subarray(start, end), at);
      for (let p = start; p < end; p++) blocks[at++] = from[p] + base;
    }
    return counts ? { blocks, weights, counts } : { blocks, weights };
  }
}

export class CrossReportSearch {
  /** A Map: any string is a report id, `__proto__` included. */
  private readonly library = new Map<string, IndexedReport>();
  private view: LibraryView | undefined;

  /** `cachedEntries`: how many merged posting entries to keep between searches (tests make it small). */
  constructor(private readonly options: { cachedEntries?: number } = {}) {}

  /** Adds (or replaces) a report; returns its index, to be saved. */
  add(
    reportId: string,
    blocks: readonly IndexedBlock[],
    options: AddReportOptions = {},
  ): ReportIndex {
    const given = options.index;
    const index =
      given !== undefined && isIndexOf(given, blocks)
        ? given
        : buildReportIndex(blocks, options.segmentWords);
    this.library.set(reportId, new IndexedReport(reportId, blocks, index));
    this.view = undefined;
    return index;
  }

  remove(reportId: string): boolean {
    this.view = undefined;
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
    const result: CrossReportResult = { query, groups: [], count: 0, total: 0 };
    if (!parsed) return result;
    const view = (this.view ??= new LibraryView(
      [...this.library.values()],
      this.options.cachedEntries ?? CACHED_ENTRIES,
    ));
    const hits = findHits(view, parsed);
    const { reports } = view;

    // Which reports answer, and where each goes: in relevance order, a report's
    // first hit is its best, and reports come as their best hits do (ties in
    // library order); in document order, in library order or the order asked.
    // Typed arrays, not an object or array per report or hit: a common
    // character is a hit in thousands of blocks.
    const wanted = options.reports && new Map(options.reports.map((id, place) => [id, place]));
    const SKIPPED = -2;
    const groupOf = new Int32Array(reports.length).fill(-1);
    const reportOfHit = new Int32Array(hits.length);
    const found: number[] = [];
    const hitCounts = new Int32Array(reports.length);
    for (let rank = 0; rank < hits.length; rank++) {
      const r = (reportOfHit[rank] = view.reportAt(hits.ordinal(rank)));
      if (groupOf[r] === -1) {
        if (wanted && !wanted.has(reports[r].id)) {
          groupOf[r] = SKIPPED;
          continue;
        }
        groupOf[r] = found.length;
        found.push(r);
      } else if (groupOf[r] === SKIPPED) {
        continue;
      }
      hitCounts[r]++;
    }
    if (wanted && parsed.order === 'document') {
      found.sort((a, b) => wanted.get(reports[a].id)! - wanted.get(reports[b].id)!);
      found.forEach((r, g) => (groupOf[r] = g));
    }

    // The listed hits' ranks in the answer's order (group after group), by
    // their group's place; the rest only add their matches to its total.
    const limit = options.limit ?? Infinity;
    const groups: CrossReportGroup[] = found.map((r) => ({
      report: reports[r].id,
      hits: [],
      count: 0,
      total: 0,
    }));
    const starts = new Int32Array(found.length + 1);
    for (let g = 0; g < found.length; g++) {
      starts[g + 1] = starts[g] + Math.min(hitCounts[found[g]], limit);
      groups[g].count = hitCounts[found[g]];
    }
    const filled = starts.slice(0, found.length);
    const listed = new Int32Array(starts[found.length]);
    for (let rank = 0; rank < hits.length; rank++) {
      const g = groupOf[reportOfHit[rank]];
      if (g < 0) continue;
      if (filled[g] < starts[g + 1]) listed[filled[g]++] = rank;
      else groups[g].total += hits.count(rank);
    }

    let detailed = options.matchLimit ?? Infinity;
    for (let g = 0; g < found.length; g++) {
      const r = found[g];
      const report = reports[r];
      const base = view.bases[r];
      const group = groups[g];
      for (let at = starts[g]; at < starts[g + 1]; at++) {
        const rank = listed[at];
        const ordinal = hits.ordinal(rank) - base;
        const hit: CrossReportHit = {
          report: report.id,
          block: report.ids[ordinal],
          score: hits.score(rank),
          count: hits.count(rank),
        };
        if (detailed > 0) {
          detailed--;
          const matches = findMatches(report.normalizedText(ordinal), parsed.keywords);
          const snippet = makeSnippet(report.blocks[ordinal].text, matches, parsed.keywords);
          hit.matches = matches;
          hit.snippet = snippet.text;
          hit.snippetMarks = snippet.marks;
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
