/**
 * Search across the shelf through the contract finds exactly what Ctrl+F
 * finds in each report: the same blocks and the same matches as an
 * independent brute-force oracle (tests/unit/search/oracle.ts), grouped by
 * report with each hit's place and a snippet; a report taken off the shelf
 * leaves the answers, one put back joins them again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import type { ServiceHandlers } from '../../../src/shared/api';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { mulberry32, Oracle, randomInt, REALISTIC_QUERIES } from '../search/oracle';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { BUNDLED, ok, openLibrary, otherReportText, utf8 } from './helpers';

const OTHER_TEXT = otherReportText('江北', '2019年1月8日');
const OTHER = parseReport(OTHER_TEXT);

function queries(): string[] {
  const random = mulberry32(20190108);
  const texts = [...BUNDLED.blocks, ...OTHER.blocks].map((b) => b.text).filter((t) => t.length > 8);
  const picked = Array.from({ length: 60 }, () => {
    const text = texts[randomInt(random, 0, texts.length - 1)];
    const length = randomInt(random, 1, 6);
    const start = randomInt(random, 0, text.length - length);
    return text.slice(start, start + length);
  });
  return [...REALISTIC_QUERIES, '江北', '海曙', '江北 海曙', ...picked];
}

let dir: string;
let handlers: ServiceHandlers;
let other: string;

beforeAll(async () => {
  dir = await makeTempDir('library-search');
  ({ handlers } = await openLibrary(dir));
  other = ok(await handlers.addReport({ fileName: '江北.txt', bytes: utf8(OTHER_TEXT) })).report.id;
});
afterAll(() => removeTempDir(dir));

describe('searchLibrary', () => {
  it('finds in each report what the oracle finds, every hit counted, with its place and a marked snippet', async () => {
    const oracles = {
      [BUNDLED_REPORT_ID]: new Oracle(BUNDLED.blocks),
      [other]: new Oracle(OTHER.blocks),
    };
    for (const query of queries()) {
      const found = ok(await handlers.searchLibrary({ query }));
      for (const [id, oracle] of Object.entries(oracles)) {
        const expected = oracle.search(query);
        const counted = found.reports.find((candidate) => candidate.report === id);
        // Its own hits, every one (the first page across reports shows some).
        const group = ok(
          await handlers.searchLibraryReport({ query, report: id, hitsPerReport: 200 }),
        );
        if (expected.length === 0) {
          expect(counted, `${query} in ${id}`).toBeUndefined();
          expect(group, `${query} in ${id}`).toBeNull();
          continue;
        }
        const total = expected.reduce((sum, hit) => sum + hit.matches.length, 0);
        expect(counted!.blocks, `${query} in ${id}`).toBe(expected.length);
        expect(counted!.total, `${query} in ${id}`).toBe(total);
        expect(group!.blocks, `${query} in ${id}`).toBe(expected.length);
        expect(group!.total, `${query} in ${id}`).toBe(total);
        expect(group!.hits.map((hit) => hit.block).sort()).toEqual(
          expected.map((hit) => hit.block).sort(),
        );
        for (const hit of group!.hits) {
          const want = expected.find((candidate) => candidate.block === hit.block)!;
          expect(hit.count).toBe(want.matches.length);
          for (const [start, end] of hit.snippet.marks) {
            expect(start).toBeLessThan(end);
            expect(end).toBeLessThanOrEqual(hit.snippet.text.length);
          }
        }
      }
      expect(found.total).toBe(found.reports.reduce((sum, group) => sum + group.total, 0));
    }
  });

  it('lists a page of hits per report, counts the rest, and names each report as the shelf does', async () => {
    const found = ok(await handlers.searchLibrary({ query: '发展', hitsPerReport: 3 }));
    expect(found.reports.map((group) => group.title).sort()).toEqual(
      ['2018年海曙区政府工作报告', '2019年江北区政府工作报告'].sort(),
    );
    for (const group of found.reports) {
      expect(group.hits).toHaveLength(3);
      expect(group.blocks).toBeGreaterThan(3);
    }
    const placed = ok(await handlers.searchLibrary({ query: '污水零直排区' }));
    const hits = placed.reports.find((group) => group.report === BUNDLED_REPORT_ID)!.hits;
    const hit = hits.find((candidate) => candidate.block === 'b11')!;
    expect(hit.path).toBe('一、2017年工作回顾 › （四）城乡环境不断改善');
    const [start, end] = hit.snippet.marks[0];
    expect(hit.snippet.text.slice(start, end)).toBe('污水零直排区');
  });

  it('a report taken off the shelf leaves the answers; put back, it joins them again', async () => {
    const ids = async () =>
      ok(await handlers.searchLibrary({ query: '区人民政府' })).reports.map(
        (group) => group.report,
      );
    expect((await ids()).sort()).toEqual([BUNDLED_REPORT_ID, other].sort());
    ok(await handlers.removeReport({ report: other }));
    expect(await ids()).toEqual([BUNDLED_REPORT_ID]);
    ok(await handlers.restoreReport({ report: other }));
    expect((await ids()).sort()).toEqual([BUNDLED_REPORT_ID, other].sort());
    expect(ok(await handlers.searchLibrary({ query: '、，' })).reports).toEqual([]);
  });
});
