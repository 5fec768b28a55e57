/**
 * Browser mode's answers to the calls only the desktop shell can make: there
 * is no application menu, the browser's own print dialog saves a PDF, and an
 * <input> picks the file to import or the report to add. Each payload is still validated, so a bad
 * one gets the same refusal as on the desktop.
 */
import type { DesktopOnlyHandlers, ReaderHandlers, ServiceHandlers } from '../shared/api';
import { validate } from '../services/validate';

export const BROWSER_ANSWERS: DesktopOnlyHandlers = {
  setMenuCommands: (payload) => validate('setMenuCommands', payload, () => undefined),
  printToPdf: (payload) =>
    validate('printToPdf', payload, () => {
      throw new Error('浏览器模式下请用打印对话框中的“另存为 PDF”');
    }),
  importAnnotationsFile: (payload) =>
    validate('importAnnotationsFile', payload, () => {
      throw new Error('浏览器模式下请在批注面板中点“导入…”选择文件');
    }),
  addReportFile: (payload) =>
    validate('addReportFile', payload, () => {
      throw new Error('浏览器模式下请在书架中点“打开报告…”选择文件，或把文件拖进窗口');
    }),
};

/** Every call of the contract, as browser mode answers it. */
export function browserHandlers(services: ServiceHandlers): ReaderHandlers {
  return { ...services, ...BROWSER_ANSWERS };
}
