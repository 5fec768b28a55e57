/**
 * `library add FILE`, `library list`, `library remove ID`: the shelf, with
 * the same services as the app. `add` asks no one: a file that is another
 * edition of a report on the shelf becomes its new edition (`"edition":
 * true`) unless `--as report` says to keep it apart. `add` and `remove` change the data folder,
 * so they take its lock (refused with exit 75 while a reader holds it);
 * `list` only reads.
 */
import { ReportFormatError } from '../core/formats/errors';
import { BUNDLED_REPORT_ID, carriedSummary, type EditionChoice } from '../shared/library';
import { readOptions, SEE_HELP } from './options';
import {
  checkedReportId,
  dataDirOf,
  openServices,
  readingAccess,
  valueOf,
  withFolderLock,
} from './services';
import { checkReportFile } from './read-report';
import { UsageError } from './usage-error';

export const LIBRARY_USAGE = `  npm run -s cli -- library add FILE [--as edition|report] [--data-dir DIR]
                                                  把报告加入书架，输出 { id, title, added }（已在书架上时 added 为 false）；
                                                  是书架上某份报告的另一版本时，默认作为它的新版本加入（edition 为 true），
                                                  --as report 则作为单独的报告加入
  npm run -s cli -- library list [--data-dir DIR]   书架上的报告，每份一行 JSON，内置报告在前（有多个版本时带 editions：版本数）
  npm run -s cli -- library remove ID [--data-dir DIR]
                                                  把报告移出书架（其副本和批注保留，再次添加即可找回）；内置报告不能移除`;

const IN_APP = '在阅读器的书架中操作';

/** What `library add` does with another edition of a report on the shelf: no one is there to ask. */
function choiceOf(flags: Map<string, string>): EditionChoice {
  const as = flags.get('--as') ?? 'edition';
  if (as !== 'edition' && as !== 'report') {
    throw new UsageError(`--as 只能是 edition 或 report，不是 ${as}${SEE_HELP}`);
  }
  return as;
}

async function addCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('library add', args, ['--data-dir', '--as']);
  if (positional.length !== 1) throw new UsageError(`library add 需要一个文件${SEE_HELP}`);
  const [file] = positional;
  const choice = choiceOf(flags);
  // Missing, too large, folders and named pipes are said here, before the folder is locked.
  await checkReportFile(file);
  const added = await withFolderLock(
    dataDirOf(flags),
    { action: '添加报告', inApp: IN_APP },
    (services) =>
      services.addFile({ path: file }, undefined, choice).catch((error: unknown) => {
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
  if (added.edition) {
    process.stderr.write(
      `提示：作为《${added.report.title}》的新版本加入（现为当前版本，原版本保留）。${carriedSummary(added.edition.carried)}\n`,
    );
  }
  const { id, title } = added.report;
  const line = { id, title, added: added.added, ...(added.edition && { edition: true }) };
  process.stdout.write(JSON.stringify(line) + '\n');
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
      // Only when there is more than one: the draft and the final text.
      ...(report.editions.length > 1 && { editions: report.editions.length }),
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
