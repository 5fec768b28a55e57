/**
 * The first answer of the search across reports as the page gets it
 * (shelf-search.ts): every matching report counted, but snippets and places
 * for the first page of hits only (LIBRARY_FIRST_PAGE), and only those
 * reports' texts read; a later report's own hits when the page asks for them.
 * The reports' texts are counted as they are read.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import type { LibraryStore } from '../../../src/services/library/library-store';
import type { ReportSessions } from '../../../src/services/library/report-sessions';
import { shelfSearch } from '../../../src/services/library/shelf-search';
import type { ReportDocument } from '../../../src/shared/document';
import { LIBRARY_HITS_PER_REPORT, SEARCH_PAGE } from '../../../src/shared/search';
import { otherReportText } from './helpers';

const PLACES = ['江北', '鄞州', '镇海', '北仑', '奉化', '余姚'];
const QUERY = '改革';

/** A shelf of PLACES' reports, each found at once from an index built here; `read` counts whose text was read. */
function shelf() {
  const documents = new Map(
    PLACES.map((place, i) => [`r${i}`, parseReport(otherReportText(place)) as ReportDocument]),
  );
  const read: string[] = [];
  const reports = [...documents.keys()].map((id, i) => ({
    id,
    edition: id,
    title: `${PLACES[i]}报告`,
  }));
  const library = {
    view: () => ({ reports }),
    get: (id: string) => reports.find((report) => report.id === id),
  } as unknown as LibraryStore;
  const sessions = {
    written: async () => undefined,
    indexesComing: () => true,
    storedDocument: () => undefined,
    document: async (id: string) => {
      read.push(id);
      return documents.get(id)!;
    },
  } as unknown as ReportSessions;
  const search = shelfSearch({
    dataDir: '/nonexistent',
    library,
    sessions,
    indexer: { build: () => Promise.reject(new Error('no worker here')) },
  });
  return { search, read };
}

describe('the first answer across reports', () => {
  it('counts every matching report, but gives snippets and places to the first page only, reading only those reports', async () => {
    const { search, read } = shelf();
    // Every hit, for what the page should be: the reports' first hits in the answer's order.
    const every = await search.hits(QUERY, LIBRARY_HITS_PER_REPORT);
    const firstPage = every.groups
      .flatMap((group) => group.hits.map((hit) => `${group.report}/${hit.block}`))
      .slice(0, SEARCH_PAGE);
    expect(every.groups).toHaveLength(PLACES.length);
    expect(every.count).toBeGreaterThan(SEARCH_PAGE);
    read.length = 0;

    const page = await search.forPage(QUERY);
    expect(page.reports.map((group) => group.report)).toEqual(every.groups.map((g) => g.report));
    expect(page.reports.map((group) => [group.blocks, group.total])).toEqual(
      every.groups.map((group) => [group.count, group.total]),
    );
    const shown = page.reports.flatMap((group) =>
      group.hits.map((hit) => `${group.report}/${hit.block}`),
    );
    expect(shown).toEqual(firstPage);
    for (const group of page.reports) {
      for (const hit of group.hits) {
        expect(hit.snippet.text).toContain(QUERY);
        expect(hit.path).not.toBe('');
      }
    }
    const withHits = page.reports.filter((group) => group.hits.length > 0).map((g) => g.report);
    const later = page.reports.filter((group) => group.hits.length === 0);
    expect(later.length).toBeGreaterThan(0);
    for (const group of later) expect(group.blocks).toBeGreaterThan(0);
    // Only the shown reports' texts were read (for the hits' places).
    expect(read.sort()).toEqual(withHits.sort());
  });

  it('gives a later report its own hits when asked, reading that report alone', async () => {
    const { search, read } = shelf();
    const page = await search.forPage(QUERY);
    const later = page.reports.find((group) => group.hits.length === 0)!;
    read.length = 0;
    const own = await search.forReport(QUERY, later.report);
    expect(read).toEqual([later.report]);
    expect(own).toMatchObject({ report: later.report, title: later.title, blocks: later.blocks });
    expect(own!.hits).toHaveLength(Math.min(later.blocks, LIBRARY_HITS_PER_REPORT));
    for (const hit of own!.hits) expect(hit.snippet.text).toContain(QUERY);
    // The same hits, in the same order, as the report's group in the full answer.
    const every = await search.hits(QUERY, LIBRARY_HITS_PER_REPORT);
    const group = every.groups.find((candidate) => candidate.report === later.report)!;
    expect(own!.hits.map((hit) => hit.block)).toEqual(group.hits.map((hit) => hit.block));
    expect(await search.forReport('没有这个词组', later.report)).toBeNull();
  });
});
