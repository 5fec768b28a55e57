/**
 * Reports of other places, written for these tests in the style of their
 * work reports: a 昆都仑区-style one (one year reviewed, the next planned,
 * 预计 results), a 武昌区-style one (five years reviewed, `由…增加到…`, the
 * next five years and the coming year planned, 年均 growth), and one with no
 * outline at all, where only the sentences say when.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/core/figures/figure';
import { targetPairs } from '../../../src/core/figures/pairs';
import { figureAt, figuresOf, report } from './helpers';

const pick = (figure: Figure | undefined) =>
  figure && {
    value: figure.value,
    unit: figure.unit,
    period: figure.period,
    indicator: figure.indicator,
    change: figure.change,
    qualifier: figure.qualifier,
  };

describe('a 昆都仑区-style report', () => {
  const source = report('2018年1月10日', '昆都仑区', [
    '一、2017年工作回顾',
    '过去的一年，面对复杂严峻的经济形势，我们坚持稳中求进工作总基调，全区经济社会保持平稳健康发展。预计全年完成地区生产总值580.5亿元，增长6.8%；一般公共预算收入完成23.6 亿元，同比下降4.2%；城镇常住居民人均可支配收入达到45,892元，增长7.1%。全年城镇新增就业1.2万人，城镇登记失业率控制在3.5%以内。',
    '（一）产业转型步伐加快。实施亿元以上项目42个，完成投资126.3亿元。新建改造供热管网32.6公里，建成保障性住房1200套，“十三五”规划确定的2017年目标全面完成。',
    '二、2018年工作安排',
    '2018年全区经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长5%，固定资产投资增长10%以上，城乡居民人均可支配收入分别增长7%和8%，城镇登记失业率控制在4%以内。',
    '（一）抓项目稳投资。力争全年实施重点项目50个以上，完成投资超过150亿元。城镇新增就业１．５万人。改造老旧小区约80万平方米。',
  ]);
  const { figures } = figuresOf(source);

  it('reads the review as results, 预计 or not', () => {
    expect(pick(figureAt(figures, '580.5亿元'))).toEqual({
      value: 580.5,
      unit: '亿元',
      period: 'result',
      indicator: '地区生产总值',
      change: undefined,
      qualifier: undefined,
    });
    expect(pick(figureAt(figures, '6.8%'))).toMatchObject({
      period: 'result',
      indicator: '地区生产总值',
      change: 'increase',
    });
    // Printed `23.6 亿元`: the parser closes the gap, as it does for `17282 家`.
    expect(pick(figureAt(figures, '23.6亿元'))).toMatchObject({
      value: 23.6,
      period: 'result',
      indicator: '一般公共预算收入',
    });
    expect(pick(figureAt(figures, '4.2%'))).toMatchObject({
      indicator: '一般公共预算收入',
      change: 'decrease',
    });
    expect(pick(figureAt(figures, '45,892元'))).toMatchObject({
      value: 45892,
      indicator: '城镇常住居民人均可支配收入',
    });
    expect(pick(figureAt(figures, '1.2万人'))).toMatchObject({
      value: 1.2,
      unit: '万人',
      indicator: '城镇新增就业',
    });
    expect(pick(figureAt(figures, '3.5%'))).toMatchObject({
      qualifier: '以内',
      indicator: '城镇登记失业率',
      change: undefined,
    });
    expect(pick(figureAt(figures, '42个'))).toMatchObject({
      period: 'result',
      indicator: '实施亿元以上项目',
    });
    expect(pick(figureAt(figures, '32.6公里'))).toMatchObject({ indicator: '新建改造供热管网' });
    expect(pick(figureAt(figures, '1200套'))).toMatchObject({ indicator: '建成保障性住房' });
  });

  it('reads the plan as targets, with their qualifiers, and 分别增长7%和8% as a list', () => {
    expect(pick(figureAt(figures, '6.5%'))).toMatchObject({
      period: 'target',
      indicator: '地区生产总值',
      change: 'increase',
      qualifier: '左右',
    });
    expect(pick(figureAt(figures, '5%'))).toMatchObject({
      period: 'target',
      indicator: '一般公共预算收入',
      change: 'increase',
    });
    expect(pick(figureAt(figures, '10%'))).toMatchObject({
      indicator: '固定资产投资',
      qualifier: '以上',
    });
    expect(pick(figureAt(figures, '7%'))).toMatchObject({
      indicator: '城乡居民人均可支配收入',
      change: 'increase',
    });
    expect(pick(figureAt(figures, '8%'))).toMatchObject({
      indicator: '城乡居民人均可支配收入',
      change: 'increase',
    });
    expect(pick(figureAt(figures, '4%'))).toMatchObject({ qualifier: '以内', period: 'target' });
    expect(pick(figureAt(figures, '50个'))).toMatchObject({
      qualifier: '以上',
      indicator: '实施重点项目',
    });
    expect(pick(figureAt(figures, '150亿元'))).toMatchObject({
      qualifier: '超过',
      indicator: '投资',
    });
    expect(pick(figureAt(figures, '１．５万人'))).toMatchObject({
      value: 1.5,
      unit: '万人',
      period: 'target',
      indicator: '城镇新增就业',
    });
    expect(pick(figureAt(figures, '80万平方米'))).toMatchObject({
      qualifier: '约',
      indicator: '改造老旧小区',
    });
  });

  it('leaves out the year a plan was set for: `2017年目标`', () => {
    expect(figures.some((figure) => figure.text.includes('2017'))).toBe(false);
  });

  it('pairs results with targets of the same indicator', () => {
    const pairs = targetPairs(figures).map((pair) => [
      pair.indicator,
      pair.results.map((f) => f.text),
      pair.targets.map((f) => f.text),
    ]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['地区生产总值', ['6.8%'], ['6.5%']],
        ['城镇新增就业', ['1.2万人'], ['１．５万人']],
        ['城镇登记失业率', ['3.5%'], ['4%']],
      ]),
    );
    // A fall in 2017 and a rise planned for 2018 are not the same measure.
    expect(pairs.find(([indicator]) => indicator === '一般公共预算收入')).toBeUndefined();
  });
});

describe('a 武昌区-style report', () => {
  const source = report('2018年1月8日', '武昌区', [
    '一、过去五年工作回顾',
    '五年来，全区地区生产总值由800.2亿元增加到1253.8亿元，年均增长9.1%；地方一般公共预算收入年均增长12.3%。累计新增市场主体5.6万户，建成各类保障性住房2.3万套，改造老旧社区126个。按照“十三五”规划，力争到2020年服务业增加值占比达到85%。',
    '二、今后五年的目标任务和2018年工作',
    '今后五年，全区经济社会发展的主要目标是：地区生产总值年均增长8%左右，到2022年突破1800亿元。',
    '去年，全区完成社会消费品零售总额1020亿元，今年增长10%。新建改建学校6所，新增停车泊位3000个。',
  ]);
  const { figures } = figuresOf(source);

  it('由800.2亿元增加到1253.8亿元: two levels of one indicator, both results', () => {
    expect(pick(figureAt(figures, '800.2亿元'))).toMatchObject({
      period: 'result',
      indicator: '地区生产总值',
      change: undefined,
    });
    expect(pick(figureAt(figures, '1253.8亿元'))).toMatchObject({
      period: 'result',
      indicator: '地区生产总值',
      change: undefined,
    });
    expect(pick(figureAt(figures, '9.1%'))).toMatchObject({
      period: 'result',
      indicator: '地区生产总值',
      change: 'increase',
    });
    expect(pick(figureAt(figures, '12.3%'))).toMatchObject({
      indicator: '地方一般公共预算收入',
      change: 'increase',
    });
  });

  it('counts in 万 keep the multiplier in the unit', () => {
    expect(pick(figureAt(figures, '5.6万户'))).toMatchObject({
      value: 5.6,
      unit: '万户',
      indicator: '新增市场主体',
    });
    expect(pick(figureAt(figures, '2.3万套'))).toMatchObject({ value: 2.3, unit: '万套' });
  });

  it('a 力争 in the review is a target', () => {
    expect(pick(figureAt(figures, '85%'))).toMatchObject({
      period: 'target',
      indicator: '服务业增加值占比',
    });
  });

  it('the plan: targets, but a sentence opening with 去年 reports', () => {
    expect(pick(figureAt(figures, '8%'))).toMatchObject({
      period: 'target',
      indicator: '地区生产总值',
      change: 'increase',
      qualifier: '左右',
    });
    expect(pick(figureAt(figures, '1800亿元'))).toMatchObject({
      period: 'target',
      qualifier: '突破',
    });
    expect(pick(figureAt(figures, '1020亿元'))).toMatchObject({
      period: 'result',
      indicator: '社会消费品零售总额',
    });
    expect(pick(figureAt(figures, '6所'))).toMatchObject({
      period: 'target',
      indicator: '新建改建学校',
    });
    expect(pick(figureAt(figures, '3000个'))).toMatchObject({
      period: 'target',
      indicator: '新增停车泊位',
    });
  });
});

describe('a report with no outline', () => {
  const source = report('2018年1月5日', '某区', [
    '全区上下团结一心，各项事业取得新进展。去年，全区地区生产总值达到320亿元，增长7.2%。今年，全区地区生产总值预期增长7%，新增城镇就业8000人。全区共有社区45个。',
  ]);
  const { figures } = figuresOf(source);

  it('takes the period from each sentence: 去年 reports, 今年 plans, otherwise other', () => {
    expect(figures.map((f) => [f.text, f.period])).toEqual([
      ['320亿元', 'result'],
      ['7.2%', 'result'],
      ['7%', 'target'],
      ['8000人', 'target'],
      ['45个', 'other'],
    ]);
  });
});
