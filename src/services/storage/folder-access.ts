/**
 * Whether this process may write the data folder, said plainly: it holds the
 * folder's lock, or another reader has it, or the folder is read-only or the
 * disk full. Every shell (the desktop app, browser mode, the CLI) opens the
 * folder through here before the services read a file.
 */
import { hostname } from 'node:os';
import { claimFolder, type HeldLock, type LockApp, type LockOwner } from './folder-lock';
import { codeOf, FULL_DISK_MESSAGE, problemOf, readOnlyFolderMessage } from './fs-errors';
import type { FileAccess } from './versioned-file';
import { APP_NAME } from '../../shared/app-name';

export interface FolderAccess extends FileAccess {
  readonly dir: string;
  /** Who holds the folder when this process does not (null when it does, or when nobody could be named). */
  readonly heldBy: LockOwner | null;
  /** Called once if another process takes the folder over while this one runs. */
  onLost(listener: () => void): void;
  /** Gives the folder back; saves already made must be flushed first. */
  release(): Promise<void>;
}

const APP_NAMES: Record<LockApp, string> = {
  desktop: '桌面应用',
  browser: '浏览器模式',
  cli: '命令行',
};

/** 「浏览器模式，进程 1234」, with the computer's name when it is another one. */
export function describeOwner(owner: LockOwner): string {
  const app = APP_NAMES[owner.app] ?? owner.app;
  const where = owner.host === hostname() ? '' : `，电脑 ${owner.host}`;
  return `${app}，进程 ${owner.pid}${where}`;
}

export const busyMessage = (owner: LockOwner | null) =>
  `另一个${APP_NAME}${owner ? `（${describeOwner(owner)}）` : ''}正在使用这个数据文件夹：` +
  '本次只读打开，可以阅读、检索和导出，但不能修改批注、书签和设置。关闭另一个后重新打开即可修改。';

export const LOST_MESSAGE = `另一个${APP_NAME}接管了这个数据文件夹：本窗口的改动不再保存。请关闭本窗口，在另一个里继续。`;

export class FolderLostError extends Error {}

export interface OpenFolderOptions {
  app: LockApp;
  /** How long to wait for another process to give the folder back. */
  waitMs?: number;
  /** Lock timings, for tests. */
  refreshMs?: number;
  staleMs?: number;
}

/** Access that never writes: for a folder held by another, or for commands that only read. */
export function readOnlyAccess(
  dir: string,
  reason: string,
  heldBy: LockOwner | null = null,
): FolderAccess {
  return {
    dir,
    readOnlyReason: reason,
    heldBy,
    beforeWrite: () => Promise.reject(new FolderLostError(reason)),
    onLost: () => undefined,
    release: () => Promise.resolve(),
  };
}

/** Why a folder that cannot even hold a lock file is read-only this session. */
function unwritableReason(dir: string, error: unknown): string {
  const problem = problemOf(error);
  if (problem === 'read-only') return readOnlyFolderMessage(dir);
  if (problem === 'full') return `${FULL_DISK_MESSAGE}本次只读打开。`;
  const code = codeOf(error);
  return `数据文件夹无法写入（${dir}${code ? `，错误代码 ${code}` : ''}）：本次只读打开，改动不会保存。`;
}

export async function openDataFolder(
  dir: string,
  options: OpenFolderOptions,
): Promise<FolderAccess> {
  let lock: HeldLock;
  try {
    const claim = await claimFolder(dir, options);
    if (!claim.held) return readOnlyAccess(dir, busyMessage(claim.owner), claim.owner);
    lock = claim.lock;
  } catch (error) {
    return readOnlyAccess(dir, unwritableReason(dir, error));
  }
  let lost = false;
  lock.onLost(() => (lost = true));
  return {
    dir,
    readOnlyReason: null,
    heldBy: null,
    async beforeWrite() {
      if (lost || !(await lock.stillOurs())) throw new FolderLostError(LOST_MESSAGE);
    },
    onLost: (listener) => lock.onLost(listener),
    release: () => lock.release(),
  };
}
