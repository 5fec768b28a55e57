/**
 * The notes opened read-only because another reader held the data folder
 * (the command line adding a report): main takes the folder once that one
 * lets go (src/services/folder-return.ts). While they are read-only, this
 * asks main again every few seconds; once they are writable, the reader is
 * told, and the notice that said why they were read-only goes.
 */
import type { UserDataStore } from './user-data-store';
import { APP_NAME } from '../../shared/app-name';

export const WRITABLE_AGAIN = `另一个${APP_NAME}已关闭：本窗口已接管数据文件夹，现在可以修改批注、书签和设置了。`;

/** A little more than main's own retry (RETRY_EVERY_MS), so one ask usually finds it done. */
export const ASK_EVERY_MS = 6_000;

export function watchWritableAgain(
  userData: UserDataStore,
  /** Called once, with the reason the notes were read-only. */
  writable: (wasReadOnlyBecause: string | null) => void,
  everyMs = ASK_EVERY_MS,
): () => void {
  let asking = false;
  const timer = setInterval(() => {
    const { readOnly, readOnlyReason } = userData.data;
    if (!readOnly || asking) return;
    asking = true;
    void userData.reload().finally(() => {
      asking = false;
      if (userData.data.readOnly) return;
      clearInterval(timer);
      writable(readOnlyReason ?? null);
    });
  }, everyMs);
  return () => clearInterval(timer);
}
