import { describe, expect, it, vi } from 'vitest';
import { Notices } from '../../../../src/renderer/app/notices';
import { SettingsStore } from '../../../../src/renderer/app/settings';
import { Store } from '../../../../src/renderer/store';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings';

class Pair extends Store<{ a: number; b: string[] }> {
  change(next: Partial<{ a: number; b: string[] }>) {
    this.set(next);
  }
}

describe('the store pattern', () => {
  it('tells subscribers of a change, with a new snapshot', () => {
    const store = new Pair({ a: 1, b: [] });
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    store.change({ a: 2 });
    expect(listener).toHaveBeenCalledOnce();
    expect(store.getSnapshot()).toEqual({ a: 2, b: [] });
    expect(before).toEqual({ a: 1, b: [] });
  });

  it('keeps the snapshot and says nothing when no value is new', () => {
    const b: string[] = [];
    const store = new Pair({ a: 1, b });
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    store.change({ a: 1, b });
    expect(listener).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(before);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = new Pair({ a: 1, b: [] });
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    stop();
    store.change({ a: 5 });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('notices', () => {
  it('adds in order and dismisses by place', () => {
    const notices = new Notices(['设置文件已损坏']);
    notices.add('保存批注失败');
    notices.add('导出失败');
    notices.dismiss(1);
    expect(notices.getSnapshot().list.map(({ text }) => text)).toEqual([
      '设置文件已损坏',
      '导出失败',
    ]);
  });

  it('told again, a notice is one, moved to the end as the latest news', () => {
    const notices = new Notices([]);
    notices.inform('《甲》已在书架上，已为你打开。');
    notices.add('“空.txt”没有加入书架');
    notices.inform('《甲》已在书架上，已为你打开。');
    expect(notices.getSnapshot().list.map(({ text }) => text)).toEqual([
      '“空.txt”没有加入书架',
      '《甲》已在书架上，已为你打开。',
    ]);
  });

  it('each has a kind: an error unless told as news', () => {
    const notices = new Notices(['设置文件已损坏']);
    notices.add('保存批注失败');
    notices.inform('已导出“a.json”。');
    notices.add('《甲》已在书架上，已为你打开。', {
      about: { report: 'r1', edition: 'e1' },
      kind: 'info',
    });
    expect(notices.getSnapshot().list).toEqual([
      { text: '设置文件已损坏', kind: 'error' },
      { text: '保存批注失败', kind: 'error' },
      { text: '已导出“a.json”。', kind: 'info' },
      { text: '《甲》已在书架上，已为你打开。', kind: 'info' },
    ]);
    // News of report r1 goes once another report is on screen; the rest stays.
    notices.reportShown({ report: 'r2', edition: 'e1' });
    expect(notices.getSnapshot().list.map(({ kind }) => kind)).toEqual(['error', 'error', 'info']);
  });

  it('news of an edition added goes once an earlier edition is on screen, and does not come back with the current one', () => {
    const notices = new Notices([]);
    const current = { report: 'r1', edition: 'e2' };
    notices.add('已作为《甲》的新版本加入：没有批注。', { about: current, kind: 'info' });
    notices.reportShown(current);
    expect(notices.getSnapshot().list).toHaveLength(1);
    notices.reportShown({ report: 'r1', edition: 'e1' });
    expect(notices.getSnapshot().list).toEqual([]);
    notices.reportShown(current);
    expect(notices.getSnapshot().list).toEqual([]);
  });
});

describe('settings', () => {
  it('change on screen at once, and a failed save is told, not undone', async () => {
    const onError = vi.fn();
    const settings = new SettingsStore(
      { updateSettings: async () => ({ ok: false as const, error: '磁盘已满' }) },
      DEFAULT_SETTINGS,
      onError,
    );
    settings.update({ fontSize: 22 });
    expect(settings.getSnapshot().fontSize).toBe(22);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith('设置未能保存：磁盘已满'));
    expect(settings.getSnapshot().fontSize).toBe(22);
  });
});
