// A child for the worker-output test: parses the file named on its command
// line in a worker thread with a small heap, and prints one JSON line: the
// report's title, or the error.
import { parseReportFileInWorker } from '../../../src/services/report-file/parse-in-worker';

const answer = await parseReportFileInWorker(
  { path: process.argv[2] },
  { heapMb: 128, timeoutMs: 50_000 },
).then(
  (parsed) => ({ title: parsed.document.title }),
  (error: unknown) => ({ error: (error as Error).message }),
);
process.stdout.write(JSON.stringify(answer) + '\n');
