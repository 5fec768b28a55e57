/**
 * The worker thread behind parse-in-worker.ts: reads and parses one file,
 * posts progress, then the result or the error, and ends. Runs nothing else.
 * Started warm (`{ warm: true }`), it first reads a tiny file of its own
 * (warm-up.ts) and then waits for its one real file as a message.
 *
 * With `index` it builds the document's search indexes too (both-indexes.ts:
 * its lunr index for its own search, and its compact index, as bytes, for
 * the library's search across reports), so that neither is built on main.
 * With `early` as well, the document is posted as soon as it is read
 * (`parsed`), then its compact index (`compact`), with which main answers
 * the report's first searches, then its lunr index (`indexed`): the library
 * shows the report while they are built.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReportFormatError } from '../../core/formats/errors';
import { buildBothIndexes, type BothIndexes } from '../search/both-indexes';
import { warmUp } from './warm-up';
import { parseReportFile, readReportFile, type ParsedReportFile } from './parse-file';
import type { ParseProgress } from './extract-text';
import { quietWorkerOutput } from '../worker-output';

// What this thread (or a library in it) prints is dropped: never piled up unread (worker-output.ts).
quietWorkerOutput();

/*
 * pdf.js inflates every compressed stream through DecompressionStream when
 * the global exists, and otherwise with its own inflate, in this thread. In
 * Node the first is a web stream over zlib per stream: a report printed to
 * PDF holds ~1,700 small streams (a glyph procedure each, in ~200 Type3
 * fonts), and reading it took ~1.4 s of CPU that way against ~0.9 s with
 * pdf.js's own (measured on the bundled report printed by Chromium). Nothing
 * else in this thread uses it.
 */
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

export interface WorkerInput {
  path?: string;
  bytes?: Uint8Array;
  fileName?: string;
  /** Build the document's search indexes here too, off the caller's thread. */
  index?: boolean;
  /** With `index`: post the document first (`parsed`), then each index as it is built (`compact`, `indexed`). */
  early?: boolean;
}

/** A parsed file, with its search indexes when they were asked for. */
export type WorkerResult = ParsedReportFile & Partial<BothIndexes>;

export type WorkerMessage =
  | { type: 'progress'; progress: ParseProgress }
  | { type: 'parsed'; result: ParsedReportFile }
  | { type: 'compact'; reportIndex: Uint8Array }
  | { type: 'indexed'; searchIndex: string }
  | { type: 'done'; result: WorkerResult }
  | { type: 'error'; code?: string; reportError: boolean; message: string };

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort?.postMessage(message, transfer);

async function run(input: WorkerInput): Promise<void> {
  const options = {
    fileName: input.fileName,
    onProgress: (progress: ParseProgress) => {
      // With an index still to build, the parse being done is not the end.
      if (!(input.index && progress.stage === 'done')) post({ type: 'progress', progress });
    },
  };
  try {
    const parsed: WorkerResult =
      input.path !== undefined
        ? await readReportFile(input.path, options)
        : await parseReportFile(input.bytes ?? new Uint8Array(0), options);
    if (!input.index) return post({ type: 'done', result: parsed });
    if (input.early) post({ type: 'parsed', result: parsed });
    post({ type: 'progress', progress: { stage: 'index', done: 0, total: 1 } });
    // The compact index's buffer is moved, not copied (encodeReportIndex gives it whole).
    const moved = (bytes: Uint8Array) => [bytes.buffer as ArrayBuffer];
    const indexes = buildBothIndexes(parsed.document, (reportIndex) => {
      if (input.early) post({ type: 'compact', reportIndex }, moved(reportIndex));
    });
    post({ type: 'progress', progress: { stage: 'done', done: 1, total: 1 } });
    if (input.early) return post({ type: 'indexed', searchIndex: indexes.searchIndex });
    post({ type: 'done', result: { ...parsed, ...indexes } }, moved(indexes.reportIndex));
  } catch (error) {
    const reportError = error instanceof ReportFormatError;
    post({
      type: 'error',
      reportError,
      code: reportError ? error.code : (error as NodeJS.ErrnoException).code,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

const data = workerData as WorkerInput | { warm: true };
if ('warm' in data) {
  // Ready or not, the file is taken as soon as it comes: a failed preload only loses the head start.
  const ready = warmUp().catch(() => undefined);
  parentPort?.once('message', (input: WorkerInput) => void ready.then(() => run(input)));
} else {
  void run(data);
}
