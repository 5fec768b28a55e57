/**
 * The figures as CSV for Excel and WPS: UTF-8 with a BOM (without one both
 * read Chinese as mojibake), RFC 4180 quoting and CRLF line ends, and no cell
 * that a spreadsheet would run as a formula. Text from an opened report is
 * untrusted: an indicator such as `=HYPERLINK(…)` or `@SUM(…)` must arrive as
 * text.
 */
import type { ReportDocument } from '../../shared/document';
import { sectionPath } from '../report/location';
import { changeWord, formatValue, PERIOD_LABELS, type Figure } from './figure';

export const CSV_HEADER = ['指标', '数值', '单位', '变化', '限定', '时期', '章节'] as const;

const BOM = '\uFEFF';
/** What a spreadsheet may take for the start of a formula, half- or full-width, or a control that hides one. */
const FORMULA_START = /^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r\n]/u;
const NEEDS_QUOTES = /[",\r\n]/u;

/** A cell that a spreadsheet shows as the text it is: `'` before a formula start. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quoted when it holds a quote, a comma or a line end; quotes doubled. */
export function csvCell(cell: string): string {
  const safe = neutralise(cell);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The section a block is in, as its outline path: `一、2017年工作回顾 › （一）融合发展平稳推进`. */
export function sectionTitles(
  document: Pick<ReportDocument, 'blocks' | 'outline'>,
): (block: string) => string {
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  return (block) =>
    sectionPath(document.outline, order, block)
      .map((entry) => entry.title)
      .join(' › ');
}

/** A CSV file's text: a BOM, then each row (the header first), CRLF after every row. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** The figures' CSV: the header, one row per figure. */
export function figuresCsv(
  figures: readonly Figure[],
  document: Pick<ReportDocument, 'blocks' | 'outline'>,
): string {
  const section = sectionTitles(document);
  const rows = figures.map((figure) => [
    figure.indicator ?? '',
    formatValue(figure),
    figure.unit,
    figure.change === undefined ? '' : changeWord(figure.change),
    figure.qualifier ?? '',
    PERIOD_LABELS[figure.period],
    section(figure.block),
  ]);
  return csvText([CSV_HEADER, ...rows]);
}
