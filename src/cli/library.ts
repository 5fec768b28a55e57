/**
 * `library add FILE`, `library list`, `library remove ID`: the shelf, with
 * the same services as the app. `add` and `remove` change the data folder,
 * so they take its lock (refused with exit 75 while a reader holds it);
 * `list` only reads.
 */
import { ReportFormatError } from '../core/formats/errors';
import { BUNDLED_REPORT_ID } from '../shared/library';
import { readOptions, SEE_HELP } from './options';
import {
  checkedReportId,
  dataDirOf,
  openServices,
  readingAccess,
  valueOf,
  withFolderLock,
} from './services';
import { readInputFile } from './read-report';
import { UsageError } from './usage-error';

export const LIBRARY_USAGE = `  npm run -s cli -- library add FILE [--data-dir DIR]
                                                  把报告加入书架，输出 { id, title, added }（已在书架上时 added 为 false）
  npm run -s cli -- library list [--data-dir DIR]   书架上的报告，每份一行 JSON，内置报告在前
  npm run -s cli -- library remove ID [--data-dir DIR]
                                                  把报告移出书架（其副本和批注保留，再次添加即可找回）；内置报告不能移除`;

const IN_APP = '在阅读器的书架中操作';

async function addCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('library add', args, ['--data-dir']);
  if (positional.length !== 1) throw new UsageError(`library add 需要一个文件${SEE_HELP}`);
  const [file] = positional;
  // Missing files, folders and named pipes are said here, before the folder is locked.
  await readInputFile(file);
  const added = await withFolderLock(
    dataDirOf(flags),
    { action: '添加报告', inApp: IN_APP },
    (services) =>
      services.addFile({ path: file }).catch((error: unknown) => {
        // A file that is not a report says so in its own words (ReportFormatError).
        if (error instanceof ReportFormatError || error instanceof UsageError) throw error;
        throw new UsageError((error as Error).message);
      }),
  );
  if (added.restored) {
    const { annotations, bookmarks } = added.report.counts;
    process.stderr.write(
      `提示：这份报告此前被移出书架，已放回，连同 ${annotations} 条批注、${bookmarks} 个书签。\n`,
    );
  }
  const { id, title } = added.report;
  process.stdout.write(JSON.stringify({ id, title, added: added.added }) + '\n');
}

async function listCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('library list', args, ['--data-dir']);
  if (positional.length > 0) throw new UsageError(`多余的参数：${positional[0]}${SEE_HELP}`);
  const dataDir = dataDirOf(flags);
  const { handlers } = await openServices(dataDir, readingAccess(dataDir));
  for (const report of valueOf(await handlers.getLibrary(undefined)).reports) {
    const line = {
      id: report.id,
      title: report.title,
      ...(report.occasion !== undefined && { occasion: report.occasion }),
      ...(report.date !== undefined && { date: report.date }),
      ...(report.bundled && { bundled: true }),
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}

async function removeCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('library remove', args, ['--data-dir']);
  if (positional.length !== 1) throw new UsageError(`library remove 需要一个报告编号${SEE_HELP}`);
  const report = checkedReportId(positional[0]);
  // Said at once: no need to wait for the folder to know this one.
  if (report === BUNDLED_REPORT_ID) throw new UsageError('内置报告不能移除。');
  const removed = await withFolderLock(
    dataDirOf(flags),
    { action: '移除报告', inApp: IN_APP },
    async (services) => valueOf(await services.handlers.removeReport({ report })),
  );
  const { annotations, bookmarks } = removed.counts;
  process.stderr.write(
    `已移出书架：${removed.title}（其副本和 ${annotations} 条批注、${bookmarks} 个书签仍保留在数据文件夹中，再次添加同一文件即可找回）\n`,
  );
}

export async function libraryCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub.startsWith('--')) {
    throw new UsageError(`library 需要 add、list 或 remove${SEE_HELP}`);
  }
  if (sub === 'add') return addCommand(rest);
  if (sub === 'list') return listCommand(rest);
  if (sub === 'remove') return removeCommand(rest);
  throw new UsageError(`library 不认识 ${sub}：只有 add、list、remove${SEE_HELP}`);
}
