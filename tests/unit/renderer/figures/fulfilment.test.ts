/**
 * 目标兑现 in the renderer under Node: the view of two years' reports from
 * either side (which figures are on screen, which open the other report), the
 * chart's rows named with their verdicts, the store that finds the neighbour
 * on the shelf and asks main for its figures once, and the CSV.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../src/shared/api';
import type { YearFigures } from '../../../../src/shared/figures';
import type { LibraryReport } from '../../../../src/shared/library';
import { BUNDLED_REPORT_ID } from '../../../../src/shared/library';
import { extractFigures } from '../../../../src/core/figures/extract';
import { parseReport } from '../../../../src/core/report/parse-report';
import { yearFigures } from '../../../../src/core/figures/year-figures';
import { chartLabel } from '../../../../src/renderer/features/figures/chart-option';
import { fulfilmentCsvFile } from '../../../../src/renderer/features/figures/figure-files';
import { FulfilmentStore } from '../../../../src/renderer/features/figures/fulfilment-store';
import {
  fulfilmentView,
  verdictSummary,
} from '../../../../src/renderer/features/figures/fulfilment-view';
import { Store } from '../../../../src/renderer/store';
import { HAISHU_2019 } from '../../figures/two-years';
import { reportDocument } from '../fixtures';

const last = reportDocument();
const next = parseReport(HAISHU_2019);
const LAST_FIGURES = yearFigures(last, extractFigures(last));
const NEXT_FIGURES = yearFigures(next, extractFigures(next));

const entry = (id: string, title: string, date: string): LibraryReport => ({
  id,
  title,
  date,
  place: '海曙区',
  added: `${date}T00:00:00.000Z`,
  edition: id,
  editions: [],
  view: { position: null, collapsed: [] },
  counts: { annotations: 0, bookmarks: 0 },
});
const LAST = entry(BUNDLED_REPORT_ID, '2018年海曙区政府工作报告', '2018-02-07');
const NEXT = entry('c86c594bdd2d25cb', '2019年海曙区政府工作报告', '2019-01-15');

describe('the view', () => {
  const onNext = fulfilmentView(NEXT, NEXT_FIGURES, LAST, LAST_FIGURES, 'previous');
  const onLast = fulfilmentView(LAST, LAST_FIGURES, NEXT, NEXT_FIGURES, 'next');

  it('is the same rows from either year, labelled by the year of the targets', () => {
    expect(onNext.labels).toEqual({ target: '2018年目标', result: '2018年实绩' });
    expect(onNext.year).toBe(2018);
    expect(onNext.rows.map((row) => row.key)).toEqual(onLast.rows.map((row) => row.key));
    expect(onNext.rows).toHaveLength(14);
    expect(verdictSummary(onNext.counts)).toBe('超额完成 9 · 完成 2 · 未完成 3');
  });

  it('knows which side is on screen and which opens the other report', () => {
    const [gdp] = onNext.rows;
    expect(gdp.indicator).toBe('地区生产总值增长');
    expect([gdp.target.text, gdp.target.report, gdp.target.onScreen]).toEqual([
      '7%左右',
      BUNDLED_REPORT_ID,
      false,
    ]);
    expect([gdp.result.text, gdp.result.onScreen]).toEqual(['6.3%', true]);
    expect(onLast.rows[0].target.onScreen).toBe(true);
    expect(onLast.rows[0].result.onScreen).toBe(false);
    expect(gdp.band).toBe('6.65%–7.35%');
  });

  it('says 力争 and names a result only where its wording says more', () => {
    const foreign = onNext.rows.find((row) => row.indicator === '浙商回归资金')!;
    expect(foreign.stretchOnly).toBe(true);
    // 生产总值 and 财政一般公共预算收入 only add or drop a word in front.
    expect(onNext.rows.map((row) => row.resultName).filter(Boolean)).toEqual([]);
  });

  it('draws each row with its verdict, sourced from the two reports', () => {
    const { chart } = onNext;
    expect(chart.rows[0].indicator).toBe('地区生产总值增长\n未完成');
    expect([chart.rows[0].target.text, chart.rows[0].result.text]).toEqual(['7%左右', '6.3%']);
    expect(chart.rows[0].target.source).toBe(BUNDLED_REPORT_ID);
    expect(chartLabel(chart)).toMatch(
      /^2018年实绩与2018年目标对比图，14 项指标.*数值见“目标兑现”表$/,
    );
  });
});

describe('the CSV', () => {
  it('is one table: year, indicator, each side with its report, the verdict and how 左右 was read', () => {
    const view = fulfilmentView(NEXT, NEXT_FIGURES, LAST, LAST_FIGURES, 'previous');
    const file = fulfilmentCsvFile([view], NEXT);
    expect(file.fileName).toBe('2019年海曙区政府工作报告-目标兑现.csv');
    const lines = file.content.slice(1).split('\r\n');
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('年度,指标,目标,目标出处,实绩,实绩出处,评价,说明');
    expect(lines[1]).toBe(
      '2018,地区生产总值增长,7%左右,2018年海曙区政府工作报告,6.3%,2019年海曙区政府工作报告,未完成,左右、约按上下5%计：6.65%–7.35%',
    );
    expect(lines).toContain(
      '2018,浙商回归资金,力争60亿元,2018年海曙区政府工作报告,52亿元,2019年海曙区政府工作报告,未完成,',
    );
  });
});

class FakeShelf extends Store<{ reports: LibraryReport[] }> {
  get reports() {
    return this.getSnapshot().reports;
  }
  put(reports: LibraryReport[]) {
    this.set({ reports });
  }
}

describe('the store', () => {
  const made = (reports: LibraryReport[], answer?: Result<YearFigures>) => {
    const shelf = new FakeShelf({ reports });
    const fetch = vi.fn(async () => answer ?? { ok: true as const, value: LAST_FIGURES });
    const ownFigures = vi.fn(() => NEXT_FIGURES);
    const store = new FulfilmentStore({ own: NEXT, ownFigures, shelf, fetch });
    return { shelf, fetch, ownFigures, store };
  };

  it('finds last year’s report on the shelf and asks main for its figures once', async () => {
    const { store, fetch, shelf } = made([NEXT, LAST]);
    const stop = store.attach();
    expect(store.getSnapshot().sections).toMatchObject([{ role: 'previous', status: 'loading' }]);
    await vi.waitFor(() => expect(store.getSnapshot().sections[0].status).toBe('ready'));
    expect(fetch).toHaveBeenCalledWith(BUNDLED_REPORT_ID);
    expect(store.shown).toHaveLength(1);
    expect(store.shown[0].rows).toHaveLength(14);
    // A change of the shelf that leaves the neighbour as it was asks nothing again.
    shelf.put([NEXT, LAST, entry('e1', '2019年江北区政府工作报告', '2019-01-08')]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(store.shown).toHaveLength(1);
    stop();
  });

  it('brings the section in when the neighbour is added, and takes it out when it is removed', async () => {
    const { store, shelf } = made([NEXT]);
    const stop = store.attach();
    expect(store.getSnapshot().sections).toEqual([]);
    shelf.put([LAST, NEXT]);
    await vi.waitFor(() => expect(store.shown).toHaveLength(1));
    shelf.put([NEXT]);
    expect(store.getSnapshot().sections).toEqual([]);
    stop();
  });

  it('says why the neighbour’s figures could not be read, and asks again next time', async () => {
    const { store, fetch, shelf } = made([NEXT, LAST], { ok: false, error: '副本已损坏' });
    const stop = store.attach();
    await vi.waitFor(() =>
      expect(store.getSnapshot().sections[0]).toMatchObject({
        status: 'failed',
        error: '副本已损坏',
      }),
    );
    expect(store.shown).toEqual([]);
    shelf.put([NEXT]);
    shelf.put([NEXT, LAST]);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    stop();
  });

  it('stops following the shelf when the panel closes', () => {
    const { store, shelf, fetch } = made([NEXT]);
    store.attach()();
    shelf.put([NEXT, LAST]);
    expect(store.getSnapshot().sections).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });
});
