/**
 * Search across reports finds exactly what Ctrl+F finds in each report: the
 * same blocks and the same match ranges as an independent brute-force oracle
 * (tests/unit/search/oracle.ts) and as each report's own engine, grouped by
 * report, most matches first; reports leave and join it as the shelf changes.
 */
import { describe, expect, it } from 'vitest';
import { plainCrossReportSearch } from '../../../src/core/search/cross-report';
import { parseReport } from '../../../src/core/report/parse-report';
import { buildSearchIndex } from '../../../src/core/search/build-index';
import { SearchEngine } from '../../../src/core/search/engine';
import { segmentWords } from '../../../src/services/search/words';
import { mulberry32, Oracle, randomInt, REALISTIC_QUERIES } from '../search/oracle';
import { BUNDLED, otherReportText } from './helpers';

const OTHER = parseReport(otherReportText('江北', '2019年1月8日'));
const reports = { bundled: BUNDLED, other: OTHER };

function queries(): string[] {
  const random = mulberry32(20190108);
  const texts = [...BUNDLED.blocks, ...OTHER.blocks].map((b) => b.text).filter((t) => t.length > 8);
  const picked = Array.from({ length: 150 }, () => {
    const text = texts[randomInt(random, 0, texts.length - 1)];
    const length = randomInt(random, 1, 6);
    const start = randomInt(random, 0, text.length - length);
    return text.slice(start, start + length);
  });
  return [...REALISTIC_QUERIES, '江北', '海曙', '江北 海曙', ...picked];
}

describe('the plain search across reports', () => {
  const search = plainCrossReportSearch();
  for (const [id, document] of Object.entries(reports)) search.add(id, document.blocks);
  const oracles = Object.fromEntries(
    Object.entries(reports).map(([id, document]) => [id, new Oracle(document.blocks)]),
  );
  const engines = Object.fromEntries(
    Object.entries(reports).map(([id, document]) => [
      id,
      new SearchEngine(buildSearchIndex(document.blocks, segmentWords), document.blocks),
    ]),
  );

  it('finds in each report what the oracle finds, with the same ranges, and every hit counted', () => {
    for (const query of queries()) {
      const found = search.search(query, { hitsPerReport: Infinity });
      for (const id of Object.keys(reports)) {
        const expected = oracles[id].search(query);
        const group = found.reports.find((candidate) => candidate.report === id);
        if (expected.length === 0) {
          expect(group, `${query} in ${id}`).toBeUndefined();
          continue;
        }
        const byBlock = <T extends { block: string }>(hits: T[]) =>
          [...hits].sort((a, b) => a.block.localeCompare(b.block));
        expect(
          byBlock(group!.hits).map((hit) => [hit.block, hit.matches]),
          `${query} in ${id}`,
        ).toEqual(byBlock(expected).map((hit) => [hit.block, hit.matches]));
        const total = expected.reduce((sum, hit) => sum + hit.matches.length, 0);
        expect(group!.total).toBe(total);
        expect(group!.blocks).toBe(expected.length);
        // Each report's own engine agrees.
        const own = engines[id].search(query);
        expect(own.total, `${query} engine ${id}`).toBe(total);
      }
      expect(found.total).toBe(found.reports.reduce((sum, group) => sum + group.total, 0));
    }
  });

  it('ranks reports by their matches and hits by theirs; shows a page, counts the rest', () => {
    const found = search.search('海曙', { hitsPerReport: 3 });
    expect(found.reports.map((group) => group.report)).toEqual(['bundled']);
    const both = search.search('发展', { hitsPerReport: 3 });
    expect(both.reports).toHaveLength(2);
    expect(both.reports[0].total).toBeGreaterThanOrEqual(both.reports[1].total);
    for (const group of both.reports) {
      expect(group.hits).toHaveLength(3);
      expect(group.blocks).toBeGreaterThan(3);
      const counts = group.hits.map((hit) => hit.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  it('a report that leaves is not searched; nothing to look for finds nothing', () => {
    const local = plainCrossReportSearch();
    local.add('other', OTHER.blocks);
    expect(local.search('江北').reports).toHaveLength(1);
    local.remove('other');
    expect(local.has('other')).toBe(false);
    expect(local.search('江北')).toEqual({ query: '江北', total: 0, reports: [] });
    expect(search.search('、，').reports).toEqual([]);
  });
});
