/**
 * The 数说报告 table as plain data (tested under Node): one row per figure
 * with what each column shows, worked out once when the panel first opens,
 * then filtered and sorted on every change of the panel's controls.
 */
import { figureId, formatValue, PERIOD_LABELS, changeWord } from '../../../core/figures/figure';
import type { FigurePeriod } from '../../../core/figures/figure';
import { extractFigures } from '../../../core/figures/extract';
import { sectionTitles } from '../../../core/figures/csv';
import { targetPairs } from '../../../core/figures/pairs';
import { placeWords, selectable, selectionTest } from '../../../core/figures/select';
import type { FigureSelection, SelectableFigure } from '../../../core/figures/select';
import { unitScale, baseValue, type FigureKind } from '../../../core/figures/units';
import { locationLabel } from '../../../core/report/location';
import type { ReportDocument } from '../../../shared/document';
import { comparisonView, type ComparisonView } from './comparison';
import type { FigureSort, SortColumn } from './figure-sort';

export interface FigureRow extends SelectableFigure {
  /** `b8:41`: unique in the report, the row's key and what a jump marks. */
  id: string;
  /** Its place in reading order. */
  order: number;
  /** Empty when the report names nothing the figure measures. */
  indicator: string;
  /** Value and unit as printed: `1164.48亿元`, `6.5–7%`. */
  quantity: string;
  /** `增长`, `下降` or empty for a level. */
  change: string;
  qualifier: string;
  period: string;
  /** Where it is, as the 发言提纲 cites it: `一（一）第1段`. */
  place: string;
  /** The section path: `一、2017年工作回顾 › （一）…`. */
  section: string;
}

export interface FigureTable {
  rows: FigureRow[];
  /** Rows per period, for the filter's labels. */
  counts: Record<FigurePeriod, number>;
  /** 目标 vs 实绩 of this report. */
  comparison: ComparisonView;
}

export { nextSort, READING_ORDER, type FigureSort, type SortColumn } from './figure-sort';

export function buildFigureTable(document: ReportDocument): FigureTable {
  const figures = extractFigures(document);
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  const sectionOf = sectionTitles(document);
  const placeOf = placeWords(document);
  const rows = figures.map((figure, index): FigureRow => ({
    ...selectable(figure, placeOf(figure.block)),
    id: figureId(figure),
    order: index,
    indicator: figure.indicator ?? '',
    quantity: formatValue(figure) + figure.unit,
    change: figure.change === undefined ? '' : changeWord(figure.change),
    qualifier: figure.qualifier ?? '',
    period: PERIOD_LABELS[figure.period],
    place: locationLabel(document.blocks, document.outline, order, figure.block),
    section: sectionOf(figure.block),
  }));
  const counts = { result: 0, target: 0, other: 0 };
  for (const figure of figures) counts[figure.period]++;
  return { rows, counts, comparison: comparisonView(targetPairs(figures), document) };
}

/**
 * One table per report document, made the first time it is asked for: the
 * panel opened again, or opened by another component, reuses it.
 */
const tables = new WeakMap<ReportDocument, FigureTable>();
export function figureTableOf(document: ReportDocument): FigureTable {
  let table = tables.get(document);
  if (table === undefined) {
    table = buildFigureTable(document);
    tables.set(document, table);
  }
  return table;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
const KIND_ORDER: Record<FigureKind, number> = { money: 0, rate: 1, count: 2, other: 3 };
const PERIOD_ORDER: Record<FigurePeriod, number> = { result: 0, target: 1, other: 2 };

/** Values compare within a unit: money with money (`亿元` with `万元`), % with %, 个 with 个. */
function compareQuantity(a: FigureRow, b: FigureRow): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    collator.compare(unitScale(a.figure.unit).base, unitScale(b.figure.unit).base) ||
    baseValue(a.figure) - baseValue(b.figure)
  );
}

/** Empty cells last whichever way a column is sorted: they say nothing to compare. */
function textColumn(key: 'indicator' | 'change' | 'qualifier') {
  return (a: FigureRow, b: FigureRow, descending: boolean) => {
    if ((a[key] === '') !== (b[key] === '')) return a[key] === '' ? 1 : -1;
    const compared = collator.compare(a[key], b[key]);
    return descending ? -compared : compared;
  };
}

const signed =
  (compare: (a: FigureRow, b: FigureRow) => number) =>
  (a: FigureRow, b: FigureRow, descending: boolean) =>
    (descending ? -1 : 1) * compare(a, b);

const COMPARE: Record<SortColumn, (a: FigureRow, b: FigureRow, descending: boolean) => number> = {
  place: signed((a, b) => a.order - b.order),
  indicator: textColumn('indicator'),
  quantity: signed(compareQuantity),
  change: textColumn('change'),
  qualifier: textColumn('qualifier'),
  period: signed((a, b) => PERIOD_ORDER[a.figure.period] - PERIOD_ORDER[b.figure.period]),
};

/** The rows a selection keeps, in the chosen order; ties stay in reading order. */
export function visibleRows(
  rows: readonly FigureRow[],
  selection: FigureSelection,
  sort: FigureSort,
): FigureRow[] {
  const kept = rows.filter(selectionTest(selection));
  const compare = COMPARE[sort.column];
  return kept.sort((a, b) => compare(a, b, sort.descending) || a.order - b.order);
}
