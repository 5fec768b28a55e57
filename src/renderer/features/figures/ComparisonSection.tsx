/**
 * 目标与实绩: the table of indicators with both a result and a target, and
 * its chart below it. The chart's code (ECharts) loads as a chunk of its own
 * the first time this shows; the table needs none of it.
 */
import { lazy, Suspense } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { ComparisonView } from './comparison';
import { ComparisonTable } from './ComparisonTable';

const ComparisonChart = lazy(() =>
  import('./ComparisonChart').then((module) => ({ default: module.ComparisonChart })),
);

export function ComparisonSection({ view }: { view: ComparisonView }) {
  const { figures } = useReader();
  const current = useStore(figures, (state) => state.current);
  return (
    <section className="comparison" aria-labelledby="comparison-title">
      <h3 className="panel-subtitle" id="comparison-title">
        目标与实绩
      </h3>
      {view.rows.length === 0 ? (
        <p className="panel-empty">本报告中没有同一指标既有实绩又有目标的数字。</p>
      ) : (
        <>
          <ComparisonTable
            view={view}
            current={current}
            onChoose={(cell, index) => figures.choose(cell.figures[index])}
          />
          <ul className="chart-legend" aria-hidden="true">
            <li className="legend-result">{view.labels.result}</li>
            <li className="legend-target">{view.labels.target}</li>
          </ul>
          <Suspense fallback={<div className="chart-loading">正在绘制图表…</div>}>
            <ComparisonChart view={view} />
          </Suspense>
        </>
      )}
    </section>
  );
}
