/** The bundled report, parsed once, for the renderer's pure helpers. */
import { readFileSync } from 'node:fs';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import type { ReportDocument } from '../../../src/shared/document';

const REPORT_URL = new URL(
  '../../../resources/haishu-2018-government-work-report.txt',
  import.meta.url,
);

let cached: ReportDocument | undefined;

export function reportDocument(): ReportDocument {
  cached ??= parseReportBytes(new Uint8Array(readFileSync(REPORT_URL)));
  return cached;
}
