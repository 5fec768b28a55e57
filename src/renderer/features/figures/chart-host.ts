/**
 * The 目标 vs 实绩 charts' ECharts instances, each made once and kept: the panel
 * closed and opened again puts the same drawn SVG back in place instead of
 * drawing it anew (drawing was most of an opening's work).
 * Only ECharts' bar chart, grid and SVG renderer are registered: no canvas,
 * no eval, and styles set through the DOM, which the page's CSP allows.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
// `use` renamed: it is ECharts' registry, not React's hook of that name.
import { init, use as install, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import {
  chartHeight,
  chartLabel,
  chartOption,
  PRINT_PALETTE,
  type ChartPalette,
} from './chart-option';
import type { ComparisonView } from './comparison';

install([BarChart, GridComponent, SVGRenderer]);

interface KeptChart {
  /** The picture: named for assistive technology, out of the tab order. */
  element: HTMLDivElement;
  chart: ECharts;
  /** What it was last drawn for: a redraw happens only when either changes. */
  width: number;
  theme: string;
}

/**
 * The charts kept: the open report's 目标与实绩, and its 目标兑现 against each
 * neighbouring year's report, at most three at once. Beyond KEPT, the chart
 * made longest ago (a report switched away from) is disposed, since ECharts
 * holds every live instance in a registry of its own.
 */
const KEPT = 4;
const charts = new Map<ComparisonView, KeptChart>();
const kept = {
  get: (view: ComparisonView): KeptChart | undefined => charts.get(view),
  set(view: ComparisonView, chart: KeptChart): void {
    charts.set(view, chart);
    for (const [old, entry] of charts) {
      if (charts.size <= KEPT) break;
      entry.chart.dispose();
      entry.element.remove();
      charts.delete(old);
    }
  },
};

/** Room for the indicator names: about two fifths of the chart, within reason. */
const labelWidth = (width: number) => Math.round(Math.min(150, Math.max(90, width * 0.4)));

/** Puts the view's chart into `parent`, made the first time; answers whether it is new. */
export function placeChart(view: ComparisonView, parent: HTMLElement): boolean {
  const entry = kept.get(view);
  if (entry) {
    parent.append(entry.element);
    return false;
  }
  const element = document.createElement('div');
  element.className = 'chart-host';
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', chartLabel(view));
  parent.append(element);
  const chart = init(element, null, { renderer: 'svg', height: chartHeight(view) });
  kept.set(view, { element, chart, width: -1, theme: '' });
  return true;
}

export function removeChart(view: ComparisonView): void {
  kept.get(view)?.element.remove();
}

/**
 * Draws the chart `width` px wide (by default, as wide as it was last drawn)
 * in `palette`, unless it already is drawn so. The width comes from a resize
 * observer, so an opening never forces a layout to read it.
 */
export function drawChart(
  view: ComparisonView,
  theme: string,
  palette: () => ChartPalette,
  width = kept.get(view)?.width ?? -1,
): void {
  const entry = kept.get(view);
  if (!entry || width <= 0 || (width === entry.width && theme === entry.theme)) return;
  if (width !== entry.width && entry.width !== -1) entry.chart.resize();
  entry.chart.setOption(chartOption(view, palette(), labelWidth(width)), { notMerge: true });
  entry.width = width;
  entry.theme = theme;
}

/** The chart's element, to watch its size. */
export const chartElement = (view: ComparisonView): HTMLElement | undefined =>
  kept.get(view)?.element;

/** The printed chart's width in CSS px: about the text's measure on an A4 page. */
export const PRINT_WIDTH = 620;

/** The chart for paper, in the print palette, as an SVG image's source. */
export function printedChartSource(view: ComparisonView): string {
  const instance = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: PRINT_WIDTH,
    height: chartHeight(view),
  });
  try {
    instance.setOption(chartOption(view, PRINT_PALETTE, labelWidth(PRINT_WIDTH)));
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(instance.renderToSVGString())}`;
  } finally {
    instance.dispose();
  }
}
