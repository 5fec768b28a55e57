/**
 * Annotations, bookmarks and terms through the contract handlers, on the real
 * report: what a renderer call does to the data on disk, and what it refuses.
 */
import { bundledHandlers } from '../../support/report-handlers';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userDataPath, userDataSpec } from '../../../src/services/user-data/user-data-file';
import { createUserDataService } from '../../../src/services/user-data/user-data-service';
import { VersionedFile } from '../../../src/services/storage/versioned-file';
import { toWebAnnotations } from '../../../src/core/annotations/web-annotation';
import type { ServiceHandlers, Result } from '../../../src/shared/api';
import {
  DEFAULT_COLOR_NAMES,
  type Anchored,
  type Annotation,
  type Bookmark,
  type UserDataView,
  type UserTerm,
} from '../../../src/shared/user-data';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { mulberry32 } from '../../support/random';
import { DOC, REPORT, annotation, dataWith, faultyIo, rangeOf } from './helpers';
import { snapshot } from './snapshot';

let dir: string;
let handlers: ServiceHandlers;

const start = async () => await bundledHandlers(dir, REPORT);

beforeEach(async () => {
  dir = await makeTempDir('annotation-service');
  handlers = await start();
});

afterEach(async () => {
  await removeTempDir(dir);
});

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

const view = async (h = handlers): Promise<UserDataView> => ok(await h.getUserData(undefined));
const CHINESE = /[\u4e00-\u9fff]/u;

/** From the last 10 characters of b30 to the 20th of b31: across a paragraph break. */
function acrossParagraphs() {
  const b31 = DOC.indexOf.get('b31')!;
  return { start: DOC.starts[b31] - 11, end: DOC.starts[b31] + 20 };
}

describe('annotations', () => {
  it('a selection across a paragraph break is stored with its quote and anchors exactly, also after a restart', async () => {
    const range = acrossParagraphs();
    const created = ok(
      await handlers.createAnnotation({ ...range, color: 'c3', note: '跨段', tags: ['城乡'] }),
    );
    const exact = DOC.text.slice(range.start, range.end);
    expect(exact).toContain('\n');
    expect(exact.split('\n')[1]).toBe('加快区块组团开发。突出规划先导作用，主动');
    expect(created.target).toEqual({
      documentVersion: REPORT.version,
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: DOC.text.slice(range.start - 32, range.start),
        suffix: DOC.text.slice(range.end, range.end + 32),
      },
      position: { type: 'TextPositionSelector', ...range },
    });
    expect(created.anchor).toEqual({ status: 'exact', ...range });
    expect(created).toMatchObject({ color: 'c3', note: '跨段', tags: ['城乡'] });

    const again = await view(await start());
    expect(again.annotations).toEqual([created]);
    const onDisk = JSON.parse(await readFile(userDataPath(dir), 'utf8')) as {
      data: { annotations: Annotation[] };
    };
    const { anchor: _anchor, ...stored } = created;
    expect(onDisk.data.annotations).toEqual([stored]);
  });

  it('update changes note, tags and colour, keeps the rest, and moves `modified` forward', async () => {
    const created = ok(await handlers.createAnnotation({ ...rangeOf('民生实事'), color: 'c1' }));
    const updated = ok(
      await handlers.updateAnnotation({
        id: created.id,
        note: '问：今年几件？',
        tags: ['民生', '数据'],
        color: 'c4',
      }),
    );
    expect(updated).toMatchObject({
      id: created.id,
      created: created.created,
      target: created.target,
      note: '问：今年几件？',
      tags: ['民生', '数据'],
      color: 'c4',
      anchor: created.anchor,
    });
    expect(Date.parse(updated.modified)).toBeGreaterThanOrEqual(Date.parse(created.modified));
    // Only the note: colour and tags stay.
    const noteOnly = ok(await handlers.updateAnnotation({ id: created.id, note: '' }));
    expect(noteOnly).toMatchObject({ note: '', tags: ['民生', '数据'], color: 'c4' });
    expect((await view(await start())).annotations).toEqual([noteOnly]);
  });

  it('delete answers the annotation; restore puts it back identical, on disk too', async () => {
    const kept = ok(await handlers.createAnnotation({ ...rangeOf('污水零直排区'), color: 'c2' }));
    const created = ok(
      await handlers.createAnnotation({
        ...rangeOf('民生实事'),
        color: 'c5',
        note: 'n',
        tags: ['t'],
      }),
    );
    const before = await view();
    const deleted = ok(await handlers.deleteAnnotation({ id: created.id }));
    const { anchor: _anchor, ...stored } = created;
    expect(deleted).toEqual(stored);
    expect((await view()).annotations).toEqual([kept]);
    expect((await view(await start())).annotations).toEqual([kept]);

    const restored = ok(await handlers.restoreAnnotation({ annotation: deleted }));
    expect(restored).toEqual(created);
    expect((await view()).annotations).toEqual(before.annotations);
    expect((await view(await start())).annotations).toEqual(before.annotations);
  });

  it('HTML and script in a note are stored verbatim, as text', async () => {
    const note = '<script>alert(1)</script><img src=x onerror="alert(2)"> & </textarea>';
    const created = ok(
      await handlers.createAnnotation({ ...rangeOf('民生实事'), color: 'c1', note }),
    );
    expect(created.note).toBe(note);
    expect((await view(await start())).annotations[0].note).toBe(note);
  });

  it('surrogate pairs and combining marks round-trip exactly; 10 000 characters fit, 10 001 do not', async () => {
    const note = '𠀀𪚥 e\u0301 n\u0303 👩\u200d👩\u200d👧 ' + '字'.repeat(100);
    const created = ok(
      await handlers.createAnnotation({ ...rangeOf('民生实事'), color: 'c1', note, tags: ['𠀀'] }),
    );
    const again = (await view(await start())).annotations[0];
    expect(again.note).toBe(note);
    expect(again.tags).toEqual(['𠀀']);
    expect(
      ok(await handlers.updateAnnotation({ id: created.id, note: 'x'.repeat(10_000) })).note,
    ).toHaveLength(10_000);
    const before = await snapshot(dir);
    const refused = await handlers.updateAnnotation({ id: created.id, note: 'x'.repeat(10_001) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(CHINESE);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('bookmarks', () => {
  it('are named after their section by default, and can be renamed, deleted and restored', async () => {
    const b31 = ok(await handlers.createBookmark({ block: 'b31' }));
    const b8 = ok(await handlers.createBookmark({ block: 'b8' }));
    const b5 = ok(await handlers.createBookmark({ block: 'b5' }));
    expect([b31.name, b8.name, b5.name]).toEqual([
      '加快区块组团开发',
      '（一）融合发展平稳推进',
      '开篇',
    ]);
    const at = DOC.starts[DOC.indexOf.get('b31')!];
    expect(b31.anchor).toEqual({ status: 'exact', start: at, end: at + 32 });
    expect(b31.target.quote.exact).toBe(REPORT.blocks[DOC.indexOf.get('b31')!].text.slice(0, 32));
    const named = ok(await handlers.createBookmark({ block: 'b12', name: '发言用' }));
    expect(named.name).toBe('发言用');

    const renamed = ok(await handlers.updateBookmark({ id: b8.id, name: '会上要问' }));
    expect(renamed).toMatchObject({ id: b8.id, name: '会上要问', target: b8.target });

    const deleted = ok(await handlers.deleteBookmark({ id: b31.id }));
    const { anchor: _anchor, ...stored } = b31;
    expect(deleted).toEqual(stored);
    expect((await view(await start())).bookmarks.map((b: Anchored<Bookmark>) => b.id)).toEqual([
      b8.id,
      b5.id,
      named.id,
    ]);
    const restored = ok(await handlers.restoreBookmark({ bookmark: deleted }));
    expect(restored).toEqual(b31);
    expect((await view(await start())).bookmarks.map((b) => b.name).sort()).toEqual(
      ['会上要问', '加快区块组团开发', '开篇', '发言用'].sort(),
    );
  });
});

describe("the reader's terms", () => {
  it('save creates, save with an id updates, delete answers the term', async () => {
    const created = ok(await handlers.saveTerm({ term: '三区块', definition: '见附件' }));
    expect(created).toMatchObject({ term: '三区块', definition: '见附件' });
    const updated = ok(
      await handlers.saveTerm({ id: created.id, term: '三区块', definition: '都市农业等' }),
    );
    expect(updated).toMatchObject({
      id: created.id,
      created: created.created,
      definition: '都市农业等',
    });
    expect((await view(await start())).terms).toEqual([updated]);
    const deleted: UserTerm = ok(await handlers.deleteTerm({ id: created.id }));
    expect(deleted).toEqual(updated);
    expect((await view(await start())).terms).toEqual([]);
  });
});

describe('bad requests change nothing', () => {
  const whitespace = () => {
    const b6 = DOC.starts[DOC.indexOf.get('b6')!];
    return { start: b6 - 1, end: b6 };
  };
  const valid = () => ({ ...rangeOf('民生实事'), color: 'c1' });
  const nested = JSON.parse(
    '{"__proto__":{"polluted":true},"start":1,"end":5,"color":"c1"}',
  ) as unknown;

  const cases: [string, keyof ServiceHandlers, () => unknown][] = [
    ['a string position', 'createAnnotation', () => ({ ...valid(), start: '1' })],
    ['a negative start', 'createAnnotation', () => ({ ...valid(), start: -1 })],
    ['a fractional end', 'createAnnotation', () => ({ ...valid(), end: 7.5 })],
    ['end before start', 'createAnnotation', () => ({ start: 50, end: 40, color: 'c1' })],
    ['an empty range', 'createAnnotation', () => ({ start: 50, end: 50, color: 'c1' })],
    [
      'a range past the text',
      'createAnnotation',
      () => ({ start: 0, end: DOC.text.length + 1, color: 'c1' }),
    ],
    [
      'a selection of only a paragraph break',
      'createAnnotation',
      () => ({ ...whitespace(), color: 'c1' }),
    ],
    ['an unknown colour', 'createAnnotation', () => ({ ...valid(), color: 'c6' })],
    ['an extra key', 'createAnnotation', () => ({ ...valid(), html: '<b>' })],
    ['a __proto__ key', 'createAnnotation', () => nested],
    ['an empty tag', 'createAnnotation', () => ({ ...valid(), tags: ['  '] })],
    [
      '31 tags',
      'createAnnotation',
      () => ({ ...valid(), tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }),
    ],
    ['a huge note', 'createAnnotation', () => ({ ...valid(), note: '长'.repeat(1_000_000) })],
    ['null', 'createAnnotation', () => null],
    ['an array', 'createAnnotation', () => [valid()]],
    ['an unknown id', 'updateAnnotation', () => ({ id: 'nope', note: 'x' })],
    ['a path as id', 'updateAnnotation', () => ({ id: '../../etc/passwd', note: 'x' })],
    ['an unknown id', 'deleteAnnotation', () => ({ id: 'nope' })],
    ['a half annotation', 'restoreAnnotation', () => ({ id: 'a1', note: 'x' })],
    [
      'an annotation with an extra key',
      'restoreAnnotation',
      () => ({ annotation: { ...annotation(1), evil: true } }),
    ],
    ['an unknown block', 'createBookmark', () => ({ block: 'b999' })],
    ['markup as a block', 'createBookmark', () => ({ block: '<script>' })],
    ['a blank name', 'updateBookmark', () => ({ id: 'a1', name: '   ' })],
    ['an unknown id', 'deleteBookmark', () => ({ id: 'nope' })],
    ['an unknown id', 'saveTerm', () => ({ id: 'nope', term: 't', definition: 'd' })],
    ['a blank term', 'saveTerm', () => ({ term: ' ', definition: 'd' })],
    ['an unknown id', 'deleteTerm', () => ({ id: 'nope' })],
    ['an unknown format', 'exportAnnotations', () => ({ format: 'html' })],
    ['a 6 MB file', 'importAnnotations', () => ({ content: ' '.repeat(6_000_000) })],
    ['not JSON', 'importAnnotations', () => ({ content: '{' })],
  ];

  for (const [what, method, payload] of cases) {
    it(`${method}: ${what}`, async () => {
      // Something on disk first, so "unchanged" means something.
      ok(await handlers.createAnnotation({ ...rangeOf('污水零直排区'), color: 'c2' }));
      ok(await handlers.createBookmark({ block: 'b8' }));
      const before = await snapshot(dir);
      const shown = await view();
      const result = await (handlers[method] as (payload: unknown) => Promise<Result<unknown>>)(
        payload(),
      );
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatch(CHINESE);
        expect(result.error).not.toContain('\n');
      }
      expect(await snapshot(dir)).toEqual(before);
      expect(await view()).toEqual(shown);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('a file from a newer version', () => {
  it('every change is refused in Chinese and the file stays byte for byte', async () => {
    const path = userDataPath(dir);
    const stored = dataWith(annotation(1));
    stored.bookmarks = [
      {
        id: 'k1',
        created: annotation(1).created,
        modified: annotation(1).modified,
        name: '书签',
        target: annotation(1).target,
      },
    ];
    stored.terms = [
      {
        id: 't1',
        created: annotation(1).created,
        modified: annotation(1).modified,
        term: '词',
        definition: '释义',
      },
    ];
    const bytes = JSON.stringify({ schemaVersion: 2, data: stored, future: { field: 1 } });
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    const h = await start();
    expect((await view(h)).readOnly).toBe(true);
    expect(ok(await h.getNotices(undefined)).join('')).toContain('只读打开');
    const quoteOnly = {
      type: 'Annotation',
      id: 'x9',
      target: { selector: { type: 'TextQuoteSelector', exact: '民生实事' } },
    };
    // Nothing new in it: still refused, so the reader is not told it was imported.
    const same = toWebAnnotations(stored.annotations, { key: 'k', title: 't' });
    const calls: [keyof ServiceHandlers, unknown][] = [
      ['createAnnotation', { ...rangeOf('民生实事'), color: 'c1' }],
      ['updateAnnotation', { id: 'a1', note: 'x' }],
      ['deleteAnnotation', { id: 'a1' }],
      ['restoreAnnotation', { annotation: annotation(2) }],
      ['createBookmark', { block: 'b8' }],
      ['updateBookmark', { id: 'k1', name: '新名' }],
      ['deleteBookmark', { id: 'k1' }],
      ['restoreBookmark', { bookmark: { ...stored.bookmarks[0], id: 'k2' } }],
      ['saveTerm', { term: '新词', definition: '释义' }],
      ['saveTerm', { id: 't1', term: '词', definition: '新释义' }],
      ['deleteTerm', { id: 't1' }],
      ['importAnnotations', { content: JSON.stringify([quoteOnly]) }],
      ['importAnnotations', { content: JSON.stringify(same) }],
    ];
    for (const [method, payload] of calls) {
      const result = await (h[method] as (payload: unknown) => Promise<Result<unknown>>)(payload);
      expect(result, method).toMatchObject({ ok: false });
      if (!result.ok) expect(result.error, method).toContain('只能查看');
    }
    expect(await readFile(path, 'utf8')).toBe(bytes);
    expect((await view(h)).annotations.map((a) => a.id)).toEqual(['a1']);
  });
});

describe('many calls at once', () => {
  it('50 creates made without waiting all land, in order, and survive a restart', async () => {
    const random = mulberry32(50);
    const ranges = Array.from({ length: 50 }, () => {
      const start = Math.floor(random() * (DOC.text.length - 100));
      return { start, end: start + 1 + Math.floor(random() * 60) };
    }).filter(({ start, end }) => DOC.text.slice(start, end).trim() !== '');
    const results = await Promise.all(
      ranges.map((range) => handlers.createAnnotation({ ...range, color: 'c1' })),
    );
    const created = results.map(ok);
    const again = (await view(await start())).annotations;
    expect(again).toEqual(created);
    expect(again.map((a) => a.anchor)).toEqual(
      ranges.map((range) => ({ status: 'exact', ...range })),
    );
  });
});

describe('a save that fails', () => {
  it('ENOSPC on create: the reader gets the error, and the annotation is neither shown nor saved later', async () => {
    const { io, fault } = faultyIo();
    const file = await VersionedFile.open(userDataSpec(dir, undefined, io));
    const service = createUserDataService({
      document: REPORT,
      file,
      reportKey: 'haishu-2018-government-work-report',
      colorNames: () => DEFAULT_COLOR_NAMES,
    });
    const kept = await service.createAnnotation({ ...rangeOf('污水零直排区'), color: 'c1' });
    fault.mode = 'enospc';
    await expect(
      service.createAnnotation({ ...rangeOf('民生实事'), color: 'c2' }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(service.view().annotations).toEqual([kept]);
    fault.mode = 'none';
    const next = await service.createBookmark({ block: 'b8' });
    const reopened = await start();
    expect((await view(reopened)).annotations).toEqual([kept]);
    expect((await view(reopened)).bookmarks).toEqual([next]);
  });
});
