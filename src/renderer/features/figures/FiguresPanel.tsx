/**
 * 数说报告: every figure of the report with what it measures. 目标与实绩 first
 * (the indicators with both a result and a target, as a table and a chart),
 * then 目标兑现 (against the same place's report of the year before or after,
 * when the shelf has one), then the whole table with its filters, and the
 * files it exports. The figures are extracted the first time the panel opens
 * and kept after that.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { useFocusInto } from '../sidebar/useFocusInto';
import { useFigureTable } from './useFigureTable';
import { ComparisonSection } from './ComparisonSection';
import { FigureFilters } from './FigureFilters';
import { FigureRows } from './FigureRows';
import { FulfilmentSections } from './FulfilmentSection';

/** The panel's own buttons for the export commands (also in the 文件 menu). */
function FileActions() {
  const { commands, fulfilment } = useReader();
  const fulfilled = useStore(fulfilment, () => fulfilment.shown.length > 0);
  return (
    <div className="panel-actions button-row">
      <button
        type="button"
        className="tool-button"
        onClick={() => commands.run('figures.exportCsv')}
      >
        导出 CSV
      </button>
      {fulfilled && (
        <button
          type="button"
          className="tool-button"
          onClick={() => commands.run('figures.exportFulfilment')}
        >
          导出目标兑现 CSV
        </button>
      )}
      <button
        type="button"
        className="tool-button"
        onClick={() => commands.run('figures.exportNotes')}
      >
        导出发言提纲（含数据摘录）
      </button>
    </div>
  );
}

/** How many rows the filter keeps, and, while a figure is marked in the text, the way to clear it. */
function Status({ shown, total }: { shown: number; total: number }) {
  const { figures } = useReader();
  const current = useStore(figures, (state) => state.current);
  return (
    <p className="figure-status" role="status">
      <span>{shown === total ? `共 ${total} 个` : `显示 ${shown} / ${total} 个`}</span>
      {current !== null && (
        <button type="button" className="link-button" onClick={figures.clearMark}>
          清除原文标记
        </button>
      )}
    </p>
  );
}

/**
 * The whole table sits below 目标与实绩, out of sight when the panel opens: it
 * is drawn just after the panel's first frame, so an opening is one frame's
 * work (as search draws the rest of its results in the next frame).
 */
function useAfterFirstFrame(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setReady(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  return ready;
}

export function FiguresPanel() {
  const { figures } = useReader();
  const listReady = useAfterFirstFrame();
  // The first opening extracts (after loading the extraction code, if the idle
  // prefetch has not); every later one reads what was kept.
  const table = useFigureTable(figures);
  const rows = useStore(figures, figures.visibleRows);
  const section = useRef<HTMLElement>(null);
  useFocusInto('figures', () => section.current?.querySelector<HTMLElement>('button')?.focus());
  const { counts } = table;
  return (
    <section className="panel figures-panel" aria-labelledby="figures-panel-title" ref={section}>
      <h2 className="panel-title" id="figures-panel-title">
        数说报告
        <span className="panel-count">
          {table.rows.length} 个数字 · 实绩 {counts.result} · 目标 {counts.target}
        </span>
      </h2>
      <FileActions />
      <ComparisonSection view={table.comparison} />
      <FulfilmentSections />
      <section className="figure-all" aria-labelledby="figure-all-title">
        <h3 className="panel-subtitle" id="figure-all-title">
          全部数字
        </h3>
        <FigureFilters counts={counts} />
        <Status shown={rows.length} total={table.rows.length} />
        {rows.length === 0 ? (
          <p className="panel-empty">没有符合筛选条件的数字。</p>
        ) : (
          listReady && <FigureRows rows={rows} />
        )}
      </section>
    </section>
  );
}
