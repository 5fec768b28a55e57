/** The words removed and added inside one edited paragraph, and the figures named. */
import { describe, expect, it } from 'vitest';
import { compareKey, mappedKey, textRange } from '../../../src/core/editions/compare-text';
import { nameFigure } from '../../../src/core/editions/figure-label';
import { inlineHunks } from '../../../src/core/editions/inline-diff';

/** The hunks as `[removed|added]` strings. */
function words(oldText: string, newText: string): string[] {
  return inlineHunks(oldText, newText).map(
    (hunk) =>
      `[${oldText.slice(hunk.oldStart, hunk.oldEnd)}|${newText.slice(hunk.newStart, hunk.newEnd)}]`,
  );
}

describe('inline hunks', () => {
  it('a reworded phrase reads as one removal and one addition, not scattered characters', () => {
    const before = '突出规划先导作用，主动对接新一轮城市总规修编，深化重大区块专项规划。';
    const after = '突出规划先导作用，积极参与新一轮国土空间规划编制，深化重大区块专项规划。';
    expect(words(before, after)).toEqual([
      '[主动对接新一轮城市总规修编|积极参与新一轮国土空间规划编制]',
    ]);
  });

  it('a figure is never cut in the middle', () => {
    expect(
      words(
        '全年完成地区生产总值1164.48亿元，同比增长6.3%；',
        '全年完成地区生产总值1164.50亿元，同比增长6.3%；',
      ),
    ).toEqual(['[1164.48|1164.50]']);
    expect(words('同比增长6.3%；', '同比增长6.8%；')).toEqual(['[6.3%|6.8%]']);
    expect(words('新增停车位 500 个', '新增停车位 5000 个')).toEqual(['[500|5000]']);
  });

  it('separate edits in one paragraph are separate hunks', () => {
    expect(words('甲乙丙丁戊己庚辛壬癸子丑寅卯', '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳')).toEqual([
      '[|辰巳]',
    ]);
    expect(
      words(
        '今年新建学校三所，改造道路十条，完成绿化一百亩。',
        '今年新建学校四所，改造道路十条，完成绿化两百亩。',
      ),
    ).toEqual(['[三|四]', '[一|两]']);
  });

  it('offsets are into the block texts, whitespace and all', () => {
    const before = '增长 6.3 %，总额 100 亿元';
    const after = '增长6.3%，总额  120亿元';
    const [hunk, ...rest] = inlineHunks(before, after);
    expect(rest).toEqual([]);
    expect(before.slice(hunk.oldStart, hunk.oldEnd)).toBe('100');
    expect(after.slice(hunk.newStart, hunk.newEnd)).toBe('120');
  });

  it('only whitespace differs: no hunk', () => {
    expect(inlineHunks('一 二\u3000三\n四', '一二三四')).toEqual([]);
  });
});

describe('comparison text', () => {
  it('drops whitespace and invisible marks, and maps back', () => {
    const text = ' 增长\u00A06.3%\u200B， 合计';
    const mapped = mappedKey(text);
    expect(mapped.key).toBe(compareKey(text));
    expect(mapped.key).toBe('增长6.3%，合计');
    const at = mapped.key.indexOf('6.3%');
    const [start, end] = textRange(mapped, at, at + 4);
    expect(text.slice(start, end)).toBe('6.3%');
    // An empty range sits right after the character before it.
    expect(textRange(mapped, 2, 2)).toEqual([3, 3]);
    expect(textRange(mapped, 0, 0)).toEqual([0, 0]);
  });
});

describe('figure names (the minimal detector)', () => {
  const name = (oldText: string, newText: string) => {
    const [hunk] = inlineHunks(oldText, newText);
    return nameFigure({
      oldText,
      newText,
      old: { start: hunk.oldStart, end: hunk.oldEnd },
      new: { start: hunk.newStart, end: hunk.newEnd },
    });
  };

  it('names a figure with its unit and what it measures', () => {
    expect(
      name(
        '全年完成地区生产总值1164.48亿元，同比增长6.3%',
        '全年完成地区生产总值1164.50亿元，同比增长6.3%',
      ),
    ).toEqual({
      label: '地区生产总值',
      before: '1164.48亿元',
      after: '1164.50亿元',
    });
    expect(
      name(
        '社会消费品零售总额达796.94亿元，居全市第二',
        '社会消费品零售总额达796.90亿元，居全市第二',
      ),
    ).toEqual({
      label: '社会消费品零售总额',
      before: '796.94亿元',
      after: '796.90亿元',
    });
    expect(name('新增停车位10866个；', '新增停车位10868个；')?.before).toBe('10866个');
    expect(name('总额100万元。', '总额100亿元。')).toEqual({
      label: '总额',
      before: '100万元',
      after: '100亿元',
    });
  });

  it('a change that is not only a figure is not named one', () => {
    expect(name('同比增长6.3%，', '同比下降6.3%，')).toBeUndefined();
    expect(name('新建学校三所', '新建学校四所')).toBeUndefined();
    expect(name('增长6.3%左右', '增长约7%')).toBeUndefined();
  });
});
