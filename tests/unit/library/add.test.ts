/**
 * Adding files to the library through the contract's handlers: a report is
 * known by its text, so the bundled report in any format is the bundled
 * report and a file added twice is one report; the app keeps its own copy;
 * a bad file is refused with one sentence and leaves the data folder exactly
 * as it was.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_REPORT_ID, type AddProgress } from '../../../src/shared/library';
import { parseInWorker } from '../../../src/services/library/parse';
import { snapshot } from '../annotations/snapshot';
import {
  blankPdf,
  corruptDocx,
  docxBomb,
  encryptedPdf,
  legacyDoc,
  randomBytes,
  scannedPdf,
} from '../formats/bad-files';
import {
  encodeGb18030,
  encodeUtf16,
  makeDocx,
  makePrintedPdf,
  makeSavedPage,
  reportLines,
} from '../formats/fixtures';
import { reportText } from '../report/helpers';
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
beforeEach(async () => {
  dir = await makeTempDir('library-add');
});
afterEach(() => removeLibraryDir(dir));

const add = async (fileName: string, bytes: Uint8Array) => {
  const { handlers } = await openLibrary(dir);
  return handlers.addReport({ fileName, bytes });
};

describe('the bundled report in any format is the bundled report', () => {
  const text = reportText();
  it.each([
    ['GB18030 text', 'report.txt', () => encodeGb18030(text)],
    ['UTF-16 text', 'report.txt', () => encodeUtf16(text, 'le')],
    ['a Word file', 'report.docx', () => makeDocx()],
    ['a saved web page', 'report.html', () => utf8(makeSavedPage())],
    ['a printed PDF', 'report.pdf', () => makePrintedPdf()],
  ])(
    '%s: not added again, and nothing is written',
    async (_label, name, make) => {
      const answer = ok(await add(name, await make()));
      expect(answer).toMatchObject({ added: false, report: { id: BUNDLED_REPORT_ID } });
      expect(await readdir(dir)).toEqual([]);
    },
    60_000,
  );
});

describe('another report', () => {
  const other = () => makeDocx(reportLines(otherReportText()));

  it('is kept as the app’s own copy, with its document and index, and listed', async () => {
    const { handlers, flush } = await openLibrary(dir);
    const bytes = other();
    const answer = ok(await handlers.addReport({ fileName: '江北区报告.docx', bytes }));
    await flush();
    expect(answer.added).toBe(true);
    const { id } = answer.report;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(answer.report).toMatchObject({
      title: '2019年江北区政府工作报告',
      place: '江北区',
      date: '2019-01-08',
      edition: id,
      editions: [{ id, format: 'docx', fileName: '江北区报告.docx', bytes: bytes.length }],
      counts: { annotations: 0, bookmarks: 0 },
    });
    const folder = join(dir, 'library', id, id);
    expect(new Uint8Array(await readFile(join(folder, 'source.docx')))).toEqual(bytes);
    const stored = JSON.parse(await readFile(join(folder, 'document.json'), 'utf8'));
    expect(stored.document.version).toBe(id);
    const library = ok(await handlers.getLibrary(undefined));
    expect(library.reports.map((report) => report.id)).toEqual([BUNDLED_REPORT_ID, id]);
    const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.library.reports.map((report: { id: string }) => report.id)).toContain(id);
  });

  it('added twice, under another name or in another format, is one report', async () => {
    const { handlers } = await openLibrary(dir);
    const first = ok(await handlers.addReport({ fileName: 'a.docx', bytes: other() }));
    const again = ok(await handlers.addReport({ fileName: '改名了.docx', bytes: other() }));
    const asText = ok(
      await handlers.addReport({ fileName: 'b.txt', bytes: utf8(otherReportText()) }),
    );
    expect(again).toMatchObject({ added: false, report: { id: first.report.id } });
    expect(asText).toMatchObject({ added: false, report: { id: first.report.id } });
    expect(ok(await handlers.getLibrary(undefined)).reports).toHaveLength(2);
  });

  it('is read in a worker thread that tells how far it has come, ending with done; its index follows', async () => {
    const { handlers, flush } = await openLibrary(dir, { parse: parseInWorker });
    const seen: AddProgress[] = [];
    const { report } = ok(
      await handlers.addReport(
        { fileName: 'x.docx', bytes: other() },
        { progress: (progress) => seen.push(progress) },
      ),
    );
    const stages = seen.map((progress) => progress.stage);
    expect(stages[0]).toBe('read');
    expect(stages).toContain('structure');
    // The report is answered before its index is built: that step is no longer the add's.
    expect(stages).not.toContain('index');
    expect(stages.at(-1)).toBe('done');
    expect(new Set(seen.map((progress) => progress.fileName))).toEqual(new Set(['x.docx']));
    // Searched at once, it is answered with the index the worker goes on to build…
    expect(ok(await handlers.search({ report: report.id, query: '江北区' })).total).toBeGreaterThan(
      0,
    );
    // …which is in the report's folder once the writes are done, and read from there next time.
    await flush();
    expect(await readdir(join(dir, 'library', report.id, report.id))).toContain(
      'search-index.json',
    );
    const again = await openLibrary(dir);
    expect(ok(await again.handlers.openReport({ report: report.id })).notices).toEqual([]);
    // A real worker starts, loads its parsers and reads: past 5 s on a busy machine.
  }, 30_000);

  it('is on the shelf before its index is built, and searched at once with the answer that index gives', async () => {
    let releaseIndex = () => {};
    const held = new Promise<void>((resolve) => (releaseIndex = resolve));
    // As the worker does: the document handed over, then the compact index, then the lunr one.
    const parse: typeof parseHere = async (input, options) => {
      const { searchIndex, reportIndex, ...parsed } = await parseHere(input, options);
      options.onParsed?.(parsed);
      options.onReportIndex?.(reportIndex!);
      await held;
      return { ...parsed, searchIndex, reportIndex };
    };
    const { handlers, flush } = await openLibrary(dir, { parse });
    const { report } = ok(await handlers.addReport({ fileName: 'x.docx', bytes: other() }));
    expect(ok(await handlers.getLibrary(undefined)).reports.map((r) => r.id)).toContain(report.id);
    expect(ok(await handlers.getDocument({ report: report.id })).version).toBe(report.id);
    // The page's copy of the engine waits for the index the worker builds…
    let indexed = false;
    const pageIndex = handlers.getSearchIndex({ report: report.id }).then((answer) => {
      indexed = true;
      return answer;
    });
    // …while main answers searches at once, without it.
    const request = { report: report.id, query: '江北 发展', matchLimit: 2 };
    const early = ok(await handlers.search(request));
    expect(early.hits.length).toBeGreaterThan(2);
    const rest = early.hits.slice(2).map((hit) => hit.block);
    const earlyRanges = ok(
      await handlers.searchMatches({ report: report.id, query: request.query, blocks: rest }),
    );
    expect(indexed).toBe(false);
    const folder = join(dir, 'library', report.id, report.id);
    expect(await readdir(folder)).not.toContain('search-index.json');
    releaseIndex();
    ok(await pageIndex);
    // Once the index is in, the answers are exactly as before it was.
    expect(ok(await handlers.search(request))).toEqual(early);
    expect(
      ok(await handlers.searchMatches({ report: report.id, query: request.query, blocks: rest })),
    ).toEqual(earlyRanges);
    await flush();
    expect(await readdir(folder)).toContain('search-index.json');
    // No notice of a missing index: it was on its way, not lost.
    expect(ok(await handlers.openReport({ report: report.id })).notices).toEqual([]);
  });

  it('has notes, a place and an index of its own', async () => {
    const { handlers } = await openLibrary(dir);
    const id = ok(await handlers.addReport({ fileName: 'x.docx', bytes: other() })).report.id;
    ok(await handlers.createAnnotation({ report: id, start: 100, end: 110, color: 'c1' }));
    ok(await handlers.createBookmark({ report: id, block: 'b8' }));
    expect(ok(await handlers.getUserData({ report: BUNDLED_REPORT_ID })).annotations).toEqual([]);
    expect(ok(await handlers.getUserData({ report: id })).annotations).toHaveLength(1);
    const here = ok(await handlers.search({ report: id, query: '江北' }));
    const bundled = ok(await handlers.search({ report: BUNDLED_REPORT_ID, query: '江北' }));
    expect(here.total).toBeGreaterThan(0);
    expect(bundled.total).toBe(0);
    const library = ok(await handlers.getLibrary(undefined));
    expect(library.reports[1].counts).toEqual({ annotations: 1, bookmarks: 1 });
    // Its notes in a file of its own; the bundled report's was never written.
    for (const name of await readdir(join(dir, 'reports'))) expect(name.startsWith(id)).toBe(true);
  });
});

describe('what a file says of itself', () => {
  it('is listed within the shelf’s own limits, so the entry and its new name outlive a restart', async () => {
    // A hostile or badly extracted file: an occasion line far longer than any real one.
    const occasion = '在某区第十一届人民代表大会第二次会议上'.repeat(30);
    const text = `政府工作报告\n\n——${occasion}\n\n一、工作回顾\n\n过去一年，我们做了很多工作。`;
    const first = await openLibrary(dir);
    const added = ok(await first.handlers.addReport({ fileName: 'a.txt', bytes: utf8(text) }));
    expect(added.report.occasion?.length).toBeLessThanOrEqual(300);
    const { id } = added.report;
    ok(await first.handlers.renameReport({ report: id, title: '我的名字' }));
    ok(await first.handlers.removeReport({ report: id }));
    await first.flush();
    const again = await openLibrary(dir);
    expect(ok(await again.handlers.getNotices(undefined))).toEqual([]);
    const library = ok(await again.handlers.getLibrary(undefined));
    expect(library.removed.map((report) => [report.id, report.title])).toEqual([[id, '我的名字']]);
    expect(library.reports.map((report) => report.id)).toEqual([BUNDLED_REPORT_ID]);
  });

  it('an entry the library file would set aside at the next start is refused now, unwritten', async () => {
    const { library, flush } = await openLibrary(dir);
    const [bundled] = library.all();
    const entry = { ...bundled, id: 'abc123', bundled: undefined, date: '2019年1月8日' };
    await expect(library.add(entry)).rejects.toThrow(/date/);
    await flush();
    expect(library.get('abc123')).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('two adds at once', () => {
  it('of the same file make one report, kept whole: the second never takes the first one’s copy back', async () => {
    const { handlers, flush } = await openLibrary(dir);
    const bytes = utf8(otherReportText());
    // Two windows, or a drop while the open dialog's file is still being read.
    const answers = await Promise.all([
      handlers.addReport({ fileName: 'a.txt', bytes }),
      handlers.addReport({ fileName: 'b.txt', bytes }),
    ]);
    const [first, second] = answers.map(ok);
    expect(first.report.id).toBe(second.report.id);
    expect([first.added, second.added].sort()).toEqual([false, true]);
    await flush();
    const { id } = first.report;
    expect(await readdir(join(dir, 'library', id, id))).toEqual(
      expect.arrayContaining(['source.txt', 'document.json', 'search-index.json']),
    );
    expect(ok(await handlers.getDocument({ report: id })).version).toBe(id);
    expect(ok(await handlers.getLibrary(undefined)).reports).toHaveLength(2);
  });

  it('a failed listing takes back only a copy nothing lists: one a later save carried stays', async () => {
    const services = await openLibrary(dir);
    const { library, handlers } = services;
    const list = library.add.bind(library);
    // The save of the entry failed (a full disk), but a save made meanwhile
    // (the reading position, say) carried the entry to disk all the same.
    library.add = async (report) => {
      await list(report);
      throw new Error('磁盘已满');
    };
    const bytes = utf8(otherReportText());
    expect(refused(await handlers.addReport({ fileName: 'a.txt', bytes }))).toBe('磁盘已满');
    const [listed] = ok(await handlers.getLibrary(undefined)).reports.slice(1);
    expect(listed).toBeDefined();
    expect(ok(await handlers.getDocument({ report: listed.id })).version).toBe(listed.id);
  });
});

describe('a bad file changes nothing', () => {
  const cases: [string, string, () => Uint8Array | Promise<Uint8Array>][] = [
    ['an empty file', 'empty.txt', () => new Uint8Array(0)],
    ['a PDF with a password', 'locked.pdf', encryptedPdf],
    ['a scanned PDF', 'scan.pdf', scannedPdf],
    ['a PDF with a blank page', 'blank.pdf', blankPdf],
    ['a truncated PDF', 'cut.pdf', async () => (await makePrintedPdf()).subarray(0, 60_000)],
    ['random bytes', 'noise.bin', () => randomBytes(4096)],
    ['a .docx zip bomb', 'bomb.docx', () => docxBomb(80)],
    ['a corrupt .docx', 'corrupt.docx', corruptDocx],
    ['an old .doc', 'old.doc', legacyDoc],
  ];

  it.each(cases)(
    '%s: one sentence, the folder as it was',
    async (_label, name, make) => {
      const { handlers, flush } = await openLibrary(dir);
      // Something there first, so "unchanged" means something.
      ok(await handlers.createBookmark({ report: BUNDLED_REPORT_ID, block: 'b8' }));
      await flush();
      const before = await snapshot(dir);
      const error = refused(await handlers.addReport({ fileName: name, bytes: await make() }));
      expect(error).toMatch(/^[^\n]+。$/u);
      expect(error).toMatch(/\p{Script=Han}/u);
      await flush();
      expect(await snapshot(dir)).toEqual(before);
      expect(ok(await handlers.getLibrary(undefined)).reports).toHaveLength(1);
    },
    60_000,
  );

  it('a request that is not a file and a name is refused before anything is read', async () => {
    const parse = vi.fn(parseHere);
    const { handlers } = await openLibrary(dir, { parse });
    for (const payload of [
      undefined,
      { fileName: 'a.txt' },
      { fileName: 'a.txt', bytes: 'text' },
      { fileName: 'a.txt', bytes: [1, 2, 3] },
      { fileName: '', bytes: new Uint8Array(1) },
      { fileName: 'a.txt', bytes: new Uint8Array(1), path: '/etc/passwd' },
    ]) {
      expect(refused(await handlers.addReport(payload))).toMatch(/^addReport 的参数无效/);
    }
    expect(parse).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('removing, putting back, renaming', () => {
  const other = () => utf8(otherReportText());

  it('a removed report leaves the shelf with its copy and notes kept; 撤销 puts it back', async () => {
    const { handlers, flush } = await openLibrary(dir);
    const id = ok(await handlers.addReport({ fileName: 'x.txt', bytes: other() })).report.id;
    ok(await handlers.createAnnotation({ report: id, start: 50, end: 60, color: 'c3' }));
    const removed = ok(await handlers.removeReport({ report: id }));
    expect(removed.removed).toBeDefined();
    let library = ok(await handlers.getLibrary(undefined));
    expect(library.reports.map((report) => report.id)).toEqual([BUNDLED_REPORT_ID]);
    expect(library.removed.map((report) => report.id)).toEqual([id]);
    await flush();
    expect(await readdir(join(dir, 'library', id, id))).toContain('source.txt');
    expect(await readdir(join(dir, 'reports'))).toContain(`${id}.json`);
    ok(await handlers.restoreReport({ report: id }));
    library = ok(await handlers.getLibrary(undefined));
    expect(library.reports.map((report) => report.id)).toEqual([BUNDLED_REPORT_ID, id]);
    expect(ok(await handlers.getUserData({ report: id })).annotations).toHaveLength(1);
  });

  it('adding a removed report again puts it back with its notes', async () => {
    const { handlers } = await openLibrary(dir);
    const id = ok(await handlers.addReport({ fileName: 'x.txt', bytes: other() })).report.id;
    ok(await handlers.createBookmark({ report: id, block: 'b9' }));
    ok(await handlers.removeReport({ report: id }));
    const back = ok(await handlers.addReport({ fileName: 'x.txt', bytes: other() }));
    expect(back).toMatchObject({
      added: true,
      restored: true,
      report: { id, counts: { bookmarks: 1 } },
    });
    expect(ok(await handlers.getUserData({ report: id })).bookmarks).toHaveLength(1);
  });

  it('the bundled report cannot be removed; any report can be renamed, and it lasts', async () => {
    const { handlers, flush } = await openLibrary(dir);
    expect(refused(await handlers.removeReport({ report: BUNDLED_REPORT_ID }))).toBe(
      '内置报告不能移除。',
    );
    expect(
      ok(await handlers.renameReport({ report: BUNDLED_REPORT_ID, title: '  海曙 2018  ' })).title,
    ).toBe('海曙 2018');
    expect(
      refused(await handlers.renameReport({ report: BUNDLED_REPORT_ID, title: '   ' })),
    ).toMatch(/^renameReport 的参数无效/);
    expect(refused(await handlers.renameReport({ report: 'nope', title: 'x' }))).toMatch(
      /书架上没有这份报告/,
    );
    await flush();
    const again = ok(await (await openLibrary(dir)).handlers.getLibrary(undefined));
    expect(again.reports[0].title).toBe('海曙 2018');
  });

  it('exports are named for the report as the 书架 lists it, a rename included', async () => {
    const { handlers } = await openLibrary(dir);
    const name = async () =>
      ok(await handlers.exportAnnotations({ report: BUNDLED_REPORT_ID, format: 'json' })).fileName;
    expect(await name()).toBe('2018年海曙区政府工作报告-批注.json');
    ok(await handlers.renameReport({ report: BUNDLED_REPORT_ID, title: '区长报告: 会前稿' }));
    // The new name, with the place and year it leaves out; its colon (refused on Windows) made safe.
    expect(await name()).toBe('2018年海曙区区长报告_ 会前稿-批注.json');
    // The 发言提纲 is headed with the name the delegate gave, as the 书架 shows it.
    const notes = ok(await handlers.exportAnnotations({ report: BUNDLED_REPORT_ID, format: 'md' }));
    expect(notes.content.split('\n')[0]).toBe('# 发言提纲：区长报告: 会前稿');
    const added = ok(
      await handlers.addReport({ fileName: 'x.txt', bytes: utf8(otherReportText()) }),
    );
    const other = ok(await handlers.exportAnnotations({ report: added.report.id, format: 'md' }));
    expect(other.fileName).toBe('2019年江北区政府工作报告-发言提纲.md');
  });
});
