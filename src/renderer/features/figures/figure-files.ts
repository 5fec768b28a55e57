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
import { offerDownload } from '../../ui/download';
import type { FigureRow } from './figure-table';

/** What Windows, macOS and Linux all refuse in a file name, and control characters. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

export function csvFile(
  rows: readonly FigureRow[],
  document: Pick<ReportDocument, 'blocks' | 'outline' | 'title'>,
  now = new Date(),
): ExportedFile {
  const day = now.toISOString().slice(0, 10);
  return {
    fileName: `数说报告-${document.title}-${day}.csv`.replace(UNSAFE_IN_NAME, '_'),
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
