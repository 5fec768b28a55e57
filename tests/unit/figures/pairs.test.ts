/**
 * 目标 vs 实绩 on the bundled report, the key that names a figure across
 * reports and editions, and the kind used to filter the table.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/core/figures/figure';
import { figureLabel, formatQuantity } from '../../../src/core/figures/figure';
import {
  figureKey,
  indicatorKey,
  pairResultsWithTargets,
  targetPairs,
} from '../../../src/core/figures/pairs';
import { baseValue, figureKind, unitScale } from '../../../src/core/figures/units';
import { FIGURES } from './helpers';

const figure = (fields: Partial<Figure>): Figure => ({
  block: 'b1',
  start: 0,
  end: 1,
  text: '',
  value: 1,
  unit: '个',
  period: 'result',
  ...fields,
});

describe('target pairs of the bundled report', () => {
  const pairs = targetPairs(FIGURES);
  const row = (indicator: string) => {
    const pair = pairs.find((candidate) => candidate.indicator === indicator);
    return (
      pair && [pair.results.map(formatQuantity), pair.targets.map(formatQuantity), pair.change]
    );
  };

  it('地区生产总值: growth 6.3% in 2017 against 7%左右 for 2018', () => {
    expect(row('地区生产总值')).toEqual([['6.3%'], ['7%左右'], 'increase']);
  });

  it('一般公共预算收入: 0.9% against 7%左右', () => {
    expect(row('一般公共预算收入')).toEqual([['0.9%'], ['7%左右'], 'increase']);
  });

  it('counts of the same thing pair across verbs: 103座公厕 against 改造提升公厕100座', () => {
    expect(row('公厕')).toEqual([['103座'], ['100座'], undefined]);
    expect(row('城镇新增就业')).toEqual([['26053人'], ['18200人'], undefined]);
    expect(row('停车位')).toEqual([['10866个'], ['5000个'], undefined]);
  });

  it('a level never pairs with a change: 1164.48亿元 stays out of the growth pair', () => {
    const gdp = pairs.filter((pair) => pair.key.startsWith('地区生产总值|'));
    expect(gdp.map((pair) => pair.key)).toEqual(['地区生产总值|increase|%']);
  });

  it('every pair has a result and a target, each of its own period', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    for (const pair of pairs) {
      expect(pair.results.every((f) => f.period === 'result')).toBe(true);
      expect(pair.targets.every((f) => f.period === 'target')).toBe(true);
    }
  });
});

describe('keys across reports and editions', () => {
  it('folds quotes, spaces, full-width forms and an opening verb; keeps level or change and the base unit', () => {
    expect(indicatorKey('改造提升公厕')).toBe('公厕');
    expect(indicatorKey('“批而未供” 土地总量')).toBe('批而未供土地总量');
    expect(figureKey(figure({ indicator: '地区生产总值', change: 'increase', unit: '％' }))).toBe(
      '地区生产总值|increase|%',
    );
    expect(figureKey(figure({ indicator: '地区生产总值', unit: '亿元' }))).toBe(
      '地区生产总值|level|元',
    );
    expect(figureKey(figure({ unit: '亿元' }))).toBeUndefined();
  });

  it('last year targets against this year results (目标兑现): 亿元 and 万元 meet, growth and level do not', () => {
    const lastYearTargets = [
      figure({
        indicator: '地区生产总值',
        change: 'increase',
        value: 7,
        unit: '%',
        qualifier: '左右',
        period: 'target',
      }),
      figure({ indicator: '项目投资', value: 300, unit: '亿元', period: 'target' }),
      figure({ indicator: '新增停车位', value: 5000, unit: '个', period: 'target' }),
    ];
    const thisYearResults = [
      figure({ indicator: '地区生产总值', value: 1240, unit: '亿元' }),
      figure({ indicator: '地区生产总值', change: 'increase', value: 7.2, unit: '%' }),
      figure({ indicator: '项目投资', value: 3_120_000, unit: '万元' }),
    ];
    const pairs = pairResultsWithTargets(thisYearResults, lastYearTargets);
    expect(
      pairs.map((pair) => [
        pair.indicator,
        pair.results.map((f) => f.value),
        pair.targets.map((f) => f.value),
      ]),
    ).toEqual([
      ['地区生产总值', [7.2], [7]],
      ['项目投资', [3_120_000], [300]],
    ]);
    // In one unit for a chart: 312亿元 done against 300亿元 planned.
    expect(baseValue(pairs[1].results[0]) / baseValue(pairs[1].targets[0])).toBeCloseTo(1.04);
  });
});

describe('kinds and units', () => {
  it.each([
    ['亿元', 'money'],
    ['亿美元', 'money'],
    ['万元', 'money'],
    ['%', 'rate'],
    ['％', 'rate'],
    ['个百分点', 'rate'],
    ['倍', 'rate'],
    ['家', 'count'],
    ['万人', 'count'],
    ['万', 'count'],
    ['万平方米', 'other'],
    ['公里', 'other'],
    ['天', 'other'],
  ])('%s is %s', (unit, kind) => {
    expect(figureKind({ unit })).toBe(kind);
  });

  it('unitScale splits a multiplier from its base', () => {
    expect(unitScale('亿元')).toEqual({ base: '元', factor: 1e8 });
    expect(unitScale('万平方米')).toEqual({ base: '平方米', factor: 1e4 });
    expect(unitScale('千米')).toEqual({ base: '千米', factor: 1 });
    expect(unitScale('万')).toEqual({ base: '', factor: 1e4 });
  });

  it('labels put each qualifier where the report does', () => {
    expect(
      figureLabel(
        figure({
          indicator: '地区生产总值',
          change: 'increase',
          value: 7,
          unit: '%',
          qualifier: '左右',
        }),
      ),
    ).toBe('地区生产总值 增长 7%左右');
    expect(formatQuantity(figure({ value: 100, unit: '亿元', qualifier: '近' }))).toBe('近100亿元');
    expect(formatQuantity(figure({ value: 1000, unit: '万元', qualifier: '多' }))).toBe(
      '1000多万元',
    );
    expect(formatQuantity(figure({ value: 6.5, to: 7, unit: '%' }))).toBe('6.5–7%');
  });
});
