/**
 * The library's search over libraries shaped like the multisearch bench's
 * (bench/multisearch.ts: digit-shifted copies of the bundled report, and
 * generated reports of other districts), with the bench's own queries: every
 * hit, count, range and total is what a substring scan (the oracle) finds;
 * the order is the scores' (ties in document order, reports by their best
 * hit, ties in library order); and a paged answer (ranges for the first
 * hits only, or a few hits per report) is the full answer cut, not another.
 *
 * Ten reports: enough that a common character is a hit in hundreds of
 * blocks, where the ranking takes its counting sort (hit-set.ts).
 */
import { describe, it, expect } from 'vitest';
import type { CrossReportGroup, CrossReportResult, SearchOrder } from '../../../src/shared/search';
import { CrossReportSearch } from '../../../src/core/search/cross-report';
import { segmentWords } from '../../../src/services/search/words';
import { LIBRARY_KINDS, libraryQueries, makeLibrary } from '../../../bench/multisearch';
import { Oracle, loadReport } from './oracle';

const SIZE = 10;
const bundled = loadReport().blocks;

const libraries = LIBRARY_KINDS.map((kind) => {
  const library = makeLibrary(kind, SIZE, bundled);
  const search = new CrossReportSearch();
  for (const { id, blocks } of library) search.add(id, blocks, { segmentWords });
  return {
    kind,
    library,
    search,
    queries: libraryQueries(library, kind),
    oracles: library.map(({ blocks }) => new Oracle(blocks)),
    /** Per report, its blocks' document order. */
    places: library.map(({ blocks }) => new Map(blocks.map((block, place) => [block.id, place]))),
  };
});

type Library = (typeof libraries)[number];

/** What differs between the answer and the oracle's hits, counts, ranges and totals (empty when nothing). */
function differencesFromOracle(
  { library, oracles, places }: Library,
  query: string,
  result: CrossReportResult,
): string[] {
  const differences: string[] = [];
  let count = 0;
  let total = 0;
  library.forEach(({ id }, r) => {
    const expected = oracles[r].search(query);
    const group = result.groups.find((candidate) => candidate.report === id);
    const hits = [...(group?.hits ?? [])].sort(
      (a, b) => places[r].get(a.block)! - places[r].get(b.block)!,
    );
    const found = hits.map((hit) => ({ block: hit.block, count: hit.count, matches: hit.matches }));
    const wanted = expected.map((hit) => ({
      block: hit.block,
      count: hit.matches.length,
      matches: hit.matches,
    }));
    if (JSON.stringify(found) !== JSON.stringify(wanted)) differences.push(`${id}: hits`);
    const reportTotal = expected.reduce((sum, hit) => sum + hit.matches.length, 0);
    if (expected.length > 0 && (group?.count !== expected.length || group.total !== reportTotal)) {
      differences.push(`${id}: count or total`);
    }
    count += expected.length;
    total += reportTotal;
  });
  if (result.count !== count || result.total !== total) differences.push('count or total');
  return differences.map((difference) => `${query} — ${difference}`);
}

/** What breaks the answer's order: by score within a report (ties in document order), reports by their best. */
function orderProblems(
  { library, places }: Library,
  query: string,
  result: CrossReportResult,
  order: SearchOrder,
): string[] {
  const problems: string[] = [];
  const libraryPlace = new Map(library.map(({ id }, r) => [id, r]));
  const before = (a: CrossReportGroup, b: CrossReportGroup) =>
    order === 'document'
      ? libraryPlace.get(a.report)! < libraryPlace.get(b.report)!
      : a.hits[0].score > b.hits[0].score ||
        (a.hits[0].score === b.hits[0].score &&
          libraryPlace.get(a.report)! < libraryPlace.get(b.report)!);
  result.groups.forEach((group, g) => {
    if (g > 0 && !before(result.groups[g - 1], group)) problems.push(`${query}: group ${g}`);
    const place = places[libraryPlace.get(group.report)!];
    group.hits.forEach((hit, h) => {
      if (h === 0) return;
      const previous = group.hits[h - 1];
      const inOrder =
        order === 'document'
          ? place.get(previous.block)! < place.get(hit.block)!
          : previous.score > hit.score ||
            (previous.score === hit.score && place.get(previous.block)! < place.get(hit.block)!);
      if (!inOrder) problems.push(`${query}: ${group.report} hit ${h}`);
    });
  });
  return problems;
}

describe.each(libraries)('$kind ×10, every query of the bench', (lib) => {
  it('has the bench’s queries, some with hundreds of hits', () => {
    const hitCounts = lib.queries.map((query) => lib.search.search(query, { matchLimit: 0 }).count);
    expect(Math.max(...hitCounts)).toBeGreaterThan(300);
    expect(hitCounts.filter((count) => count >= 256).length).toBeGreaterThanOrEqual(2);
    expect(lib.queries.length).toBeGreaterThan(130);
  });

  it.each<SearchOrder>(['relevance', 'document'])(
    '%s: every hit, count, range and total is the scan’s, in the answer’s order',
    (order) => {
      const differences: string[] = [];
      for (const query of lib.queries) {
        const result = lib.search.search(query, { order });
        differences.push(...differencesFromOracle(lib, query, result));
        differences.push(...orderProblems(lib, query, result, order));
      }
      expect(differences).toEqual([]);
    },
  );

  it('the app’s call (ranges for one page) and a few hits per report are the full answer, cut', () => {
    const differences: string[] = [];
    for (const query of lib.queries) {
      const full = lib.search.search(query);
      const paged = lib.search.search(query, { matchLimit: 20 });
      // Ranges and snippets for the first 20 hits in the answer's order, counts for all.
      let detailed = 20;
      const cut = full.groups.map((group) => ({
        ...group,
        hits: group.hits.map((hit) => {
          if (detailed-- > 0) return hit;
          const { matches: _m, snippet: _s, snippetMarks: _k, ...rest } = hit;
          return rest;
        }),
      }));
      if (JSON.stringify(paged) !== JSON.stringify({ ...full, groups: cut })) {
        differences.push(`${query}: matchLimit`);
      }
      const few = lib.search.search(query, { limit: 3 });
      const firstThree = full.groups.map((group) => ({ ...group, hits: group.hits.slice(0, 3) }));
      if (JSON.stringify(few) !== JSON.stringify({ ...full, groups: firstThree })) {
        differences.push(`${query}: limit`);
      }
    }
    expect(differences).toEqual([]);
  });
});
