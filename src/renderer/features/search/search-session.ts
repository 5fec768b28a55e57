/**
 * Search as you type, as a store outside React (the renderer's one pattern,
 * src/renderer/store.ts): never in the middle of IME composition; stale
 * answers dropped; every occurrence known, one of them current. Pure
 * TypeScript, tested under Node with a fake contract.
 *
 * A keystroke or an answer wakes only the components that show search (box,
 * results, 目录 counts, highlights), not the whole reader around them.
 *
 * From main, the first answer carries match ranges for one page of hits
 * (SEARCH_PAGE) and a count for every hit: enough to paint the count, the
 * list, the 目录 counts and the first highlights. The other hits' ranges
 * follow in a second call (`searchMatches`), off the keystroke's path; a step
 * taken before they are in waits for them, so `第 k/N 处` always counts
 * through all N. The page's own copy of the engine (local-search.ts) gives
 * every hit's ranges in its first answer.
 */
import type { ScopedApi } from '../../api/scoped';
import { MAX_QUERY_LENGTH, SEARCH_PAGE, type SearchResult } from '../../../shared/search';
import { inputTime } from '../../instrumentation';
import { Store } from '../../store';
import { firstOccurrenceFrom, occurrencesInOrder, type Occurrence } from './search-view';

export interface SearchSnapshot {
  /** What is in the box. */
  readonly query: string;
  /**
   * The answer to the latest query sent (null before any, or for an empty
   * box), with the ranges of hits past the first page filled in once they arrive.
   */
  readonly result: SearchResult | null;
  /** Index into `occurrences` of the current one, or -1. */
  readonly current: number;
  /** Every occurrence in reading order (those of hits whose ranges are in). */
  readonly occurrences: readonly Occurrence[];
  /** When the input behind `result` happened (inputTime()), for the latency measure. */
  readonly typedAt: number;
  /** The results list in reading order (按原文顺序) rather than by relevance. */
  readonly inDocumentOrder: boolean;
  /** Why the text in the box was not searched, or its search failed; said instead of results. */
  readonly problem: SearchProblem | null;
}

/** What the reader is told instead of results: a short status and a sentence. */
export interface SearchProblem {
  readonly status: string;
  readonly message: string;
}

/** Says why `text` cannot be searched for, or null when it can (or the box is empty). */
export function queryProblem(text: string): SearchProblem | null {
  if (text.trim() === '') return null;
  if (text.length > MAX_QUERY_LENGTH) {
    return {
      status: '搜索词过长',
      message: `搜索词太长：最多 ${MAX_QUERY_LENGTH} 个字，现在有 ${text.length} 个。请缩短后再搜。`,
    };
  }
  // Punctuation and symbols alone (^, "，) are not indexed: there is nothing to look for.
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return { status: '无可搜索的字', message: '没有可搜索的文字：请输入汉字、字母或数字。' };
  }
  return null;
}

const failed = (error: string): SearchProblem => ({
  status: '搜索失败',
  message: `搜索没有完成：${error.replace(/[。.]$/u, '')}。请再试一次。`,
});

export type SearchApi = Pick<ScopedApi, 'search' | 'searchMatches'>;
/** Picks the current occurrence, given them all and the one current before. */
type Choose = (occurrences: readonly Occurrence[], current: number) => number;

const EMPTY: SearchSnapshot = {
  query: '',
  result: null,
  current: -1,
  occurrences: [],
  typedAt: 0,
  inDocumentOrder: false,
  problem: null,
};

/** The occurrence after (1) or before (-1) `index`; the first step (-1) starts where the reader is. */
function stepFrom(
  occurrences: readonly Occurrence[],
  blockOrder: ReadonlyMap<string, number>,
  index: number,
  direction: 1 | -1,
  from: string | null,
): number {
  if (occurrences.length === 0) return -1;
  if (index < 0) {
    const first = firstOccurrenceFrom(occurrences, blockOrder, from);
    return direction === 1 ? first : (first - 1 + occurrences.length) % occurrences.length;
  }
  return (index + direction + occurrences.length) % occurrences.length;
}

export class SearchSession extends Store<SearchSnapshot> {
  private composing = false;
  /** The query whose results stand (or are on their way); null after a failure, to be tried again. */
  private ran: string | null = null;
  /** Numbers each search sent; only the latest one's answers are kept. */
  private ticket = 0;
  /** A step or choice made before every range was in: applied once they are. */
  private pending: Choose | null = null;
  /** Told of every query run (the search across reports follows the box). */
  private readonly runListeners = new Set<(query: string) => void>();

  constructor(
    private readonly api: SearchApi,
    private readonly blockOrder: ReadonlyMap<string, number>,
    private readonly now: () => number = inputTime,
  ) {
    super(EMPTY);
  }

  /** True until every hit's ranges are in. */
  private get complete(): boolean {
    return this.getSnapshot().result?.hits.every((hit) => hit.matches) ?? true;
  }

  /** The box's text changed; `isComposing` from the input event. */
  input(text: string, isComposing: boolean): void {
    if (isComposing || this.composing) this.set({ query: text });
    else this.run(text);
  }

  compositionStart(): void {
    this.composing = true;
  }

  compositionEnd(text: string): void {
    this.composing = false;
    // A composition given up (its pinyin erased, or Esc) leaves the words
    // searched already: searching them again lost the step reached (第 2/12 处
    // became 共 12 处, and Enter went back to the first).
    if (text === this.ran) this.set({ query: text });
    else this.run(text);
  }

  clear(): void {
    this.input('', false);
  }

  /** Calls `listener` with each query run, never mid-composition; answers the stop. */
  onRun(listener: (query: string) => void): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  private run(text: string): void {
    const ticket = ++this.ticket;
    this.ran = text;
    for (const listener of this.runListeners) listener(text);
    const typedAt = this.now();
    this.pending = null;
    // Nothing to look for (an empty box, punctuation only, a pasted page):
    // no search, and no results of an earlier query left standing either.
    const problem = queryProblem(text);
    if (problem || text.trim() === '') {
      this.set({ query: text, result: null, current: -1, occurrences: [], typedAt, problem });
      return;
    }
    this.set({ query: text, problem: null });
    void this.api.search({ query: text, matchLimit: SEARCH_PAGE }).then((answer) => {
      // A slower answer to an older query must not replace a newer one.
      if (ticket !== this.ticket) return;
      if (!answer.ok) return this.fail(answer.error, typedAt);
      const result = answer.value;
      this.set({
        result,
        current: -1,
        occurrences: occurrencesInOrder(result.hits, this.blockOrder),
        typedAt,
        problem: null,
      });
      const missing = result.hits.filter((hit) => !hit.matches).map((hit) => hit.block);
      if (missing.length > 0) this.fetchRest(ticket, text, result, missing);
    });
  }

  private fetchRest(ticket: number, text: string, first: SearchResult, missing: string[]): void {
    void this.api.searchMatches({ query: text, blocks: missing }).then((more) => {
      if (ticket !== this.ticket) return;
      if (!more.ok) return this.fail(more.error, this.getSnapshot().typedAt);
      const matches = new Map(missing.map((block, i) => [block, more.value[i]]));
      const hits = first.hits.map((hit) =>
        hit.matches ? hit : { ...hit, matches: matches.get(hit.block) },
      );
      const occurrences = occurrencesInOrder(hits, this.blockOrder);
      const choose = this.pending;
      this.pending = null;
      this.set({
        result: { ...first, hits },
        occurrences,
        // While ranges were missing nothing was current: the steps start from none.
        ...(choose ? { current: choose(occurrences, -1) } : {}),
      });
    });
  }

  /** A search main could not answer: said in place of the results, none of an older query kept. */
  private fail(error: string, typedAt: number): void {
    this.pending = null;
    this.ran = null;
    this.set({ result: null, current: -1, occurrences: [], typedAt, problem: failed(error) });
  }

  /** Applies a choice now, or once every range is in. */
  private choose(choose: Choose): void {
    if (this.complete) {
      const { occurrences, current } = this.getSnapshot();
      this.set({ current: choose(occurrences, current) });
      return;
    }
    // Steps taken while waiting add up: two presses of F3 move two places.
    const previous = this.pending;
    this.pending = previous ? (all, current) => choose(all, previous(all, current)) : choose;
  }

  /** Moves to the next (1) or previous (-1) occurrence; the first step starts where the reader is. */
  step(direction: 1 | -1, from: string | null): void {
    this.choose((all, current) => stepFrom(all, this.blockOrder, current, direction, from));
  }

  /** Orders the results list by relevance (false) or in reading order (true). */
  setDocumentOrder(inDocumentOrder: boolean): void {
    this.set({ inDocumentOrder });
  }

  /** Makes the first occurrence in a block current (a result was chosen from the list). */
  showBlock(block: string): void {
    this.choose((all) => all.findIndex((occurrence) => occurrence.block === block));
  }
}
