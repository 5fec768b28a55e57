/**
 * The 目标 vs 实绩 chart in the panel, and on paper. Its code (ECharts, in
 * chart-host.ts) is a chunk of its own, loaded when the panel first opens.
 * It is a picture: the table above it says the same in text.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { chartLabel, PRINT_PALETTE, type ChartPalette } from './chart-option';
import {
  chartElement,
  drawChart,
  placeChart,
  printedChartSource,
  PRINT_WIDTH,
  removeChart,
} from './chart-host';
import type { ComparisonView } from './comparison';

const PROBES = ['text', 'muted', 'rule', 'result', 'target'] as const;

/** The theme's colours as the page resolved them (light-dark() and all), from hidden probes. */
function readPalette(probes: HTMLElement): ChartPalette {
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
    font: getComputedStyle(probes.parentElement ?? probes).fontFamily,
  };
}

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
  const chosen = useStore(settings, (state) => state.theme);
  const dark = useSyncExternalStore(subscribeScheme, systemDark);
  const theme = `${chosen}|${dark}`;
  const holder = useRef<HTMLDivElement>(null);
  const probes = useRef<HTMLSpanElement>(null);
  const latestTheme = useRef(theme);

  // Placed first, kept when the panel closes: opening again draws nothing new.
  useEffect(() => {
    const parent = holder.current;
    if (!parent) return;
    placeChart(view, parent);
    const palette = () => readPalette(probes.current!);
    // Also the first draw: the observer reports the element's width once it is laid out.
    const resized = new ResizeObserver(([entry]) =>
      drawChart(view, latestTheme.current, palette, Math.round(entry.contentRect.width)),
    );
    const element = chartElement(view);
    if (element) resized.observe(element);
    return () => {
      resized.disconnect();
      removeChart(view);
    };
  }, [view]);

  // A theme chosen while the panel shows: drawn anew at the width it has.
  useEffect(() => {
    latestTheme.current = theme;
    drawChart(view, theme, () => readPalette(probes.current!));
  }, [view, theme]);

  return (
    <div className="comparison-chart" ref={holder}>
      <span ref={probes} className="chart-probes" aria-hidden="true">
        {PROBES.map((name) => (
          <span key={name} className={`chart-probe-${name}`} />
        ))}
      </span>
    </div>
  );
}

/** The chart for paper: the print palette, as an SVG image, drawn once per view. */
export function PrintedChart({ view }: { view: ComparisonView }) {
  const source = useMemo(() => printedChartSource(view), [view]);
  return <img src={source} alt={chartLabel(view)} width={PRINT_WIDTH} />;
}
