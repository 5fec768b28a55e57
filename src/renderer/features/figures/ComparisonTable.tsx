/**
 * 目标 vs 实绩 side by side: one row per indicator, what the report gives as
 * done and as planned. On screen each figure is a jump to it in the text; on
 * paper the same table prints as text. The chart's accessible alternative.
 */
import { figureId } from '../../../core/figures/figure';
import type { ComparisonCell, ComparisonView } from './comparison';

interface Props {
  view: ComparisonView;
  /** A figure's cell was chosen; absent on paper. */
  onChoose?(cell: ComparisonCell, index: number): void;
  /** The id of the figure marked in the text. */
  current?: string | null;
}

function Cell({ cell, onChoose, current }: Omit<Props, 'view'> & { cell: ComparisonCell }) {
  return (
    <td>
      {cell.texts.map((part, index) =>
        onChoose ? (
          <button
            key={index}
            type="button"
            className="figure-jump"
            aria-current={current === figureId(cell.figures[index]) || undefined}
            onClick={() => onChoose(cell, index)}
          >
            {part}
          </button>
        ) : (
          <span key={index} className="comparison-value">
            {part}
          </span>
        ),
      )}
      {cell.note !== '' && <span className="comparison-note">{cell.note}</span>}
    </td>
  );
}

export function ComparisonTable({ view, onChoose, current }: Props) {
  return (
    <table className="figure-table comparison-table">
      <caption className="visually-hidden">
        {view.labels.result}与{view.labels.target}，共 {view.rows.length} 项指标
      </caption>
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col">{view.labels.result}</th>
          <th scope="col">{view.labels.target}</th>
        </tr>
      </thead>
      <tbody>
        {view.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.indicator}</th>
            <Cell cell={row.result} onChoose={onChoose} current={current} />
            <Cell cell={row.target} onChoose={onChoose} current={current} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
