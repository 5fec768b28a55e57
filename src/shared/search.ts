/** Search results as they cross the contract and leave the CLI. */
import type { z } from 'zod';
import type { SearchMatchesRequestSchema, SearchRequestSchema } from './search-schema';

export const SEARCH_ORDERS = ['relevance', 'document'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export interface SearchHit {
  block: string;
  /** lunr's BM25 score (headings and glossary boosted); 0 in document order. */
  score: number;
  /** How many matches the block has (the length `matches` has, or would have). */
  count: number;
  /** A short extract around the first match (the CLI's; the app makes its own from `matches`). */
  snippet?: string;
  /**
   * Every match in the block, as [start, end) offsets into the block's text,
   * in order. Absent on hits past the request's `matchLimit`: ask
   * `searchMatches` for those.
   */
  matches?: [number, number][];
}

export interface SearchResult {
  query: string;
  /** Ranked by relevance (ties in document order), or in document order. */
  hits: SearchHit[];
  /** Matches over all hits (`共 N 处`). */
  total: number;
}

/** Longer queries are refused: long enough for any phrase of the report, short of a pasted page. */
export const MAX_QUERY_LENGTH = 200;

/** A search: its query, its order, and how many hits get their match ranges now. */
export type SearchRequest = z.output<typeof SearchRequestSchema>;

/** The matches of a query in given blocks: the ranges a hit past `matchLimit` leaves out. */
export type SearchMatchesRequest = z.output<typeof SearchMatchesRequestSchema>;

/** Per requested block, in the request's order, its matches (none for an unknown block). */
export type SearchMatchesResult = [number, number][][];

/** How many hits the app asks ranges for with the first answer: one screen of results and more. */
export const SEARCH_PAGE = 20;

/** A hit of the library's search across reports: a report's hit, and which report. */
export interface CrossReportHit extends SearchHit {
  report: string;
  /** The matches inside `snippet`, as [start, end) offsets into it; with `snippet`. */
  snippetMarks?: [number, number][];
}

/** One report's part of the answer. */
export interface CrossReportGroup {
  report: string;
  /** Its hits in the answer's order; at most the request's `limit`. */
  hits: CrossReportHit[];
  /** How many blocks of the report are hits, listed or not. */
  count: number;
  /** Matches over all of them. */
  total: number;
}

export interface CrossReportResult {
  query: string;
  /** Reports with at least one hit: by their best hit's score (ties in library order), or in library order. */
  groups: CrossReportGroup[];
  /** Hit blocks over every report. */
  count: number;
  /** Matches over every report. */
  total: number;
}

/** A hit of a search across reports: enough to show it without the report's text at hand. */
export interface LibraryHit {
  block: string;
  count: number;
  /** The block's place in its report: `一、2017年工作回顾 › （三）…`, or empty for the title block. */
  path: string;
  /** An extract around the matches, with the matches as offsets into it. */
  snippet: { text: string; marks: [number, number][] };
}

/** One report's hits, in the order its own search ranks them. */
export interface ReportHits {
  report: string;
  title: string;
  /** Matches in this report. */
  total: number;
  /** Blocks with a match in this report (`hits` may show fewer). */
  blocks: number;
  /**
   * Its first hits, with their places and snippets: in an answer of
   * searchLibrary, those of the first page only (none for a report past it);
   * searchLibraryReport gives a report's own.
   */
  hits: LibraryHit[];
}

/** A search of every report on the shelf: the reports with hits, most matches first. */
export interface LibrarySearchResult {
  query: string;
  /** Matches over every report. */
  total: number;
  reports: ReportHits[];
}

/** Hits shown per report in a search across reports; the count says how many more there are. */
export const LIBRARY_HITS_PER_REPORT = 20;

/**
 * What the app asks the search across reports (CrossReportSearch's options)
 * for its first answer: every matching report counted, at most
 * LIBRARY_HITS_PER_REPORT hits listed per report, and a snippet for the first
 * SEARCH_PAGE of them in the answer's order; the page shows those, and a
 * report further down shows its own when asked (searchLibraryReport). A
 * common character matches in thousands of paragraphs of a hundred reports:
 * a snippet, a place and the report's text for each cost more than the search.
 * The bench (bench/multisearch-child.ts) times this very object.
 */
export const LIBRARY_FIRST_PAGE = {
  limit: LIBRARY_HITS_PER_REPORT,
  matchLimit: SEARCH_PAGE,
} as const;
