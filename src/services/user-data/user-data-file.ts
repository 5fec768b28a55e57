/** The reader's own data for one report: one schema-versioned document in the data folder. */
import { join } from 'node:path';
import { EMPTY_USER_DATA, type UserData } from '../../shared/user-data';
import type { WriterIo } from '../storage/atomic-write';
import { VersionedFile, type FileAccess, type VersionedFileSpec } from '../storage/versioned-file';
import { salvageUserData } from '../../core/annotations/salvage';
import { UserDataSchema } from '../../shared/user-data-schema';

/** The bundled report. A second report would get its own file beside this one. */
export const REPORT_KEY = 'haishu-2018-government-work-report';
export const USER_DATA_SCHEMA_VERSION = 1;

export const userDataPath = (dataDir: string, key = REPORT_KEY) =>
  join(dataDir, 'reports', `${key}.json`);

/**
 * Records of a report's file that failed validation. Its own folder, not
 * reports/, so nothing that lists the reports' files mistakes it for one.
 */
export const quarantinePath = (dataDir: string, key = REPORT_KEY) =>
  join(dataDir, 'quarantine', `${key}.json`);

/** The file's spec; `io` is for tests that inject write faults. */
export function userDataSpec(
  dataDir: string,
  key = REPORT_KEY,
  io?: WriterIo,
  access?: FileAccess,
): VersionedFileSpec<UserData> {
  return {
    path: userDataPath(dataDir, key),
    version: USER_DATA_SCHEMA_VERSION,
    field: 'data',
    schema: UserDataSchema,
    empty: EMPTY_USER_DATA,
    label: '批注文件',
    fallback: '空白批注',
    // A week of a delegate's notes: the previous version is kept as `.bak`.
    keepBackup: true,
    // A note the reader was told did not save must not appear (and be written) later.
    undoFailedSaves: true,
    // One bad record is set aside by itself; the rest of the reader's notes load.
    salvage: salvageUserData,
    quarantinePath: quarantinePath(dataDir, key),
    ...(io ? { io } : {}),
    ...(access ? { access } : {}),
  };
}

/** `access` says whether this process may write the data folder (folder-access.ts). */
export function openUserData(
  dataDir: string,
  key = REPORT_KEY,
  access?: FileAccess,
): Promise<VersionedFile<UserData>> {
  return VersionedFile.open(userDataSpec(dataDir, key, undefined, access));
}
