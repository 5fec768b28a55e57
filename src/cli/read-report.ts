/** Reading a report file for the CLI, with the reason it failed said in Chinese. */
import { readFile, stat } from 'node:fs/promises';
import { parseReportBytes } from '../core/report/parse-report';
import type { ReportDocument } from '../shared/document';
import { UsageError } from './usage-error';

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    // Reading a named pipe with no writer would wait forever: refuse what is not a file.
    const info = await stat(file);
    if (!info.isFile() && !info.isDirectory()) {
      throw new UsageError(`不是普通文件（命名管道、设备等）：${file}`);
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
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
