/** How the library reads a report file: in a worker thread by default; tests may pass their own. */
import {
  parseReportFileInWorker,
  type WorkerParseInput,
  type WorkerParseOptions,
} from '../report-file/parse-in-worker';
import type { WorkerResult } from '../report-file/parse-worker';

export type ParseFile = (
  input: WorkerParseInput,
  options: WorkerParseOptions,
) => Promise<WorkerResult>;

export const parseInWorker: ParseFile = parseReportFileInWorker;
