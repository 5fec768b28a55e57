/**
 * 目标兑现 across two years of one district: the 2018 report's targets matched
 * to the results the 2019 report gives, through changes of wording and unit,
 * each judged; what looks alike but is not the same left out; and the rules
 * for 左右, 以上, 以内, ranges, 力争 and results with a qualifier, one by one.
 */
import { describe, expect, it } from 'vitest';
import type { Figure, TargetFigure } from '../../../src/shared/figures';
import { formatQuantity } from '../../../src/core/figures/figure';
import { fulfilment, judge, VERDICT_LABELS } from '../../../src/core/figures/fulfilment';
import { yearFigures } from '../../../src/core/figures/year-figures';
import { yearIndicator, yearKey } from '../../../src/core/figures/year-key';
import { FIGURES, figuresOf, REPORT } from './helpers';
import { HAISHU_2019, REPORT_2018, REPORT_2019 } from './two-years';

const yearsOf = (source: string) => {
  const { document, figures } = figuresOf(source);
  return yearFigures(document, figures);
};

const table = (targets: TargetFigure[], results: Figure[]) =>
  fulfilment(targets, results).map((row) => [
    row.indicator,
    formatQuantity(row.target),
    formatQuantity(row.result),
    VERDICT_LABELS[row.verdict],
  ]);

describe('two years of one district', () => {
  const last = yearsOf(REPORT_2018);
  const next = yearsOf(REPORT_2019);
  const rows = table(last.targets, next.results);

  it('matches each 2018 target to its 2019 result and judges it', () => {
    expect(rows).toEqual([
      ['地区生产总值', '7.5%左右', '7.3%', '完成'],
      ['一般公共预算收入', '8%', '12.6%', '超额完成'],
      ['固定资产投资', '10%以上', '9.2%', '未完成'],
      ['农村居民人均可支配收入', '3.3万元', '33650元', '超额完成'],
      ['城镇新增就业', '15000人', '1.62万人', '超额完成'],
      ['城镇登记失业率', '3%以内', '1.98%', '完成'],
      ['单位GDP能耗', '3.5%', '4.1%', '超额完成'],
      ['引进大市外内资', '60亿元', '58亿元', '未完成'],
      ['实际利用外资', '2亿美元', '2.3亿美元', '超额完成'],
      ['新开工项目', '35个', '38个', '超额完成'],
      ['项目投资', '150亿元', '162亿元', '超额完成'],
      ['新增停车位', '3000个', '3120个', '超额完成'],
      ['改造提升公厕', '80座', '80座', '完成'],
      ['闲置土地占比', '1%以下', '0.6%', '完成'],
      ['城区、农村生活垃圾分类收集覆盖率', '85%', '88%', '超额完成'],
      ['城区、农村生活垃圾分类收集覆盖率', '50%以上', '47%', '未完成'],
    ]);
  });

  it('follows the wording across years: 全区生产总值, 财政一般公共预算收入, 全社会固定资产投资, 单位地区生产总值能耗', () => {
    const resultOf = (indicator: string) =>
      fulfilment(last.targets, next.results).find((row) => row.indicator === indicator)?.result
        .indicator;
    expect(resultOf('地区生产总值')).toBe('生产总值');
    expect(resultOf('一般公共预算收入')).toBe('财政一般公共预算收入');
    expect(resultOf('固定资产投资')).toBe('全社会固定资产投资');
    expect(resultOf('单位GDP能耗')).toBe('单位地区生产总值能耗');
  });

  it('never matches what only looks alike', () => {
    const indicators = fulfilment(last.targets, next.results).flatMap((row) => [
      row.target.indicator,
      row.result.indicator,
    ]);
    // 支出 is not 收入; 居民 is not 城镇居民; 2.1% is not 1个百分点.
    expect(indicators).not.toContain('一般公共预算支出');
    expect(indicators).not.toContain('居民人均可支配收入');
    expect(indicators).not.toContain('城镇居民人均可支配收入');
    expect(indicators).not.toContain('服务业增加值比重');
    // A target for 2020 is no 2018 target; a total since 2016 is no 2018 result.
    expect(indicators).not.toContain('高新技术产业增加值占规上工业比重');
    expect(indicators).not.toContain('新增就业');
    // Nothing of the 2017 review or of the 2019 plan.
    const values = fulfilment(last.targets, next.results).flatMap((row) => [
      row.target.text,
      row.result.text,
    ]);
    for (const stale of ['7.8%', '1.4万人', '7%']) expect(values).not.toContain(stale);
  });

  it('states how a 左右 was read', () => {
    const gdp = fulfilment(last.targets, next.results)[0];
    expect(gdp.band).toBe('7.125%–7.875%');
  });
});

describe('the bundled 2018 report and the 2019 海曙区 report', () => {
  const last = yearFigures(REPORT, FIGURES);
  const next = yearsOf(HAISHU_2019);
  const rows = table(last.targets, next.results);

  it('judges the 2018 targets by the 2019 review: 增长7%左右 against 6.3% is 未完成', () => {
    expect(rows).toEqual([
      ['地区生产总值', '7%左右', '6.3%', '未完成'],
      ['一般公共预算收入', '7%左右', '12.5%', '超额完成'],
      ['商品销售额', '10%左右', '10.2%', '完成'],
      ['大市外内资', '120亿元', '125.3亿元', '超额完成'],
      ['浙商回归资金', '60亿元', '52亿元', '未完成'],
      ['实际利用外资', '3.6亿美元', '3.8亿美元', '超额完成'],
      ['民间投资', '10%以上', '8.5%', '未完成'],
      ['工业投资', '8%以上', '12.1%', '超额完成'],
      ['新开工项目', '40个', '42个', '超额完成'],
      ['项目投资', '300亿元', '312.6亿元', '超额完成'],
      ['新增停车位', '5000个', '5216个', '超额完成'],
      ['改造提升公厕', '100座', '100座', '完成'],
      ['城镇新增就业', '18200人', '2.05万人', '超额完成'],
      ['新推出公租房', '600套', '620套', '超额完成'],
    ]);
  });

  it('keeps the three 力争 figures of one list as stretch goals', () => {
    const stretched = last.targets.filter((target) => target.stretch).map((t) => t.text);
    expect(stretched).toEqual(['120亿元', '60亿元', '3.6亿美元']);
  });

  it('leaves 城区 alone against 城区、农村 and a total since 2016 out', () => {
    const indicators = fulfilment(last.targets, next.results).map((row) => row.result.indicator);
    expect(indicators).not.toContain('城区生活垃圾分类收集覆盖率');
    expect(indicators).not.toContain('“三改”面积');
  });
});

describe('the year key', () => {
  it('folds the district’s name for itself, 财政, 规上 and GDP, and nothing else', () => {
    expect(yearIndicator('地区生产总值')).toBe('生产总值');
    expect(yearIndicator('全区生产总值')).toBe('生产总值');
    expect(yearIndicator('财政一般公共预算收入')).toBe('一般公共预算收入');
    expect(yearIndicator('公共财政预算收入')).toBe('一般公共预算收入');
    expect(yearIndicator('规上工业增加值')).toBe('规模以上工业增加值');
    expect(yearIndicator('单位ＧＤＰ能耗')).toBe('单位生产总值能耗');
    // 收入 alone would name nothing: 财政 stays.
    expect(yearIndicator('财政收入')).toBe('财政收入');
    expect(yearIndicator('城镇居民人均可支配收入')).toBe('城镇居民人均可支配收入');
  });

  it('keeps change and level, and % and 个百分点, apart; 亿元 and 万元 together', () => {
    const key = (fields: Partial<Figure>) =>
      yearKey({ indicator: '生产总值', unit: '%', ...fields });
    expect(key({ change: 'increase' })).toBe(key({ change: 'decrease' }));
    expect(key({ change: 'increase' })).not.toBe(key({}));
    expect(key({ change: 'increase', unit: '个百分点' })).not.toBe(key({ change: 'increase' }));
    expect(key({ unit: '亿元' })).toBe(key({ unit: '万元' }));
  });

  it('gives no key to an indicator too general to match across reports', () => {
    expect(yearKey({ indicator: '完成项目', unit: '个' })).toBeUndefined();
    expect(yearKey({ indicator: '全区投资', unit: '亿元' })).toBeUndefined();
    expect(yearKey({ unit: '个' })).toBeUndefined();
  });
});

const figure = (fields: Partial<TargetFigure>): TargetFigure => ({
  block: 'b1',
  start: 0,
  end: 1,
  text: '',
  value: 1,
  unit: '%',
  indicator: '地区生产总值',
  period: 'target',
  ...fields,
});
const growth = (value: number, fields: Partial<TargetFigure> = {}) =>
  figure({ value, change: 'increase', ...fields });
const verdict = (target: Figure, result: Figure) => VERDICT_LABELS[judge(target, result).verdict];

describe('judging one target', () => {
  it('左右 and 约: within 5% either way is 完成', () => {
    const target = growth(7, { qualifier: '左右' });
    expect(verdict(target, growth(6.3))).toBe('未完成');
    expect(verdict(target, growth(6.65))).toBe('完成');
    expect(verdict(target, growth(7.35))).toBe('完成');
    expect(verdict(target, growth(7.4))).toBe('超额完成');
    expect(verdict(growth(7, { qualifier: '约' }), growth(6.9))).toBe('完成');
  });

  it('a bare value and 以上: at least it; equal is 完成, more 超额完成', () => {
    for (const qualifier of [undefined, '以上']) {
      const target = growth(10, { qualifier });
      expect(verdict(target, growth(10))).toBe('完成');
      expect(verdict(target, growth(10.1))).toBe('超额完成');
      expect(verdict(target, growth(9.9))).toBe('未完成');
    }
  });

  it('a ceiling: at most it, never 超额完成', () => {
    const target = figure({ indicator: '城镇登记失业率', value: 3, qualifier: '以内' });
    expect(verdict(target, figure({ value: 1.98 }))).toBe('完成');
    expect(verdict(target, figure({ value: 3 }))).toBe('完成');
    expect(verdict(target, figure({ value: 3.2 }))).toBe('未完成');
  });

  it('a decrease, and an indicator where less is better', () => {
    const target = figure({ indicator: '能耗', value: 3.5, change: 'decrease' });
    expect(verdict(target, figure({ value: 4.1, change: 'decrease' }))).toBe('超额完成');
    expect(verdict(target, figure({ value: 2, change: 'decrease' }))).toBe('未完成');
    // It rose instead: far from the target.
    expect(verdict(target, figure({ value: 1, change: 'increase' }))).toBe('未完成');
    const unemployment = figure({ indicator: '城镇登记失业率', value: 3 });
    expect(verdict(unemployment, figure({ value: 2.5 }))).toBe('超额完成');
  });

  it('a range: within is 完成, beyond 超额完成', () => {
    const target = growth(6.5, { to: 7 });
    expect(verdict(target, growth(6.8))).toBe('完成');
    expect(verdict(target, growth(7.2))).toBe('超额完成');
    expect(verdict(target, growth(6.2))).toBe('未完成');
  });

  it('units convert: 18200人 against 2.05万人, 3.3万元 against 33650元', () => {
    const jobs = figure({ indicator: '城镇新增就业', value: 18200, unit: '人' });
    expect(verdict(jobs, figure({ value: 2.05, unit: '万人' }))).toBe('超额完成');
    expect(verdict(jobs, figure({ value: 1.82, unit: '万人' }))).toBe('完成');
    const income = figure({ value: 3.3, unit: '万元' });
    expect(verdict(income, figure({ value: 32999, unit: '元' }))).toBe('未完成');
  });

  it('a result with a qualifier is a span: 无法判断 where it straddles the target', () => {
    const target = figure({ value: 100, unit: '亿元' });
    expect(verdict(target, figure({ value: 100, unit: '亿元', qualifier: '超过' }))).toBe('完成');
    expect(verdict(target, figure({ value: 120, unit: '亿元', qualifier: '超过' }))).toBe(
      '超额完成',
    );
    expect(verdict(target, figure({ value: 95, unit: '亿元', qualifier: '超过' }))).toBe(
      '无法判断',
    );
    expect(verdict(target, figure({ value: 100, unit: '亿元', qualifier: '近' }))).toBe('无法判断');
    expect(verdict(target, figure({ value: 80, unit: '亿元', qualifier: '近' }))).toBe('未完成');
  });
});

describe('力争', () => {
  const results = [growth(7.2, { period: 'result', block: 'r1' })];

  it('beside an expected target: the expected one is judged; reaching the stretch goal too is 超额完成', () => {
    const expected = growth(7, { qualifier: '左右' });
    const stretch = growth(8, { stretch: true, start: 5 });
    expect(fulfilment([expected, stretch], results)[0]).toMatchObject({
      verdict: 'met',
      stretch: { value: 8 },
    });
    const reached = [growth(8.1, { period: 'result' })];
    expect(fulfilment([expected, stretch], reached)[0].verdict).toBe('exceeded');
    const between = growth(7.1, { stretch: true });
    expect(fulfilment([expected, between], results)[0].verdict).toBe('exceeded');
  });

  it('alone: it is the target, at least its value', () => {
    const stretch = growth(8, { stretch: true });
    expect(fulfilment([stretch], results)[0].verdict).toBe('missed');
  });
});

describe('what is left out rather than guessed', () => {
  it('several different values on one side, not one list matched by another', () => {
    const targets = [growth(7), growth(8, { block: 'b2' })];
    expect(fulfilment(targets, [growth(7.5, { period: 'result' })])).toEqual([]);
    const results = [growth(7.5, { period: 'result' }), growth(8.5, { period: 'result' })];
    expect(fulfilment([growth(7)], results)).toEqual([]);
  });

  it('the same value restated counts once', () => {
    const targets = [
      growth(7, { qualifier: '左右' }),
      growth(7, { qualifier: '左右', block: 'b9' }),
    ];
    expect(fulfilment(targets, [growth(7.1, { period: 'result' })])).toHaveLength(1);
  });
});

describe('year figures', () => {
  it('leave out several years: 年均, 过去五年, a heading of five years, 到2020年', () => {
    const { results, targets } = yearsOf(
      [
        '政府工作报告',
        '',
        '2022年1月6日在某某区第二届人民代表大会第一次会议上',
        '',
        '各位代表：',
        '',
        '一、过去五年工作回顾',
        '',
        '五年来，地区生产总值年均增长7.5%，城镇新增就业9.8万人。',
        '',
        '二、2021年工作回顾',
        '',
        '2021年，地区生产总值增长8.2%。过去五年，一般公共预算收入年均增长9%。',
        '',
        '三、今后五年的奋斗目标',
        '',
        '地区生产总值年均增长6%左右。',
        '',
        '四、2022年主要目标任务',
        '',
        '地区生产总值增长6.5%左右，力争7%。到2025年，研发投入强度达到3.5%。到2022年底，新增停车位3000个。',
        '',
      ].join('\n'),
    );
    expect(results.map((figure) => figure.text)).toEqual(['8.2%']);
    expect(targets.map((figure) => [figure.text, figure.stretch ?? false])).toEqual([
      ['6.5%', false],
      ['7%', true],
      ['3000个', false],
    ]);
    // `力争7%` is the same growth as `增长6.5%左右`: it joins that row as its stretch goal.
    const next = [growth(7.1, { period: 'result', indicator: '全区生产总值' })];
    const [row] = fulfilment(targets, next);
    expect([row.target.text, row.stretch?.text, VERDICT_LABELS[row.verdict]]).toEqual([
      '6.5%',
      '7%',
      '超额完成',
    ]);
  });
});
