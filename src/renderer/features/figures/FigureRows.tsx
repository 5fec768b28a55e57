/**
 * Every figure the filter keeps, one row each: 指标, 数值, 变化, 限定, 时期,
 * 章节. A column's header sorts by it (again: the other way round); the
 * indicator is a button that jumps to the figure and marks it in the text.
 */
import { memo, type ReactNode } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { FigureRow, SortColumn } from './figure-table';

const COLUMNS: readonly { column: SortColumn; label: string }[] = [
  { column: 'indicator', label: '指标' },
  { column: 'quantity', label: '数值' },
  { column: 'change', label: '变化' },
  { column: 'qualifier', label: '限定' },
  { column: 'period', label: '时期' },
  { column: 'place', label: '章节' },
];

function Header() {
  const { figures } = useReader();
  const sort = useStore(figures, (state) => state.sort);
  return (
    <thead>
      <tr>
        {COLUMNS.map(({ column, label }) => {
          const sorted = sort.column === column;
          const direction = sort.descending ? 'descending' : 'ascending';
          return (
            <th
              key={column}
              scope="col"
              className={`column-${column}`}
              aria-sort={sorted ? direction : undefined}
            >
              <button type="button" className="sort-button" onClick={() => figures.sortBy(column)}>
                {label}
                <span className="sort-mark" aria-hidden="true">
                  {sorted ? (sort.descending ? '▼' : '▲') : ''}
                </span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** Memoised: choosing a figure re-renders the two rows whose mark changed, not all of them. */
const Row = memo(function Row({ row, current }: { row: FigureRow; current: boolean }) {
  const { figures } = useReader();
  const cells: ReactNode[] = [row.quantity, row.change, row.qualifier];
  return (
    <tr aria-current={current || undefined} className={`period-${row.figure.period}`}>
      <th scope="row" className="column-indicator">
        <button type="button" className="figure-jump" onClick={() => figures.choose(row.figure)}>
          {row.indicator === '' ? (
            <span className="figure-unnamed">（未标明）</span>
          ) : (
            row.indicator
          )}
        </button>
      </th>
      {cells.map((cell, index) => (
        <td key={index} className={`column-${COLUMNS[index + 1].column}`}>
          {cell}
        </td>
      ))}
      <td className="column-period">
        <span className="period-tag">{row.period}</span>
      </td>
      <td className="column-place" title={row.section}>
        {row.place}
      </td>
    </tr>
  );
});

export function FigureRows({ rows }: { rows: readonly FigureRow[] }) {
  const { figures } = useReader();
  const current = useStore(figures, (state) => state.current);
  return (
    <table className="figure-table figure-list">
      <caption className="visually-hidden">全部数字，共 {rows.length} 个，点指标跳到原文</caption>
      <Header />
      <tbody>
        {rows.map((row) => (
          <Row key={row.id} row={row} current={row.id === current} />
        ))}
      </tbody>
    </table>
  );
}
