/**
 * A file that is another edition of a report, as the 书架's store takes it:
 * the question asked once the file is read, files after it waiting for the
 * answer; 作为新版本 opens the report with 修订对照 against the edition
 * before, 单独的报告 opens the new report, 取消 opens nothing; what the reader
 * is told. And how editions are named on the shelf and in 修订对照.
 */
import { UndoStack } from '../../../../src/renderer/commands/undo-stack';
import { describe, expect, it, vi } from 'vitest';
import { ShelfStore, type ShelfApi } from '../../../../src/renderer/features/library/shelf-store';
import {
  editionsLine,
  occasionLine,
  offerSentence,
} from '../../../../src/renderer/features/library/shelf-view';
import {
  editionLabel,
  labelOf,
  previousEdition,
} from '../../../../src/renderer/features/editions/edition-names';
import type { Result } from '../../../../src/shared/api';
import {
  carriedSummary,
  type AddedReport,
  type LibraryReport,
  type LibraryView,
} from '../../../../src/shared/library';

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

const REPORT: LibraryReport = {
  id: 'haishu',
  title: '2018年海曙区政府工作报告',
  added: '2018-02-07T00:00:00.000Z',
  edition: 'e2',
  editions: [
    {
      id: 'e1',
      format: 'text',
      fileName: 'x.txt',
      added: '2018-02-07T00:00:00.000Z',
      bundled: true,
    },
    { id: 'e2', format: 'docx', fileName: '终稿.docx', added: '2026-01-05T08:00:00.000Z' },
  ],
  view: { position: null, collapsed: [] },
  counts: { annotations: 3, bookmarks: 1 },
};
const ONE_EDITION: LibraryReport = { ...REPORT, edition: 'e1', editions: [REPORT.editions[0]] };
const OFFER = { token: 'tok', fileName: '终稿.docx', evidence: 'title' as const, shared: 0.97 };
const CARRIED = { exact: 1, fuzzy: 1, orphan: 1, bookmarks: 1, orphanBookmarks: 0 };

function offering(answer: (as: string) => Result<AddedReport | null>) {
  const opened: [string, unknown][] = [];
  const notices: string[] = [];
  const view: LibraryView = { reports: [ONE_EDITION], removed: [], last: 'haishu' };
  const api = {
    getLibrary: vi.fn(() => ok(view)),
    addReport: vi.fn(({ fileName }: { fileName: string }) =>
      fileName === '终稿.docx'
        ? ok({ report: ONE_EDITION, added: false, offer: OFFER })
        : ok({ report: { ...ONE_EDITION, id: fileName, title: fileName }, added: true }),
    ),
    answerEditionOffer: vi.fn(async ({ as }: { as: string }) => answer(as)),
    onAddProgress: () => () => undefined,
  } as unknown as ShelfApi;
  const shelf = new ShelfStore(
    api,
    view,
    'haishu',
    async (report, options) => void opened.push([report, options]),
    (message) => notices.push(message),
    new UndoStack(),
  );
  return { shelf, api, opened, notices };
}

const file = (name: string) => new File([new Uint8Array([1])], name);

describe('a file that is another edition of a report', () => {
  it('asks, and files after it wait for the answer', async () => {
    const { shelf, api, opened } = offering(() => ({ ok: true, value: null }));
    const adding = shelf.addFiles([file('终稿.docx'), file('other.pdf')]);
    await vi.waitFor(() => expect(shelf.question.getSnapshot().pending).not.toBeNull());
    expect(shelf.question.getSnapshot().pending).toEqual({ offer: OFFER, report: ONE_EDITION });
    expect(shelf.getSnapshot().adding).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(api.addReport).toHaveBeenCalledTimes(1);
    expect(opened).toEqual([]);
    shelf.question.answer('cancel');
    await adding;
    expect(api.answerEditionOffer).toHaveBeenCalledWith({ token: 'tok', as: 'cancel' });
    // 取消 opened nothing; the next file went on.
    expect(opened).toEqual([['other.pdf', undefined]]);
    expect(shelf.question.getSnapshot().pending).toBeNull();
  });

  it('作为新版本加入: told how the notes carried over, then opened with 修订对照 against the edition before', async () => {
    const { shelf, opened, notices } = offering(() => ({
      ok: true,
      value: { report: REPORT, added: true, edition: { previous: 'e1', carried: CARRIED } },
    }));
    const adding = shelf.addFiles([file('终稿.docx')]);
    await vi.waitFor(() => expect(shelf.question.getSnapshot().pending).not.toBeNull());
    shelf.question.answer('edition');
    await adding;
    expect(opened).toEqual([['haishu', { compareWith: 'e1' }]]);
    expect(notices).toEqual([`已作为《${REPORT.title}》的新版本加入：${carriedSummary(CARRIED)}`]);
  });

  it('作为单独的报告: the new report is opened', async () => {
    const separate = { ...ONE_EDITION, id: 'new', title: '另一份' };
    const { shelf, opened } = offering(() => ({
      ok: true,
      value: { report: separate, added: true },
    }));
    const adding = shelf.addFiles([file('终稿.docx')]);
    await vi.waitFor(() => expect(shelf.question.getSnapshot().pending).not.toBeNull());
    shelf.question.answer('report');
    await adding;
    expect(opened).toEqual([['new', undefined]]);
  });

  it('an answer main refuses is said, and nothing is opened', async () => {
    const { shelf, opened, notices } = offering(() => ({
      ok: false,
      error: '这份文件等待太久，已不再保留：请重新打开它。',
    }));
    const adding = shelf.addFiles([file('终稿.docx')]);
    await vi.waitFor(() => expect(shelf.question.getSnapshot().pending).not.toBeNull());
    shelf.question.answer('edition');
    await adding;
    expect(opened).toEqual([]);
    expect(notices).toEqual([
      '“终稿.docx”没有加入书架：这份文件等待太久，已不再保留：请重新打开它。',
    ]);
  });
});

describe('what the reader reads', () => {
  it('why a file is taken for another edition', () => {
    expect(offerSentence(OFFER, '海曙报告')).toBe(
      '“终稿.docx”与书架上的《海曙报告》标题和会议相同，应是它的另一个版本。',
    );
    expect(offerSentence({ ...OFFER, evidence: 'text', shared: 0.876 }, '海曙报告')).toBe(
      '“终稿.docx”有 87% 的文字与书架上的《海曙报告》相同，应是它的另一个版本。',
    );
  });

  it('how the notes carried over', () => {
    expect(carriedSummary(CARRIED)).toBe(
      '批注 1 条原文未变，1 条按上下文找到，1 条在新版本中找不到原文（已保留为孤立批注）；书签 1 个。',
    );
    expect(carriedSummary({ ...CARRIED, exact: 0, fuzzy: 0, orphan: 0, bookmarks: 0 })).toBe(
      '没有批注。',
    );
  });

  it('editions: counted on the shelf, named by file and day, the current one marked', () => {
    expect(editionsLine(REPORT)).toBe('2 个版本');
    // The bundled report read in a text the reader added: that file's format, not 随应用提供.
    const added = { ...REPORT, bundled: true as const, occasion: '会议' };
    added.editions = [REPORT.editions[0], { ...REPORT.editions[1], sha256: 'a'.repeat(64) }];
    expect(occasionLine(added)).toBe('会议 · Word');
    expect(occasionLine({ ...added, edition: 'e1' })).toBe('会议 · 随应用提供');
    expect(editionsLine(ONE_EDITION)).toBeNull();
    expect(editionLabel(REPORT, REPORT.editions[0])).toBe('随应用提供的文本');
    expect(editionLabel(REPORT, REPORT.editions[1])).toMatch(
      /^终稿\.docx（2026-01-0\d 加入，当前版本）$/,
    );
    expect(labelOf(REPORT, 'gone')).toBe('gone');
    expect(previousEdition(REPORT, 'e2')).toBe('e1');
    expect(previousEdition(REPORT, 'e1')).toBeUndefined();
  });
});
