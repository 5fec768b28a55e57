/**
 * Choosing figures: by period, by kind and by words, as the 数说报告 panel
 * filters its table and as the 发言提纲's 数据摘录 takes the figures the
 * delegate chose there. One definition, so the excerpt holds exactly the rows
 * the panel showed.
 */
import type { ReportDocument } from '../../shared/document';
import { locationLabel } from '../report/location';
import { sectionTitles } from './csv';
import { changeWord, PERIOD_LABELS, type Figure, type FigurePeriod } from './figure';
import { figureKind, KIND_LABELS, type FigureKind } from './units';

/** What to keep; an absent field keeps every figure. */
export interface FigureSelection {
  period?: FigurePeriod;
  kind?: FigureKind;
  /** Words separated by spaces, all of which must appear (as in 搜索). */
  query?: string;
}

/** A figure with what the selection looks at, worked out once per figure. */
export interface SelectableFigure {
  figure: Figure;
  kind: FigureKind;
  /** Everything a word may match, folded: indicator, figure, change, qualifier, period, kind, place. */
  haystack: string;
}

/** As search compares: NFKC (full-width `５` is `5`), lower case, no whitespace. */
export const foldText = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

export function queryWords(query: string | undefined): string[] {
  if (query === undefined) return [];
  return query
    .normalize('NFKC')
    .split(/\s+/u)
    .map(foldText)
    .filter((word) => word !== '');
}

/** `place`: where the figure is, as placeWords gives it. */
export function selectable(figure: Figure, place: string): SelectableFigure {
  const kind = figureKind(figure);
  const parts = [
    figure.indicator ?? '',
    figure.text,
    figure.change === undefined ? '' : changeWord(figure.change),
    figure.qualifier ?? '',
    PERIOD_LABELS[figure.period],
    KIND_LABELS[kind],
    place,
  ];
  return { figure, kind, haystack: foldText(parts.join('\n')) };
}

/** The test a selection makes, built once for a whole table. */
export function selectionTest(selection: FigureSelection): (item: SelectableFigure) => boolean {
  const { period, kind } = selection;
  const words = queryWords(selection.query);
  return (item) =>
    (period === undefined || item.figure.period === period) &&
    (kind === undefined || item.kind === kind) &&
    words.every((word) => item.haystack.includes(word));
}

/**
 * Where a block is, as words may find it: its section path and its citation
 * (`一、2017年工作回顾 › （四）… 一（四）第1段`), worked out once per block.
 */
export function placeWords(
  document: Pick<ReportDocument, 'blocks' | 'outline'>,
): (block: string) => string {
  const path = sectionTitles(document);
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  const known = new Map<string, string>();
  return (block) => {
    let words = known.get(block);
    if (words === undefined) {
      words = `${path(block)}\n${locationLabel(document.blocks, document.outline, order, block)}`;
      known.set(block, words);
    }
    return words;
  };
}

/** The figures a selection keeps, in their order. */
export function selectFigures(
  figures: readonly Figure[],
  selection: FigureSelection,
  document: Pick<ReportDocument, 'blocks' | 'outline'>,
): Figure[] {
  const place = placeWords(document);
  const test = selectionTest(selection);
  return figures.filter((figure) => test(selectable(figure, place(figure.block))));
}
