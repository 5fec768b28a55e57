/**
 * Validation of search requests from the renderer. Apart from search.ts so the
 * renderer, which imports only the types read from these, ships no zod.
 */
import { z } from 'zod';
import { ReportIdSchema } from './library-schema';
import { MAX_QUERY_LENGTH, SEARCH_ORDERS } from './search';

const query = z.string().max(MAX_QUERY_LENGTH);

export const SearchRequestSchema = z.strictObject({
  query,
  order: z.enum(SEARCH_ORDERS).optional(),
  /** Match ranges only for the first this-many hits (every hit has its `count`); default all. */
  matchLimit: z.number().int().min(0).optional(),
});

/** The matches of a query in given blocks: the ranges a hit past `matchLimit` leaves out. */
export const SearchMatchesRequestSchema = z.strictObject({
  query,
  // The report has fewer blocks than this; a corpus a hundred times larger asks in pages.
  blocks: z.array(z.string().max(64)).max(10_000),
});

/** A search of every report on the shelf. */
export const LibrarySearchRequestSchema = z.strictObject({
  query,
  /**
   * Hits listed per report (every report still says how many it has); the
   * first SEARCH_PAGE of them, in the answer's order, have their snippets.
   */
  hitsPerReport: z.number().int().min(1).max(200).optional(),
});

/** One report's hits for a search across reports: those the first page left out. */
export const LibraryReportSearchRequestSchema = z.strictObject({
  query,
  report: ReportIdSchema,
  /** Hits with their snippets (the report still says how many it has); default LIBRARY_HITS_PER_REPORT. */
  hitsPerReport: z.number().int().min(1).max(200).optional(),
});
