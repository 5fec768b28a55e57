/**
 * Command-line access to the same code the app runs, on plain Node:
 *   npm run -s cli -- parse [FILE]
 * Errors are one line on stderr and a non-zero exit, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { ReportFormatError } from '../core/report/decode';
import { parseReportBytes } from '../core/report/parse-report';
import { BUNDLED_REPORT } from '../core/paths';

const USAGE = `用法 (usage):
  npm run -s cli -- parse [FILE]   把报告解析为 JSON（默认：内置报告）`;

/** An error whose message is meant for the user as it is. */
class UsageError extends Error {}

async function readReportFile(file: string): Promise<Uint8Array> {
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

async function parseCommand(args: string[]): Promise<void> {
  if (args.length > 1) throw new UsageError(`parse 只接受一个文件\n${USAGE}`);
  const file = args[0] ?? BUNDLED_REPORT;
  const document = parseReportBytes(await readReportFile(file));
  process.stdout.write(JSON.stringify(document, null, 2) + '\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'parse') await parseCommand(args);
  else if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  } else throw new UsageError(`未知命令：${command}\n${USAGE}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ReportFormatError) {
      process.stderr.write(`错误：${error.message}\n`);
      process.exitCode = 1;
    } else {
      // Unexpected: still one line, but say it is a bug rather than bad input.
      process.stderr.write(`内部错误：${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    }
  },
);
