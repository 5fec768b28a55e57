/** What the shelf says about a report, from its text alone: where it was given and its name. */
import { describe, expect, it } from 'vitest';
import {
  libraryView,
  recentReports,
  reportPlace,
  shelfTitle,
  shelfOrder,
} from '../../../src/core/library/shelf';
import type { LibraryReport } from '../../../src/shared/library';

describe('reportPlace', () => {
  it.each([
    [
      { title: '政府工作报告', occasion: '2018年2月7日在海曙区第十一届人民代表大会第二次会议上' },
      '海曙区',
    ],
    [{ title: '政府工作报告', speaker: '武昌区人民政府区长 余松' }, '武昌区'],
    [{ title: '关于某区2018年国民经济和社会发展计划执行情况的报告' }, '某区'],
    [
      { title: '政府工作报告', occasion: '2017年1月5日在昆都仑区第十六届人民代表大会第一次会议上' },
      '昆都仑区',
    ],
    [
      { title: '政府工作报告', occasion: '2019年1月在宁波市第十五届人民代表大会第四次会议上' },
      '宁波市',
    ],
    [{ title: '工作报告', speaker: '某区人民法院院长 赵六' }, '某区'],
    [{ title: '政府工作报告' }, undefined],
  ])('%j → %s', (document, place) => {
    expect(reportPlace(document)).toBe(place);
  });
});

describe('shelfTitle', () => {
  it('adds the year and the place a bare title lacks, and nothing it has', () => {
    const occasion = '2018年2月7日在海曙区第十一届人民代表大会第二次会议上';
    expect(shelfTitle({ title: '政府工作报告', occasion, date: '2018-02-07' })).toBe(
      '2018年海曙区政府工作报告',
    );
    expect(shelfTitle({ title: '海曙区政府工作报告', occasion, date: '2018-02-07' })).toBe(
      '2018年海曙区政府工作报告',
    );
    expect(shelfTitle({ title: '关于某区2018年计划执行情况的报告', date: '2019-01-10' })).toBe(
      '2019年关于某区2018年计划执行情况的报告',
    );
    expect(shelfTitle({ title: '  ' })).toBe('未命名报告');
    expect(shelfTitle({ title: '长'.repeat(200) })).toHaveLength(120);
  });
});

const entry = (id: string, extra: Partial<LibraryReport> = {}): LibraryReport => ({
  id,
  title: id,
  added: '2024-01-01T00:00:00.000Z',
  edition: id,
  editions: [{ id, format: 'pdf', fileName: 'x.pdf', added: '2024-01-01T00:00:00.000Z' }],
  view: { position: null, collapsed: [] },
  counts: { annotations: 0, bookmarks: 0 },
  ...extra,
});

describe('the shelf’s order', () => {
  const reports = [
    entry('old', { added: '2024-01-02T00:00:00.000Z', opened: '2024-03-01T00:00:00.000Z' }),
    entry('new', { added: '2024-02-02T00:00:00.000Z' }),
    entry('bundled', { bundled: true, added: '2018-02-07T00:00:00.000Z' }),
    entry('gone', { removed: '2024-04-01T00:00:00.000Z', opened: '2024-04-01T00:00:00.000Z' }),
  ];

  it('is the bundled report first, then the latest added', () => {
    expect(shelfOrder(reports.slice(0, 3)).map((r) => r.id)).toEqual(['bundled', 'new', 'old']);
  });

  it('keeps removed reports apart, and opens the one read last (the bundled one the first time)', () => {
    const view = libraryView(reports, 'bundled');
    expect(view.reports.map((r) => r.id)).toEqual(['bundled', 'new', 'old']);
    expect(view.removed.map((r) => r.id)).toEqual(['gone']);
    expect(view.last).toBe('old');
    expect(libraryView([entry('bundled', { bundled: true })], 'bundled').last).toBe('bundled');
  });

  it('最近打开 lists opened reports on the shelf, latest first', () => {
    expect(recentReports(reports).map((r) => r.id)).toEqual(['old']);
  });
});
