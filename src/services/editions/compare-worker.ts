/**
 * The worker thread behind compare-in-worker.ts: reads the two editions (a
 * stored one from its document.json, checked as main checks it, so main
 * neither reads nor copies a large document), compares them and reviews my
 * notes against the changes, posts the comparison or the error, and ends.
 * Runs nothing else.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { compareEditions, type ReviewedMarks } from '../../core/editions/compare';
import type { ReportDocument } from '../../shared/document';
import type { EditionComparison } from '../../shared/editions';
import { documentOfEnvelope } from '../library/report-folder';
import { quietWorkerOutput } from '../worker-output';

// What this thread (or a library in it) prints is dropped: never piled up unread (worker-output.ts).
quietWorkerOutput();

/** An edition: its document, or where its document.json is and the version it must hold. */
export type EditionSource = ReportDocument | { file: string; version: string };

export interface CompareInput {
  old: EditionSource;
  new: EditionSource;
  marks: ReviewedMarks;
}

export type CompareMessage =
  | { type: 'done'; comparison: EditionComparison }
  /** `stored`: a document.json could not be read as stored (main reads it again, mending it). */
  | { type: 'error'; message: string; stored?: true };

const post = (message: CompareMessage) => parentPort?.postMessage(message);

class StoredDocumentError extends Error {}

function load(source: EditionSource): ReportDocument {
  if (!('file' in source)) return source;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(source.file, 'utf8'));
  } catch (error) {
    throw new StoredDocumentError((error as Error).message);
  }
  const document = documentOfEnvelope(value, source.version);
  if (!document) throw new StoredDocumentError(`${source.file} is not the stored edition`);
  return document;
}

try {
  const input = workerData as CompareInput;
  post({
    type: 'done',
    comparison: compareEditions(load(input.old), load(input.new), input.marks),
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  post({ type: 'error', message, ...(error instanceof StoredDocumentError && { stored: true }) });
}
