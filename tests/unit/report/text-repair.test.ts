import { describe, it, expect } from 'vitest';
import {
  despaceTitle,
  endsSentence,
  extractEmphasis,
  fixCjkSpacing,
  isPageNumberLine,
  joinFragments,
  startsMidSentence,
} from '../../../src/core/report/text-repair';

describe('fixCjkSpacing', () => {
  it.each([
    ['17282 家', '17282家'],
    ['2018 年', '2018年'],
    ['A 级景区村庄 3 个', 'A级景区村庄3个'],
    ['3A 级景区村庄 3 个', '3A级景区村庄3个'],
    ['增长 10% 以上', '增长10%以上'],
    ['民间投资增长 10%以上。', '民间投资增长10%以上。'],
    ['二、2018 年主要目标任务', '二、2018年主要目标任务'],
    ['5G 试点', '5G试点'],
    ['湖泊治理 PPP 项目', '湖泊治理PPP项目'],
    ['危旧房治理改造 1510户', '危旧房治理改造1510户'],
  ])('%s → %s', (input, expected) => {
    expect(fixCjkSpacing(input)).toBe(expected);
  });

  it('removes every kind of gap the converter leaves (tab, NBSP, ideographic space, runs)', () => {
    expect(fixCjkSpacing('完成\t12\u00A0个')).toBe('完成12个');
    expect(fixCjkSpacing('完成\u300012   个')).toBe('完成12个');
  });

  it('sees through `**` markers next to the gap', () => {
    expect(fixCjkSpacing('增长 **10%** 以上')).toBe('增长**10%**以上');
  });

  it('keeps the space between a title and a name (Han–space–Han)', () => {
    expect(fixCjkSpacing('区长 褚孟彤')).toBe('区长 褚孟彤');
  });

  it('keeps the space between two Latin words or numbers', () => {
    expect(fixCjkSpacing('Made in China')).toBe('Made in China');
    expect(fixCjkSpacing('采用 BIM Level 2 标准')).toBe('采用BIM Level 2标准');
    expect(fixCjkSpacing('3 5')).toBe('3 5');
  });

  it('leaves text without gaps unchanged', () => {
    const text = '全年完成地区生产总值1164.48亿元，同比增长6.3%；';
    expect(fixCjkSpacing(text)).toBe(text);
  });
});

describe('despaceTitle', () => {
  it('joins a letter-spaced title', () => {
    expect(despaceTitle('政 府 工 作 报 告')).toBe('政府工作报告');
    expect(despaceTitle('政\u3000府\u3000工\u3000作\u3000报\u3000告')).toBe('政府工作报告');
  });

  it('leaves any other line unchanged', () => {
    expect(despaceTitle('区长 褚孟彤')).toBe('区长 褚孟彤');
    expect(despaceTitle('政府工作报告')).toBe('政府工作报告');
    expect(despaceTitle('2018 年 工 作')).toBe('2018 年 工 作');
    expect(despaceTitle('政 府，工 作')).toBe('政 府，工 作');
  });
});

describe('isPageNumberLine', () => {
  it.each([
    '— 3 —',
    '- 3 -',
    '第 3 页',
    '－12－',
    '—3—',
    '  – 120 –  ',
    '第3页',
    '第 3 页，共 20 页',
  ])('%s is a page number', (line) => {
    expect(isPageNumberLine(line)).toBe(true);
  });

  it.each(['2018年', '3', '一、总体', '— 3 — 出让', '- 2018年 -', '第 3 章', ''])(
    '%s is not a page number',
    (line) => {
      expect(isPageNumberLine(line)).toBe(false);
    },
  );
});

describe('endsSentence', () => {
  it.each([
    ['努力营造崇尚创新、宽容失败的创业创新氛围。”', true],
    ['为宁波“名城名都”建设作出更大贡献。**', true],
    ['各位代表：', true],
    ['表示衷心的感谢！', true],
    ['培育一批“隐形冠军”', false],
    ['新开工省、市、区重点项目61个，14个地块完成挂牌', false],
    ['优化招商环境，', false],
    ['“两化融合”和“个', false],
    ['实施“3315计划”', false],
  ])('%s → %s', (fragment, expected) => {
    expect(endsSentence(fragment)).toBe(expected);
  });
});

describe('startsMidSentence', () => {
  it('is true for fragments opening with punctuation that cannot start a paragraph', () => {
    expect(startsMidSentence('，2幢总部大楼竣工投用')).toBe(true);
    expect(startsMidSentence('”等专项行动扎实开展')).toBe(true);
    expect(startsMidSentence('%以上')).toBe(true);
  });

  it('is false for ordinary paragraph starts', () => {
    expect(startsMidSentence('（一）融合发展平稳推进。')).toBe(false);
    expect(startsMidSentence('“大脚板走一线”')).toBe(false);
    expect(startsMidSentence('2017年是本届政府的开局之年。')).toBe(false);
  });
});

describe('joinFragments', () => {
  it('joins Chinese without a space', () => {
    expect(joinFragments('14个地块完成挂牌', '出让，2幢总部')).toBe(
      '14个地块完成挂牌出让，2幢总部',
    );
    expect(joinFragments('改造 1510', '户。')).toBe('改造 1510户。');
  });

  it('puts a space between two Latin words', () => {
    expect(joinFragments('Made in', 'China')).toBe('Made in China');
  });
});

describe('extractEmphasis', () => {
  it('turns marker pairs into spans over the cleaned text', () => {
    const { text, emphasis } = extractEmphasis('总体要求是：**高举旗帜**，并且**奋力**前进');
    expect(text).toBe('总体要求是：高举旗帜，并且奋力前进');
    expect(emphasis).toEqual([
      { start: 6, end: 10 },
      { start: 13, end: 15 },
    ]);
    expect(emphasis.map((span) => text.slice(span.start, span.end))).toEqual(['高举旗帜', '奋力']);
  });

  it('handles a span at the very start and end', () => {
    const { text, emphasis } = extractEmphasis('**全部加粗。**');
    expect(text).toBe('全部加粗。');
    expect(emphasis).toEqual([{ start: 0, end: 5 }]);
  });

  it('drops an unpaired marker without reporting a span for it', () => {
    const one = extractEmphasis('前**后');
    expect(one).toEqual({ text: '前后', emphasis: [] });

    const three = extractEmphasis('甲**乙**丙**丁');
    expect(three.text).toBe('甲乙丙丁');
    expect(three.emphasis).toEqual([{ start: 1, end: 2 }]);
  });

  it('reports no span for an empty pair', () => {
    expect(extractEmphasis('甲****乙')).toEqual({ text: '甲乙', emphasis: [] });
  });

  it('leaves unmarked text alone', () => {
    expect(extractEmphasis('没有标记的文本')).toEqual({ text: '没有标记的文本', emphasis: [] });
  });

  it('never leaves asterisks behind', () => {
    for (const input of ['**', '****', 'a**b', '**a**b**', '甲**乙**丙**丁**戊**']) {
      expect(extractEmphasis(input).text).not.toContain('*');
    }
  });
});
