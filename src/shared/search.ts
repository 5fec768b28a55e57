/** Search results as they cross the contract and leave the CLI. */

export type SearchOrder = 'relevance' | 'document';

export interface SearchHit {
  block: string;
  /** lunr's BM25 score (headings and glossary boosted); 0 in document order. */
  score: number;
  /** A short extract around the first match (the CLI's; the app makes its own from `matches`). */
  snippet?: string;
  /** Every match in the block, as [start, end) offsets into the block's text, in order. */
  matches: [number, number][];
}

export interface SearchResult {
  query: string;
  /** Ranked by relevance (ties in document order), or in document order. */
  hits: SearchHit[];
  /** Matches over all hits (`共 N 处`). */
  total: number;
}

export interface SearchRequest {
  query: string;
  order?: SearchOrder;
}
