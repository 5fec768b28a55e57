/**
 * The search session under Node: the real engine over the real report behind
 * a contract whose answers arrive only when a test lets them, in any order.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/api';
import type {
  SearchMatchesRequest,
  SearchMatchesResult,
  SearchRequest,
  SearchResult,
} from '../../../../src/shared/search';
import { MAX_QUERY_LENGTH, SEARCH_PAGE } from '../../../../src/shared/search';
import { SearchSession } from '../../../../src/renderer/features/search/search-session';
import { occurrencesInOrder } from '../../../../src/renderer/features/search/search-view';
import { loadEngine, loadReport } from '../../search/oracle';

const report = loadReport();
const order = new Map(report.blocks.map((block, index) => [block.id, index]));
const engine = loadEngine(report.blocks);

interface Pending<T> {
  request: T;
  answer(result?: Result<unknown>): Promise<void>;
}

/** A contract whose calls wait until the test answers them (with the engine's own answer by default). */
function heldApi() {
  const searches: Pending<SearchRequest>[] = [];
  const matches: Pending<SearchMatchesRequest>[] = [];
  function hold<T, V>(list: Pending<T>[], request: T, real: () => V): Promise<Result<V>> {
    return new Promise((resolve) => {
      list.push({
        request,
        answer: async (result) => {
          resolve((result ?? { ok: true, value: real() }) as Result<V>);
          // Let the session's then() run.
          await new Promise((done) => setTimeout(done, 0));
        },
      });
    });
  }
  return {
    searches,
    matches,
    api: {
      search: (request: SearchRequest) =>
        hold<SearchRequest, SearchResult>(searches, request, () =>
          engine.search(request.query, { matchLimit: request.matchLimit }),
        ),
      searchMatches: (request: SearchMatchesRequest) =>
        hold<SearchMatchesRequest, SearchMatchesResult>(matches, request, () =>
          engine.matchesIn(request.query, request.blocks),
        ),
    },
  };
}

function setup() {
  const held = heldApi();
  let clock = 0;
  const session = new SearchSession(held.api, order, () => ++clock);
  let notified = 0;
  session.subscribe(() => notified++);
  return { ...held, session, notifications: () => notified };
}

/** Every occurrence of a query in reading order, straight from the engine. */
const allOccurrences = (query: string) => occurrencesInOrder(engine.search(query).hits, order);

describe('search session', () => {
  it('searches each input and shows the answer with its occurrences', async () => {
    const { session, searches } = setup();
    session.input('月湖', false);
    expect(session.getSnapshot().query).toBe('月湖');
    expect(searches.map((s) => s.request)).toEqual([{ query: '月湖', matchLimit: SEARCH_PAGE }]);
    expect(session.getSnapshot().result).toBeNull();
    await searches[0].answer();
    const state = session.getSnapshot();
    expect(state.result?.total).toBe(engine.search('月湖').total);
    expect(state.occurrences).toEqual(allOccurrences('月湖'));
    expect(state.current).toBe(-1);
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const { session, searches } = setup();
    session.input('月', false);
    session.input('月湖', false);
    await searches[1].answer();
    await searches[0].answer();
    expect(session.getSnapshot().result?.query).toBe('月湖');
    expect(session.getSnapshot().occurrences).toEqual(allOccurrences('月湖'));
  });

  it('never searches in the middle of IME composition, then once for the composed text', async () => {
    const { session, searches } = setup();
    session.compositionStart();
    session.input('y', true);
    session.input('yue', true);
    // Some IMEs report isComposing false on the last input before compositionend.
    session.input('月', false);
    expect(searches).toHaveLength(0);
    expect(session.getSnapshot().query).toBe('月');
    session.compositionEnd('月湖');
    expect(searches.map((s) => s.request.query)).toEqual(['月湖']);
  });

  it('an empty or punctuation-only box clears the results without asking', async () => {
    const { session, searches } = setup();
    session.input('月湖', false);
    await searches[0].answer();
    session.input('，。：', false);
    expect(searches).toHaveLength(1);
    expect(session.getSnapshot().result).toBeNull();
    expect(session.getSnapshot().occurrences).toEqual([]);
    // The answer to a query typed before the box was emptied never comes back.
    session.input('发展', false);
    session.clear();
    await searches[1].answer();
    expect(session.getSnapshot().result).toBeNull();
    expect(session.getSnapshot().query).toBe('');
  });

  it('fills in the ranges past the first page, without counting as a new keystroke', async () => {
    const { session, searches, matches } = setup();
    session.input('发展', false);
    await searches[0].answer();
    const first = session.getSnapshot();
    const all = allOccurrences('发展');
    expect(first.result!.hits.length).toBeGreaterThan(SEARCH_PAGE);
    expect(first.occurrences.length).toBeLessThan(all.length);
    expect(matches).toHaveLength(1);
    expect(matches[0].request.blocks).toEqual(
      first.result!.hits.slice(SEARCH_PAGE).map((hit) => hit.block),
    );
    await matches[0].answer();
    const filled = session.getSnapshot();
    expect(filled.occurrences).toEqual(all);
    expect(filled.result!.hits.every((hit) => hit.matches)).toBe(true);
    expect(filled.typedAt).toBe(first.typedAt);
  });

  it('steps taken before every range is in land once they are, and add up', async () => {
    const { session, searches, matches } = setup();
    session.input('发展', false);
    await searches[0].answer();
    session.step(1, null);
    session.step(1, null);
    expect(session.getSnapshot().current).toBe(-1);
    await matches[0].answer();
    // From the top: the first step shows occurrence 0, the second occurrence 1.
    expect(session.getSnapshot().current).toBe(1);
  });

  it('steps wrap around, and the first step starts where the reader is', async () => {
    const { session, searches } = setup();
    session.input('月湖', false);
    await searches[0].answer();
    const all = allOccurrences('月湖');
    expect(all.length).toBeGreaterThan(2);
    const reading = all[2].block;
    const first = all.findIndex((occurrence) => occurrence.block === reading);
    session.step(1, reading);
    expect(session.getSnapshot().current).toBe(first);
    for (let i = 0; i <= first; i++) session.step(-1, reading);
    expect(session.getSnapshot().current).toBe(all.length - 1);
    session.step(1, reading);
    expect(session.getSnapshot().current).toBe(0);
  });

  it('choosing a result makes its first occurrence current', async () => {
    const { session, searches } = setup();
    session.input('月湖', false);
    await searches[0].answer();
    const all = allOccurrences('月湖');
    const last = all.at(-1)!.block;
    session.showBlock(last);
    expect(session.getSnapshot().current).toBe(all.findIndex((o) => o.block === last));
  });

  it('a refused search is said plainly, and no results of the query before it stay', async () => {
    const { session, searches } = setup();
    session.input('月湖', false);
    await searches[0].answer();
    session.step(1, null);
    session.input('月湖公园', false);
    await searches[1].answer({ ok: false, error: '索引未能加载' });
    const state = session.getSnapshot();
    expect(state.problem).toEqual({
      status: '搜索失败',
      message: '搜索没有完成：索引未能加载。请再试一次。',
    });
    expect(state.result).toBeNull();
    expect(state.occurrences).toEqual([]);
    expect(state.current).toBe(-1);
  });

  it('a query too long to search is not sent; it says so, and the earlier results go', async () => {
    const { session, searches } = setup();
    session.input('月湖', false);
    await searches[0].answer();
    const long = '月湖'.repeat(MAX_QUERY_LENGTH / 2) + '月';
    session.input(long, false);
    expect(searches).toHaveLength(1);
    const state = session.getSnapshot();
    expect(state.result).toBeNull();
    expect(state.occurrences).toEqual([]);
    expect(state.problem?.message).toBe(
      `搜索词太长：最多 ${MAX_QUERY_LENGTH} 个字，现在有 ${MAX_QUERY_LENGTH + 1} 个。请缩短后再搜。`,
    );
    // Exactly the limit is searched.
    session.input(long.slice(1), false);
    expect(searches).toHaveLength(2);
    expect(session.getSnapshot().problem).toBeNull();
  });

  it('punctuation alone says there is nothing to search for; an empty box says nothing', () => {
    const { session, searches } = setup();
    for (const text of ['^', '"', '，。：']) {
      session.input(text, false);
      expect(session.getSnapshot().problem?.message).toBe(
        '没有可搜索的文字：请输入汉字、字母或数字。',
      );
    }
    session.input('  ', false);
    expect(session.getSnapshot().problem).toBeNull();
    expect(searches).toHaveLength(0);
  });

  it('tells subscribers of each change, and keeps the snapshot when nothing changed', async () => {
    const { session, searches, notifications } = setup();
    const before = session.getSnapshot();
    expect(session.getSnapshot()).toBe(before);
    session.input('月湖', false);
    expect(notifications()).toBe(1);
    await searches[0].answer();
    expect(notifications()).toBe(2);
    expect(session.getSnapshot()).not.toBe(before);
  });

  it('a composition given up (its pinyin erased or Esc) keeps the results and the step reached', async () => {
    const { session, searches, matches } = setup();
    session.input('月湖', false);
    await searches[0].answer();
    if (matches.length > 0) await matches[0].answer();
    session.step(1, null);
    session.step(1, null);
    const before = session.getSnapshot();
    expect(before.current).toBe(1);
    // The reader starts typing another word with the input method, then gives it up.
    session.compositionStart();
    session.input('月湖hu', true);
    session.input('月湖', true);
    session.compositionEnd('月湖');
    expect(searches).toHaveLength(1);
    expect(session.getSnapshot().current).toBe(1);
    expect(session.getSnapshot().result).toBe(before.result);
    expect(session.getSnapshot().query).toBe('月湖');
    // A composition that ends on new words still searches them.
    session.compositionStart();
    session.input('月湖 xi', true);
    session.compositionEnd('月湖 西');
    expect(searches.map((s) => s.request.query)).toEqual(['月湖', '月湖 西']);
  });
});
