/**
 * The calls about one report, bound to it: every per-report row of the
 * contract (`scope: 'report'`) with its `report` filled in. The renderer's
 * features hold one of these for the report on screen, so none of them can
 * write into another report's notes; switching reports makes a new one.
 */
import { REPORT_METHODS, type ReaderCalls, type ReportMethod, type Result } from './api';

/** A request without its `report`: nothing at all when that was its only field. */
type WithoutReport<Request> = Request extends { report: string }
  ? keyof Omit<Request, 'report'> extends never
    ? void
    : Omit<Request, 'report'>
  : Request;

export type ReportRequest<M extends ReportMethod> = WithoutReport<ReaderCalls[M]['request']>;

/** The per-report calls, for one report. */
export type ReportApi = {
  [M in ReportMethod]: ReportRequest<M> extends void
    ? () => Promise<Result<ReaderCalls[M]['response']>>
    : (request: ReportRequest<M>) => Promise<Result<ReaderCalls[M]['response']>>;
};

/** Anything that answers the per-report calls by name: a ReaderApi, or the services' handlers. */
type Calls = { [M in ReportMethod]?: (payload: never) => Promise<Result<unknown>> };

/** Binds `calls`' per-report methods to `report`. */
export function reportApi(calls: Calls, report: string): ReportApi {
  const bound: Record<string, unknown> = {};
  for (const method of REPORT_METHODS) {
    const call = calls[method] as ((payload: unknown) => Promise<Result<unknown>>) | undefined;
    if (!call) continue;
    bound[method] = (request?: object | null) => call({ ...(request ?? {}), report });
  }
  return Object.freeze(bound) as ReportApi;
}
