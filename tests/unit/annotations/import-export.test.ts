/**
 * Export as a W3C collection and import of it (and of what other tools
 * export), through the handlers on the real report: round trips, merging by
 * id, and bad files that must change nothing and say what is wrong.
 */
import { bundledHandlers } from '../../support/report-handlers';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userDataPath } from '../../../src/services/user-data/user-data-file';
import { parseWebAnnotations } from '../../../src/core/annotations/web-annotation';
import type { ImportReport, ServiceHandlers, Result } from '../../../src/shared/api';
import type { Anchored, Annotation } from '../../../src/shared/user-data';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { DOC, REPORT, rangeOf } from './helpers';
import { snapshot } from './snapshot';

const dirs: string[] = [];

async function services(): Promise<{ dir: string; handlers: ServiceHandlers }> {
  const dir = await makeTempDir('import-export');
  dirs.push(dir);
  return { dir, handlers: await bundledHandlers(dir, REPORT) };
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeTempDir));
});

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

function refused(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}

const annotationsOf = async (handlers: ServiceHandlers) =>
  ok(await handlers.getUserData(undefined)).annotations;

let source: { dir: string; handlers: ServiceHandlers };
let made: Anchored<Annotation>[];

beforeEach(async () => {
  source = await services();
  const b31 = DOC.starts[DOC.indexOf.get('b31')!];
  made = [
    ok(
      await source.handlers.createAnnotation({
        start: b31 - 6,
        end: b31 + 12,
        color: 'c3',
        note: '跨段的批注 <b>粗</b>\n第二行',
        tags: ['城乡', '𠀀'],
      }),
    ),
    ok(await source.handlers.createAnnotation({ ...rangeOf('民生实事'), color: 'c5' })),
    ok(
      await source.handlers.createAnnotation({
        ...rangeOf('污水零直排区'),
        color: 'c2',
        note: 'e\u0301',
      }),
    ),
  ];
});

const exported = async (handlers: ServiceHandlers) =>
  ok(await handlers.exportAnnotations({ format: 'json' }));

describe('JSON export', () => {
  it('is a W3C AnnotationCollection with quote and position selectors', async () => {
    const file = await exported(source.handlers);
    expect(file.fileName).toBe('2018年海曙区政府工作报告-批注.json');
    expect(file.mimeType).toBe('application/ld+json;charset=utf-8');
    const collection = JSON.parse(file.content) as {
      '@context': string;
      type: string;
      total: number;
      first: { items: { id: string; target: { selector: object[]; styleClass: string } }[] };
    };
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    const first = collection.first.items[0];
    expect(first.id).toBe(`urn:uuid:${made[0].id}`);
    expect(first.target.styleClass).toBe('reader-highlight-c3');
    expect(first.target.selector).toEqual([made[0].target.quote, made[0].target.position]);
  });

  it('imported back into the same data: 0 added, all unchanged, nothing written', async () => {
    const file = await exported(source.handlers);
    const before = await snapshot(source.dir);
    const report = ok(await source.handlers.importAnnotations({ content: file.content }));
    expect(report).toEqual<ImportReport>({ added: 0, updated: 0, unchanged: 3, orphans: 0 });
    expect(await snapshot(source.dir)).toEqual(before);
  });

  it('imported into an empty data folder recreates identical annotations', async () => {
    const file = await exported(source.handlers);
    const target = await services();
    const report = ok(await target.handlers.importAnnotations({ content: file.content }));
    expect(report).toEqual<ImportReport>({ added: 3, updated: 0, unchanged: 0, orphans: 0 });
    expect(await annotationsOf(target.handlers)).toEqual(made);
    // And the stored documents are the same, byte for byte.
    expect(await readFile(userDataPath(target.dir), 'utf8')).toBe(
      await readFile(userDataPath(source.dir), 'utf8'),
    );
  });
});

describe('an empty collection', () => {
  const emptyCollections = async () => [
    (await exported((await services()).handlers)).content,
    '[]',
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 0,
    }),
  ];

  it('our own export of no annotations imports back as a no-op: 0 added, nothing written', async () => {
    for (const content of await emptyCollections()) {
      const before = await snapshot(source.dir);
      const report = ok(await source.handlers.importAnnotations({ content }));
      expect(report).toEqual<ImportReport>({ added: 0, updated: 0, unchanged: 0, orphans: 0 });
      expect(await snapshot(source.dir)).toEqual(before);
      expect(await annotationsOf(source.handlers)).toEqual(made);
    }
  });
});

describe('import from other tools', () => {
  const quote = '月湖';
  // The second 月湖 of the report, told apart from the first only by its context.
  const second = rangeOf(quote, 1);
  const prefix = DOC.text.slice(second.start - 32, second.start);
  const suffix = DOC.text.slice(second.end, second.end + 32);

  it('a Hypothesis annotation (URL id, list of selectors, text, tags, updated) anchors by quote and context', async () => {
    const hypothesis = {
      total: 2,
      rows: [
        {
          id: 'https://hypothes.is/a/AbC-123_xyz',
          created: '2026-01-02T03:04:05.000000+00:00',
          updated: '2026-01-03T03:04:05.000000+00:00',
          uri: 'https://example.org/report.html',
          text: '要问：月湖西区何时完工？',
          tags: ['月湖', '工程'],
          target: [
            {
              source: 'https://example.org/report.html',
              selector: [
                {
                  type: 'RangeSelector',
                  startContainer: '/main[1]/p[9]',
                  startOffset: 3,
                  endContainer: '/main[1]/p[9]',
                  endOffset: 5,
                },
                // Hypothesis's positions count the page's text, not ours.
                { type: 'TextPositionSelector', start: 20_000, end: 20_002 },
                { type: 'TextQuoteSelector', exact: quote, prefix, suffix },
              ],
            },
          ],
        },
        {
          id: 'Plain_Id-42',
          created: '2026-01-02T00:00:00Z',
          updated: '2026-01-02T00:00:00Z',
          text: '',
          tags: [],
          target: [{ source: 'x', selector: [{ type: 'TextQuoteSelector', exact: '民生实事' }] }],
        },
      ],
    };
    const target = await services();
    const report = ok(
      await target.handlers.importAnnotations({ content: JSON.stringify(hypothesis) }),
    );
    expect(report).toEqual<ImportReport>({ added: 2, updated: 0, unchanged: 0, orphans: 0 });
    const [fromUrl, plain] = await annotationsOf(target.handlers);
    expect(fromUrl.id).toMatch(/^x[0-9a-f]{32}$/u);
    expect(fromUrl).toMatchObject({
      note: '要问：月湖西区何时完工？',
      tags: ['月湖', '工程'],
      color: 'c1',
      created: '2026-01-02T03:04:05.000000+00:00',
      modified: '2026-01-03T03:04:05.000000+00:00',
      anchor: { status: 'exact', ...second },
    });
    expect(plain.id).toBe('Plain_Id-42');
    expect(plain.anchor).toEqual({ status: 'exact', ...rangeOf('民生实事') });
    // The same file again: the URL maps to the same id, so nothing doubles.
    const again = ok(
      await target.handlers.importAnnotations({ content: JSON.stringify(hypothesis) }),
    );
    expect(again).toEqual<ImportReport>({ added: 0, updated: 0, unchanged: 2, orphans: 0 });
  });

  it('a quote-only W3C annotation anchors by its quote; one whose words are gone is kept as an orphan', async () => {
    const items = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/anno/1',
        type: 'Annotation',
        body: { type: 'TextualBody', value: '引用', purpose: 'commenting' },
        target: {
          source: 'http://example.org/report',
          selector: { type: 'TextQuoteSelector', exact: quote, prefix, suffix },
        },
      },
      {
        id: 'gone',
        type: 'Annotation',
        target: {
          selector: { type: 'TextQuoteSelector', exact: '这句话不在报告里，修订时删掉了' },
        },
      },
    ];
    const target = await services();
    const report = ok(await target.handlers.importAnnotations({ content: JSON.stringify(items) }));
    expect(report).toEqual<ImportReport>({ added: 2, updated: 0, unchanged: 0, orphans: 1 });
    const [placed, orphan] = await annotationsOf(target.handlers);
    expect(placed).toMatchObject({ note: '引用', anchor: { status: 'exact', ...second } });
    expect(orphan).toMatchObject({ id: 'gone', anchor: { status: 'orphan' } });
  });
});

describe('merging by id', () => {
  it('a newer copy replaces ours, an older or equal one is ignored', async () => {
    const collection = JSON.parse((await exported(source.handlers)).content) as {
      first: { items: { modified: string; body: { value: string }[] }[] };
    };
    const [newer, older] = collection.first.items;
    newer.modified = '2999-01-01T00:00:00.000Z';
    newer.body = [{ value: '来自另一台电脑的新版本' } as { value: string }];
    older.modified = '2000-01-01T00:00:00.000Z';
    older.body = [{ value: '旧版本，不应覆盖' } as { value: string }];
    const report = ok(
      await source.handlers.importAnnotations({ content: JSON.stringify(collection) }),
    );
    expect(report).toEqual<ImportReport>({ added: 0, updated: 1, unchanged: 2, orphans: 0 });
    const [first, second, third] = await annotationsOf(source.handlers);
    expect(first).toMatchObject({ id: made[0].id, note: '来自另一台电脑的新版本', tags: [] });
    expect(first.modified).toBe('2999-01-01T00:00:00.000Z');
    expect(second).toEqual(made[1]);
    expect(third).toEqual(made[2]);
  });
});

describe('bad files change nothing and say what is wrong', () => {
  const good = (id: string, exact = '民生实事') => ({
    id,
    type: 'Annotation',
    target: { selector: { type: 'TextQuoteSelector', exact } },
  });
  const deep = (levels: number) => '{"first":'.repeat(levels) + '{}' + '}'.repeat(levels);

  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"items": [', /^不是有效的 JSON/u],
    ['a bare string', '"批注"', /^文件内容不是批注集合、批注列表或单条批注$/u],
    ['an object without annotations', '{"hello": 1}', /^文件里没有找到批注/u],
    [
      'one item without a quote among good ones',
      JSON.stringify([good('g1'), good('g2'), { id: 'b', target: { source: 'x' } }]),
      /^第 3 条批注无效：缺少 TextQuoteSelector（引用的原文）$/u,
    ],
    [
      'an empty quote',
      JSON.stringify([good('g1'), good('g2', '')]),
      /^第 2 条批注无效：target\.quote\.exact：/u,
    ],
    [
      'a number as a quote',
      JSON.stringify({
        items: [
          good('g1'),
          { ...good('g2'), target: { selector: { type: 'TextQuoteSelector', exact: 5 } } },
        ],
      }),
      /^第 2 条批注无效：target\.quote\.exact：/u,
    ],
    [
      'a bad date',
      JSON.stringify([{ ...good('g1'), created: 'yesterday' }]),
      /^第 1 条批注无效：created：/u,
    ],
    [
      'a tag too long',
      JSON.stringify([{ ...good('g1'), tags: ['长'.repeat(41)] }]),
      /^第 1 条批注无效：tags\.0：/u,
    ],
    [
      'duplicate ids',
      JSON.stringify([good('g1'), good('g2'), good('g1')]),
      /^第 3 条批注的编号与前面的重复：g1$/u,
    ],
    ['a BOM before broken JSON', '\uFEFF{"items":', /^不是有效的 JSON/u],
    ['an item that is a list', JSON.stringify([[good('g1')]]), /^第 1 条批注无效：不是一个对象$/u],
  ];

  for (const [what, content, message] of cases) {
    it(what, async () => {
      const before = await snapshot(source.dir);
      const error = refused(await source.handlers.importAnnotations({ content }));
      expect(error).toMatch(message);
      expect(await snapshot(source.dir)).toEqual(before);
      expect(await annotationsOf(source.handlers)).toEqual(made);
    });
  }

  it('deep nesting is refused with a message, not a crash', async () => {
    const before = await snapshot(source.dir);
    const error = refused(await source.handlers.importAnnotations({ content: deep(100_000) }));
    expect(error).toBe('文件的嵌套层次太深，不是批注文件');
    expect(await snapshot(source.dir)).toEqual(before);
  });

  it('__proto__ in an item pollutes nothing and is not stored', async () => {
    const content = `[{"__proto__":{"polluted":1},"id":"p1","target":{"selector":{"type":"TextQuoteSelector","exact":"民生实事","__proto__":{"x":1}}}}]`;
    ok(await source.handlers.importAnnotations({ content }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = await readFile(userDataPath(source.dir), 'utf8');
    expect(stored).not.toContain('__proto__');
    expect(stored).not.toContain('polluted');
  });

  it('a BOM before good JSON is not an error', async () => {
    const content = '\uFEFF' + JSON.stringify([good('bom1')]);
    expect(ok(await source.handlers.importAnnotations({ content }))).toMatchObject({ added: 1 });
  });

  it('parseWebAnnotations on its own names the bad item the same way', () => {
    expect(() => parseWebAnnotations(JSON.stringify([good('g1'), 7]))).toThrow(
      /^第 2 条批注无效：不是一个对象$/u,
    );
  });
});
