/**
 * The 目标 vs 实绩 chart, drawn by Apache ECharts: only its bar chart, its
 * grid and its SVG renderer (no canvas, no eval, styles set through the DOM,
 * which the page's CSP allows), in a chunk of its own that loads when the
 * panel first opens. It is a picture: named for assistive technology, out of
 * the tab order, and the table beside it says the same in text.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
// `use` renamed: it is ECharts' registry, not React's hook of that name.
import { init, use as install, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import {
  chartHeight,
  chartLabel,
  chartOption,
  PRINT_PALETTE,
  type ChartPalette,
} from './chart-option';
import type { ComparisonView } from './comparison';

install([BarChart, GridComponent, SVGRenderer]);

const PROBES = ['text', 'muted', 'rule', 'result', 'target'] as const;

/** The theme's colours as the page resolved them (light-dark() and all), from hidden probes. */
function readPalette(probes: HTMLElement, host: HTMLElement): ChartPalette {
  const color = (name: (typeof PROBES)[number]) => {
    const probe = probes.querySelector(`.chart-probe-${name}`);
    return probe ? getComputedStyle(probe).color : PRINT_PALETTE[name];
  };
  return {
    text: color('text'),
    muted: color('muted'),
    rule: color('rule'),
    result: color('result'),
    target: color('target'),
    font: getComputedStyle(host).fontFamily,
  };
}

/** Room for the indicator names: about two fifths of the chart, within reason. */
const labelWidth = (width: number) => Math.round(Math.min(150, Math.max(90, width * 0.4)));

const DARK = '(prefers-color-scheme: dark)';
const subscribeScheme = (listener: () => void) => {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
};
const systemDark = () => window.matchMedia(DARK).matches;

export function ComparisonChart({ view }: { view: ComparisonView }) {
  const { settings } = useReader();
  // A new theme, or the system's when the reader follows it, means new colours.
  const theme = useStore(settings, (state) => state.theme);
  const dark = useSyncExternalStore(subscribeScheme, systemDark);
  const host = useRef<HTMLDivElement>(null);
  const probes = useRef<HTMLSpanElement>(null);
  const chart = useRef<ECharts | null>(null);

  const draw = () => {
    const element = host.current;
    if (!chart.current || !element || !probes.current) return;
    const palette = readPalette(probes.current, element);
    chart.current.setOption(chartOption(view, palette, labelWidth(element.clientWidth)), {
      notMerge: true,
    });
  };
  const drawNow = useRef(draw);
  useEffect(() => {
    drawNow.current = draw;
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg', height: chartHeight(view) });
    chart.current = instance;
    drawNow.current();
    let width = element.clientWidth;
    const resized = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      instance.resize();
      drawNow.current();
    });
    resized.observe(element);
    return () => {
      resized.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [view]);

  useEffect(() => drawNow.current(), [theme, dark]);

  return (
    <div className="comparison-chart">
      <span ref={probes} className="chart-probes" aria-hidden="true">
        {PROBES.map((name) => (
          <span key={name} className={`chart-probe-${name}`} />
        ))}
      </span>
      <div ref={host} className="chart-host" role="img" aria-label={chartLabel(view)} />
    </div>
  );
}

/** The printed chart's width in CSS px: about the text's measure on an A4 page. */
const PRINT_WIDTH = 620;

/** The chart for paper: the print palette, as an SVG image, drawn once per view. */
export function PrintedChart({ view }: { view: ComparisonView }) {
  const source = useMemo(() => {
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
  }, [view]);
  return <img src={source} alt={chartLabel(view)} width={PRINT_WIDTH} />;
}
