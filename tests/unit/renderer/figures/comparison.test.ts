/**
 * 目标 vs 实绩 as the panel shows it, and the chart's option drawn from it:
 * the bundled report's ten indicators, each side as printed, bars scaled
 * within their row; and the same view fed by two reports (目标兑现).
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../src/core/figures/extract';
import { pairResultsWithTargets, targetPairs } from '../../../../src/core/figures/pairs';
import { parseReport } from '../../../../src/core/report/parse-report';
import {
  chartHeight,
  chartLabel,
  chartOption,
  PRINT_PALETTE,
  ROW_HEIGHT,
} from '../../../../src/renderer/features/figures/chart-option';
import { comparisonView, reportLabels } from '../../../../src/renderer/features/figures/comparison';
import { reportDocument } from '../fixtures';

const document = reportDocument();
const VIEW = comparisonView(targetPairs(extractFigures(document)), document);
const rowOf = (indicator: string) => VIEW.rows.find((row) => row.indicator === indicator)!;

describe('the comparison', () => {
  it('has the report’s ten indicators with both sides, labelled by year', () => {
    expect(VIEW.labels).toEqual({ result: '2017年实绩', target: '2018年目标' });
    expect(VIEW.rows.map((row) => [row.indicator, row.result.text, row.target.text])).toEqual([
      ['地区生产总值增长', '6.3%', '7%左右'],
      ['一般公共预算收入增长', '0.9%', '7%左右'],
      ['创建示范乡镇', '1个', '1个'],
      ['风景线', '1条', '1条'],
      ['示范村合格村', '20个', '22个'],
      ['农村联网公路', '20公里', '25公里'],
      ['新增停车位', '10866个', '5000个'],
      ['公厕', '103座', '100座'],
      ['校（园）', '8所', '5所'],
      ['城镇新增就业', '26053人', '18200人'],
    ]);
  });

  it('says each side’s own indicator only where the two differ', () => {
    expect(rowOf('农村联网公路').result.note).toBe('建成农村联网公路');
    expect(rowOf('农村联网公路').target.note).toBe('改造提升农村联网公路');
    expect(rowOf('公厕').target.note).toBe('改造提升公厕');
    expect(rowOf('新增停车位').result.note).toBe('');
    expect(rowOf('地区生产总值增长').result.note).toBe('');
  });

  it('scales each row by its larger side', () => {
    const gdp = rowOf('地区生产总值增长').shares;
    expect(gdp.target).toBe(1);
    expect(gdp.result).toBeCloseTo(6.3 / 7);
    expect(rowOf('新增停车位').shares).toEqual({ result: 1, target: 5000 / 10866 });
    expect(rowOf('风景线').shares).toEqual({ result: 1, target: 1 });
  });

  it('labels sides plainly when the report gives no year', () => {
    expect(reportLabels({ date: undefined, occasion: undefined })).toEqual({
      result: '实绩',
      target: '目标',
    });
  });

  it('takes last year’s targets and the next report’s results (目标兑现), each side sourced', () => {
    const last = parseReport(
      '某区2018年政府工作报告\n2018年1月10日\n一、2017年工作回顾\n地区生产总值增长6.3%。\n' +
        '二、2018年主要目标任务\n地区生产总值增长7%左右，新增停车位5000个。\n',
    );
    const next = parseReport(
      '某区2019年政府工作报告\n2019年1月12日\n一、2018年工作回顾\n地区生产总值增长7.2%，新增停车位6120个。\n' +
        '二、2019年主要目标任务\n地区生产总值增长7%。\n',
    );
    const fulfilment = comparisonView(
      pairResultsWithTargets(
        extractFigures(next).filter((figure) => figure.period === 'result'),
        extractFigures(last).filter((figure) => figure.period === 'target'),
      ),
      { result: '2018年实绩（2019年报告）', target: '2018年目标（2018年报告）' },
      { result: 'report-2019', target: 'report-2018' },
    );
    expect(fulfilment.rows.map((row) => [row.indicator, row.result.text, row.target.text])).toEqual(
      [
        ['地区生产总值增长', '7.2%', '7%左右'],
        ['新增停车位', '6120个', '5000个'],
      ],
    );
    expect(fulfilment.rows[0].result.source).toBe('report-2019');
    expect(fulfilment.rows[0].target.source).toBe('report-2018');
  });
});

describe('the chart', () => {
  const option = chartOption(VIEW, PRINT_PALETTE, 120);
  const series = option.series as {
    name: string;
    data: number[];
    label: { formatter: (p: { dataIndex: number }) => string };
    itemStyle: { color: string };
  }[];

  it('draws one bar per side per indicator, at its row’s share, in the palette’s colours', () => {
    expect(series.map((s) => s.name)).toEqual(['2017年实绩', '2018年目标']);
    expect(series[0].data).toEqual(VIEW.rows.map((row) => row.shares.result));
    expect(series[1].data).toEqual(VIEW.rows.map((row) => row.shares.target));
    expect(series.map((s) => s.itemStyle.color)).toEqual([
      PRINT_PALETTE.result,
      PRINT_PALETTE.target,
    ]);
    expect((option.yAxis as { data: string[] }).data).toEqual(
      VIEW.rows.map((row) => row.indicator),
    );
  });

  it('labels each bar with what the report printed, not its share', () => {
    expect(series[0].label.formatter({ dataIndex: 0 })).toBe('6.3%');
    expect(series[1].label.formatter({ dataIndex: 0 })).toBe('7%左右');
    expect(series[1].label.formatter({ dataIndex: 6 })).toBe('5000个');
  });

  it('is as tall as its rows, and named for assistive technology', () => {
    expect(chartHeight(VIEW)).toBe(8 + 10 * ROW_HEIGHT);
    expect(chartLabel(VIEW)).toBe(
      '2017年实绩与2018年目标对比图，10 项指标，每项按该项较大的一方缩放；数值见“目标与实绩”表',
    );
    expect(option.animation).toBe(false);
  });
});
