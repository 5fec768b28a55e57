import { describe, expect, it } from 'vitest';
import { panelRows } from '../../../../src/renderer/features/glossary/glossary-panel';
import type { TermEntry } from '../../../../src/renderer/features/glossary/glossary-popover';
import { reportDocument } from '../fixtures';

const entries: TermEntry[] = reportDocument().glossary.map((entry) => ({
  ...entry,
  source: 'report',
}));

describe('panelRows', () => {
  it('one row per entry with its terms joined and its count of occurrences', () => {
    const rows = panelRows(entries, new Map());
    expect(rows.map((row) => [row.label, row.count])).toEqual([
      ['“365”产业投资导向', 1],
      ['三品', 1],
      ['“凤凰行动”计划', 1],
      ['隐形冠军、单打冠军', 2],
      ['创新券', 1],
      ['城市双修', 1],
      ['三区块六项目', 1],
      ['生活垃圾分类“五大专项行动”', 1],
      ['“六医”统筹', 1],
      ['两强三提高', 1],
    ]);
    expect(rows[3]).toMatchObject({
      index: 0,
      position: '第 1/2 处',
      canStepBack: false,
      canStepOn: true,
    });
  });

  it('follows the stepped position, clamped to the occurrences there are', () => {
    const rows = panelRows(
      entries,
      new Map([
        ['g4', 1],
        ['g2', 5],
      ]),
    );
    expect(rows[3]).toMatchObject({
      index: 1,
      position: '第 2/2 处',
      canStepBack: true,
      canStepOn: false,
    });
    expect(rows[1]).toMatchObject({ index: 0, position: '第 1/1 处', canStepOn: false });
  });

  it('an entry the body never uses has no position', () => {
    const [row] = panelRows([{ ...entries[0], occurrences: [] }], new Map());
    expect(row).toMatchObject({ count: 0, position: null, canStepBack: false, canStepOn: false });
  });
});
