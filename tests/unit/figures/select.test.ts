/**
 * Choosing figures by period, kind and words: what the 数说报告 panel's filter
 * keeps and what the 数据摘录 then holds, on the bundled report.
 */
import { describe, expect, it } from 'vitest';
import { figureLabel } from '../../../src/core/figures/figure';
import { foldText, queryWords, selectFigures } from '../../../src/core/figures/select';
import { figureKind } from '../../../src/core/figures/units';
import { FIGURES, REPORT } from './helpers';

const select = (selection: Parameters<typeof selectFigures>[1]) =>
  selectFigures(FIGURES, selection, REPORT);

describe('selectFigures', () => {
  it('keeps every figure, in order, when nothing is chosen', () => {
    expect(select({})).toEqual(FIGURES);
  });

  it('keeps one period', () => {
    expect(select({ period: 'target' })).toHaveLength(55);
    expect(select({ period: 'result' })).toHaveLength(54);
    expect(select({ period: 'target' }).every((figure) => figure.period === 'target')).toBe(true);
  });

  it('keeps one kind, by the unit', () => {
    const money = select({ kind: 'money' });
    expect(money.map((figure) => figure.unit)).not.toContain('%');
    expect(money.every((figure) => figureKind(figure) === 'money')).toBe(true);
    expect(money.map(figureLabel)).toContain('地区生产总值 1164.48亿元');
    expect(select({ kind: 'rate', period: 'target' }).map(figureLabel).slice(0, 3)).toEqual([
      '地区生产总值 增长 7%左右',
      '一般公共预算收入 增长 7%左右',
      '商品销售额 增长 10%左右',
    ]);
  });

  it('finds words in the indicator, the figure, the change, the qualifier and the section', () => {
    expect(select({ query: '地区生产总值' }).map(figureLabel)).toEqual([
      '地区生产总值 1164.48亿元',
      '地区生产总值 增长 6.3%',
      '地区生产总值 增长 7%左右',
    ]);
    // Every word must appear, as in 搜索; full-width and spaces fold away.
    expect(select({ query: '地区生产总值  增长 ７%' }).map(figureLabel)).toEqual([
      '地区生产总值 增长 7%左右',
    ]);
    expect(select({ query: '左右' })).toHaveLength(3);
    expect(select({ query: '工作回顾 停车位' }).map(figureLabel)).toEqual(['新增停车位 10866个']);
    expect(select({ query: '目标 停车位' }).map(figureLabel)).toEqual(['新增停车位 5000个']);
    expect(select({ query: '没有这个指标' })).toEqual([]);
  });

  it('combines all three', () => {
    expect(select({ period: 'result', kind: 'money', query: '收入' }).map(figureLabel)).toEqual([
      '财政总收入 163.84亿元',
      '一般公共预算收入 93.02亿元',
      '城乡居民人均可支配收入 59482元',
      '城乡居民人均可支配收入 32743元',
    ]);
  });
});

describe('query words', () => {
  it('fold as search does', () => {
    expect(foldText('ＧＤＰ 增长')).toBe('gdp增长');
    expect(queryWords('  ５G\u3000增长 ')).toEqual(['5g', '增长']);
    expect(queryWords('')).toEqual([]);
    expect(queryWords(undefined)).toEqual([]);
  });
});
