/** The reader's own data for one report: one schema-versioned document in the data folder. */
import { join } from 'node:path';
import { EMPTY_USER_DATA, type UserData } from '../../shared/user-data';
import { VersionedFile } from '../storage/versioned-file';
import { UserDataSchema } from './schema';

/** The bundled report. A second report would get its own file beside this one. */
export const REPORT_KEY = 'haishu-2018-government-work-report';
export const USER_DATA_SCHEMA_VERSION = 1;

export const userDataPath = (dataDir: string, key = REPORT_KEY) =>
  join(dataDir, 'reports', `${key}.json`);

export function openUserData(dataDir: string, key = REPORT_KEY): Promise<VersionedFile<UserData>> {
  return VersionedFile.open({
    path: userDataPath(dataDir, key),
    version: USER_DATA_SCHEMA_VERSION,
    field: 'data',
    schema: UserDataSchema,
    empty: EMPTY_USER_DATA,
    label: '批注文件',
    fallback: '空白批注',
    // A week of a delegate's notes: the previous version is kept as `.bak`.
    keepBackup: true,
  });
}
