/**
 * The calls about one report, bound to it: every per-report row of the
 * contract (`scope: 'report'`) with its `report` (and edition) filled in. The renderer's
 * features hold one of these for the report on screen, so none of them can
 * write into another report's notes; switching reports makes a new one.
 */
import { REPORT_METHODS, type ReaderCalls, type ReportMethod, type Result } from './api';

/** The fields a bound call fills in itself. */
type Bound = 'report' | 'edition';

/** A request without its `report` and `edition`: nothing at all when those were its only fields. */
type WithoutReport<Request> = Request extends { report: string }
  ? keyof Omit<Request, Bound> extends never
    ? void
    : Omit<Request, Bound>
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

/**
 * Binds `calls`' per-report methods to `report` and, when given, to the
 * edition on screen: main then answers from that edition's text and refuses
 * a change unless it is the current one, so notes are never placed by the
 * offsets of another text.
 */
export function reportApi(calls: Calls, report: string, edition?: string): ReportApi {
  const bound: Record<string, unknown> = {};
  // Always both: a request cannot name another edition either (undefined is the current one).
  const where = { report, edition };
  for (const method of REPORT_METHODS) {
    const call = calls[method] as ((payload: unknown) => Promise<Result<unknown>>) | undefined;
    if (!call) continue;
    bound[method] = (request?: object | null) => call({ ...(request ?? {}), ...where });
  }
  return Object.freeze(bound) as ReportApi;
}
