/**
 * Search across every report on the shelf: the interface the services use,
 * and the plain implementation behind it until the memory-bounded index over
 * many reports (branch `multisearch`) takes its place.
 *
 * The plain one scans: each report's blocks are kept as normalized text, and
 * a block is a hit when it holds every keyword, exactly as the one-report
 * engine's substring check decides (the same normalization, the same
 * matches). A scan of the whole shelf costs about what a substring scan of
 * the 100× corpus costs (about a millisecond at the 95th percentile), and it
 * holds only the text. Within a report, hits are ranked by their number of
 * matches (the one-report engine's BM25 needs that report's index loaded);
 * reports come in order of their matches.
 */
import type { Block } from '../../shared/document';
import type { SearchHit } from '../../shared/search';
import { countMatches, findMatches } from './engine';
import { normalize, normalizeWithMap, queryKeywords } from './normalize';

/** One report's hits: the first `hitsPerReport` with their match ranges, the rest counted. */
export interface CrossReportHits {
  report: string;
  /** Matches in this report. */
  total: number;
  /** Blocks with a match in this report. */
  blocks: number;
  /** The hits shown, ranked, with `matches`. */
  hits: SearchHit[];
}

export interface CrossReportResult {
  query: string;
  total: number;
  reports: CrossReportHits[];
}

export interface CrossReportSearchOptions {
  /** Hits per report given with their ranges; default 20. */
  hitsPerReport?: number;
}

/** The cross-report search the services hold: reports go in and out as the shelf changes. */
export interface CrossReportSearch {
  add(report: string, blocks: readonly Pick<Block, 'id' | 'text'>[]): void;
  remove(report: string): void;
  has(report: string): boolean;
  search(query: string, options?: CrossReportSearchOptions): CrossReportResult;
}

interface Indexed {
  blocks: readonly Pick<Block, 'id' | 'text'>[];
  /** Each block's text as the search compares it. */
  folded: string[];
}

export function plainCrossReportSearch(): CrossReportSearch {
  const reports = new Map<string, Indexed>();
  return {
    add(report, blocks) {
      reports.set(report, { blocks, folded: blocks.map((block) => normalize(block.text)) });
    },
    remove(report) {
      reports.delete(report);
    },
    has: (report) => reports.has(report),
    search(query, options = {}) {
      const keywords = queryKeywords(query);
      const limit = options.hitsPerReport ?? 20;
      const found: CrossReportHits[] = [];
      if (keywords.length === 0) return { query, total: 0, reports: [] };
      for (const [report, { blocks, folded }] of reports) {
        const hits: SearchHit[] = [];
        folded.forEach((text, ordinal) => {
          if (!keywords.every((keyword) => text.includes(keyword))) return;
          const count = countMatches(normalizeWithMap(blocks[ordinal].text), keywords);
          hits.push({ block: blocks[ordinal].id, score: count, count });
        });
        if (hits.length === 0) continue;
        // Most matches first; ties in reading order (the sort is stable).
        hits.sort((a, b) => b.count - a.count);
        const shown = hits.slice(0, limit).map((hit) => ({
          ...hit,
          matches: findMatches(
            normalizeWithMap(blocks.find((block) => block.id === hit.block)!.text),
            keywords,
          ),
        }));
        const total = hits.reduce((sum, hit) => sum + hit.count, 0);
        found.push({ report, total, blocks: hits.length, hits: shown });
      }
      found.sort((a, b) => b.total - a.total);
      return { query, total: found.reduce((sum, r) => sum + r.total, 0), reports: found };
    },
  };
}
