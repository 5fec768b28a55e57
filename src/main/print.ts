/** Saving the report as PDF: the choices, as plain data (main does the dialog and the printing). */
import { extname, join } from 'node:path';

/** The file name offered in the save dialog. */
export const PDF_DEFAULT_NAME = '政府工作报告.pdf';

export function pdfSaveDialogOptions(documentsDir: string) {
  return {
    title: '导出为 PDF',
    buttonLabel: '保存',
    defaultPath: join(documentsDir, PDF_DEFAULT_NAME),
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
