/**
 * 目标与实绩 and 目标兑现 on paper: printed after the report while 数说报告 is
 * the sidebar's panel, as the tables and the charts in ink that reads on
 * white. They live outside the sidebar, which never prints, and which
 * printing to a page narrower than the window closes. Hidden on screen, where
 * the panel shows them.
 *
 * Made once the panel has first shown (app/Reader.tsx), they stay while
 * other panels are chosen, only marked `hidden`
 * (which keeps them off paper too): made anew, the chart's image (an SVG
 * drawn by ECharts and parsed by the page as a data: URL, at once) cost more
 * than half of reopening the panel, which must be one frame's work.
 */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { VERDICT_RULES } from '../../../core/figures/fulfilment';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { useReportName } from '../library/useReportName';
import type { ComparisonView } from './comparison';
import { ComparisonTable } from './ComparisonTable';
import { sourceLine } from './FulfilmentSection';
import { FulfilmentTable } from './FulfilmentTable';
import { useFigureTable } from './useFigureTable';

const PrintedChart = lazy(() =>
  import('./ComparisonChart').then((module) => ({ default: module.PrintedChart })),
);

function Chart({ view }: { view: ComparisonView }) {
  return (
    <Suspense fallback={null}>
      <PrintedChart view={view} />
    </Suspense>
  );
}

function PrintedFulfilment() {
  const { fulfilment } = useReader();
  const sections = useStore(fulfilment, (state) => state.sections);
  return sections.map((section) => {
    const { view } = section;
    if (!view || view.rows.length === 0) return null;
    return (
      <section key={`${section.role}-${section.neighbour.id}`} className="printed-fulfilment">
        <h2>数说报告：目标兑现{view.year === undefined ? '' : `（${view.year}年）`}</h2>
        <p className="printed-source">{sourceLine(section)}</p>
        <FulfilmentTable view={view} />
        <p className="printed-legend">{VERDICT_RULES}</p>
        <p className="printed-legend">
          深色：{view.labels.result}；浅色：{view.labels.target}
          。每项按该项较大的一方缩放，名称下为评价。
        </p>
        <Chart view={view.chart} />
      </section>
    );
  });
}

export function PrintedFigures() {
  const { slots, sidebar, figures, fulfilment } = useReader();
  const name = useReportName();
  const shown = useStore(sidebar, (state) => state.panel === 'figures');
  const fulfilled = useStore(fulfilment, () => fulfilment.shown.length > 0);
  // Put up once the panel has shown (app/Reader.tsx), its figures extracted then.
  const view = useFigureTable(figures).comparison;
  // Nothing to print is no page at all (the section starts a page).
  if (view.rows.length === 0 && !fulfilled) return null;
  return createPortal(
    <section className="printed-comparison" aria-hidden="true" hidden={!shown}>
      {view.rows.length > 0 && (
        <>
          <h2>数说报告：目标与实绩</h2>
          <p className="printed-source">{name}</p>
          <ComparisonTable view={view} />
          <p className="printed-legend">
            深色：{view.labels.result}；浅色：{view.labels.target}。每项按该项较大的一方缩放。
          </p>
          <Chart view={view} />
        </>
      )}
      <PrintedFulfilment />
    </section>,
    slots.pane,
  );
}
