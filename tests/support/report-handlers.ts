/**
 * The services' handlers bound to one report, for tests written before the
 * library: every per-report call gets `report` (the bundled report's id by
 * default) the way the page's reportApi adds it. Everything else is passed
 * through untouched, so a bad payload is still refused as it would be.
 */
import { createReaderServices } from '../../src/services/reader-services';
import type { ServiceHandlers } from '../../src/shared/api';
import type { ReportDocument } from '../../src/shared/document';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';
import { reportApi } from '../../src/shared/report-api';
import { loadFakeSearchIndex } from '../unit/storage/helpers';

export function forReport(handlers: ServiceHandlers, report = BUNDLED_REPORT_ID): ServiceHandlers {
  return { ...handlers, ...reportApi(handlers, report) } as unknown as ServiceHandlers;
}

/**
 * The real services over `document` (the bundled report's place), their data
 * in `dataDir`, bound to the bundled report as above. Nothing here searches:
 * the index handed over is the small fake document's.
 */
export async function bundledHandlers(
  dataDir: string,
  document: ReportDocument,
): Promise<ServiceHandlers> {
  const services = await createReaderServices({
    dataDir,
    document,
    loadSearchIndex: loadFakeSearchIndex,
  });
  return forReport(services.handlers);
}
