/**
 * The 书架's stores under Node with fake calls: adding files one after
 * another with progress, what the reader is told, removing with 撤销, the
 * search scope that follows the box, and the report switch that takes one
 * report down before the next one's text goes in.
 */
import { UndoStack } from '../../../../src/renderer/commands/undo-stack';
import { describe, expect, it, vi } from 'vitest';
import { Notices } from '../../../../src/renderer/app/notices';
import { ReportSwitch, type LoadedReport } from '../../../../src/renderer/app/report-switch';
import { LibrarySearch } from '../../../../src/renderer/features/library/library-search';
import { ShelfStore, type ShelfApi } from '../../../../src/renderer/features/library/shelf-store';
import {
  occasionLine,
  openedLabel,
  statsLine,
} from '../../../../src/renderer/features/library/shelf-view';
import { TocFolds } from '../../../../src/renderer/features/toc/folds';
import type { Result } from '../../../../src/shared/api';
import type { ReportDocument } from '../../../../src/shared/document';
import type { AddProgress, LibraryReport, LibraryView } from '../../../../src/shared/library';
import type { ReportHits } from '../../../../src/shared/search';
import { ERROR_MESSAGES } from '../../../../src/core/formats/errors';

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

const entry = (id: string, extra: Partial<LibraryReport> = {}): LibraryReport => ({
  id,
  title: id,
  added: '2024-01-01T00:00:00.000Z',
  edition: id,
  editions: [{ id, format: 'pdf', fileName: `${id}.pdf`, added: '2024-01-01T00:00:00.000Z' }],
  view: { position: null, collapsed: [] },
  counts: { annotations: 2, bookmarks: 1 },
  ...extra,
});

function fakeShelf(view: LibraryView) {
  let progress: (message: AddProgress) => void = () => undefined;
  const opened: string[] = [];
  const notices: string[] = [];
  const kinds: (string | undefined)[] = [];
  const undo = new UndoStack();
  const api = {
    getLibrary: vi.fn(() => ok(view)),
    addReport: vi.fn(async ({ fileName }: { fileName: string }) => {
      progress({ fileName, stage: 'extract', done: 2, total: 5 });
      await Promise.resolve();
      if (fileName === 'bad.pdf')
        return { ok: false as const, error: '这个 PDF 文件已损坏或不完整，无法读取。' };
      const added = fileName !== 'same.pdf';
      return ok({ report: entry(fileName.replace('.pdf', '')), added });
    }),
    addReportFile: vi.fn(() => ok(null)),
    renameReport: vi.fn(() => ok(entry('x'))),
    removeReport: vi.fn(({ report }: { report: string }) =>
      ok(entry(report, { removed: '2024-05-01T00:00:00.000Z' })),
    ),
    restoreReport: vi.fn(({ report }: { report: string }) => ok(entry(report))),
    onAddProgress: (listener: (message: AddProgress) => void) => {
      progress = listener;
      return () => undefined;
    },
  } as unknown as ShelfApi;
  const shelf = new ShelfStore(
    api,
    view,
    'b',
    async (report) => void opened.push(report),
    (message, options) => {
      notices.push(message);
      kinds.push(options?.kind);
    },
    undo,
  );
  shelf.attach();
  return { shelf, api, opened, notices, kinds, undo };
}

const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name);
const view: LibraryView = {
  reports: [entry('bundled', { bundled: true }), entry('b')],
  removed: [],
  last: 'b',
};

describe('adding files', () => {
  it('one at a time, with progress while it runs, opening each one added', async () => {
    const { shelf, api, opened } = fakeShelf(view);
    const seen: (AddProgress | null)[] = [];
    shelf.subscribe(() => seen.push(shelf.getSnapshot().adding));
    await shelf.addFiles([file('one.pdf'), file('two.pdf')]);
    expect(
      (api.addReport as ReturnType<typeof vi.fn>).mock.calls.map(([call]) => call.fileName),
    ).toEqual(['one.pdf', 'two.pdf']);
    expect(seen).toContainEqual({ fileName: 'one.pdf', stage: 'extract', done: 2, total: 5 });
    expect(shelf.getSnapshot().adding).toBeNull();
    expect(opened).toEqual(['one', 'two']);
  });

  it('a bad file is said in one notice and opens nothing; one already there is opened and said so', async () => {
    const { shelf, opened, notices, kinds } = fakeShelf(view);
    await shelf.addFiles([file('bad.pdf')]);
    expect(notices).toEqual(['“bad.pdf”没有加入书架：这个 PDF 文件已损坏或不完整，无法读取。']);
    await shelf.addFiles([file('same.pdf')]);
    expect(notices[1]).toBe('《same》已在书架上，已为你打开。');
    // The refusal is an error (an alert); the report already there is news (a status).
    expect(kinds).toEqual([undefined, 'info']);
    expect(opened).toEqual(['same']);
  });

  it('a file over the limit is refused by its size, before a byte of it is read', async () => {
    const { shelf, api, opened, notices } = fakeShelf(view);
    // A 4 GB video dropped by mistake: reading it first would take the page's memory with it.
    const arrayBuffer = vi.fn();
    const huge = { name: '会议录像.mp4', size: 4 * 1024 ** 3, arrayBuffer } as unknown as File;
    await shelf.addFiles([huge, file('one.pdf')]);
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(notices).toEqual([`“会议录像.mp4”没有加入书架：${ERROR_MESSAGES['too-large']}`]);
    expect(
      (api.addReport as ReturnType<typeof vi.fn>).mock.calls.map(([call]) => call.fileName),
    ).toEqual(['one.pdf']);
    expect(opened).toEqual(['one']);
  });

  it('a file gone before it is read (the USB stick pulled out) is said in Chinese, and the next one is added', async () => {
    const { shelf, api, opened, notices } = fakeShelf(view);
    // What Chromium rejects with when a chosen or dropped file is no longer there.
    const gone = {
      name: '会议材料.pdf',
      size: 1024,
      arrayBuffer: () =>
        Promise.reject(
          new DOMException(
            'A requested file or directory could not be found at the time an operation was processed.',
            'NotFoundError',
          ),
        ),
    } as unknown as File;
    await shelf.addFiles([gone, file('one.pdf')]);
    expect(notices).toEqual([`“会议材料.pdf”没有加入书架：${ERROR_MESSAGES['file-gone']}`]);
    expect(
      (api.addReport as ReturnType<typeof vi.fn>).mock.calls.map(([call]) => call.fileName),
    ).toEqual(['one.pdf']);
    expect(opened).toEqual(['one']);
  });

  it('files dropped while another is being added wait their turn', async () => {
    const { shelf, api } = fakeShelf(view);
    const first = shelf.addFiles([file('one.pdf')]);
    const second = shelf.addFiles([file('two.pdf')]);
    await Promise.all([first, second]);
    const order = (api.addReport as ReturnType<typeof vi.fn>).mock.calls.map(
      ([call]) => call.fileName,
    );
    expect(order).toEqual(['one.pdf', 'two.pdf']);
  });
});

describe('removing', () => {
  it('the report on screen gives way to the first on the shelf; 撤销 puts it back', async () => {
    const { shelf, api, opened } = fakeShelf(view);
    await shelf.remove('b');
    expect(shelf.getSnapshot().removed?.id).toBe('b');
    expect(opened).toEqual(['bundled']);
    shelf.undoRemove();
    await vi.waitFor(() => expect(api.restoreReport).toHaveBeenCalledWith({ report: 'b' }));
    await vi.waitFor(() => expect(shelf.getSnapshot().removed).toBeNull());
    expect(api.restoreReport).toHaveBeenCalledOnce();
  });

  it('a removal goes on the undo stack: Ctrl+Z puts it back after its toast has gone, and never twice', async () => {
    const { shelf, api, undo } = fakeShelf(view);
    await shelf.remove('b');
    expect(undo.label()).toBe('撤销移出书架');
    shelf.dismissUndo();
    expect(undo.undoLatest()).toBe(true);
    await vi.waitFor(() => expect(api.restoreReport).toHaveBeenCalledWith({ report: 'b' }));
    expect(undo.undoLatest()).toBe(false);
    // Put back from 已移除 instead: nothing is left for Ctrl+Z to put back again.
    await shelf.remove('b');
    await shelf.restore('b');
    expect(undo.latest()).toBeUndefined();
    expect(api.restoreReport).toHaveBeenCalledTimes(2);
  });
});

describe('the search scope', () => {
  it('follows the box only across reports, drops stale answers, and clears when set back', async () => {
    let release: () => void = () => undefined;
    const answers: string[] = [];
    const api = {
      searchLibrary: vi.fn(async ({ query }: { query: string }) => {
        answers.push(query);
        if (query === '月') await new Promise<void>((resolve) => (release = resolve));
        return { ok: true as const, value: { query, total: 1, reports: [] } };
      }),
      searchLibraryReport: vi.fn(),
    };
    const search = new LibrarySearch(api, vi.fn());
    search.follow('月湖');
    expect(api.searchLibrary).not.toHaveBeenCalled();
    search.setScope('all');
    await vi.waitFor(() => expect(search.getSnapshot().result?.query).toBe('月湖'));
    search.follow('月');
    search.follow('月湖公园');
    await vi.waitFor(() => expect(search.getSnapshot().result?.query).toBe('月湖公园'));
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(search.getSnapshot().result?.query).toBe('月湖公园');
    search.follow('、');
    expect(search.getSnapshot().result).toBeNull();
    search.setScope('report');
    expect(search.getSnapshot().result).toBeNull();
    expect(answers).toEqual(['月湖', '月', '月湖公园']);
  });
});

describe('the report switch', () => {
  const document = (version: string): ReportDocument => ({
    title: '报告',
    version,
    blocks: [{ id: 'b1', kind: 'paragraph', text: `第一段${version}` }],
    outline: [],
    glossary: [],
  });
  const loaded = (id: string): LoadedReport => ({ id, document: document(id), entry: entry(id) });

  it('takes the report down, then puts the next one’s text in and up', async () => {
    const tell = { error: vi.fn(), notices: vi.fn(), opened: vi.fn() };
    const api = {
      getDocument: vi.fn(({ report }: { report: string }) => ok(document(report))),
      openReport: vi.fn(({ report }: { report: string }) =>
        ok({ report: entry(report), notices: ['注意'] }),
      ),
    };
    const switcher = new ReportSwitch(api, loaded('a'), tell);
    await switcher.open('b', { arrival: { block: 'b1', query: '第一' } });
    expect(switcher.getSnapshot()).toMatchObject({
      current: null,
      pending: { id: 'b', arrival: { block: 'b1', query: '第一' } },
    });
    expect(tell.notices).toHaveBeenCalledWith(['注意']);
    const pane = { innerHTML: 'old', scrollTop: 500 } as unknown as HTMLElement;
    switcher.swapIn(pane);
    expect(pane.innerHTML).toContain('第一段b');
    expect(pane.innerHTML).toContain('data-block="b1"');
    expect(pane.scrollTop).toBe(0);
    expect(switcher.getSnapshot()).toMatchObject({
      current: { id: 'b' },
      pending: null,
      opening: null,
    });
  });

  it('a report that cannot be opened leaves the one on screen, and says why', async () => {
    const tell = { error: vi.fn(), notices: vi.fn(), opened: vi.fn() };
    const api = {
      getDocument: vi.fn(() => Promise.resolve({ ok: false as const, error: '副本已损坏' })),
      openReport: vi.fn(({ report }: { report: string }) =>
        ok({ report: entry(report), notices: [] }),
      ),
    };
    const switcher = new ReportSwitch(api, loaded('a'), tell);
    await switcher.open('b');
    expect(switcher.getSnapshot().current?.id).toBe('a');
    expect(tell.error).toHaveBeenCalledWith('这份报告没能打开：副本已损坏');
  });

  /** A switch whose report 'slow' loads until `release` is called. */
  function slowSwitch() {
    const tell = { error: vi.fn(), notices: vi.fn(), opened: vi.fn() };
    let release: () => void = () => undefined;
    const api = {
      getDocument: vi.fn(async ({ report }: { report: string }) => {
        if (report === 'slow') await new Promise<void>((resolve) => (release = resolve));
        return { ok: true as const, value: document(report) };
      }),
      openReport: vi.fn(({ report }: { report: string }) =>
        ok({ report: entry(report), notices: [] }),
      ),
    };
    const switcher = new ReportSwitch(api, loaded('a'), tell);
    return { switcher, tell, release: () => release() };
  }

  it('the latest report asked for wins', async () => {
    const { switcher, release } = slowSwitch();
    const first = switcher.open('slow');
    await switcher.open('fast');
    release();
    await first;
    expect(switcher.getSnapshot().pending?.id).toBe('fast');
  });

  it('asking for the report on screen while another loads keeps the one on screen', async () => {
    const { switcher, tell, release } = slowSwitch();
    const first = switcher.open('slow');
    // 最近打开 → b, then straight back to a, the one still on screen.
    await switcher.open('a');
    release();
    await first;
    expect(switcher.getSnapshot()).toMatchObject({
      current: { id: 'a' },
      pending: null,
      opening: null,
    });
    expect(tell.opened).not.toHaveBeenCalled();
  });
});

describe('small stores', () => {
  it('notices of a report are told once however often it opens', () => {
    const notices = new Notices(['已从备份恢复']);
    notices.addOnce(['已从备份恢复', '副本已重新生成']);
    notices.addOnce(['副本已重新生成']);
    expect(notices.getSnapshot().list).toEqual([
      { text: '已从备份恢复', kind: 'error' },
      { text: '副本已重新生成', kind: 'error' },
    ]);
  });

  it('folded 目录 entries are the report’s own, saved with its place', async () => {
    const saveReportView = vi.fn(() => ok(undefined));
    const folds = new TocFolds({ saveReportView }, ['b5'], vi.fn());
    folds.toggle('b9');
    folds.toggle('b5');
    expect(folds.getSnapshot().collapsed).toEqual(['b9']);
    expect(saveReportView).toHaveBeenLastCalledWith({ collapsed: ['b9'] });
  });
});

describe('a row of the 书架', () => {
  const now = new Date(2024, 4, 3, 18, 0);
  it('says when it was opened the way a person would', () => {
    expect(openedLabel(undefined, now)).toBe('未打开过');
    expect(openedLabel(new Date(2024, 4, 3, 9, 5).toISOString(), now)).toBe('今天 09:05');
    expect(openedLabel(new Date(2024, 4, 2, 23, 59).toISOString(), now)).toBe('昨天 23:59');
    expect(openedLabel(new Date(2023, 11, 1).toISOString(), now)).toBe('2023-12-01');
    expect(openedLabel('not a date', now)).toBe('未打开过');
  });

  it('says its occasion (or date) and format, then its place and notes', () => {
    const report = entry('x', {
      occasion: '2019年1月8日在江北区第十一届人民代表大会第二次会议上',
      place: '江北区',
    });
    expect(occasionLine(report)).toBe('2019年1月8日在江北区第十一届人民代表大会第二次会议上 · PDF');
    expect(occasionLine(entry('y', { date: '2019-01-08', bundled: true }))).toBe(
      '2019-01-08 · 随应用提供',
    );
    expect(statsLine(report, now)).toBe('江北区 · 批注 2 · 书签 1 · 最近打开 未打开过');
  });

  it('shows a later report’s hits on request, in the answer to the same query only', async () => {
    const group = (report: string, hits: number): ReportHits => ({
      report,
      title: report,
      total: 30,
      blocks: 30,
      hits: Array.from({ length: hits }, (_, i) => ({
        block: `${report}-b${i}`,
        count: 1,
        path: '',
        snippet: { text: '区', marks: [[0, 1]] },
      })),
    });
    const page = (query: string) => ({
      query,
      total: 60,
      reports: [group('a', 20), group('b', 0)],
    });
    const asked: (() => void)[] = [];
    const api = {
      searchLibrary: vi.fn(async ({ query }: { query: string }) => ({
        ok: true as const,
        value: page(query),
      })),
      searchLibraryReport: vi.fn(async ({ report }: { query: string; report: string }) => {
        await new Promise<void>((resolve) => asked.push(resolve));
        return { ok: true as const, value: group(report, 20) };
      }),
    };
    const search = new LibrarySearch(api, vi.fn());
    search.follow('区');
    search.setScope('all');
    await vi.waitFor(() => expect(search.getSnapshot().result?.query).toBe('区'));
    search.showReport('b');
    search.showReport('b');
    expect(api.searchLibraryReport).toHaveBeenCalledTimes(1);
    expect(api.searchLibraryReport).toHaveBeenCalledWith({ query: '区', report: 'b' });
    expect(search.getSnapshot().loading.has('b')).toBe(true);
    asked.shift()!();
    await vi.waitFor(() => expect(search.getSnapshot().loading.has('b')).toBe(false));
    const shown = search.getSnapshot().result!.reports.map((r) => [r.report, r.hits.length]);
    expect(shown).toEqual([
      ['a', 20],
      ['b', 20],
    ]);
    // Asked under 区, answered after 区人: the newer answer keeps its own groups.
    search.follow('区人');
    await vi.waitFor(() => expect(search.getSnapshot().result?.query).toBe('区人'));
    search.showReport('b');
    search.follow('区人民');
    await vi.waitFor(() => expect(search.getSnapshot().result?.query).toBe('区人民'));
    asked.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(search.getSnapshot().result!.reports[1].hits).toHaveLength(0);
  });
});
