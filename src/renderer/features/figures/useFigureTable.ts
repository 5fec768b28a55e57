/**
 * The report's figure table, for a component that shows it: at once when the
 * extraction code is in (extracted on the spot the first time), else the
 * component suspends until `load()` has it (the panel says 正在载入 meanwhile).
 */
import { use } from 'react';
import type { FigureTable } from './figure-table';
import type { FiguresStore } from './figures-store';

export function useFigureTable(figures: FiguresStore): FigureTable {
  return figures.tableIfLoaded() ?? use(figures.load());
}
