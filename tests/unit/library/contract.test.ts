/**
 * The library's rows of the contract: every per-report call names its report
 * (and nothing but a report id passes as one), the page's features call them
 * through reportApi (which adds the id of their report and nothing else), the
 * library's own calls validate what they take, and main's new messages are
 * checked before the page sees them.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/core/formats/limits';
import { requestSchema } from '../../../src/services/validate';
import {
  buildReaderApi,
  CONTRACT,
  MESSAGE_GUARDS,
  METHOD_NAMES,
  QUERY_METHODS,
  REPORT_METHODS,
  type MethodName,
} from '../../../src/shared/api';
import { BUNDLED_REPORT_ID, MAX_REPORT_FILE_BYTES } from '../../../src/shared/library';
import { reportApi } from '../../../src/shared/report-api';

const NOT_IDS = ['', '../etc/passwd', 'A1', 'a/b', 'a b', '.hidden', 'x'.repeat(65), 7, null];

describe('per-report rows', () => {
  it('are every call about one report’s text, notes, place, index or editions, and no other', () => {
    expect([...REPORT_METHODS].sort()).toEqual(
      [
        'getDocument',
        'search',
        'searchMatches',
        'getSearchIndex',
        'getYearFigures',
        'getUserData',
        'createAnnotation',
        'updateAnnotation',
        'deleteAnnotation',
        'restoreAnnotation',
        'createBookmark',
        'updateBookmark',
        'deleteBookmark',
        'restoreBookmark',
        'saveTerm',
        'deleteTerm',
        'exportAnnotations',
        'exportQuarantine',
        'importAnnotations',
        'importAnnotationsFile',
        // Its save dialog offers a name made from the report's entry on the 书架.
        'printToPdf',
        'saveReportView',
        'compareEditions',
      ].sort(),
    );
  });

  it.each(REPORT_METHODS.map((method) => [method]))('%s needs a valid report id', (method) => {
    const schema = requestSchema(method);
    expect(schema.safeParse(undefined).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
    for (const report of NOT_IDS) {
      expect(schema.safeParse({ report }).success, JSON.stringify(report)).toBe(false);
    }
    expect(schema.safeParse({ report: BUNDLED_REPORT_ID, unknownKey: 1 }).success).toBe(false);
  });

  it('take the bundled report’s id and a document version alike', () => {
    for (const report of [BUNDLED_REPORT_ID, 'c86c594bdd2d25cb']) {
      expect(requestSchema('getUserData').safeParse({ report }).success).toBe(true);
      expect(requestSchema('search').safeParse({ report, query: '月湖' }).success).toBe(true);
    }
  });
});

describe('reportApi', () => {
  it('adds its report to every per-report call, and only to those', async () => {
    const seen: [MethodName, unknown][] = [];
    const api = buildReaderApi(async (method, payload) => {
      seen.push([method, payload]);
      return { ok: true, value: null };
    });
    const bound = reportApi(api, 'abc123');
    expect(Object.keys(bound).sort()).toEqual([...REPORT_METHODS].sort());
    await bound.getUserData();
    await bound.search({ query: '月湖' });
    await bound.restoreAnnotation({ annotation: { id: 'a' } as never });
    expect(seen).toEqual([
      ['getUserData', { report: 'abc123' }],
      ['search', { query: '月湖', report: 'abc123' }],
      ['restoreAnnotation', { annotation: { id: 'a' }, report: 'abc123' }],
    ]);
  });

  it('cannot be talked into another report: its own id wins', async () => {
    const seen: unknown[] = [];
    const bound = reportApi(
      buildReaderApi(async (_method, payload) => {
        seen.push(payload);
        return { ok: true, value: null };
      }),
      'mine',
    );
    await bound.createBookmark({ block: 'b1', report: 'theirs' } as never);
    expect(seen).toEqual([{ block: 'b1', report: 'mine' }]);
  });
});

describe('the library’s own rows', () => {
  it('are changes, but for listing and searching', () => {
    const library: MethodName[] = [
      'getLibrary',
      'addReport',
      'addReportFile',
      'openReport',
      'renameReport',
      'removeReport',
      'restoreReport',
      'saveReportView',
      'searchLibrary',
      'searchLibraryReport',
    ];
    for (const method of library) expect(METHOD_NAMES).toContain(method);
    expect(library.filter((method) => QUERY_METHODS.has(method))).toEqual([
      'getLibrary',
      'searchLibrary',
      'searchLibraryReport',
    ]);
    expect('desktopOnly' in CONTRACT.addReportFile).toBe(true);
  });

  it('addReport takes a file name and bytes, within the parser’s own limit', () => {
    const schema = requestSchema('addReport');
    expect(MAX_REPORT_FILE_BYTES).toBe(LIMITS.fileBytes);
    expect(schema.safeParse({ fileName: '报告.pdf', bytes: new Uint8Array(3) }).success).toBe(true);
    expect(schema.safeParse({ fileName: '报告.pdf', bytes: Buffer.from('x') }).success).toBe(true);
    for (const bad of [
      { fileName: '报告.pdf', bytes: 'JVBERi0=' },
      { fileName: '报告.pdf', bytes: [37, 80] },
      { fileName: '', bytes: new Uint8Array(1) },
      { fileName: 'x'.repeat(256), bytes: new Uint8Array(1) },
      { bytes: new Uint8Array(1) },
      { fileName: 'a.pdf', bytes: new Uint8Array(1), report: BUNDLED_REPORT_ID },
    ]) {
      expect(schema.safeParse(bad).success, JSON.stringify(Object.keys(bad))).toBe(false);
    }
  });

  it('a title is trimmed, not blank, not endless; a view names only a position and folds', () => {
    const rename = requestSchema('renameReport');
    expect(rename.parse({ report: 'r1', title: '  新名  ' })).toEqual({
      report: 'r1',
      title: '新名',
    });
    expect(rename.safeParse({ report: 'r1', title: ' ' }).success).toBe(false);
    expect(rename.safeParse({ report: 'r1', title: '长'.repeat(121) }).success).toBe(false);
    const view = requestSchema('saveReportView');
    expect(view.safeParse({ report: 'r1', position: { block: 'b2', offset: 1 } }).success).toBe(
      true,
    );
    expect(view.safeParse({ report: 'r1', collapsed: ['../x'] }).success).toBe(false);
    expect(view.safeParse({ report: 'r1', theme: 'dark' }).success).toBe(false);
  });

  it('a search across reports takes a query as one report’s search does', () => {
    const schema = requestSchema('searchLibrary');
    expect(schema.safeParse({ query: '月湖' }).success).toBe(true);
    expect(schema.safeParse({ query: 'x'.repeat(201) }).success).toBe(false);
    expect(schema.safeParse({ query: '月湖', hitsPerReport: 0 }).success).toBe(false);
    expect(schema.safeParse({ query: '月湖', report: 'r1' }).success).toBe(false);
    const one = requestSchema('searchLibraryReport');
    expect(one.safeParse({ query: '月湖', report: 'r1' }).success).toBe(true);
    expect(one.safeParse({ query: '月湖', report: 'r1', hitsPerReport: 200 }).success).toBe(true);
    for (const bad of [
      { query: '月湖' },
      { query: '月湖', report: '../r1' },
      { query: '月湖', report: 'r1', hitsPerReport: 201 },
      { query: 'x'.repeat(201), report: 'r1' },
    ]) {
      expect(one.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('main’s messages about the library', () => {
  it('addProgress passes its fields and nothing else, and refuses junk', () => {
    const progress = { fileName: 'a.pdf', stage: 'extract', done: 3, total: 12 };
    expect(MESSAGE_GUARDS.addProgress({ ...progress, extra: '<script>' })).toEqual(progress);
    for (const bad of [
      null,
      'x',
      { ...progress, stage: 'hack' },
      { ...progress, done: -1 },
      { ...progress, total: 1.5 },
      { ...progress, fileName: 7 },
      { ...progress, fileName: 'x'.repeat(256) },
    ]) {
      expect(MESSAGE_GUARDS.addProgress(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('openReport passes a report id only', () => {
    expect(MESSAGE_GUARDS.openReport({ report: BUNDLED_REPORT_ID })).toEqual({
      report: BUNDLED_REPORT_ID,
    });
    for (const report of NOT_IDS) expect(MESSAGE_GUARDS.openReport({ report })).toBeNull();
  });
});
