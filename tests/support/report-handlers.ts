/**
 * The services' handlers bound to one report, for tests written before the
 * library: every per-report call gets `report` (the bundled report's id by
 * default) the way the page's reportApi adds it. Everything else is passed
 * through untouched, so a bad payload is still refused as it would be.
 */
import type { ServiceHandlers } from '../../src/shared/api';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { reportApi } from '../../src/shared/report-api';

export function forReport(handlers: ServiceHandlers, report = BUNDLED_REPORT_ID): ServiceHandlers {
  return { ...handlers, ...reportApi(handlers, report) } as unknown as ServiceHandlers;
}
