/** Notes read-only because another reader held the folder: the page finds out when main has taken it. */
import { describe, expect, it, vi } from 'vitest';
import { UndoStack } from '../../../../src/renderer/commands/undo-stack';
import {
  UserDataStore,
  type UserDataApi,
} from '../../../../src/renderer/user-data/user-data-store';
import { watchWritableAgain } from '../../../../src/renderer/user-data/writable-again';
import { Notices } from '../../../../src/renderer/app/notices';
import type { UserDataView } from '../../../../src/shared/user-data';

const BUSY = '另一个报告阅读器（命令行，进程 42）正在使用这个数据文件夹：本次只读打开。';
const view = (readOnly: boolean) =>
  ({
    annotations: [],
    bookmarks: [],
    terms: [],
    readOnly,
    ...(readOnly && { readOnlyReason: BUSY }),
  }) as unknown as UserDataView;

describe('watchWritableAgain', () => {
  it('asks main while read-only, and once writable tells the reader and takes the old notice back', async () => {
    vi.useFakeTimers();
    try {
      let held = true;
      const api = {
        getUserData: () => Promise.resolve({ ok: true as const, value: view(held) }),
      } as unknown as UserDataApi;
      const userData = new UserDataStore(api, () => undefined, new UndoStack());
      await userData.load();
      const notices = new Notices([BUSY]);
      const told: (string | null)[] = [];
      const stop = watchWritableAgain(
        userData,
        (reason) => {
          told.push(reason);
          if (reason) notices.withdraw(reason);
        },
        1_000,
      );
      await vi.advanceTimersByTimeAsync(3_000);
      expect(told).toEqual([]);
      held = false;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(told).toEqual([BUSY]);
      expect(userData.data.readOnly).toBe(false);
      expect(notices.getSnapshot().list).toEqual([]);
      // Once is enough: it stops asking.
      await vi.advanceTimersByTimeAsync(5_000);
      expect(told).toHaveLength(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
