/**
 * 目标兑现 in the 数说报告 panel: one section per neighbouring year's report
 * of the same place on the shelf (last year's: its targets against this
 * report's results; next year's: this report's targets against its results),
 * each a table and its chart. Without one, a line says how to get it.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { VERDICT_RULES } from '../../../core/figures/fulfilment';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { NeighbourSection } from './fulfilment-store';
import { verdictSummary, type FulfilmentSide, type FulfilmentView } from './fulfilment-view';
import { FulfilmentTable } from './FulfilmentTable';

const ComparisonChart = lazy(() =>
  import('./ComparisonChart').then((module) => ({ default: module.ComparisonChart })),
);

/** Where each side comes from: `2018年目标出自本报告，实绩出自次年报告《…》。` */
export function sourceLine(section: Pick<NeighbourSection, 'role' | 'neighbour'>): string {
  const other = `《${section.neighbour.title}》`;
  return section.role === 'previous'
    ? `目标出自上年报告${other}，实绩出自本报告。`
    : `目标出自本报告，实绩出自次年报告${other}。`;
}

function Rows({ view }: { view: FulfilmentView }) {
  const { figures, shelf } = useReader();
  const current = useStore(figures, (state) => state.current);
  const table = useRef<HTMLDivElement>(null);
  // Opened at a figure from the other year's report: its row is brought into view.
  useEffect(() => {
    table.current
      ?.querySelector('[aria-current="true"]')
      ?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, []);
  const choose = (side: FulfilmentSide) => {
    const { block, start, end } = side.figure;
    if (side.onScreen) figures.choose(side.figure);
    else void shelf.open(side.report, { arrival: { block, start, end } });
  };
  return (
    <>
      <p className="fulfilment-summary">{verdictSummary(view.counts)}</p>
      <div ref={table}>
        <FulfilmentTable view={view} current={current} onChoose={choose} />
      </div>
      <p className="fulfilment-rules">{VERDICT_RULES}</p>
      <ul className="chart-legend" aria-hidden="true">
        <li className="legend-result">{view.labels.result}</li>
        <li className="legend-target">{view.labels.target}</li>
      </ul>
      <Suspense fallback={<div className="chart-loading">正在绘制图表…</div>}>
        <ComparisonChart view={view.chart} />
      </Suspense>
    </>
  );
}

function Section({ section }: { section: NeighbourSection }) {
  const { view } = section;
  const id = `fulfilment-${section.role}`;
  const title = view?.year === undefined ? '目标兑现' : `目标兑现：${view.year}年`;
  return (
    <section className="fulfilment" aria-labelledby={id} data-role={section.role}>
      <h3 className="panel-subtitle" id={id}>
        {title}
      </h3>
      <p className="fulfilment-source">{sourceLine(section)}</p>
      {section.status === 'loading' && <p className="panel-empty">正在读取其中的数字…</p>}
      {section.status === 'failed' && (
        <p className="panel-empty">未能读取这份报告的数字：{section.error}</p>
      )}
      {view && view.rows.length === 0 && (
        <p className="panel-empty">两份报告中没有能对上的指标。</p>
      )}
      {view && view.rows.length > 0 && <Rows view={view} />}
    </section>
  );
}

export function FulfilmentSections() {
  const { fulfilment } = useReader();
  // The shelf is followed while the panel shows: a report added meanwhile brings its section.
  useEffect(() => fulfilment.attach(), [fulfilment]);
  const sections = useStore(fulfilment, (state) => state.sections);
  if (sections.length === 0) {
    return (
      <p className="panel-hint fulfilment-hint">
        目标兑现：把同一地方上一年或下一年的报告加入书架，这里会逐项对照目标与实绩。
      </p>
    );
  }
  return sections.map((section) => (
    <Section key={`${section.role}-${section.neighbour.id}`} section={section} />
  ));
}
