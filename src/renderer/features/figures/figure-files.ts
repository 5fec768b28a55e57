/**
 * The panel's files: its table as CSV (made here, from the rows on screen:
 * the page already has them), and the 发言提纲 with a 数据摘录 of the same
 * rows (made by main with the notes, as the 批注 panel's export is).
 */
import { csvText, figuresCsv } from '../../../core/figures/csv';
import { ABOUT_RULE, VERDICT_LABELS } from '../../../core/figures/fulfilment';
import type { FigureSelection } from '../../../core/figures/select';
import type { ExportedFile } from '../../../shared/api';
import type { ScopedApi } from '../../api/scoped';
import type { ReportDocument } from '../../../shared/document';
import { exportFileName, type NamedReport } from '../../../core/library/export-name';
import { offerDownload } from '../../ui/download';
import type { FigureRow } from './figure-table';
import type { FulfilmentView } from './fulfilment-view';

/** A CSV file named for the report, as the 书架 lists it, and what it holds. */
function csv(what: string, report: NamedReport, content: string): ExportedFile {
  return {
    fileName: exportFileName(report, what, 'csv'),
    mimeType: 'text/csv;charset=utf-8',
    content,
  };
}

export function csvFile(
  rows: readonly FigureRow[],
  document: Pick<ReportDocument, 'blocks' | 'outline' | 'title'>,
  report: NamedReport,
): ExportedFile {
  const content = figuresCsv(
    rows.map((row) => row.figure),
    document,
  );
  return csv('数说报告', report, content);
}

export const FULFILMENT_HEADER = [
  '年度',
  '指标',
  '目标',
  '目标出处',
  '实绩',
  '实绩出处',
  '评价',
  '说明',
] as const;

/**
 * 目标兑现 as a CSV file of its own: one table with one header, so a
 * spreadsheet can sort and filter it (the figures' CSV keeps its own columns).
 * Both neighbours' rows, told apart by 年度 and by where each side comes from.
 */
export function fulfilmentCsvFile(
  views: readonly FulfilmentView[],
  report: NamedReport,
): ExportedFile {
  const rows = views.flatMap((view) =>
    view.rows.map((row) => [
      view.year === undefined ? '' : String(view.year),
      row.indicator,
      [
        row.stretchOnly ? `力争${row.target.text}` : row.target.text,
        row.stretch && `力争${row.stretch.text}`,
      ]
        .filter(Boolean)
        .join('；'),
      view.targetReport.title,
      row.result.text,
      view.resultReport.title,
      VERDICT_LABELS[row.verdict],
      row.band === undefined ? '' : `${ABOUT_RULE}：${row.band}`,
    ]),
  );
  return csv('目标兑现', report, csvText([FULFILMENT_HEADER, ...rows]));
}

export function exportCsv(
  rows: readonly FigureRow[],
  document: Pick<ReportDocument, 'blocks' | 'outline' | 'title'>,
  report: NamedReport,
): void {
  offerDownload(csvFile(rows, document, report));
}

export function exportFulfilmentCsv(views: readonly FulfilmentView[], report: NamedReport): void {
  offerDownload(fulfilmentCsvFile(views, report));
}

/** 发言提纲 (the reader's notes) with a 数据摘录 of the figures the filter keeps. */
export async function exportNotesWithFigures(
  api: Pick<ScopedApi, 'exportAnnotations'>,
  addNotice: (message: string) => void,
  selection: FigureSelection,
): Promise<void> {
  const answer = await api.exportAnnotations({ format: 'md', dataExcerpt: selection });
  if (answer.ok) offerDownload(answer.value);
  else addNotice(`导出失败：${answer.error}`);
}
