/**
 * The library under damage, with the storage guarantees per file: a damaged
 * derived file (document, index) is moved aside and made again from the
 * app's copy of the report; a copy that no longer matches is said plainly; a
 * lost index puts the reports it listed back from their folders; one bad
 * entry is set aside while the others load; a read-only folder refuses a new
 * report before reading it.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readOnlyAccess } from '../../../src/services/storage/folder-access';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { snapshot } from '../annotations/snapshot';
import { makeTempDir } from '../storage/helpers';
import {
  ok,
  openLibrary,
  otherReportText,
  parseHere,
  refused,
  utf8,
  removeLibraryDir,
} from './helpers';

let dir: string;
let id: string;
beforeEach(async () => {
  dir = await makeTempDir('library-recovery');
  const { handlers, flush } = await openLibrary(dir);
  id = ok(await handlers.addReport({ fileName: '江北.txt', bytes: utf8(otherReportText()) })).report
    .id;
  ok(await handlers.createBookmark({ report: id, block: 'b8' }));
  await flush();
});
afterEach(() => removeLibraryDir(dir));

const folder = () => join(dir, 'library', id, id);

describe('a damaged part of a report', () => {
  it.each(['document.json', 'search-index.json'])(
    '%s is moved aside and made again from the copy, and the reader is told',
    async (name) => {
      await writeFile(join(folder(), name), '{ not json');
      const { handlers, flush } = await openLibrary(dir);
      const document = ok(await handlers.getDocument({ report: id }));
      expect(document.version).toBe(id);
      expect(ok(await handlers.search({ report: id, query: '江北区' })).total).toBeGreaterThan(0);
      const opened = ok(await handlers.openReport({ report: id }));
      expect(opened.notices.join('')).toMatch(
        /解析数据已损坏或缺失，已从保存的原文件副本重新生成并已写回/,
      );
      await flush();
      const names = await readdir(folder());
      expect(names).toContain(name);
      expect(names.some((file) => file.startsWith(`${name}.corrupt-`))).toBe(true);
      // Written back: the next start reads it as it is.
      const again = await openLibrary(dir);
      expect(ok(await again.handlers.openReport({ report: id })).notices).toEqual([]);
    },
  );

  it('a copy that no longer matches its hash is said plainly, and nothing else breaks', async () => {
    await writeFile(join(folder(), 'source.txt'), 'something else');
    await rm(join(folder(), 'document.json'));
    const { handlers } = await openLibrary(dir);
    expect(refused(await handlers.getDocument({ report: id }))).toMatch(
      /保存在数据文件夹中的副本已损坏或丢失，无法打开：请移除它后重新添加原文件。/,
    );
    // The shelf still lists it (so it can be removed), the notes are still there, other reports work.
    expect(ok(await handlers.getLibrary(undefined)).reports.map((r) => r.id)).toContain(id);
    const across = ok(await handlers.searchLibrary({ query: '海曙区' }));
    expect(across.reports.map((group) => group.report)).toEqual([BUNDLED_REPORT_ID]);
    expect(
      JSON.parse(await readFile(join(dir, 'reports', `${id}.json`), 'utf8')).data.bookmarks,
    ).toHaveLength(1);
  });
});

describe('a damaged library index', () => {
  it('with a good copy beside it: recovered from the .bak', async () => {
    const { handlers, flush } = await openLibrary(dir);
    ok(await handlers.renameReport({ report: id, title: '江北 2019' }));
    await flush();
    await writeFile(join(dir, 'library.json'), '{ not json');
    const services = await openLibrary(dir);
    const notices = ok(await services.handlers.getNotices(undefined));
    expect(notices.join('')).toMatch(/书架索引已损坏.*已从上一份完好副本（\.bak）恢复/);
    const library = ok(await services.handlers.getLibrary(undefined));
    expect(library.reports.map((report) => report.id)).toEqual([BUNDLED_REPORT_ID, id]);
  });

  it('lost with no copy: the reports are put back from their folders, their notes with them', async () => {
    await rm(join(dir, 'library.json'));
    await rm(join(dir, 'library.json.bak'), { force: true });
    const { handlers } = await openLibrary(dir);
    const notices = ok(await handlers.getNotices(undefined));
    expect(notices.join('')).toContain(
      '书架索引中缺少 1 份报告（《2019年江北区政府工作报告》），已按数据文件夹中保存的副本放回书架',
    );
    const library = ok(await handlers.getLibrary(undefined));
    expect(library.reports.map((report) => report.id)).toEqual([BUNDLED_REPORT_ID, id]);
    expect(library.reports[1].editions[0]).toMatchObject({ format: 'text' });
    expect(ok(await handlers.getUserData({ report: id })).bookmarks).toHaveLength(1);
  });

  it('one entry it cannot read is set aside; the others load', async () => {
    const path = join(dir, 'library.json');
    const stored = JSON.parse(await readFile(path, 'utf8'));
    stored.library.reports.push({ ...stored.library.reports.at(-1), id: 'ffff', colour: 'red' });
    await writeFile(path, JSON.stringify(stored));
    const { handlers } = await openLibrary(dir);
    const notices = ok(await handlers.getNotices(undefined));
    expect(notices.join('')).toMatch(/书架索引中有 1 条记录无法读取/);
    expect(ok(await handlers.getLibrary(undefined)).reports.map((r) => r.id)).toEqual([
      BUNDLED_REPORT_ID,
      id,
    ]);
    const quarantine = JSON.parse(await readFile(join(dir, 'quarantine', 'library.json'), 'utf8'));
    expect(quarantine.entries[0].record.id).toBe('ffff');
  });

  it('from a newer version of the app: shown, never written', async () => {
    const path = join(dir, 'library.json');
    const stored = JSON.parse(await readFile(path, 'utf8'));
    const newer = JSON.stringify({ ...stored, schemaVersion: 2 });
    await writeFile(path, newer);
    const { handlers, flush } = await openLibrary(dir);
    expect(ok(await handlers.getLibrary(undefined)).reports).toHaveLength(2);
    expect(refused(await handlers.renameReport({ report: id, title: '新名' }))).toMatch(/只能查看/);
    ok(await handlers.saveReportView({ report: id, position: { block: 'b3', offset: 0 } }));
    await flush();
    expect(await readFile(path, 'utf8')).toBe(newer);
  });
});

describe('reports missing from an index this version may not write', () => {
  it('are not said to be put back', async () => {
    // A newer app's index, in a shape this version cannot read: shown as an empty shelf, never written.
    const path = join(dir, 'library.json');
    const stored = JSON.parse(await readFile(path, 'utf8'));
    stored.library.reports = stored.library.reports.map((report: object) => ({
      ...report,
      shelfColour: 'red',
    }));
    const newer = JSON.stringify({ ...stored, schemaVersion: 2 });
    await writeFile(path, newer);
    const { handlers, flush } = await openLibrary(dir);
    const notices = ok(await handlers.getNotices(undefined)).join('');
    expect(notices).toMatch(/来自更新版本的报告阅读器/);
    expect(notices).not.toMatch(/已按数据文件夹中保存的副本放回书架/);
    expect(notices).toMatch(/未能放回书架/);
    await flush();
    expect(await readFile(path, 'utf8')).toBe(newer);
  });
});

describe('a folder this process may not write', () => {
  it('refuses a new report before reading it, and keeps the reader’s place in memory only', async () => {
    const before = await snapshot(dir);
    const parse = vi.fn(parseHere);
    const { handlers, flush } = await openLibrary(dir, {
      parse,
      access: readOnlyAccess(dir, '另一个报告阅读器正在使用这个数据文件夹：本次只读打开。'),
    });
    expect(
      refused(await handlers.addReport({ fileName: 'x.txt', bytes: utf8('另一份报告\n\n正文。') })),
    ).toBe('另一个报告阅读器正在使用这个数据文件夹：本次只读打开。');
    expect(parse).not.toHaveBeenCalled();
    ok(await handlers.saveReportView({ report: id, position: { block: 'b5', offset: 0.5 } }));
    expect(ok(await handlers.getLibrary(undefined)).reports[1].view.position).toEqual({
      block: 'b5',
      offset: 0.5,
    });
    ok(await handlers.openReport({ report: id }));
    await flush();
    expect(await snapshot(dir)).toEqual(before);
  });
});
