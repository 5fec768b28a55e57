/**
 * The CLI's way into the data folder: the same services the app runs, over
 * the bundled report and the library. Commands that only read take no lock
 * and write nothing; commands that change the folder take its lock, as
 * `import` always has, and are refused (exit 75) while a reader holds it.
 */
import { resolve } from 'node:path';
import { LIMITS } from '../core/formats/limits';
import { buildSerializedIndex } from '../core/search/build-index';
import { defaultDataDir } from '../services/data-dir';
import { BUNDLED_REPORT } from '../services/paths';
import { createReaderServices, type ReaderServices } from '../services/reader-services';
import { segmentWords } from '../services/search/words';
import { buildEncodedIndex } from '../services/search/index-build';
import {
  describeOwner,
  openDataFolder,
  readOnlyAccess,
  type FolderAccess,
} from '../services/storage/folder-access';
import { BUNDLED_REPORT_ID } from '../shared/library';
import type { Result } from '../shared/api';
import type { ReportDocument } from '../shared/document';
import { readReport } from './read-report';
import { BusyError, UsageError } from './usage-error';
import { APP_NAME } from '../shared/app-name';

export const dataDirOf = (flags: Map<string, string>) => {
  const given = flags.get('--data-dir');
  return given === undefined ? defaultDataDir() : resolve(given);
};

/** `--report ID`, or the bundled report. An id names files: anything else is refused here. */
export function reportOf(flags: Map<string, string>): string {
  const report = flags.get('--report') ?? BUNDLED_REPORT_ID;
  return checkedReportId(report);
}

export function checkedReportId(report: string): string {
  if (!REPORT_ID.test(report)) {
    throw new UsageError(`不是有效的报告编号：${report.slice(0, 80)}（见 library list）`);
  }
  return report;
}

const REPORT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Notices (a damaged file moved aside, a read-only file) are not errors, but must be seen. */
export function tell(notices: readonly string[]): void {
  for (const notice of notices) process.stderr.write(`提示：${notice}\n`);
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new UsageError(result.error);
  return result.value;
}

/**
 * Commands that only read take no lock, so they work while the app runs and
 * never hold it up, and they write nothing in the data folder (a damaged file
 * is recovered in memory; the next writer writes it back).
 */
const READING_ONLY = '命令行只读取数据';
export const readingAccess = (dataDir: string) => readOnlyAccess(dataDir, READING_ONLY);

let bundled: Promise<ReportDocument> | undefined;

export async function openServices(dataDir: string, access: FolderAccess): Promise<ReaderServices> {
  bundled ??= readReport(BUNDLED_REPORT);
  const document = await bundled;
  const services = await createReaderServices({
    dataDir,
    document,
    // Built here only if a command searches the bundled report's own index.
    loadSearchIndex: async () => buildSerializedIndex(document, segmentWords),
    access,
    // A missing index of the search across reports is built here: this thread has nothing else to do.
    indexer: { build: buildEncodedIndex },
  });
  // Why the folder is read-only is said by the error of a command that writes, once.
  const notices = valueOf(await services.handlers.getNotices(undefined));
  tell(notices.filter((notice) => notice !== access.readOnlyReason));
  return services;
}

/** The longest another command holds the folder: its file's parse, and a moment to keep it. */
const ANOTHER_COMMAND_MS = LIMITS.parseMs + 15_000;

/**
 * Runs a command that changes the data folder with its lock held. Waits for
 * another command to finish; a running app or server is not waited for: its
 * next save would write over what this command changes.
 */
export async function withFolderLock<T>(
  dataDir: string,
  /** What the command does (导入), and where the reader can do it instead. */
  what: { action: string; inApp: string },
  run: (services: ReaderServices) => Promise<T>,
): Promise<T> {
  let access = await openDataFolder(dataDir, { app: 'cli', waitMs: 2_000 });
  if (access.heldBy?.app === 'cli') {
    // Another command ends by itself, but an add can take as long as its parse
    // (a long PDF on a busy machine): two scripted adds must not fail for that.
    access = await openDataFolder(dataDir, { app: 'cli', waitMs: ANOTHER_COMMAND_MS });
  }
  try {
    if (access.heldBy) {
      throw new BusyError(
        `${APP_NAME}（${describeOwner(access.heldBy)}）正在使用这个数据文件夹，${what.action}没有进行：` +
          `请先关闭它再${what.action}，或${what.inApp}。`,
      );
    }
    const services = await openServices(dataDir, access);
    const answer = await run(services);
    await services.flush();
    return answer;
  } finally {
    await access.release();
  }
}
