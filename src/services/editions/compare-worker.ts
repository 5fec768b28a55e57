/**
 * The worker thread behind compare-in-worker.ts: compares two editions and
 * reviews my notes against the changes, posts the comparison or the error,
 * and ends. Runs nothing else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compareEditions, type ReviewedMarks } from '../../core/editions/compare';
import type { ReportDocument } from '../../shared/document';
import type { EditionComparison } from '../../shared/editions';

export interface CompareInput {
  old: ReportDocument;
  new: ReportDocument;
  marks: ReviewedMarks;
}

export type CompareMessage =
  { type: 'done'; comparison: EditionComparison } | { type: 'error'; message: string };

const post = (message: CompareMessage) => parentPort?.postMessage(message);

try {
  const input = workerData as CompareInput;
  post({ type: 'done', comparison: compareEditions(input.old, input.new, input.marks) });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
