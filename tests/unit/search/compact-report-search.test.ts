/**
 * A report searched through its compact index answers exactly as its own
 * engine (lunr) does: same hits in the same order, scores, counts, ranges,
 * snippets when asked, and the total; paged answers and the ranges asked
 * afterwards too. Main answers a report just added with it until the
 * engine's index is in, so a reader never sees the answer change.
 */
import { describe, expect, it } from 'vitest';
import { compactReportSearch } from '../../../src/core/search/compact-report-search';
import { segmentWords } from '../../../src/services/search/words';
import type { SearchOrder } from '../../../src/shared/search';
import { generateReport } from '../../support/generated-reports';
import { REALISTIC_QUERIES, loadEngine, loadReport, mulberry32, randomInt } from './oracle';

const bundled = loadReport().blocks;
const REPORTS = { bundled, generated: generateReport(bundled, 3) };

function randomQueries(blocks: typeof bundled, count: number): string[] {
  const random = mulberry32(20180207);
  const texts = blocks.map((block) => block.text).filter((text) => text.length > 8);
  return Array.from({ length: count }, () => {
    const text = texts[randomInt(random, 0, texts.length - 1)];
    const length = randomInt(random, 1, 6);
    const start = randomInt(random, 0, text.length - length);
    return text.slice(start, start + length);
  });
}

describe.each(Object.entries(REPORTS))('%s', (_, blocks) => {
  const engine = loadEngine(blocks);
  const compact = compactReportSearch(blocks, segmentWords);
  const queries = [
    ...REALISTIC_QUERIES,
    ...randomQueries(blocks, 80),
    '的',
    '发展 海曙',
    '00',
    '',
    '、。',
    'foo:bar~',
  ];

  it.each<SearchOrder>(['relevance', 'document'])(
    '%s: the engine’s answer, whole, paged and with snippets',
    (order) => {
      const differences: string[] = [];
      for (const query of queries) {
        for (const options of [{ order }, { order, matchLimit: 5 }, { order, snippets: true }]) {
          const own = JSON.stringify(engine.search(query, options));
          if (JSON.stringify(compact.search(query, options)) !== own) {
            differences.push(`${query} ${JSON.stringify(options)}`);
          }
        }
      }
      expect(differences).toEqual([]);
    },
  );

  it('the ranges of hits past a page are the engine’s', () => {
    for (const query of ['发展', '建设', '的', '年 工作']) {
      const ids = engine.search(query).hits.map((hit) => hit.block);
      expect(ids.length).toBeGreaterThan(0);
      expect(compact.matchesIn(query, [...ids, 'no-such-block'])).toEqual(
        engine.matchesIn(query, [...ids, 'no-such-block']),
      );
    }
  });
});
