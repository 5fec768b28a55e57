/** Reading a report file for the CLI, with the reason it failed said in Chinese. */
import { readFile, stat } from 'node:fs/promises';
import { ReportFormatError } from '../core/formats/errors';
import { LIMITS } from '../core/formats/limits';
import { readReportFile } from '../services/report-file/parse-file';
import { readFailureMessage } from '../services/report-file/read-failure';
import type { ReportDocument } from '../shared/document';
import { UsageError } from './usage-error';

function fileError(file: string, error: unknown): Error {
  if (error instanceof ReportFormatError) {
    return error.code === 'not-a-file'
      ? new UsageError(`不是普通文件（命名管道、设备等）：${file}`)
      : error;
  }
  if (error instanceof UsageError) return error;
  return new UsageError(readFailureMessage(file, error));
}

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    // Reading a named pipe with no writer would wait forever: refuse what is not a file.
    const info = await stat(file);
    if (!info.isFile() && !info.isDirectory()) {
      throw new UsageError(`不是普通文件（命名管道、设备等）：${file}`);
    }
    return await readFile(file);
  } catch (error) {
    throw fileError(file, error);
  }
}

/**
 * Checks a report file before the data folder is locked, without reading it:
 * the add reads it once, and one too large is said to be so by its size
 * (reading 3 GB first failed with ERR_FS_FILE_TOO_LARGE, and 150 MB were
 * held in memory only to be refused).
 */
export async function checkReportFile(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`这是一个文件夹，不是文件：${file}`);
    if (!info.isFile()) throw new ReportFormatError('not-a-file');
    if (info.size > LIMITS.fileBytes) throw new ReportFormatError('too-large');
  } catch (error) {
    throw fileError(file, error);
  }
}

/** Any supported format (text, .docx, .pdf, saved page), chosen by content and extension. */
export async function readReport(file: string): Promise<ReportDocument> {
  try {
    return (await readReportFile(file)).document;
  } catch (error) {
    throw fileError(file, error);
  }
}
