/**
 * The 数说报告 table on the bundled report: one row per figure with what each
 * column shows, then filtered by period, kind and words, and sorted by any
 * column either way, ties kept in reading order.
 */
import { describe, expect, it } from 'vitest';
import {
  buildFigureTable,
  figureTableOf,
  nextSort,
  READING_ORDER,
  visibleRows,
  type FigureRow,
  type FigureSort,
} from '../../../../src/renderer/features/figures/figure-table';
import { reportDocument } from '../fixtures';

const TABLE = buildFigureTable(reportDocument());
const row = (indicator: string, quantity: string): FigureRow => {
  const found = TABLE.rows.find((r) => r.indicator === indicator && r.quantity === quantity);
  if (!found) throw new Error(`no row ${indicator} ${quantity}`);
  return found;
};
const shown = (rows: FigureRow[]) => rows.map((r) => `${r.indicator} ${r.change}${r.quantity}`);
const sorted = (sort: FigureSort, selection = {}) => visibleRows(TABLE.rows, selection, sort);

describe('the rows', () => {
  it('are every figure, in reading order, counted by period', () => {
    expect(TABLE.rows).toHaveLength(109);
    expect(TABLE.counts).toEqual({ result: 54, target: 55, other: 0 });
    expect(TABLE.rows.map((r) => r.order)).toEqual(TABLE.rows.map((_, index) => index));
    expect(new Set(TABLE.rows.map((r) => r.id)).size).toBe(109);
  });

  it('show each column as the report prints it', () => {
    expect(row('地区生产总值', '1164.48亿元')).toMatchObject({
      id: 'b8:423',
      change: '',
      qualifier: '',
      period: '实绩',
      kind: 'money',
      place: '一（一）第1段',
      section: '一、2017年工作回顾 › （一）融合发展平稳推进',
    });
    expect(row('地区生产总值', '7%')).toMatchObject({
      change: '增长',
      qualifier: '左右',
      period: '目标',
      kind: 'rate',
      place: '二第3段',
    });
    expect(row('所有村集体经济收入', '20万元').qualifier).toBe('以上');
  });

  it('are made once per report document', () => {
    const document = reportDocument();
    expect(figureTableOf(document)).toBe(figureTableOf(document));
  });
});

describe('filtering', () => {
  it('keeps a period, a kind and words, all at once', () => {
    expect(visibleRows(TABLE.rows, { period: 'target' }, READING_ORDER)).toHaveLength(55);
    expect(
      shown(
        visibleRows(TABLE.rows, { period: 'target', kind: 'rate', query: '收入' }, READING_ORDER),
      ),
    ).toEqual(['一般公共预算收入 增长7%']);
    expect(visibleRows(TABLE.rows, { query: '停车位 目标' }, READING_ORDER)).toEqual([
      row('新增停车位', '5000个'),
    ]);
    // The 章节 column's citation finds its rows, as the section's title does.
    const fourth = TABLE.rows.filter((r) => r.place.startsWith('一（四）'));
    expect(fourth).toHaveLength(18);
    expect(visibleRows(TABLE.rows, { query: '一（四）' }, READING_ORDER)).toEqual(fourth);
    expect(visibleRows(TABLE.rows, { query: '城乡环境不断改善' }, READING_ORDER)).toEqual(fourth);
  });

  it('never changes the rows it was given', () => {
    const before = [...TABLE.rows];
    sorted({ column: 'indicator', descending: true }, { period: 'result' });
    expect(TABLE.rows).toEqual(before);
  });
});

describe('sorting', () => {
  it('by place is reading order, and the other way round', () => {
    expect(sorted(READING_ORDER)).toEqual(TABLE.rows);
    expect(sorted({ column: 'place', descending: true })).toEqual([...TABLE.rows].reverse());
  });

  it('by value compares within a unit: money by its amount in 元, whatever the multiplier', () => {
    const money = sorted({ column: 'quantity', descending: false }, { kind: 'money' });
    // 美元 and 元 are apart: 3.6亿美元 is not compared with 20万元.
    expect(shown(money.filter((r) => r.figure.unit.endsWith('美元')))).toEqual([
      '实际利用外资 3.6亿美元',
    ]);
    const yuan = money.filter((r) => !r.figure.unit.endsWith('美元'));
    expect(money.slice(1)).toEqual(yuan);
    expect(yuan[0].quantity).toBe('32743元');
    expect(yuan.at(-1)!.quantity).toBe('1164.48亿元');
    const amounts = yuan.map(
      (r) => r.figure.value * { 元: 1, 万元: 1e4, 亿元: 1e8 }[r.figure.unit]!,
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    const rates = sorted({ column: 'quantity', descending: true }, { kind: 'rate' });
    expect(rates[0].quantity).toBe('85%');
  });

  it('by indicator in Chinese collation, nameless rows last either way', () => {
    const up = sorted({ column: 'indicator', descending: false });
    const down = sorted({ column: 'indicator', descending: true });
    const names = up.map((r) => r.indicator).filter((name) => name !== '');
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
    expect(down.map((r) => r.indicator).filter((name) => name !== '')).toEqual(
      [...names].reverse(),
    );
  });

  it('by qualifier or change puts the rows that have one first, ties in reading order', () => {
    const qualified = sorted({ column: 'qualifier', descending: false });
    const withOne = TABLE.rows.filter((r) => r.qualifier !== '').length;
    expect(qualified.slice(0, withOne).every((r) => r.qualifier !== '')).toBe(true);
    expect(qualified.slice(withOne).map((r) => r.order)).toEqual(
      TABLE.rows.filter((r) => r.qualifier === '').map((r) => r.order),
    );
    expect(sorted({ column: 'change', descending: false })[0].change).toBe('下降');
  });

  it('by period: results, then targets', () => {
    const periods = sorted({ column: 'period', descending: false }).map((r) => r.figure.period);
    expect(periods.indexOf('target')).toBe(54);
    expect(periods.lastIndexOf('result')).toBe(53);
  });

  it('turns round on a second click of the same column, starts ascending on another', () => {
    expect(nextSort(READING_ORDER, 'place')).toEqual({ column: 'place', descending: true });
    expect(nextSort({ column: 'place', descending: true }, 'quantity')).toEqual({
      column: 'quantity',
      descending: false,
    });
  });
});
