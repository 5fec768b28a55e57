/**
 * Adding a report file to the library: read off main's thread (a worker,
 * bounded in time and memory), then kept. A file that cannot be read as a
 * report is refused with one sentence before anything is written, so the
 * data folder is left exactly as it was. The same text already on the shelf
 * is the same report (its id is the text's hash): nothing is added twice,
 * and a report that had been removed comes back with its notes.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ReportFormatError } from '../../core/formats/errors';
import {
  EMPTY_VIEW,
  MAX_REPORT_FILE_BYTES,
  type AddedReport,
  type AddProgress,
  type LibraryReport,
} from '../../shared/library';
import { FileReadError } from '../report-file/parse-in-worker';
import { plainFsError } from '../storage/fs-errors';
import type { FileAccess } from '../storage/versioned-file';
import { describedBy, type LibraryStore } from './library-store';
import type { ParseFile } from './parse';
import { editionDir, sha256OfBytes, writeEdition } from './report-folder';

export type AddInput = { bytes: Uint8Array; fileName: string } | { path: string };

export interface AddReportContext {
  dataDir: string;
  access?: FileAccess;
  library: LibraryStore;
  parse: ParseFile;
  /** Told of each report newly on the shelf (the search across reports takes it in). */
  onAdded?: (report: LibraryReport) => void;
  now?: () => Date;
}

/** A file picked by path: its bytes, refused before reading when it is too big or not a file. */
async function readPicked(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ReportFormatError('not-a-file');
    if (info.size > MAX_REPORT_FILE_BYTES) throw new ReportFormatError('too-large');
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof ReportFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const cause = { cause: error };
    if (code === 'ENOENT') throw new Error(`找不到文件：${path}`, cause);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`没有权限读取：${path}`, cause);
    throw new Error(`无法读取 ${path}：${code ?? (error as Error).message}`, cause);
  }
}

export async function addReport(
  context: AddReportContext,
  input: AddInput,
  progress: (progress: AddProgress) => void = () => undefined,
): Promise<AddedReport> {
  const { library } = context;
  // Said at once, not after a long parse that could never be kept.
  if (library.readOnly) throw new Error(library.readOnlyReason ?? '书架只能查看，不能添加报告。');
  const fileName = 'path' in input ? basename(input.path) : input.fileName;
  const tell = (stage: AddProgress['stage'], done: number, total: number) =>
    progress({ fileName, stage, done, total });
  tell('read', 0, 1);
  const bytes = 'path' in input ? await readPicked(input.path) : input.bytes;
  const parsed = await context
    .parse(
      { bytes },
      {
        fileName,
        index: true,
        onProgress: ({ stage, done, total }) => {
          if (stage !== 'done') tell(stage, done, total);
        },
      },
    )
    .catch((error: unknown) => {
      if (error instanceof FileReadError) throw new Error(`无法读取 ${fileName}：${error.message}`);
      throw error;
    });
  const { document, source, searchIndex } = parsed;
  const known = library.withEdition(document.version) ?? library.get(document.version);
  if (known) {
    tell('done', 1, 1);
    if (known.removed === undefined) return { report: known, added: false };
    const back = await library.restore(known.id);
    context.onAdded?.(back);
    return { report: back, added: true, restored: true };
  }
  const now = (context.now ?? (() => new Date()))().toISOString();
  const id = document.version;
  const dir = editionDir(context.dataDir, id, id);
  // Checked per write: another reader may have taken the folder over meanwhile.
  await context.access?.beforeWrite?.();
  const reportDir = dirname(dir);
  const existed = await stat(reportDir).then(
    () => true,
    () => false,
  );
  /** A half-written copy (a full disk) is taken back: the folder is left as it was. */
  const takeBack = async () => {
    if (!existed) await rm(reportDir, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    await writeEdition(dir, {
      bytes,
      format: source.format,
      document,
      searchIndex: searchIndex ?? '',
    });
  } catch (error) {
    await takeBack();
    throw plainFsError(error, '报告副本', dir);
  }
  const report: LibraryReport = {
    id,
    ...describedBy(document),
    added: now,
    edition: id,
    editions: [
      {
        id,
        format: source.format,
        fileName: fileName.slice(0, 255),
        bytes: bytes.length,
        sha256: sha256OfBytes(bytes),
        ...(source.encoding !== undefined && { encoding: source.encoding }),
        ...(source.pages !== undefined && { pages: source.pages }),
        added: now,
      },
    ],
    view: EMPTY_VIEW,
    counts: { annotations: 0, bookmarks: 0 },
  };
  await library.add(report).catch(async (error: unknown) => {
    await takeBack();
    throw error;
  });
  context.onAdded?.(report);
  tell('done', 1, 1);
  return { report, added: true };
}
