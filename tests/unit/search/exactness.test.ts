/**
 * Recall and precision: for every query, the engine's hits are exactly the
 * blocks whose normalized text contains every keyword, as a brute-force
 * oracle (oracle.ts, independent of src/core/search) finds them.
 */
import { describe, it, expect } from 'vitest';
import type { Block } from '../../../src/shared/document';
import type { SearchEngine } from '../../../src/core/search/engine';
import {
  Oracle,
  documentOrder,
  loadEngine,
  loadReport,
  mulberry32,
  REALISTIC_QUERIES,
  randomInt,
  referenceKeywords,
  toFullWidth,
} from './oracle';

const report = loadReport();
const blocks = report.blocks;
const engine = loadEngine(blocks);
const oracle = new Oracle(blocks);
const sortIds = documentOrder(blocks);

/** Hit ids in document order, so engine and oracle compare as sets. */
function engineIds(searchEngine: SearchEngine, query: string, sort = sortIds): string[] {
  return sort(searchEngine.search(query).hits.map((hit) => hit.block));
}

interface Mismatch {
  query: string;
  engine: string[];
  oracle: string[];
}

/** Every query whose hits differ from the oracle's (empty when the engine is exact). */
function mismatches(
  queries: string[],
  searchEngine: SearchEngine = engine,
  reference: Oracle = oracle,
  sort = sortIds,
): Mismatch[] {
  const out: Mismatch[] = [];
  for (const query of queries) {
    let found: string[];
    try {
      found = engineIds(searchEngine, query, sort);
    } catch (error) {
      found = [`threw: ${(error as Error).message}`];
    }
    const expected = reference.ids(query);
    if (JSON.stringify(found) !== JSON.stringify(expected)) {
      out.push({ query, engine: found, oracle: expected });
    }
  }
  return out;
}

/** Positions (block index, offset) of the characters matching `pattern`. */
function positionsOf(pattern: RegExp): [number, number][] {
  const positions: [number, number][] = [];
  blocks.forEach((block, index) => {
    for (let at = 0; at < block.text.length; at++) {
      if (pattern.test(block.text[at])) positions.push([index, at]);
    }
  });
  return positions;
}

/** Where random substrings start: anywhere, near any non-Han character, or near ASCII letters. */
const anchors: [number, number][][] = [
  blocks.flatMap((block, index) =>
    Array.from({ length: block.text.length }, (_, at): [number, number] => [index, at]),
  ),
  positionsOf(/[^\p{Script=Han}]/u),
  positionsOf(/[A-Za-z]/u),
];

/** A random substring of 1–6 units of some block, starting at or up to 3 units before an anchor. */
function randomSubstring(random: () => number, kind: number): { query: string; block: Block } {
  const pool = anchors[kind];
  const [index, at] = pool[randomInt(random, 0, pool.length - 1)];
  const block = blocks[index];
  const start = kind === 0 ? at : Math.max(0, at - randomInt(random, 0, 3));
  const length = randomInt(random, 1, 6);
  return { query: block.text.slice(start, start + length), block };
}

const random = mulberry32(0x2018_0207);
const samples = Array.from({ length: 400 }, (_, i) =>
  randomSubstring(random, i % 5 === 4 ? 2 : i % 2),
);

describe('the fixture', () => {
  it('has the report blocks the queries below are about', () => {
    expect(blocks.length).toBeGreaterThan(50);
    expect(blocks.every((block) => !/[\uD800-\uDFFF]/u.test(block.text))).toBe(true);
  });

  it('random substrings cover digits, Latin letters, punctuation and single characters', () => {
    const queries = samples.map((sample) => sample.query);
    expect(new Set(queries).size).toBeGreaterThan(300);
    expect(queries.filter((query) => /\d/u.test(query)).length).toBeGreaterThan(40);
    expect(queries.filter((query) => /[A-Za-z]/u.test(query)).length).toBeGreaterThan(40);
    expect(queries.filter((query) => /\p{P}/u.test(query)).length).toBeGreaterThan(100);
    expect(queries.filter((query) => Array.from(query).length === 1).length).toBeGreaterThan(30);
  });

  it('the oracle finds each random substring in the block it came from', () => {
    for (const { query, block } of samples) {
      if (referenceKeywords(query).length === 0) continue;
      expect(oracle.ids(query), query).toContain(block.id);
    }
  });
});

describe('400 random substrings of the report', () => {
  it('hit exactly the blocks that contain them (seeded, reproducible)', () => {
    expect(mismatches(samples.map((sample) => sample.query))).toEqual([]);
  });

  it('hit the same blocks typed in full width or upper case', () => {
    const failures: Mismatch[] = [];
    for (const { query } of samples) {
      const expected = engineIds(engine, query);
      for (const variant of [toFullWidth(query), query.toUpperCase()]) {
        const found = engineIds(engine, variant);
        if (JSON.stringify(found) !== JSON.stringify(expected)) {
          failures.push({ query: variant, engine: found, oracle: expected });
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('realistic queries', () => {
  const queries = REALISTIC_QUERIES;

  it('each hits exactly the blocks that contain it', () => {
    expect(mismatches(queries)).toEqual([]);
  });

  it('known answers', () => {
    expect(engineIds(engine, '污水零直排')).toHaveLength(2);
    expect(engineIds(engine, '5G')).toHaveLength(1);
    expect(engineIds(engine, '5G')).toEqual(engineIds(engine, '５Ｇ'));
    expect(engineIds(engine, '5G')).toEqual(engineIds(engine, '5g'));
    expect(engineIds(engine, 'PPP')).toEqual(engineIds(engine, 'ppp'));
    expect(engineIds(engine, 'PPP')).toHaveLength(1);
    // The speaker line is `区长 褚孟彤`: whitespace in the text is ignored.
    const speaker = blocks.find((block) => block.text === '区长 褚孟彤')!;
    expect(engineIds(engine, '区长褚孟彤')).toEqual([speaker.id]);
    expect(engineIds(engine, '褚孟彤')).toEqual([speaker.id]);
    // Occasion, heading `二、2018年主要目标任务` and the closing date.
    const heading = blocks.find((block) => block.text === '二、2018年主要目标任务')!;
    expect(engineIds(engine, '2018年')).toHaveLength(3);
    expect(engineIds(engine, '2018年')).toContain(heading.id);
    expect(engineIds(engine, '2018 年')).toEqual(oracle.ids('2018 年'));
    // A one-character query works.
    expect(engineIds(engine, '的').length).toBeGreaterThan(20);
    // Glossary and body both mention these.
    expect(engineIds(engine, '城市双修')).toHaveLength(2);
    expect(engineIds(engine, '凤凰行动')).toHaveLength(2);
    // `16+1`: `+` is text.
    expect(engineIds(engine, '16+1')).toHaveLength(1);
    expect(engineIds(engine, '+1')).toEqual(engineIds(engine, '16+1'));
  });
});

describe('several keywords', () => {
  const separators = [' ', '\u3000', '\t', '  ', ' \t\u3000 '];

  it('50 random pairs and triples: a block must contain all of them', () => {
    const rng = mulberry32(42);
    const queries: string[] = [];
    for (let i = 0; i < 50; i++) {
      const count = randomInt(rng, 2, 3);
      const parts: string[] = [];
      // Half of the queries take all parts from one block, so they do hit something.
      const same = i % 2 === 0 ? blocks[randomInt(rng, 0, blocks.length - 1)] : undefined;
      for (let k = 0; k < count; k++) {
        const block = same ?? blocks[randomInt(rng, 0, blocks.length - 1)];
        const start = randomInt(rng, 0, block.text.length - 1);
        parts.push(block.text.slice(start, start + randomInt(rng, 1, 4)).trim() || '海');
      }
      const separator = separators[i % separators.length];
      queries.push((i % 7 === 0 ? separator : '') + parts.join(separator));
    }
    expect(queries.filter((query) => oracle.ids(query).length > 0).length).toBeGreaterThan(25);
    expect(mismatches(queries)).toEqual([]);
  });

  it('a block must contain every keyword', () => {
    const both = engineIds(engine, '海曙 创新');
    const haishu = engineIds(engine, '海曙');
    const innovation = engineIds(engine, '创新');
    expect(both).toEqual(haishu.filter((id) => innovation.includes(id)));
    expect(both.length).toBeGreaterThan(0);
    expect(engineIds(engine, '海曙\u3000创新')).toEqual(both);
    expect(engineIds(engine, '海曙\t创新')).toEqual(both);
    expect(engineIds(engine, '  海曙   创新  ')).toEqual(both);
    // A punctuation-only keyword is dropped, not required.
    expect(engineIds(engine, '海曙 、 创新 ——')).toEqual(both);
    expect(engineIds(engine, '海曙 污水零直排 凤凰行动')).toEqual([]);
  });
});

describe("lunr's query syntax is plain text", () => {
  const queries = [
    ':',
    '~',
    '^',
    '*',
    '+',
    '-',
    'foo:bar',
    'reader~2',
    '^3',
    '+海曙 -发展',
    '+海曙',
    '-发展',
    '海曙*',
    '*海曙',
    '海曙~1',
    'text:海曙',
    '海曙^10',
    '\\',
    '"',
    '(',
    ')',
    '[',
    '{',
    '"海曙"',
    '(一)',
    '16+1',
    '+1',
    '2018-',
  ];

  it('never throws and hits exactly what contains the text', () => {
    for (const query of queries) expect(() => engine.search(query), query).not.toThrow();
    expect(mismatches(queries)).toEqual([]);
  });

  it('+海曙 and -发展 are searched literally', () => {
    expect(oracle.ids('+海曙')).toEqual([]);
    expect(engine.search('+海曙').hits).toEqual([]);
    expect(engine.search('+海曙 -发展').hits).toEqual([]);
    expect(engine.search('海曙*').hits).toEqual([]);
  });
});

describe('empty and punctuation-only queries', () => {
  it.each(['', ' ', '   ', '\u3000', '\t\n', '、。，', '——', '…', '“”', '、 。 ，', '%', '：'])(
    '%j finds nothing, quietly',
    (query) => {
      expect(engine.search(query)).toEqual({ query, hits: [], total: 0 });
    },
  );
});

describe('a small corpus with whitespace, full width and astral characters in the text', () => {
  const texts = [
    '完成 2018 年 目标',
    '５Ｇ基站与ＰＰＰ模式',
    'Reader~2 foo:bar +海曙 -发展 ^3 * (一)',
    '𠀀𠀁 汉字 𠀀',
    '数量1000个，增长100%',
    'ＡＢＣ　ｄｅｆ\t ghi',
    '㎡ ① ﬁ Ⅷ',
    '二、2018年主要目标任务',
    '2018年',
    '海曙 海曙',
  ];
  const corpus: Block[] = texts.map((text, index) => ({
    id: `s${index + 1}`,
    kind: index === 7 ? 'heading' : 'paragraph',
    text,
  }));
  const small = loadEngine(corpus);
  const smallOracle = new Oracle(corpus);
  const sortSmall = documentOrder(corpus);
  const ids = (query: string) => engineIds(small, query, sortSmall);

  it('whitespace in the text is ignored, both ways', () => {
    expect(ids('2018年')).toEqual(['s1', 's8', 's9']);
    expect(ids('完成2018年目标')).toEqual(['s1']);
    expect(ids('2018 年')).toEqual(['s1', 's8', 's9']);
    expect(ids('abcdefghi')).toEqual(['s6']);
    expect(ids('曙海')).toEqual(['s10']);
  });

  it('full width, case and compatibility forms fold', () => {
    expect(ids('5g')).toEqual(['s2']);
    expect(ids('ppp')).toEqual(['s2']);
    expect(ids('ＰＰＰ')).toEqual(['s2']);
    expect(ids('READER~2')).toEqual(['s3']);
    expect(ids('m2')).toEqual(['s7']);
    expect(ids('fi')).toEqual(['s7']);
    expect(ids('viii')).toEqual(['s7']);
    expect(ids('Ⅷ')).toEqual(['s7']);
  });

  it('astral characters are one character', () => {
    expect(ids('𠀀')).toEqual(['s4']);
    expect(ids('𠀀𠀁')).toEqual(['s4']);
    expect(ids('𠀁汉')).toEqual(['s4']);
  });

  it('every substring of every text agrees with the oracle', () => {
    const queries = new Set<string>();
    for (const { text } of corpus) {
      const chars = Array.from(text);
      for (let i = 0; i < chars.length; i++) {
        for (let n = 1; n <= 6 && i + n <= chars.length; n++) {
          queries.add(chars.slice(i, i + n).join(''));
        }
      }
    }
    expect(queries.size).toBeGreaterThan(300);
    expect(mismatches([...queries], small, smallOracle, sortSmall)).toEqual([]);
  });
});
