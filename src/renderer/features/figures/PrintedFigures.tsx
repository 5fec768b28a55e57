/**
 * 目标与实绩 on paper: printed after the report while 数说报告 is the
 * sidebar's panel, as the table and the chart in ink that reads on white.
 * It lives outside the sidebar, which never prints, and which printing to a
 * page narrower than the window closes. Hidden on screen, where the panel
 * shows both.
 */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ComparisonTable } from './ComparisonTable';

const PrintedChart = lazy(() =>
  import('./ComparisonChart').then((module) => ({ default: module.PrintedChart })),
);

export function PrintedFigures() {
  const { slots, document, sidebar, figures } = useReader();
  const shown = useStore(sidebar, (state) => state.panel === 'figures');
  // The panel is the one chosen, so its figures are extracted already.
  const view = shown ? figures.table().comparison : null;
  if (!view || view.rows.length === 0) return null;
  return createPortal(
    <section className="printed-comparison" aria-hidden="true">
      <h2>数说报告：目标与实绩</h2>
      <p className="printed-source">{document.title}</p>
      <ComparisonTable view={view} />
      <p className="printed-legend">
        深色：{view.labels.result}；浅色：{view.labels.target}。每项按该项较大的一方缩放。
      </p>
      <Suspense fallback={null}>
        <PrintedChart view={view} />
      </Suspense>
    </section>,
    slots.pane,
  );
}
