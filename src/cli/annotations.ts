/**
 * The annotation commands: export, import and anchor, for the bundled report
 * or any report of the library (`--report ID`). Export and import go through
 * the same handlers as the app, so what the CLI writes is what the app
 * would; anchor shows how stored annotations land in another edition.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { anchorTarget } from '../core/annotations/anchor';
import { pathInside, safeFileName } from '../services/file-name';
import { openUserData } from '../services/user-data/user-data-file';
import { BUNDLED_REPORT } from '../services/paths';
import { writeFileAtomic } from '../services/storage/atomic-write';
import { decodeUtf8 } from '../core/formats/text-decode';
import { blockIndexAt, documentText } from '../core/report/doc-text';
import { BUNDLED_REPORT_ID } from '../shared/library';
import type { FigurePeriod } from '../core/figures/figure';
import type { FigureSelection } from '../core/figures/select';
import { readOptions, SEE_HELP } from './options';
import { readInputFile, readReport } from './read-report';
import {
  dataDirOf,
  openServices,
  readingAccess,
  reportOf,
  tell,
  valueOf,
  withFolderLock,
} from './services';
import { UsageError } from './usage-error';

export const ANNOTATION_USAGE = `  npm run -s cli -- export --format md|json [--report ID] [--data-dir DIR] [--out FOLDER]
                          [--data-excerpt all|result|target|other]
                                                  导出批注：md 为发言提纲，json 为 W3C 批注集合；
                                                  默认输出到标准输出，--out 时写入该文件夹并输出路径；
                                                  --data-excerpt 在发言提纲后附数据摘录（全部、实绩、目标或其他数字）
  npm run -s cli -- import FILE [--report ID] [--data-dir DIR]
                                                  导入 W3C / Hypothesis 批注（按编号合并），输出导入结果；
                                                  阅读器正在使用该数据文件夹时拒绝导入（退出码 75）
  npm run -s cli -- anchor [--file REPORT] [--report ID] [--data-dir DIR]
                                                  每条批注一行 JSON：在 REPORT（默认：该报告本身）中的定位
                                                  --report 默认是内置报告；书架上的报告编号见 library list`;

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
    '--report',
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
    await handlers.exportAnnotations({
      report: reportOf(flags),
      format,
      ...(dataExcerpt && { dataExcerpt }),
    }),
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
  const { flags, positional } = readOptions('import', args, ['--data-dir', '--report']);
  if (positional.length !== 1) throw new UsageError(`import 需要一个文件${SEE_HELP}`);
  const bytes = await readInputFile(positional[0]);
  // A GBK or Latin-1 file is refused, not stored as mojibake.
  const content = decodeUtf8(bytes);
  const inApp = '在阅读器的批注面板中点“导入…”';
  const report = await withFolderLock(dataDirOf(flags), { action: '导入', inApp }, (services) =>
    services.handlers.importAnnotations({ report: reportOf(flags), content }).then(valueOf),
  );
  process.stdout.write(JSON.stringify(report) + '\n');
}

export async function anchorCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('anchor', args, ['--file', '--data-dir', '--report']);
  if (positional.length > 0) throw new UsageError(`多余的参数：${positional[0]}${SEE_HELP}`);
  const dataDir = dataDirOf(flags);
  const report = reportOf(flags);
  const file = flags.get('--file');
  // Without --file: the report as the library keeps it (the bundled text for the bundled report).
  const document =
    file !== undefined || report === BUNDLED_REPORT_ID
      ? await readReport(file ?? BUNDLED_REPORT)
      : valueOf(
          await (
            await openServices(dataDir, readingAccess(dataDir))
          ).handlers.getDocument({
            report,
          }),
        );
  const doc = documentText(document.blocks);
  const notes = await openUserData(dataDir, report, readingAccess(dataDir));
  tell(notes.notices);
  for (const annotation of notes.value.annotations) {
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
