/**
 * The table's order as the column headers set it: apart from the table's
 * rows (figure-table.ts), whose extraction code is loaded only when 数说报告
 * is first opened, so the store that holds the order can be made at start.
 */

export type SortColumn = 'place' | 'indicator' | 'quantity' | 'change' | 'qualifier' | 'period';
export interface FigureSort {
  column: SortColumn;
  descending: boolean;
}
/** Reading order: what a report's figures are read in. */
export const READING_ORDER: FigureSort = { column: 'place', descending: false };

/** Clicking a column's header: sorts by it, or turns its order round when it already sorts. */
export function nextSort(current: FigureSort, column: SortColumn): FigureSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: false };
}
