/**
 * Opening a report file: any supported format through the same repair and
 * structure pipeline as the bundled report. In this thread; for untrusted or
 * large files from the UI, use parseReportFileInWorker (parse-in-worker.ts).
 */
import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ReportFormatError } from '../../core/formats/errors';
import { LIMITS } from '../../core/formats/limits';
import { parseReport } from '../../core/report/parse-report';
import type { ReportDocument } from '../../shared/document';
import { extractReportText, type ExtractOptions, type ExtractedText } from './extract-text';

export interface ParsedReportFile {
  document: ReportDocument;
  source: Omit<ExtractedText, 'text'> & { bytes: number };
}

/**
 * Parses a report file's bytes. Throws ReportFormatError, and only that, for
 * files it cannot read: a file is untrusted input, and whatever it makes a
 * library (or this code) throw reaches the reader as one sentence
 * (`unreadable`, the original as its cause), never as an exception's text.
 */
export async function parseReportFile(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ParsedReportFile> {
  try {
    const { text, ...source } = await extractReportText(bytes, options);
    options.onProgress?.({ stage: 'structure', done: 0, total: 1 });
    const document = parseReport(text);
    options.onProgress?.({ stage: 'done', done: 1, total: 1 });
    return { document, source: { ...source, bytes: bytes.length } };
  } catch (error) {
    if (error instanceof ReportFormatError) throw error;
    throw new ReportFormatError('unreadable', undefined, { cause: error });
  }
}

/**
 * Reads and parses a file. The size is checked before reading, so a huge file
 * costs nothing. File-system errors (missing, unreadable) are thrown as they are.
 */
export async function readReportFile(
  path: string,
  options: ExtractOptions = {},
): Promise<ParsedReportFile> {
  const info = await stat(path);
  // Reading a named pipe with no writer would wait forever: refuse what is not a file.
  if (!info.isFile() && !info.isDirectory()) throw new ReportFormatError('not-a-file');
  if (info.isFile() && info.size > LIMITS.fileBytes) throw new ReportFormatError('too-large');
  const bytes = new Uint8Array(await readFile(path));
  return parseReportFile(bytes, { fileName: basename(path), ...options });
}
