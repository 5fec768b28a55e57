/**
 * The contract calls the reader needs before it can draw its interface: the
 * settings, the notices, the library, and the document of the report to open
 * (the one read last; the bundled report the first time).
 */
import type { MethodName, ReaderApi, Result } from '../../shared/api';
import type { ReportDocument } from '../../shared/document';
import { BUNDLED_REPORT_ID, type LibraryView } from '../../shared/library';
import { startReport } from '../../shared/page-text';
import type { Settings } from '../../shared/settings';
import { unwrap } from '../api/client';
import type { LoadedReport } from './report-switch';

/** The calls head/early-calls.js makes before this bundle has loaded. */
export const STARTUP_METHODS = ['getSettings', 'getNotices', 'getLibrary', 'getDocument'] as const;

declare global {
  interface Window {
    readerEarlyCalls?: Partial<Record<MethodName, Promise<Result<unknown>>>>;
    /** The report early-calls.js asked the document of (the one the view cache last saw). */
    readerEarlyReport?: string;
  }
}

export interface StartupData {
  settings: Settings;
  notices: string[];
  library: LibraryView;
  report: LoadedReport;
}

/** The early call's answer when it came through, else the call made now. */
function startupCall<T>(method: MethodName, again: () => Promise<Result<T>>): Promise<Result<T>> {
  const early = window.readerEarlyCalls?.[method] as Promise<Result<T>> | undefined;
  if (!early) return again();
  // The same call, answered by the same handler: only its transport ran earlier.
  return early.then((answer) => (answer.ok ? answer : again()), again);
}

export async function loadStartupData(api: ReaderApi): Promise<StartupData> {
  const [settings, notices, library] = await Promise.all([
    unwrap(startupCall('getSettings', () => api.getSettings())),
    unwrap(startupCall('getNotices', () => api.getNotices())),
    unwrap(startupCall('getLibrary', () => api.getLibrary())),
  ]);
  // The same choice the shells made for the page's text (services/start-page.ts).
  const target = startReport(library);
  const fetch = (report: string) => () => api.getDocument({ report });
  let id = target;
  let document: Result<ReportDocument> =
    target === window.readerEarlyReport
      ? await startupCall('getDocument', fetch(target))
      : await fetch(target)();
  if (!document.ok && target !== BUNDLED_REPORT_ID) {
    // The report read last cannot be opened (its copy is damaged): the bundled one is.
    notices.push(`上次阅读的报告没能打开，已打开内置报告：${document.error}`);
    id = BUNDLED_REPORT_ID;
    document = await fetch(id)();
  }
  if (!document.ok) throw new Error(document.error);
  const entry = library.reports.find((report) => report.id === id)!;
  return { settings, notices, library, report: { id, document: document.value, entry } };
}
