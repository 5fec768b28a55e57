/**
 * The library's index on disk: `library.json` in the data folder, one
 * schema-versioned document through the same VersionedFile as the reader's
 * notes, so it gets every guarantee they have: atomic writes, the previous
 * good version as `.bak`, a damaged file moved aside (never deleted), and one
 * bad entry set aside in `quarantine/library.json` while the others load.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import type { Library, LibraryReport } from '../../shared/library';
import { LibraryReportSchema, LibrarySchema } from '../../shared/library-schema';
import type { WriterIo } from '../storage/atomic-write';
import type { SetAside } from '../storage/quarantine';
import { VersionedFile, type FileAccess, type VersionedFileSpec } from '../storage/versioned-file';

export const LIBRARY_FILE = 'library.json';
export const LIBRARY_SCHEMA_VERSION = 1;

export const libraryPath = (dataDir: string) => join(dataDir, LIBRARY_FILE);
export const libraryQuarantinePath = (dataDir: string) => join(dataDir, 'quarantine', LIBRARY_FILE);

/** A schema's first complaint, as the reader is told it. */
export function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '格式不对';
  return `${issue.path.length > 0 ? `${issue.path.join('.')}：` : ''}${issue.message}`;
}

/**
 * The entries that read, and the ones to set aside (a field this version does
 * not know, a second entry with an id already seen); null when the value is
 * not a library at all.
 */
export function salvageLibrary(value: unknown): { value: Library; rejected: SetAside[] } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  if (!Array.isArray(fields.reports)) return null;
  const rejected: SetAside[] = [];
  const reports: LibraryReport[] = [];
  for (const record of fields.reports as unknown[]) {
    const parsed = LibraryReportSchema.safeParse(record);
    if (!parsed.success) {
      rejected.push({ list: 'reports', reason: reasonOf(parsed.error), record });
    } else if (reports.some((report) => report.id === parsed.data.id)) {
      rejected.push({ list: 'reports', reason: `编号重复（${parsed.data.id}）`, record });
    } else {
      reports.push(parsed.data);
    }
  }
  for (const [field, extra] of Object.entries(fields)) {
    if (field !== 'reports')
      rejected.push({ list: field, reason: `未知的字段 ${field}`, record: extra });
  }
  return { value: { reports }, rejected };
}

export function librarySpec(
  dataDir: string,
  access?: FileAccess,
  io?: WriterIo,
): VersionedFileSpec<Library> {
  return {
    path: libraryPath(dataDir),
    version: LIBRARY_SCHEMA_VERSION,
    field: 'library',
    schema: LibrarySchema,
    empty: { reports: [] },
    label: '书架索引',
    fallback: '空书架（各报告的文件仍在数据文件夹中）',
    keepBackup: true,
    undoFailedSaves: true,
    salvage: salvageLibrary,
    quarantinePath: libraryQuarantinePath(dataDir),
    ...(access ? { access } : {}),
    ...(io ? { io } : {}),
  };
}

export function openLibraryFile(
  dataDir: string,
  access?: FileAccess,
): Promise<VersionedFile<Library>> {
  return VersionedFile.open(librarySpec(dataDir, access));
}
