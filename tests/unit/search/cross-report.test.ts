/**
 * The library's search across reports: for every report, exactly the hits a
 * substring scan finds (the oracle), and exactly the answer the report's own
 * engine gives (same blocks, order, scores, counts and ranges), grouped by
 * report; adding, replacing and removing a report keep it so.
 */
import { describe, it, expect } from 'vitest';
import type { Block } from '../../../src/shared/document';
import type { CrossReportResult, SearchOrder } from '../../../src/shared/search';
import { CrossReportSearch } from '../../../src/core/search/cross-report';
import type { SearchEngine } from '../../../src/core/search/engine';
import { segmentWords } from '../../../src/services/search/words';
import { generateReport } from '../../support/generated-reports';
import { Oracle, REALISTIC_QUERIES, loadEngine, loadReport, mulberry32, randomInt } from './oracle';

const bundled = loadReport().blocks;
const shifted = bundled.map((block) => ({
  ...block,
  text: block.text.replace(/[0-9]/gu, (digit) => String((Number(digit) + 3) % 10)),
}));
const awkward: Block[] = [
  '完成 2018 年 目标',
  '５Ｇ基站与ＰＰＰ模式',
  'Reader~2 foo:bar +海曙 -发展 ^3 * (一) "引号"',
  '𠀀𠀁 汉字 𠀀',
  '数量1000个，增长100%，哈哈哈，的的确确',
  '__proto__ constructor hasOwnProperty toString',
].map((text, i) => ({ id: `s${i + 1}`, kind: 'paragraph', text }));

/** The library under test: id → blocks, in library order. `__proto__` is a report id like any other. */
const LIBRARY: [string, Block[]][] = [
  ['haishu-2018', bundled],
  ['haishu-shifted', shifted],
  ['generated-1', generateReport(bundled, 1)],
  ['generated-2', generateReport(bundled, 2)],
  ['__proto__', awkward],
];

const search = new CrossReportSearch();
for (const [id, blocks] of LIBRARY) search.add(id, blocks, { segmentWords });
const engines = new Map<string, SearchEngine>(
  LIBRARY.map(([id, blocks]) => [id, loadEngine(blocks)]),
);
const oracles = new Map(LIBRARY.map(([id, blocks]) => [id, new Oracle(blocks)]));

/** Per report, its hit ids in document order, as the oracle finds them (reports without hits left out). */
function oracleAnswer(query: string, library = LIBRARY): Record<string, string[]> {
  const answer: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [id, blocks] of library) {
    const ids = (oracles.get(id) ?? new Oracle(blocks)).ids(query);
    if (ids.length > 0) answer[id] = ids;
  }
  return answer;
}

/** The same from the search's answer, reports in library order as the oracle lists them. */
function searchAnswer(result: CrossReportResult, library = LIBRARY): Record<string, string[]> {
  const answer: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [id, blocks] of library) {
    const group = result.groups.find((candidate) => candidate.report === id);
    if (!group) continue;
    const order = new Map(blocks.map((block, index) => [block.id, index]));
    answer[id] = group.hits.map((hit) => hit.block).sort((a, b) => order.get(a)! - order.get(b)!);
  }
  return answer;
}

/** Queries whose per-report hits differ from the oracle's. */
function mismatches(queries: string[], searcher = search, library = LIBRARY): string[] {
  return queries.filter((query) => {
    const found = searchAnswer(searcher.search(query), library);
    return JSON.stringify(found) !== JSON.stringify(oracleAnswer(query, library));
  });
}

/**
 * Random substrings of 1–6 code points of random blocks of every report. (Not
 * UTF-16 units: half an astral character is no query anyone types, and
 * neither engine's pairs can express it.)
 */
function randomQueries(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const [, blocks] = LIBRARY[randomInt(random, 0, LIBRARY.length - 1)];
    const chars = Array.from(blocks[randomInt(random, 0, blocks.length - 1)].text);
    const start = randomInt(random, 0, chars.length - 1);
    return chars.slice(start, start + randomInt(random, 1, 6)).join('');
  });
}

const RANDOM = randomQueries(300, 0x5eed);
const MULTI = Array.from({ length: 40 }, (_, i) => {
  const parts = randomQueries(randomInt(mulberry32(i), 2, 3), 1000 + i);
  return parts.join(i % 2 ? ' ' : '\u3000');
});

describe('the hits in each report are exactly what a substring scan finds', () => {
  it('300 random substrings of the reports', () => {
    expect(
      RANDOM.filter((query) => Object.keys(oracleAnswer(query)).length > 1).length,
    ).toBeGreaterThan(100);
    expect(mismatches(RANDOM)).toEqual([]);
  });

  it('realistic queries, and several keywords that must all appear', () => {
    expect(mismatches([...REALISTIC_QUERIES, '海曙 创新', '发展 建设 改革', ...MULTI])).toEqual([]);
  });

  it("lunr's query syntax, quotes and object keys are plain text", () => {
    const queries = [
      ':',
      '~',
      '^',
      '"',
      'foo:bar',
      'reader~2',
      '^3',
      '+海曙',
      '"引号"',
      '(一)',
      '__proto__',
      'constructor',
      'proto',
      'toString',
    ];
    for (const query of queries) expect(() => search.search(query), query).not.toThrow();
    expect(mismatches(queries)).toEqual([]);
    expect(Object.entries(searchAnswer(search.search('__proto__')))).toEqual([
      ['__proto__', ['s6']],
    ]);
    expect(Object.entries(searchAnswer(search.search('foo:bar')))).toEqual([['__proto__', ['s3']]]);
  });

  it('an empty or punctuation-only query finds nothing', () => {
    for (const query of ['', '  ', '、。', '——']) {
      expect(search.search(query)).toEqual({ query, groups: [], count: 0, total: 0 });
    }
  });
});

describe("each report's answer is its own engine's", () => {
  const ORDERS: SearchOrder[] = ['relevance', 'document'];
  const QUERIES = [
    ...REALISTIC_QUERIES,
    ...RANDOM.slice(0, 120),
    ...MULTI.slice(0, 10),
    '的',
    '发展',
    '00',
  ];

  it.each(ORDERS)(
    '%s: same blocks in the same order, scores, counts, ranges and snippets',
    (order) => {
      const differences: string[] = [];
      for (const query of QUERIES) {
        const result = search.search(query, { order });
        for (const [id] of LIBRARY) {
          const own = engines.get(id)!.search(query, { order, snippets: true });
          const group = result.groups.find((candidate) => candidate.report === id);
          const mine = (group?.hits ?? []).map(({ block, score, count, matches, snippet }) => ({
            block,
            score,
            count,
            matches,
            snippet,
          }));
          if (JSON.stringify(mine) !== JSON.stringify(own.hits))
            differences.push(`${id}: ${query}`);
          if ((group?.total ?? 0) !== own.total) differences.push(`${id} total: ${query}`);
        }
      }
      expect(differences).toEqual([]);
    },
  );

  it.each(ORDERS)(
    "%s: counts kept in the index (no ranges asked) are the engine's counts",
    (order) => {
      const differences: string[] = [];
      const repeats = ['0', '00', '000', '1', '年', '的', '海', '发展', '的的', '__', 'o'];
      for (const query of [...repeats, ...QUERIES]) {
        const result = search.search(query, { order, matchLimit: 0 });
        for (const [id] of LIBRARY) {
          const own = engines.get(id)!.search(query, { order, matchLimit: 0 });
          const group = result.groups.find((candidate) => candidate.report === id);
          const mine = (group?.hits ?? []).map(({ block, score, count }) => ({
            block,
            score,
            count,
          }));
          if (JSON.stringify(mine) !== JSON.stringify(own.hits))
            differences.push(`${id}: ${query}`);
        }
      }
      expect(differences).toEqual([]);
    },
  );

  it('the word bonus is kept: 市政 ranks 市政道路 first, as the report itself does', () => {
    const own = engines.get('haishu-2018')!.search('市政');
    const group = search
      .search('市政')
      .groups.find((candidate) => candidate.report === 'haishu-2018')!;
    expect(group.hits[0].block).toBe(own.hits[0].block);
    expect(bundled.find((block) => block.id === own.hits[0].block)!.text).toContain('市政道路');
  });
});

describe('groups', () => {
  it('by best score in relevance order, library order in document order; totals add up', () => {
    const relevance = search.search('发展');
    const best = relevance.groups.map((group) => group.hits[0].score);
    expect(best).toEqual([...best].sort((a, b) => b - a));
    const document = search.search('发展', { order: 'document' });
    const libraryOrder = LIBRARY.map(([id]) => id).filter((id) =>
      document.groups.some((g) => g.report === id),
    );
    expect(document.groups.map((group) => group.report)).toEqual(libraryOrder);
    expect(document.groups.flatMap((group) => group.hits.map((hit) => hit.score))).toSatisfy(
      (scores: number[]) => scores.every((score) => score === 0),
    );
    for (const result of [relevance, document]) {
      expect(result.total).toBe(result.groups.reduce((sum, group) => sum + group.total, 0));
      expect(result.count).toBe(result.groups.reduce((sum, group) => sum + group.count, 0));
      for (const group of result.groups) {
        expect(group.hits.every((hit) => hit.report === group.report)).toBe(true);
        expect(group.total).toBe(group.hits.reduce((sum, hit) => sum + hit.count, 0));
      }
    }
  });

  it('a snippet shows its matches: snippetMarks fall on the keyword', () => {
    for (const group of search.search('垃圾分类').groups) {
      for (const hit of group.hits) {
        expect(hit.snippetMarks!.length).toBeGreaterThan(0);
        for (const [start, end] of hit.snippetMarks!)
          expect(hit.snippet!.slice(start, end)).toContain('垃圾');
      }
    }
  });

  it('limit lists fewer hits per report and counts them all; matchLimit details the first ones in answer order', () => {
    for (const query of ['的', '发展 建设', '2018年', '区']) {
      const full = search.search(query);
      const paged = search.search(query, { limit: 3, matchLimit: 5 });
      expect(paged.groups.map((g) => [g.report, g.count, g.total])).toEqual(
        full.groups.map((g) => [g.report, g.count, g.total]),
      );
      expect(paged.total).toBe(full.total);
      const listed = paged.groups.flatMap((group) => group.hits);
      const expected = full.groups.flatMap((group) => group.hits.slice(0, 3));
      expect(
        listed.map(({ report, block, score, count }) => [report, block, score, count]),
      ).toEqual(expected.map(({ report, block, score, count }) => [report, block, score, count]));
      listed.forEach((hit, index) => {
        if (index < 5) expect(hit.matches).toEqual(expected[index].matches);
        else {
          expect(hit.matches).toBeUndefined();
          expect(hit.snippet).toBeUndefined();
          // The ranges left out come from matchesIn, as the full answer has them.
          expect(search.matchesIn(hit.report, query, [hit.block])).toEqual([
            expected[index].matches,
          ]);
        }
      });
    }
  });

  it('reports: only these, in this order; unknown ids skipped', () => {
    const result = search.search('发展', {
      order: 'document',
      reports: ['generated-2', 'nope', 'haishu-2018'],
    });
    expect(result.groups.map((group) => group.report)).toEqual(['generated-2', 'haishu-2018']);
  });

  it('matchesIn knows no unknown report or block', () => {
    expect(search.matchesIn('nope', '发展', ['b1'])).toEqual([[]]);
    expect(search.matchesIn('haishu-2018', '发展', ['nope', 'b7'])[0]).toEqual([]);
    expect(search.matchesIn('__proto__', '__proto__', ['s6'])).toEqual([[[0, 9]]]);
  });
});

describe('adding and removing reports', () => {
  it('remove drops a report from every answer and leaves the others exact; re-adding restores it', () => {
    const library = new CrossReportSearch();
    for (const [id, blocks] of LIBRARY) library.add(id, blocks);
    expect(library.remove('haishu-shifted')).toBe(true);
    expect(library.remove('haishu-shifted')).toBe(false);
    expect(library.has('haishu-shifted')).toBe(false);
    const rest = LIBRARY.filter(([id]) => id !== 'haishu-shifted');
    expect(library.reports()).toEqual(rest.map(([id]) => id));
    expect(mismatches([...REALISTIC_QUERIES, ...RANDOM.slice(0, 80)], library, rest)).toEqual([]);
    library.add('haishu-shifted', shifted);
    expect(
      mismatches([...REALISTIC_QUERIES, ...RANDOM.slice(0, 80)], library, [
        ...rest,
        ['haishu-shifted', shifted],
      ]),
    ).toEqual([]);
  });

  it('adding a report id again replaces its blocks, in its place', () => {
    const library = new CrossReportSearch();
    library.add('a', bundled);
    library.add('b', awkward);
    const edited = bundled.map((block) =>
      block.id === 'b7' ? { ...block, text: '全新的段落：数字乡村' } : block,
    );
    library.add('a', edited);
    expect(library.reports()).toEqual(['a', 'b']);
    expect(searchAnswer(library.search('数字乡村'), [['a', edited]])).toEqual({ a: ['b7'] });
    expect(
      mismatches(['发展', '2017年', '一年来'], library, [
        ['a', edited],
        ['b', awkward],
      ]),
    ).toEqual([]);
  });

  it('a cache of merged postings too small for one query still answers exactly', () => {
    const library = new CrossReportSearch({ cachedEntries: 50 });
    for (const [id, blocks] of LIBRARY) library.add(id, blocks, { segmentWords });
    const queries = [...REALISTIC_QUERIES, ...RANDOM.slice(0, 60), ...MULTI.slice(0, 10)];
    expect(mismatches([...queries, ...queries], library)).toEqual([]);
    for (const query of ['的', '市政', '发展 建设']) {
      expect(library.search(query)).toEqual(search.search(query));
    }
  });

  it('an empty library, and a report without blocks, answer nothing', () => {
    const library = new CrossReportSearch();
    expect(library.search('发展')).toEqual({ query: '发展', groups: [], count: 0, total: 0 });
    library.add('empty', []);
    library.add('a', awkward);
    expect(
      searchAnswer(library.search('汉字'), [
        ['empty', []],
        ['a', awkward],
      ]),
    ).toEqual({ a: ['s4'] });
  });

  it('an index of other blocks is not used: it is rebuilt from the blocks', () => {
    const library = new CrossReportSearch();
    const other = library.add('x', shifted);
    const index = library.add('a', bundled, { index: other });
    expect(index).not.toBe(other);
    expect(
      mismatches(['2018年', '2017年', '发展'], library, [
        ['x', shifted],
        ['a', bundled],
      ]),
    ).toEqual([]);
    // Its own index is taken as given.
    expect(library.add('a', bundled, { index })).toBe(index);
  });
});
