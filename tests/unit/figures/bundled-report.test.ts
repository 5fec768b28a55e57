/**
 * The bundled report's figures, checked by hand against the text: value,
 * unit and period of every one listed, and what it measures where the
 * sentence says it plainly. Then every kind of number that is not a figure.
 */
import { describe, expect, it } from 'vitest';
import type { FigureChange, FigurePeriod } from '../../../src/core/figures/figure';
import { FIGURES, REPORT, blockText, figureAt, overlapsFigure } from './helpers';

interface Expected {
  block: string;
  text: string;
  /** Which occurrence of `text` in the block, from 0. */
  nth?: number;
  value: number;
  unit: string;
  period: FigurePeriod;
  indicator?: string;
  change?: FigureChange;
  qualifier?: string;
}

const R: FigurePeriod = 'result';
const T: FigurePeriod = 'target';

/** Read off the report by hand (2017 review: b8–b13; 2018 plan: b19–b47). */
const HAND_CHECKED: Expected[] = [
  { block: 'b8', text: '34个', value: 34, unit: '个', period: R, indicator: '市级重大项目' },
  { block: 'b8', text: '248个', value: 248, unit: '个', period: R, indicator: '镇（乡）街道项目' },
  {
    block: 'b8',
    text: '1164.48亿元',
    value: 1164.48,
    unit: '亿元',
    period: R,
    indicator: '地区生产总值',
  },
  {
    block: 'b8',
    text: '6.3%',
    value: 6.3,
    unit: '%',
    period: R,
    indicator: '地区生产总值',
    change: 'increase',
  },
  {
    block: 'b8',
    text: '163.84亿元',
    value: 163.84,
    unit: '亿元',
    period: R,
    indicator: '财政总收入',
  },
  {
    block: 'b8',
    text: '6.5%',
    value: 6.5,
    unit: '%',
    period: R,
    indicator: '财政总收入',
    change: 'increase',
  },
  {
    block: 'b8',
    text: '93.02亿元',
    value: 93.02,
    unit: '亿元',
    period: R,
    indicator: '一般公共预算收入',
  },
  {
    block: 'b8',
    text: '0.9%',
    value: 0.9,
    unit: '%',
    period: R,
    indicator: '一般公共预算收入',
    change: 'increase',
  },
  {
    block: 'b8',
    text: '59482元',
    value: 59482,
    unit: '元',
    period: R,
    indicator: '城乡居民人均可支配收入',
  },
  {
    block: 'b8',
    text: '32743元',
    value: 32743,
    unit: '元',
    period: R,
    indicator: '城乡居民人均可支配收入',
  },
  {
    block: 'b8',
    text: '7.9%',
    value: 7.9,
    unit: '%',
    period: R,
    indicator: '城乡居民人均可支配收入',
    change: 'increase',
  },
  {
    block: 'b9',
    text: '61个',
    value: 61,
    unit: '个',
    period: R,
    indicator: '新开工省、市、区重点项目',
  },
  { block: 'b9', text: '2幢', value: 2, unit: '幢', period: R, indicator: '总部大楼' },
  {
    block: 'b9',
    text: '11.7%',
    value: 11.7,
    unit: '%',
    period: R,
    indicator: '固定资产投资',
    change: 'increase',
  },
  {
    block: 'b9',
    text: '796.94亿元',
    value: 796.94,
    unit: '亿元',
    period: R,
    indicator: '社会消费品零售总额',
  },
  {
    block: 'b9',
    text: '13.8%',
    value: 13.8,
    unit: '%',
    period: R,
    indicator: '外贸进出口总额',
    change: 'increase',
  },
  { block: 'b9', text: '2家', value: 2, unit: '家', period: R, indicator: '院士工作站' },
  // Printed `17282 家`; the parser closed the gap.
  {
    block: 'b10',
    text: '17282家',
    value: 17282,
    unit: '家',
    period: R,
    indicator: '新增各类市场主体',
  },
  { block: 'b10', text: '3个', value: 3, unit: '个', period: R, indicator: '3A级景区村庄' },
  { block: 'b11', text: '269个', value: 269, unit: '个', period: R, indicator: '治水剿劣项目' },
  { block: 'b11', text: '96个', value: 96, unit: '个', period: R, indicator: '劣V类小微水体' },
  { block: 'b11', text: '2429户', value: 2429, unit: '户', period: R, indicator: '危房' },
  {
    block: 'b11',
    text: '12万平方米',
    value: 12,
    unit: '万平方米',
    period: R,
    indicator: '拆除农村旧房',
  },
  { block: 'b11', text: '60万平方米', value: 60, unit: '万平方米', period: R },
  { block: 'b11', text: '20个', value: 20, unit: '个', period: R, indicator: '示范村合格村' },
  {
    block: 'b11',
    text: '20公里',
    value: 20,
    unit: '公里',
    period: R,
    indicator: '建成农村联网公路',
  },
  { block: 'b11', text: '34条', value: 34, unit: '条', period: R, indicator: '开通调整公交线路' },
  { block: 'b11', text: '10866个', value: 10866, unit: '个', period: R, indicator: '新增停车位' },
  { block: 'b11', text: '16座', value: 16, unit: '座', period: R, indicator: '山塘水库' },
  { block: 'b11', text: '103座', value: 103, unit: '座', period: R, indicator: '公厕' },
  { block: 'b12', text: '8所', value: 8, unit: '所', period: R, indicator: '校（园）' },
  { block: 'b12', text: '1004户', value: 1004, unit: '户', period: R, indicator: '新增公租房家庭' },
  { block: 'b12', text: '26053人', value: 26053, unit: '人', period: R, indicator: '城镇新增就业' },
  {
    block: 'b12',
    text: '13656人',
    value: 13656,
    unit: '人',
    period: R,
    indicator: '城镇失业人员再就业',
  },
  {
    block: 'b12',
    text: '2055家',
    value: 2055,
    unit: '家',
    period: R,
    indicator: '扶持大学生创业实体',
  },
  {
    block: 'b12',
    text: '18个',
    value: 18,
    unit: '个',
    period: R,
    indicator: '区域性居家养老服务中心和基层站点',
  },
  { block: 'b12', text: '254个', value: 254, unit: '个', period: R, indicator: '村委会（居委会）' },
  // `连续12年获评“省级平安区”`: a span of years, not a date.
  { block: 'b12', text: '12年', value: 12, unit: '年', period: R },
  { block: 'b13', text: '371件', value: 371, unit: '件', period: R, indicator: '建议提案' },
  {
    block: 'b19',
    text: '7%',
    value: 7,
    unit: '%',
    period: T,
    indicator: '地区生产总值',
    change: 'increase',
    qualifier: '左右',
  },
  {
    block: 'b19',
    text: '7%',
    nth: 1,
    value: 7,
    unit: '%',
    period: T,
    indicator: '一般公共预算收入',
    change: 'increase',
    qualifier: '左右',
  },
  {
    block: 'b19',
    text: '10%',
    value: 10,
    unit: '%',
    period: T,
    indicator: '商品销售额',
    change: 'increase',
    qualifier: '左右',
  },
  { block: 'b24', text: '15家', value: 15, unit: '家', period: T, indicator: '高新技术企业' },
  { block: 'b24', text: '100家', value: 100, unit: '家', period: T, indicator: '创新型初创企业' },
  {
    block: 'b25',
    text: '20%',
    value: 20,
    unit: '%',
    period: T,
    indicator: '“批而未供”土地总量',
    change: 'decrease',
  },
  // `降至1%以下` is a level to reach, not a change.
  {
    block: 'b25',
    text: '1%',
    value: 1,
    unit: '%',
    period: T,
    indicator: '闲置土地占比',
    qualifier: '以下',
  },
  {
    block: 'b25',
    text: '10%',
    value: 10,
    unit: '%',
    period: T,
    indicator: '民间投资',
    change: 'increase',
    qualifier: '以上',
  },
  {
    block: 'b27',
    text: '33%',
    value: 33,
    unit: '%',
    period: T,
    indicator: '规上工业企业技改投资项目和企业管理咨询覆盖率',
  },
  {
    block: 'b27',
    text: '8%',
    value: 8,
    unit: '%',
    period: T,
    indicator: '工业投资',
    change: 'increase',
    qualifier: '以上',
  },
  {
    block: 'b29',
    text: '10%',
    value: 10,
    unit: '%',
    period: T,
    indicator: '全社会研究与试验发展经费支出',
    change: 'increase',
    qualifier: '以上',
  },
  {
    block: 'b29',
    text: '10%',
    nth: 1,
    value: 10,
    unit: '%',
    period: T,
    indicator: '发明专利授权量',
    change: 'increase',
  },
  { block: 'b31', text: '40个', value: 40, unit: '个', period: T, indicator: '新开工项目' },
  { block: 'b31', text: '300亿元', value: 300, unit: '亿元', period: T, indicator: '项目投资' },
  { block: 'b31', text: '90万平方米', value: 90, unit: '万平方米', period: T, indicator: '征迁' },
  {
    block: 'b32',
    text: '20万元',
    value: 20,
    unit: '万元',
    period: T,
    indicator: '所有村集体经济收入',
    qualifier: '以上',
  },
  { block: 'b33', text: '100公里', value: 100, unit: '公里', period: T },
  { block: 'b33', text: '5000个', value: 5000, unit: '个', period: T, indicator: '新增停车位' },
  {
    block: 'b35',
    text: '1510户',
    value: 1510,
    unit: '户',
    period: T,
    indicator: '农村危旧房治理改造',
  },
  { block: 'b36', text: '100座', value: 100, unit: '座', period: T, indicator: '改造提升公厕' },
  { block: 'b37', text: '2个', value: 2, unit: '个', period: T, indicator: '市级以上品牌社区' },
  { block: 'b41', text: '18200人', value: 18200, unit: '人', period: T, indicator: '城镇新增就业' },
  { block: 'b41', text: '600套', value: 600, unit: '套', period: T, indicator: '新推出公租房' },
  {
    block: 'b41',
    text: '60%',
    value: 60,
    unit: '%',
    period: T,
    indicator: '城市社区居家养老服务机构',
    qualifier: '以上',
  },
  // In 三、切实加强政府自身建设, which goes on from the plan.
  {
    block: 'b47',
    text: '100天',
    value: 100,
    unit: '天',
    period: T,
    indicator: '一般企业投资项目开工前全流程审批',
    qualifier: '内',
  },
];

describe('the bundled report: figures checked by hand', () => {
  it('checks at least 30 figures', () => {
    expect(HAND_CHECKED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(
    HAND_CHECKED.map((expected) => [`${expected.block} ${expected.text}`, expected] as const),
  )('%s', (_label, expected) => {
    const figure = figureAt(FIGURES, expected.text, expected.block, expected.nth ?? 0);
    expect(figure, 'found').toBeDefined();
    expect(blockText(REPORT, expected.block).slice(figure!.start, figure!.end)).toBe(expected.text);
    expect(figure!.value).toBe(expected.value);
    expect(figure!.unit).toBe(expected.unit);
    expect(figure!.period).toBe(expected.period);
    if (expected.indicator !== undefined) expect(figure!.indicator).toBe(expected.indicator);
    expect(figure!.change).toBe(expected.change);
    expect(figure!.qualifier).toBe(expected.qualifier);
  });

  it('finds figures only in the body: none in the title lines or the 名词解释 appendix', () => {
    const kinds = new Set(
      FIGURES.map((f) => REPORT.blocks.find((block) => block.id === f.block)!.kind),
    );
    expect([...kinds]).toEqual(['paragraph']);
    // `产值在3亿元以下` defines a term in the appendix; it is no figure of the report.
    expect(overlapsFigure(REPORT, FIGURES, 'b55', '3亿元')).toBe(false);
  });

  it('puts the review in result, the plan and the sections after it in target', () => {
    const periodOf = (block: string) =>
      new Set(FIGURES.filter((f) => f.block === block).map((f) => f.period));
    for (const block of ['b8', 'b9', 'b10', 'b11', 'b12', 'b13']) {
      expect([...periodOf(block)], block).toEqual(['result']);
    }
    for (const block of ['b19', 'b23', 'b25', 'b32', 'b41', 'b47']) {
      expect([...periodOf(block)], block).toEqual(['target']);
    }
    const counts = { result: 0, target: 0, other: 0 };
    for (const figure of FIGURES) counts[figure.period]++;
    expect(counts.result).toBeGreaterThanOrEqual(50);
    expect(counts.target).toBeGreaterThanOrEqual(50);
    expect(counts.other).toBe(0);
  });
});

describe('the bundled report: numbers that are not figures', () => {
  const NOT_FIGURES: [string, string, string][] = [
    ['a year', 'b6', '2017年'],
    ['a year opening a sentence', 'b7', '2017年'],
    ['a year in a heading', 'b16', '2018年'],
    ['an anniversary', 'b17', '40周年'],
    ['a road', 'b8', '214省道'],
    ['a road, again', 'b33', '214省道'],
    ['a quoted talent programme', 'b9', '“3315计划”'],
    ['a policy named after a year', 'b10', '中国制造2025'],
    ['a policy named after a year, again', 'b27', '中国制造2025'],
    ['a quoted industry scheme', 'b10', '“365”'],
    ['a ranking list', 'b10', '500强'],
    ['a grade of scenic area', 'b10', '5A级'],
    ['a grade before a count', 'b10', '3A级'],
    ['a grade in the plan', 'b28', '3A级'],
    ['an alley', 'b11', '12弄'],
    ['a substation', 'b11', '110KV岐阳变'],
    ['a substation', 'b11', '35KV龙观变'],
    ['a substation in the plan', 'b33', '220KV望春变'],
    ['a hotline name', 'b12', '81890'],
    ['a hotline name, again', 'b42', '81890'],
    ['a quoted cooperation name', 'b21', '“16+1”'],
    ['a network generation', 'b33', '5G'],
    ['a quoted name with a unit inside', 'b39', '“15分钟公共文化圈”'],
    ['a run of titles', 'b42', '13连冠'],
    ['the session date', 'b2', '2018年2月7日'],
    ['the signature date', 'b63', '2018年2月1日'],
  ];

  it.each(NOT_FIGURES)('%s: %s %s', (_label, block, text) => {
    expect(overlapsFigure(REPORT, FIGURES, block, text)).toBe(false);
  });

  it('has no figure for the 十九大 or 十三五 (numbers in Chinese numerals name things)', () => {
    for (const block of ['b7', 'b8', 'b12', 'b17', 'b45']) {
      for (const name of ['十九大', '十三五']) {
        const text = blockText(REPORT, block);
        if (text.includes(name)) expect(overlapsFigure(REPORT, FIGURES, block, name)).toBe(false);
      }
    }
  });
});

describe('the bundled report: lists that share one verb', () => {
  it('力争大市外内资、浙商回归资金、实际利用外资达120亿元、60亿元、3.6亿美元: three figures, each with its indicator', () => {
    const list = FIGURES.filter((f) => f.block === 'b23');
    expect(list.map((f) => [f.text, f.value, f.unit, f.indicator, f.period])).toEqual([
      ['120亿元', 120, '亿元', '大市外内资', 'target'],
      ['60亿元', 60, '亿元', '浙商回归资金', 'target'],
      ['3.6亿美元', 3.6, '亿美元', '实际利用外资', 'target'],
    ]);
  });

  it('土地流转率、规模经营率分别达80%、50%: one indicator each', () => {
    expect(figureAt(FIGURES, '80%', 'b32')?.indicator).toBe('土地流转率');
    expect(figureAt(FIGURES, '50%', 'b32')?.indicator).toBe('规模经营率');
  });

  it('城乡居民人均可支配收入分别达到59482元、32743元: one indicator shared, as printed', () => {
    expect(figureAt(FIGURES, '59482元', 'b8')?.indicator).toBe('城乡居民人均可支配收入');
    expect(figureAt(FIGURES, '32743元', 'b8')?.indicator).toBe('城乡居民人均可支配收入');
  });

  it('城区、农村生活垃圾分类收集覆盖率分别达85%、50%以上: a shared noun is not split into 城区', () => {
    const first = figureAt(FIGURES, '85%', 'b36')!;
    const second = figureAt(FIGURES, '50%', 'b36')!;
    expect(first.indicator).toBe('城区、农村生活垃圾分类收集覆盖率');
    expect(second.indicator).toBe(first.indicator);
    expect([first.qualifier, second.qualifier]).toEqual([undefined, '以上']);
  });

  it('新增创新型领军企业2家、高新技术企业15家、创新型初创企业100家: each names its own', () => {
    expect(FIGURES.filter((f) => f.block === 'b24').map((f) => f.indicator)).toEqual([
      '新增创新型领军企业',
      '高新技术企业',
      '创新型初创企业',
    ]);
  });
});
