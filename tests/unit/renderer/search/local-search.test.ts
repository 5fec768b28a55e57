/**
 * The page's own copy of the search engine (features/search/local-search.ts), under Node:
 * made from the text main's services hand over, it must answer exactly as
 * main does, and leave to main everything it cannot answer itself.
 */
import { forReport } from '../../../support/report-handlers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServiceHandlers, Result } from '../../../../src/shared/api';
import { MAX_QUERY_LENGTH, type SearchRequest } from '../../../../src/shared/search';
import { createReaderServices } from '../../../../src/services/reader-services';
import { buildSearchIndex } from '../../../../src/core/search/build-index';
import { segmentWords } from '../../../../src/services/search/words';
import { localSearch, RETRY_AFTER_MS } from '../../../../src/renderer/features/search/local-search';
import { loadReport, mulberry32, randomInt } from '../../search/oracle';

const report = loadReport();
const serializedIndex = JSON.stringify(buildSearchIndex(report.blocks, segmentWords));
let dataDir: string;
let handlers: ServiceHandlers;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-search-'));
  handlers = forReport(
    (
      await createReaderServices({
        dataDir,
        document: report,
        loadSearchIndex: async () => serializedIndex,
      })
    ).handlers,
  );
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Main's services as the renderer's contract, counting the searches that reach them. */
function mainApi() {
  const asked: string[] = [];
  return {
    asked,
    api: {
      search: (request: SearchRequest) => {
        asked.push(`search ${request.query}`);
        return handlers.search(request);
      },
      searchMatches: (request: { query: string; blocks: string[] }) => {
        asked.push(`searchMatches ${request.query}`);
        return handlers.searchMatches(request);
      },
      getSearchIndex: () => handlers.getSearchIndex(undefined),
    },
  };
}

/** Queries the report answers in every way: random substrings, words, several keywords, syntax. */
function queries(): string[] {
  const random = mulberry32(20180207);
  const texts = report.blocks.map((block) => block.text).filter((text) => text.length > 8);
  const picked = Array.from({ length: 120 }, () => {
    const text = texts[randomInt(random, 0, texts.length - 1)];
    const length = randomInt(random, 1, 6);
    const start = randomInt(random, 0, text.length - length);
    return text.slice(start, start + length);
  });
  return [
    ...picked,
    '污水零直排',
    '５Ｇ',
    '2018年',
    '创新 人才',
    'foo:',
    '+海曙 -发展',
    '~',
    '、。',
  ];
}

describe('the page’s copy of the search engine', () => {
  it('answers every query as main does, ranked and in document order, without asking main', async () => {
    const main = mainApi();
    const local = localSearch(main.api, report.blocks);
    expect(await local.load()).toBe(true);
    for (const query of queries()) {
      for (const order of ['relevance', 'document'] as const) {
        const here = await local.search({ query, order, matchLimit: 20 });
        // Here every hit has its ranges at once: main's answer with no limit.
        expect(here, `${query} ${order}`).toEqual(await handlers.search({ query, order }));
      }
      const blocks = report.blocks.slice(0, 40).map((block) => block.id);
      expect(await local.searchMatches({ query, blocks })).toEqual(
        await handlers.searchMatches({ query, blocks }),
      );
    }
    expect(main.asked).toEqual([]);
  });

  it('leaves searches to main until the copy is made, and makes it once', async () => {
    const main = mainApi();
    const getSearchIndex = vi.fn(main.api.getSearchIndex);
    const local = localSearch({ ...main.api, getSearchIndex }, report.blocks);
    const before = await local.search({ query: '月湖', matchLimit: 20 });
    expect(before).toEqual(await handlers.search({ query: '月湖', matchLimit: 20 }));
    expect(main.asked).toEqual(['search 月湖']);
    const [first, second] = await Promise.all([local.load(), local.load()]);
    expect([first, second, await local.load()]).toEqual([true, true, true]);
    expect(getSearchIndex).toHaveBeenCalledTimes(1);
    await local.search({ query: '月湖' });
    expect(main.asked).toEqual(['search 月湖']);
  });

  it('leaves to main a query main refuses, so the reader is told why', async () => {
    const main = mainApi();
    const local = localSearch(main.api, report.blocks);
    await local.load();
    const long = '海'.repeat(MAX_QUERY_LENGTH + 1);
    const answer = await local.search({ query: long });
    expect(answer.ok).toBe(false);
    expect(main.asked).toEqual([`search ${long}`]);
    const matches = await local.searchMatches({ query: long, blocks: ['p1'] });
    expect(matches.ok).toBe(false);
  });

  it('without the index, says so and leaves searches to main; a search after the wait tries again', async () => {
    const main = mainApi();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let clock = 0;
    let refuse = true;
    const getSearchIndex = vi.fn(async (): Promise<Result<string>> =>
      refuse ? { ok: false, error: '索引不可读' } : main.api.getSearchIndex(),
    );
    const ready = vi.fn();
    const local = localSearch({ ...main.api, getSearchIndex }, report.blocks, {
      now: () => clock,
      onReady: ready,
    });
    expect(await local.load()).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][1])).toContain('索引不可读');
    // Within the wait: main answers, and nothing is tried again.
    clock = RETRY_AFTER_MS - 1;
    expect(await local.search({ query: '民生实事' })).toEqual(
      await handlers.search({ query: '民生实事' }),
    );
    expect(await local.load()).toBe(false);
    expect(getSearchIndex).toHaveBeenCalledTimes(1);
    // After it, main is back: a search (still answered by main) makes the copy.
    clock = RETRY_AFTER_MS;
    refuse = false;
    await local.search({ query: '月湖' });
    expect(getSearchIndex).toHaveBeenCalledTimes(2);
    expect(await local.load()).toBe(true);
    expect(ready).toHaveBeenCalledTimes(1);
    await local.search({ query: '5G' });
    expect(main.asked).toEqual(['search 民生实事', 'search 月湖']);
    warn.mockRestore();
  });

  it('leaves a search to main when its own engine fails', async () => {
    const main = mainApi();
    const broken = {
      SearchEngine: {
        load: () => ({
          search: () => {
            throw new Error('broken copy');
          },
          matchesIn: () => {
            throw new Error('broken copy');
          },
        }),
      },
    } as unknown as typeof import('../../../../src/core/search/engine');
    const local = localSearch(main.api, report.blocks, { loadEngine: async () => broken });
    expect(await local.load()).toBe(true);
    expect(await local.search({ query: '5G' })).toEqual(await handlers.search({ query: '5G' }));
    expect(main.asked).toEqual(['search 5G']);
  });

  it('main hands over the very index it searches with', async () => {
    expect(await handlers.getSearchIndex(undefined)).toEqual({ ok: true, value: serializedIndex });
    expect((await handlers.getSearchIndex({ extra: 1 })).ok).toBe(false);
  });
});
