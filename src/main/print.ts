/** Saving the report as PDF: the choices, as plain data (main does the dialog and the printing). */
import { extname, join } from 'node:path';
import { pdfFileStem, type NamedReport } from '../core/library/export-name';

/**
 * The save dialog, offering the report's name on the 书架
 * (`2018年海曙区政府工作报告.pdf`), or `报告.pdf` when the library could not say.
 */
export function pdfSaveDialogOptions(documentsDir: string, report?: NamedReport) {
  return {
    title: '导出为 PDF',
    buttonLabel: '保存',
    defaultPath: join(documentsDir, `${pdfFileStem(report ?? { title: '报告' })}.pdf`),
    filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as (
      'createDirectory' | 'showOverwriteConfirmation'
    )[],
  };
}

/**
 * For `webContents.printToPDF`. Backgrounds are printed because highlights are
 * background colours; the page's print CSS does the rest: no toolbar or
 * sidebar, the text at full width (src/renderer/features/print/print.css sets
 * the page and the ink; each feature's stylesheet hides its own parts in its
 * `@media print`).
 */
export const PDF_OPTIONS = {
  printBackground: true,
  pageSize: 'A4',
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;

/** The dialog may return a name without `.pdf` (Linux file choosers often do): add it. */
export function withPdfExtension(path: string): string {
  return extname(path).toLowerCase() === '.pdf' ? path : `${path}.pdf`;
}
