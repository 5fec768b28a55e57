/**
 * Keyword search over the report with Ctrl+F's recall and precision, ranked.
 *
 * lunr holds the index: terms (tokens.ts), postings and BM25 field vectors.
 * A query is answered without lunr's query parser, which throws on `:` `~` `^`
 * and costs more than the whole search should: candidates are the blocks whose
 * postings contain every term of every keyword, the exact substring check on
 * the normalized text keeps only real hits, and the score is the sum of lunr's
 * BM25 weights for the query's terms, plus, for each keyword that is a whole
 * word of the block (the word table, build-index.ts), its weight there.
 * Finding and ranking live in hit-set.ts, which the library's search across
 * reports (cross-report.ts) shares, so both rank a report's hits alike.
 */
import lunr from 'lunr';
import type { Block } from '../../shared/document';
import type { SearchHit, SearchOrder, SearchResult } from '../../shared/search';
import { makeSnippet } from './snippet';
import { findHits, parseQuery, type HitSource, type Posting } from './hit-set';
import { countHit, findMatches } from './matches';
import { normalizeWithMap, queryKeywords, type Normalized } from './normalize';

const FIELDS = ['text', 'head'] as const;
const NO_ELEMENTS: number[] = [];

/**
 * Per word (two or more code points, normalized), the blocks where it is a
 * whole word, as [id, weight, id, weight, …] in block order: lunr's BM25
 * weight of the word among the blocks' words (build-index.ts).
 */
export type WordWeights = Record<string, (string | number)[]>;

/**
 * The two tables of lunr's index the engine reads: each term's postings
 * (`{ _index, <field>: { <ref>: … } }`) and each field vector's elements.
 * A lunr.Index has them; `load` reads them straight from its JSON.
 */
export interface LunrTables {
  invertedIndex: Record<string, unknown>;
  fieldVectors: Record<string, { elements: number[] }>;
}

/** What the engine searches: lunr's index of characters and pairs, and the word table. */
export interface SearchIndex {
  lunr: lunr.Index | LunrTables;
  words: WordWeights;
}

/** lunr's serialized index: `[term, posting]` and `[field/ref, elements]` pairs. */
interface SerializedLunr {
  invertedIndex?: [string, unknown][];
  fieldVectors?: [string, number[]][];
  words?: WordWeights;
}

/**
 * The tables from lunr's JSON, as lunr.Index.load would make them, without
 * the rest of what it makes: it also builds a TokenSet of every term (an
 * automaton for lunr's own query syntax, which the engine never runs) and a
 * Vector object per field vector. That was most of a load: ~60 ms of ~100 ms
 * for the bundled report, on main's or the page's thread.
 */
function tablesOf(json: SerializedLunr): LunrTables {
  // Not an index at all: said, as lunr.Index.load did by throwing, so a caller falls back.
  if (!Array.isArray(json?.invertedIndex) || !Array.isArray(json.fieldVectors)) {
    throw new TypeError('not a serialized lunr index');
  }
  // No prototype, as lunr's own: a term such as `constructor` is just a term.
  const invertedIndex: Record<string, unknown> = Object.create(null);
  for (const [term, posting] of json.invertedIndex) invertedIndex[term] = posting;
  const fieldVectors: Record<string, { elements: number[] }> = Object.create(null);
  for (const [ref, elements] of json.fieldVectors) fieldVectors[ref] = { elements };
  return { invertedIndex, fieldVectors };
}

export interface SearchOptions {
  order?: SearchOrder;
  /** Also make a snippet per hit with matches (the CLI prints them; the app makes its own). */
  snippets?: boolean;
  /**
   * Match ranges (and snippets) only for the first this-many hits, in the
   * answer's order; every hit still has its `count`. Default: every hit.
   * Finding every range of a common word in thousands of blocks costs more
   * than the search; the app asks for one page and the rest when needed.
   */
  matchLimit?: number;
}

export class SearchEngine implements HitSource {
  private readonly order = new Map<string, number>();
  private readonly normalized: (Normalized | undefined)[];
  private readonly postings = new Map<string, Posting | null>();
  /** A keyword's blocks where it is a whole word, with its weight there; null for none. */
  private readonly wordPostings = new Map<string, Posting | null>();
  /** Each field's lunr vector elements, by block ordinal: looked up once, not per hit. */
  private readonly vectors: number[][][];
  private readonly index: LunrTables;
  private readonly words: WordWeights;

  constructor(
    index: SearchIndex,
    private readonly blocks: readonly Pick<Block, 'id' | 'text'>[],
  ) {
    // lunr.Index has both tables; its typings hide them.
    this.index = index.lunr as unknown as LunrTables;
    this.words = index.words;
    blocks.forEach((block, ordinal) => this.order.set(block.id, ordinal));
    this.normalized = new Array(blocks.length);
    // lunr keeps field vectors keyed by "field/ref".
    const fieldVectors = this.index.fieldVectors;
    this.vectors = FIELDS.map((field) =>
      blocks.map((block) => fieldVectors[`${field}/${block.id}`]?.elements ?? NO_ELEMENTS),
    );
  }

  static load(
    serialized: string | object,
    blocks: readonly Pick<Block, 'id' | 'text'>[],
  ): SearchEngine {
    const json = (
      typeof serialized === 'string' ? JSON.parse(serialized) : serialized
    ) as SerializedLunr;
    // An index built before the word table ranks without it.
    return new SearchEngine({ lunr: tablesOf(json), words: json.words ?? {} }, blocks);
  }

  normalizedText(ordinal: number): Normalized {
    return (this.normalized[ordinal] ??= normalizeWithMap(this.blocks[ordinal].text));
  }

  countHit(ordinal: number, keywords: string[]): number {
    const normalized = this.normalizedText(ordinal);
    return countHit(normalized.text, keywords, normalized, 0);
  }

  /** The term's blocks and weights, built once from lunr's index and kept. */
  posting(term: string): Posting | null {
    let posting = this.postings.get(term);
    if (posting !== undefined) return posting;
    // lunr's inverted index is an object keyed by term, with no prototype.
    const entry = this.index.invertedIndex[term] as
      ({ _index: number } & Record<string, Record<string, unknown>>) | undefined;
    if (!entry) {
      posting = null;
    } else {
      const ordinals = new Set<number>();
      for (const field of FIELDS) {
        for (const ref of Object.keys(entry[field] ?? {})) {
          const ordinal = this.order.get(ref);
          if (ordinal !== undefined) ordinals.add(ordinal);
        }
      }
      const blocks = Int32Array.from([...ordinals].sort((a, b) => a - b));
      const weights = new Float64Array(blocks.length);
      blocks.forEach((ordinal, i) => {
        for (const field of this.vectors) weights[i] += weightOf(field[ordinal], entry._index);
      });
      posting = { blocks, weights };
    }
    this.postings.set(term, posting);
    return posting;
  }

  /** Where a keyword is a whole word: its blocks and weights from the word table, built once and kept. */
  wordPosting(keyword: string): Posting | null {
    let posting = this.wordPostings.get(keyword);
    if (posting !== undefined) return posting;
    // The table is parsed JSON: an inherited key (`constructor`) is no word.
    const list = Object.hasOwn(this.words, keyword) ? this.words[keyword] : [];
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      const ordinal = this.order.get(list[i] as string);
      if (ordinal !== undefined) pairs.push([ordinal, list[i + 1] as number]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    posting =
      pairs.length === 0
        ? null
        : {
            blocks: Int32Array.from(pairs, ([ordinal]) => ordinal),
            weights: Float64Array.from(pairs, ([, weight]) => weight),
          };
    this.wordPostings.set(keyword, posting);
    return posting;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query, options.order);
    if (!parsed) return { query, hits: [], total: 0 };
    const found = findHits(this, parsed);
    const matchLimit = Math.min(options.matchLimit ?? Infinity, found.length);
    const hits = new Array<SearchHit>(found.length);
    let total = 0;
    for (let r = 0; r < found.length; r++) {
      const ordinal = found.ordinal(r);
      const hit: SearchHit = { block: this.blocks[ordinal].id, score: found.score(r), count: 0 };
      if (r < matchLimit) {
        // The ranges give the count: a hit of the page is never counted twice.
        const matches = findMatches(this.normalizedText(ordinal), parsed.keywords);
        hit.matches = matches;
        hit.count = matches.length;
        if (options.snippets) {
          hit.snippet = makeSnippet(this.blocks[ordinal].text, matches, parsed.keywords).text;
        }
      } else {
        hit.count = found.count(r);
      }
      total += hit.count;
      hits[r] = hit;
    }
    return { query, hits, total };
  }

  /** Every match of `query` in each of `blocks` (ids; unknown ones get none), as in a hit's `matches`. */
  matchesIn(query: string, blocks: string[]): [number, number][][] {
    const keywords = queryKeywords(query);
    return blocks.map((id) => {
      const ordinal = this.order.get(id);
      if (ordinal === undefined || keywords.length === 0) return [];
      return findMatches(this.normalizedText(ordinal), keywords);
    });
  }
}

/** The weight at `termIndex` in a lunr vector's [index, value, index, value, …] elements. */
function weightOf(elements: number[], termIndex: number): number {
  let low = 0;
  let high = elements.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const index = elements[middle * 2];
    if (index === termIndex) return elements[middle * 2 + 1];
    if (index < termIndex) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}
