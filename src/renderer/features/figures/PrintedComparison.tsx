/**
 * 目标与实绩 on paper: printed after the report while the 数说报告 panel is
 * open (the sidebar itself never prints), as the table and the chart in ink
 * that reads on white. Hidden on screen, where the panel shows both.
 */
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useReader } from '../../app/context';
import { chartLabel } from './chart-option';
import type { ComparisonView } from './comparison';
import { printedChart } from './ComparisonChart';
import { ComparisonTable } from './ComparisonTable';

/** The printed chart's width in CSS px: the text's measure on an A4 page. */
const PRINT_WIDTH = 620;

export function PrintedComparison({ view }: { view: ComparisonView }) {
  const { slots, document } = useReader();
  const source = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(printedChart(view, PRINT_WIDTH))}`,
    [view],
  );
  return createPortal(
    <section className="printed-comparison" aria-hidden="true">
      <h2>数说报告：目标与实绩</h2>
      <p className="printed-source">{document.title}</p>
      <ComparisonTable view={view} />
      <img src={source} alt={chartLabel(view)} width={PRINT_WIDTH} />
    </section>,
    slots.pane,
  );
}
