/**
 * The contract as a report's features hold it: the global calls as they are,
 * and the per-report calls bound to that report (src/shared/report-api.ts).
 * A feature cannot name another report: switching reports makes a new one.
 */
import type { ReaderApi, ReportMethod } from '../../shared/api';
import { reportApi, type ReportApi } from '../../shared/report-api';

export type ScopedApi = Omit<ReaderApi, ReportMethod> & ReportApi;

/** `edition`: the edition on screen, when it is not simply the report's current one. */
export function scopedApi(api: ReaderApi, report: string, edition?: string): ScopedApi {
  return Object.freeze({ ...api, ...reportApi(api, report, edition) }) as ScopedApi;
}
