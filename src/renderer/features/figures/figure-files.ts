/**
 * The panel's files: its table as CSV (made here, from the rows on screen:
 * the page already has them), and the 发言提纲 with a 数据摘录 of the same
 * rows (made by main with the notes, as the 批注 panel's export is).
 */
import { figuresCsv } from '../../../core/figures/csv';
import type { FigureSelection } from '../../../core/figures/select';
import type { ExportedFile } from '../../../shared/api';
import type { ScopedApi } from '../../api/scoped';
import type { ReportDocument } from '../../../shared/document';
import { exportFileName, offerDownload } from '../../ui/download';
import type { FigureRow } from './figure-table';

export function csvFile(
  rows: readonly FigureRow[],
  document: Pick<ReportDocument, 'blocks' | 'outline' | 'title'>,
  now = new Date(),
): ExportedFile {
  return {
    fileName: exportFileName('数说报告', document.title, 'csv', now),
    mimeType: 'text/csv;charset=utf-8',
    content: figuresCsv(
      rows.map((row) => row.figure),
      document,
    ),
  };
}

export function exportCsv(
  rows: readonly FigureRow[],
  document: Pick<ReportDocument, 'blocks' | 'outline' | 'title'>,
): void {
  offerDownload(csvFile(rows, document));
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
