/**
 * Paragraph alignment on made-up and repeated documents: moves (plain and
 * edited), repeated paragraphs, split and joined paragraphs, unrelated
 * editions, and a report repeated many times with one copy revised.
 */
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../../src/core/editions/diff-editions';
import { bigrams, dice, SIMILARITY_THRESHOLD } from '../../../src/core/editions/similarity';
import type { EditionChange } from '../../../src/core/editions/types';
import type { ReportDocument } from '../../../src/shared/document';
import { NEW, OLD } from './fixtures';

function documentOf(texts: string[]): ReportDocument {
  return {
    title: '测试',
    version: texts.join('|').length.toString(16),
    blocks: texts.map((text, index) => ({ id: `b${index + 1}`, kind: 'paragraph', text })),
    outline: [],
    glossary: [],
  };
}

/** The report's paragraphs repeated `times` times, ids renumbered. */
function repeated(document: ReportDocument, times: number): ReportDocument {
  return documentOf(Array.from({ length: times }, () => document.blocks.map((b) => b.text)).flat());
}

const brief = (change: EditionChange) =>
  `${change.kind} ${change.oldBlock ?? '-'}→${change.newBlock ?? '-'} [${change.removed}|${change.added}]`;

/** The report's paragraphs: P[1] opens with `现在，我代表…请予审议`. */
const P = OLD.blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text);

describe('moves', () => {
  it('a paragraph moved unchanged is one move, whichever way it went', () => {
    const old = documentOf([P[0], P[1], P[2], P[3], P[4]]);
    const down = documentOf([P[0], P[2], P[3], P[1], P[4]]);
    expect(diffEditions(old, down).changes.map(brief)).toEqual(['move b2→b4 [|]']);
    expect(diffEditions(down, old).changes.map(brief)).toEqual(['move b4→b2 [|]']);
  });

  it('a paragraph moved and edited is a move plus the edit', () => {
    const edited = P[1].replace('请予审议', '请予审阅');
    const diff = diffEditions(
      documentOf([P[0], P[1], P[2], P[3], P[4]]),
      documentOf([P[0], P[2], P[3], edited, P[4]]),
    );
    expect(diff.changes.map(brief)).toEqual(['move b2→b4 [|]', 'change b2→b4 [议|阅]']);
  });

  it('two paragraphs that swap places are one move, not two changes', () => {
    const diff = diffEditions(documentOf([P[0], P[1], P[2]]), documentOf([P[0], P[2], P[1]]));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0].kind).toBe('move');
  });
});

describe('repeated and similar text', () => {
  it('a repeated paragraph, one copy removed: one delete', () => {
    const diff = diffEditions(
      documentOf([P[0], P[5], P[1], P[5], P[2]]),
      documentOf([P[0], P[5], P[1], P[2]]),
    );
    expect(diff.changes.map(brief)).toEqual([`delete b4→- [${P[5]}|]`]);
  });

  it('unrelated paragraphs of the same report are never paired as one edited paragraph', () => {
    const diff = diffEditions(documentOf([P[3], P[4]]), documentOf([P[10], P[11]]));
    expect(diff.changes.map((change) => change.kind).sort()).toEqual([
      'delete',
      'delete',
      'insert',
      'insert',
    ]);
  });

  it('the threshold sits between edited and unrelated paragraphs of the report', () => {
    let closest = 0;
    for (let i = 0; i < P.length; i++) {
      for (let j = i + 1; j < P.length; j++) {
        if (P[i].length < 40 || P[j].length < 40) continue;
        closest = Math.max(closest, dice(bigrams(P[i]), bigrams(P[j])));
      }
    }
    expect(closest).toBeLessThan(SIMILARITY_THRESHOLD - 0.2);
    // The first half of a paragraph, the rest deleted, still pairs.
    const half = P[1].slice(0, Math.ceil(P[1].length / 2));
    expect(dice(bigrams(P[1]), bigrams(half))).toBeGreaterThan(SIMILARITY_THRESHOLD);
  });

  it('a paragraph rewritten past recognition is a delete and an insert', () => {
    const diff = diffEditions(
      documentOf([P[0], '今年将新建学校三所。', P[2]]),
      documentOf([P[0], '今年计划完成道路改造十条。', P[2]]),
    );
    expect(diff.changes.map((change) => change.kind)).toEqual(['delete', 'insert']);
  });
});

describe('layout', () => {
  it('whitespace and invisible characters anywhere are not changes', () => {
    const spaced = P[0]
      .replace(/，/g, ' ，\u3000')
      .replace(/。/g, '。\u200B')
      .replace(/(\d)/g, '$1 ');
    expect(diffEditions(documentOf([P[0]]), documentOf([spaced])).changes).toEqual([]);
  });

  it('blocks that are only a page number or empty take no part', () => {
    const diff = diffEditions(
      documentOf([P[0], P[1]]),
      documentOf([P[0], '— 12 —', '   ', P[1], '第 13 页']),
    );
    expect(diff.changes).toEqual([]);
  });

  it('a paragraph joined with the next by layout is not a change', () => {
    const [first, second] = [P[2].slice(0, 40), P[2].slice(40)];
    const diff = diffEditions(
      documentOf([P[1], first, second, P[3]]),
      documentOf([P[1], P[2], P[3]]),
    );
    expect(diff.changes).toEqual([]);
    expect(diff.stats.relaid).toBe(1);
  });

  it('a paragraph cut in four by layout and edited in one piece: that edit alone', () => {
    const long = OLD.blocks.map((block) => block.text).find((text) => text.length > 700)!;
    const quarter = Math.floor(long.length / 4);
    const pieces = [0, 1, 2, 3].map((k) =>
      long.slice(k * quarter, k === 3 ? undefined : (k + 1) * quarter),
    );
    // Each piece alone is too unlike the whole paragraph to pair with it.
    expect(Math.max(...pieces.map((piece) => dice(bigrams(long), bigrams(piece))))).toBeLessThan(
      SIMILARITY_THRESHOLD,
    );
    const word = pieces[2].slice(20, 22);
    pieces[2] = pieces[2].slice(0, 20) + '某某' + pieces[2].slice(22);
    const diff = diffEditions(documentOf([P[0], long, P[1]]), documentOf([P[0], ...pieces, P[1]]));
    expect(diff.changes.map(brief)).toEqual([`change b2→b4 [${word}|某某]`]);
    expect(diff.changes[0].new).toEqual({ block: 'b4', start: 20, end: 22 });
    // And the other way round: four blocks joined into one, and edited.
    const back = diffEditions(documentOf([P[0], ...pieces, P[1]]), documentOf([P[0], long, P[1]]));
    expect(back.changes.map(brief)).toEqual([`change b4→b2 [某某|${word}]`]);
    expect(back.changes[0].new).toEqual({
      block: 'b2',
      start: 2 * quarter + 20,
      end: 2 * quarter + 22,
    });
  });

  it('a paragraph split in two by layout and edited in the first half: the edit, in the right block', () => {
    const [first, second] = [P[2].slice(0, 200), P[2].slice(200)];
    const edited = first.replace('。', '！');
    const diff = diffEditions(
      documentOf([P[1], P[2], P[3]]),
      documentOf([P[1], edited, second, P[3]]),
    );
    expect(diff.changes.map(brief)).toEqual(['change b2→b2 [。|！]']);
  });

  it('an insertion across the cut of a split paragraph is told in the block it ends', () => {
    const [first, second] = [P[2].slice(0, 200), P[2].slice(200)];
    const diff = diffEditions(
      documentOf([P[1], P[2], P[3]]),
      documentOf([P[1], first + '（新增）', second, P[3]]),
    );
    expect(diff.changes.map(brief)).toEqual(['change b2→b2 [|（新增）]']);
  });

  it('a split paragraph with an edit elsewhere still reports the edit alone', () => {
    const [first, second] = [P[2].slice(0, 40), P[2].slice(40)];
    const edited = P[4].replace('。', '！');
    const diff = diffEditions(
      documentOf([P[1], P[2], P[3], P[4]]),
      documentOf([P[1], first, second, P[3], edited]),
    );
    expect(diff.changes.map(brief)).toEqual(['change b4→b5 [。|！]']);
  });
});

describe('edge cases', () => {
  it('empty editions', () => {
    const empty = documentOf([]);
    expect(diffEditions(empty, empty).changes).toEqual([]);
    expect(diffEditions(empty, documentOf([P[0]])).changes.map(brief)).toEqual([
      `insert -→b1 [|${P[0]}]`,
    ]);
    expect(diffEditions(documentOf([P[0]]), empty).changes.map(brief)).toEqual([
      `delete b1→- [${P[0]}|]`,
    ]);
  });

  it('a delete at the end points at the end of the new text', () => {
    const diff = diffEditions(documentOf([P[0], P[1]]), documentOf([P[0]]));
    expect(diff.changes[0].newAt).toEqual({ start: P[0].length, end: P[0].length });
  });

  it('more distinct paragraphs than the BMP has symbols: still every edit, once', () => {
    // Past ~55,000 distinct paragraphs the block diff's symbols leave the BMP (surrogate pairs).
    const old = Array.from({ length: 70_000 }, (_, i) => `第${i}段：内容${i * 7}。`);
    const revised = [...old];
    revised.splice(65_000, 1);
    revised.splice(60_000, 0, '新增的一段话。');
    revised[68_000] = revised[68_000].replace('内容', '内文');
    revised.splice(10, 1);
    revised.splice(66_000, 0, old[10]);
    expect(diffEditions(documentOf(old), documentOf(revised)).changes.map(brief)).toEqual([
      'insert -→b60000 [|新增的一段话。]',
      'delete b65001→- [第65000段：内容455000。|]',
      'move b11→b66001 [|]',
      'change b68001→b68001 [容|文]',
    ]);
  });

  it('characters outside the BMP compare as one character each', () => {
    const diff = diffEditions(
      documentOf(['文字𠮷野家好好好好']),
      documentOf(['文字𠮸野家好好好好']),
    );
    expect(diff.changes.map(brief)).toEqual(['change b1→b1 [𠮷|𠮸]']);
  });
});

describe('a report repeated many times', () => {
  it('one copy revised among ten identical ones: the six edits, in that copy', () => {
    const times = 10;
    const base = repeated(OLD, times);
    const revisedAt = 6;
    const texts = Array.from({ length: times }, (_, copy) =>
      (copy === revisedAt ? NEW : OLD).blocks.map((block) => block.text),
    ).flat();
    const diff = diffEditions(base, documentOf(texts));
    const single = diffEditions(OLD, NEW);
    expect(diff.changes.map((change) => [change.kind, change.removed, change.added])).toEqual(
      single.changes.map((change) => [change.kind, change.removed, change.added]),
    );
    const firstOfCopy = revisedAt * OLD.blocks.length;
    for (const change of diff.changes) {
      const oldIndex = Number((change.oldBlock ?? change.newBlock)!.slice(1)) - 1;
      expect(oldIndex).toBeGreaterThanOrEqual(firstOfCopy - 1);
      expect(oldIndex).toBeLessThan(firstOfCopy + NEW.blocks.length + 1);
    }
  });

  it('every copy revised: six edits per copy', () => {
    const times = 20;
    const diff = diffEditions(repeated(OLD, times), repeated(NEW, times));
    expect(diff.stats).toEqual({
      insert: times,
      delete: times,
      change: 3 * times,
      move: times,
      relaid: 0,
    });
  });
});
