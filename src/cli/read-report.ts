/** Reading a report file for the CLI, with the reason it failed said in Chinese. */
import { readFile } from 'node:fs/promises';
import { parseReportBytes } from '../core/report/parse-report';
import type { ReportDocument } from '../shared/document';
import { UsageError } from './usage-error';

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`找不到文件：${file}`);
    if (code === 'EISDIR') throw new UsageError(`这是一个文件夹，不是文件：${file}`);
    if (code === 'EACCES') throw new UsageError(`没有权限读取：${file}`);
    throw new UsageError(`无法读取 ${file}：${code ?? (error as Error).message}`);
  }
}

export async function readReport(file: string): Promise<ReportDocument> {
  return parseReportBytes(await readInputFile(file));
}
