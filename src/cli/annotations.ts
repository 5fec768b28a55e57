/**
 * The annotation commands: export, import and anchor. Export and import go
 * through the same handlers as the app, so what the CLI writes is what the
 * app would; anchor shows how stored annotations land in another edition.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { anchorTarget } from '../core/annotations/anchor';
import { pathInside, safeFileName } from '../services/file-name';
import { openUserData } from '../services/user-data/user-data-file';
import { defaultDataDir } from '../services/data-dir';
import { BUNDLED_REPORT } from '../services/paths';
import { createReaderServices } from '../services/reader-services';
import { writeFileAtomic } from '../services/storage/atomic-write';
import { decodeUtf8 } from '../core/formats/text-decode';
import type { Result } from '../shared/api';
import type { FigurePeriod } from '../core/figures/figure';
import type { FigureSelection } from '../core/figures/select';
import { blockIndexAt, documentText } from '../core/report/doc-text';
import { readOptions, SEE_HELP } from './options';
import { readInputFile, readReport } from './read-report';
import { BusyError, UsageError } from './usage-error';
import {
  describeOwner,
  openDataFolder,
  readOnlyAccess,
  type FolderAccess,
} from '../services/storage/folder-access';

export const ANNOTATION_USAGE = `  npm run -s cli -- export --format md|json [--data-dir DIR] [--out FOLDER]
                          [--data-excerpt all|result|target|other]
                                                  导出批注：md 为发言提纲，json 为 W3C 批注集合；
                                                  默认输出到标准输出，--out 时写入该文件夹并输出路径；
                                                  --data-excerpt 在发言提纲后附数据摘录（全部、实绩、目标或其他数字）
  npm run -s cli -- import FILE [--data-dir DIR]  导入 W3C / Hypothesis 批注（按编号合并），输出导入结果；
                                                  阅读器正在使用该数据文件夹时拒绝导入（退出码 75）
  npm run -s cli -- anchor [--file REPORT] [--data-dir DIR]
                                                  每条批注一行 JSON：在 REPORT（默认：内置报告）中的定位`;

const dataDirOf = (flags: Map<string, string>) => {
  const given = flags.get('--data-dir');
  return given === undefined ? defaultDataDir() : resolve(given);
};

/** Notices (a damaged file moved aside, a read-only file) are not errors, but must be seen. */
function tell(notices: readonly string[]): void {
  for (const notice of notices) process.stderr.write(`提示：${notice}\n`);
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new UsageError(result.error);
  return result.value;
}

/**
 * Export and anchor only read: they take no lock, so they work while the app
 * runs and never hold it up, and they write nothing in the data folder (a
 * damaged file is recovered in memory; the next writer writes it back).
 */
const READING_ONLY = '命令行只读取数据';
export const readingAccess = (dataDir: string) => readOnlyAccess(dataDir, READING_ONLY);

async function openServices(dataDir: string, access: FolderAccess) {
  const services = await createReaderServices({
    dataDir,
    document: await readReport(BUNDLED_REPORT),
    // Nothing here searches.
    loadSearchIndex: () => Promise.reject(new Error('search is not available in the CLI')),
    access,
  });
  // Why the folder is read-only is said by the error of a command that writes, once.
  const notices = valueOf(await services.handlers.getNotices(undefined));
  tell(notices.filter((notice) => notice !== access.readOnlyReason));
  return services;
}

const EXCERPT_PERIODS = ['all', 'result', 'target', 'other'] as const;

/** `--data-excerpt all|result|target|other`: the 数说报告 panel's period filter, for the 数据摘录. */
function excerptOf(value: string | undefined): FigureSelection | undefined {
  if (value === undefined) return undefined;
  if (!(EXCERPT_PERIODS as readonly string[]).includes(value)) {
    throw new UsageError(`--data-excerpt 需要 ${EXCERPT_PERIODS.join('、')} 之一${SEE_HELP}`);
  }
  return value === 'all' ? {} : { period: value as FigurePeriod };
}

export async function exportCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('export', args, [
    '--format',
    '--data-dir',
    '--out',
    '--data-excerpt',
  ]);
  if (positional.length > 0) throw new UsageError(`多余的参数：${positional[0]}${SEE_HELP}`);
  const format = flags.get('--format');
  if (format !== 'md' && format !== 'json') {
    throw new UsageError(`export 需要 --format md 或 --format json${SEE_HELP}`);
  }
  const dataExcerpt = excerptOf(flags.get('--data-excerpt'));
  if (dataExcerpt !== undefined && format !== 'md') {
    throw new UsageError(`--data-excerpt 只用于 --format md${SEE_HELP}`);
  }
  const dataDir = dataDirOf(flags);
  const { handlers } = await openServices(dataDir, readingAccess(dataDir));
  const file = valueOf(
    await handlers.exportAnnotations({ format, ...(dataExcerpt && { dataExcerpt }) }),
  );
  const folder = flags.get('--out');
  if (folder === undefined) {
    process.stdout.write(file.content);
    return;
  }
  const path = pathInside(folder, safeFileName(file.fileName));
  try {
    await mkdir(resolve(folder), { recursive: true });
    await writeFileAtomic(path, file.content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`无法写入 ${path}：${code}`);
  }
  process.stdout.write(path + '\n');
}

export async function importCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('import', args, ['--data-dir']);
  if (positional.length !== 1) throw new UsageError(`import 需要一个文件${SEE_HELP}`);
  const bytes = await readInputFile(positional[0]);
  // A GBK or Latin-1 file is refused, not stored as mojibake.
  const content = decodeUtf8(bytes);
  const dataDir = dataDirOf(flags);
  // Waits a moment for another command to finish; a running app or server is
  // not waited for: its next save would write over what this import adds.
  const access = await openDataFolder(dataDir, { app: 'cli', waitMs: 2_000 });
  try {
    if (access.heldBy) {
      throw new BusyError(
        `报告阅读器（${describeOwner(access.heldBy)}）正在使用这个数据文件夹，导入没有进行：` +
          '请先关闭它再导入，或在阅读器的批注面板中点“导入…”。',
      );
    }
    const services = await openServices(dataDir, access);
    const report = valueOf(await services.handlers.importAnnotations({ content }));
    await services.flush();
    process.stdout.write(JSON.stringify(report) + '\n');
  } finally {
    await access.release();
  }
}

export async function anchorCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('anchor', args, ['--file', '--data-dir']);
  if (positional.length > 0) throw new UsageError(`多余的参数：${positional[0]}${SEE_HELP}`);
  const document = await readReport(flags.get('--file') ?? BUNDLED_REPORT);
  const doc = documentText(document.blocks);
  const dataDir = dataDirOf(flags);
  const file = await openUserData(dataDir, undefined, readingAccess(dataDir));
  tell(file.notices);
  for (const annotation of file.value.annotations) {
    const anchor = anchorTarget(doc.text, annotation.target);
    const line =
      anchor.status === 'orphan'
        ? { id: annotation.id, status: anchor.status }
        : {
            id: annotation.id,
            status: anchor.status,
            block: doc.ids[blockIndexAt(doc, anchor.start)],
            text: doc.text.slice(anchor.start, anchor.end),
          };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}
