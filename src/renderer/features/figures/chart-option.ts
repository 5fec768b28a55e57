/**
 * The 目标 vs 实绩 chart as an ECharts option (plain data, tested under
 * Node): one row per indicator, a bar for each side, each row scaled on its
 * own (a growth rate in % and jobs in persons share no axis), so no value
 * axis is drawn; each bar is labelled with what the report printed. Colours
 * come from the page's theme (or the print palette), never from ECharts'.
 */
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ComparisonView } from './comparison';

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption>;

export interface ChartPalette {
  text: string;
  muted: string;
  rule: string;
  result: string;
  target: string;
  /** The font the page uses, so labels match the panel's text. */
  font: string;
}

/** Light ink on white for paper, whatever the screen's theme. */
export const PRINT_PALETTE: ChartPalette = {
  text: '#000000',
  muted: '#444444',
  rule: '#999999',
  result: '#5a5a5a',
  target: '#b0b0b0',
  font: 'sans-serif',
};

/** Room per indicator: two bars and the gap between rows. */
export const ROW_HEIGHT = 46;
const TOP = 4;
const BOTTOM = 4;

export function chartHeight(view: ComparisonView): number {
  return TOP + BOTTOM + Math.max(view.rows.length, 1) * ROW_HEIGHT;
}

/** The chart's accessible name: what it shows, and that the table above holds the same. */
export function chartLabel(view: ComparisonView): string {
  return (
    `${view.labels.result}与${view.labels.target}对比图，${view.rows.length} 项指标，` +
    `每项按该项较大的一方缩放；数值见“${view.name ?? '目标与实绩'}”表`
  );
}

export function chartOption(
  view: ComparisonView,
  palette: ChartPalette,
  labelWidth: number,
): ChartOption {
  const label = (side: 'result' | 'target') => ({
    show: true,
    position: 'right' as const,
    color: palette.text,
    fontFamily: palette.font,
    fontSize: 12,
    formatter: ({ dataIndex }: { dataIndex: number }) => view.rows[dataIndex][side].text,
  });
  const bar = (side: 'result' | 'target', name: string, color: string): BarSeriesOption => ({
    type: 'bar',
    name,
    data: view.rows.map((row) => row.shares[side]),
    itemStyle: { color, borderRadius: [0, 2, 2, 0] },
    barWidth: 12,
    barGap: '25%',
    label: label(side),
    silent: true,
  });
  return {
    // Drawn at once: a panel that opens should show its chart, not grow it.
    animation: false,
    textStyle: { fontFamily: palette.font, color: palette.text },
    grid: { left: labelWidth + 8, right: 96, top: TOP, bottom: BOTTOM },
    xAxis: { type: 'value', min: 0, max: 1, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: view.rows.map((row) => row.indicator),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.rule } },
      axisLabel: {
        color: palette.text,
        fontFamily: palette.font,
        fontSize: 12,
        width: labelWidth,
        overflow: 'break',
        lineHeight: 15,
      },
    },
    series: [
      bar('result', view.labels.result, palette.result),
      bar('target', view.labels.target, palette.target),
    ],
  };
}
