/** Citations on the real report, as a delegate would say them in a meeting. */
import { describe, expect, it } from 'vitest';
import { locationLabel, ordinalOf, sectionPath } from '../../../src/core/report/location';
import { REPORT } from './helpers';

const order = new Map(REPORT.blocks.map((block, index) => [block.id, index]));
const label = (block: string) => locationLabel(REPORT.blocks, REPORT.outline, order, block);

describe('locationLabel on the bundled report', () => {
  const expected: [string, string][] = [
    ['b1', '标题'],
    ['b4', '开篇第1段'],
    ['b5', '开篇第2段'],
    ['b6', '一'],
    ['b7', '一第1段'],
    ['b8', '一（一）第1段'],
    ['b30', '二（三）第1段'],
    ['b31', '二（三）第2段'],
    ['b33', '二（三）第4段'],
    ['b52', '附件第1段'],
    ['b53', '附件第2段'],
    ['b62', '落款'],
    ['b63', '落款'],
    ['b999', ''],
  ];
  for (const [block, citation] of expected) {
    it(`${block} → ${citation || '(nothing)'}`, () => {
      expect(label(block)).toBe(citation);
    });
  }
});

describe('sectionPath and ordinalOf', () => {
  it('b31 sits in 二 › （三） › 加快区块组团开发', () => {
    const path = sectionPath(REPORT.outline, order, 'b31');
    expect(path.map((entry) => entry.title)).toEqual([
      '二、2018年主要目标任务',
      '（三）突出全域联动，着力提升城乡统筹水平',
      '加快区块组团开发',
    ]);
    expect(path.map(ordinalOf)).toEqual(['二', '（三）', '加快区块组团开发']);
  });

  it('the opening has no section', () => {
    expect(sectionPath(REPORT.outline, order, 'b5')).toEqual([]);
  });
});
