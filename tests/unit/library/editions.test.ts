/**
 * A new edition of a report, through the contract's handlers as the app
 * calls them: the revised text of the bundled report is recognised as
 * another edition of it and offered, nothing written until the reader
 * answers; accepted, it becomes the current edition, the notes anchor in it
 * (exact, fuzzy, orphans kept), the earlier edition stays readable and
 * read-only; a restart keeps both; bad answers and a failed write lose nothing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentText } from '../../../src/core/report/doc-text';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { snapshot } from '../annotations/snapshot';
import { DELETED_PARAGRAPH, FIGURE, RAW, revise } from '../editions/fixtures';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { BUNDLED, ok, openLibrary, otherReportText, refused, utf8 } from './helpers';

const REVISED = utf8(revise(RAW));
const OLD_VERSION = BUNDLED.version;
const TEXT = documentText(BUNDLED.blocks).text;

/** The services each test opened: flushed before its folder goes (an index is written after its add answers). */
let opened: { flush(): Promise<void> }[] = [];

/** Opens the library; comparisons are made in the worker, as the app makes them. */
async function open(dataDir: string, options: Parameters<typeof openLibrary>[1] = {}) {
  const services = await openLibrary(dataDir, options);
  opened.push(services);
  return services;
}

type Services = Awaited<ReturnType<typeof open>>;

/** Annotates the bundled report where the quote is: answers the annotation's id. */
async function annotate(services: Services, quote: string, note: string): Promise<string> {
  const start = TEXT.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  const created = await services.handlers.createAnnotation({
    report: BUNDLED_REPORT_ID,
    start,
    end: start + quote.length,
    color: 'c1',
    note,
  });
  return ok(created).id;
}

const QUOTES = {
  figure: `地区生产总值${FIGURE.from}`,
  kept: '月湖、江夏、鼓楼街道通过污水零直排区创建验收',
  deleted: '表示衷心的感谢',
};

/** An own term (注释词语): kept by its words, not anchored, so it goes with the report to every edition. */
const OWN_TERM = { term: '零直排区', definition: '雨污分流、污水全部入管网的区域' };

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('library-editions');
});
afterEach(async () => {
  await Promise.all(opened.map((services) => services.flush().catch(() => undefined)));
  opened = [];
  await removeTempDir(dir);
});

/** The bundled report annotated three times, and the revised text offered as its new edition. */
async function annotatedAndOffered() {
  const services = await open(dir);
  const ids = {
    figure: await annotate(services, QUOTES.figure, '核对统计公报'),
    kept: await annotate(services, QUOTES.kept, '问进度'),
    deleted: await annotate(services, DELETED_PARAGRAPH.slice(0, 40), '致谢删了？'),
  };
  const block = BUNDLED.blocks.find((candidate) => candidate.text.includes(QUOTES.kept))!.id;
  ok(await services.handlers.createBookmark({ report: BUNDLED_REPORT_ID, block, name: '污水' }));
  ok(await services.handlers.saveTerm({ report: BUNDLED_REPORT_ID, ...OWN_TERM }));
  await services.flush();
  const offered = ok(await services.handlers.addReport({ fileName: '终稿.txt', bytes: REVISED }));
  return { services, ids, offered };
}

describe('a revised text of a report on the shelf', () => {
  it('is offered as another edition of it, and nothing is written until the reader answers', async () => {
    const services = await open(dir);
    await annotate(services, QUOTES.kept, '');
    await services.flush();
    const before = await snapshot(dir);
    const offered = ok(await services.handlers.addReport({ fileName: '终稿.txt', bytes: REVISED }));
    expect(offered).toMatchObject({
      added: false,
      report: { id: BUNDLED_REPORT_ID, editions: [{ id: OLD_VERSION }] },
      offer: { fileName: '终稿.txt', evidence: 'title', token: expect.any(String) },
    });
    expect(offered.offer!.shared).toBeGreaterThan(0.9);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('another district’s report is a report of its own: no offer', async () => {
    const services = await open(dir);
    const added = ok(
      await services.handlers.addReport({ fileName: '江北.txt', bytes: utf8(otherReportText()) }),
    );
    expect(added.added).toBe(true);
    expect(added.offer).toBeUndefined();
    expect(added.report.id).not.toBe(BUNDLED_REPORT_ID);
  });

  it('a cancelled offer writes nothing, and its token is spent', async () => {
    const { services, offered } = await annotatedAndOffered();
    const before = await snapshot(dir);
    const token = offered.offer!.token;
    expect(ok(await services.handlers.answerEditionOffer({ token, as: 'cancel' }))).toBeNull();
    expect(refused(await services.handlers.answerEditionOffer({ token, as: 'edition' }))).toMatch(
      '重新打开',
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('as a report of its own: a second report, the first one as it was', async () => {
    const { services, offered } = await annotatedAndOffered();
    const token = offered.offer!.token;
    const added = ok(await services.handlers.answerEditionOffer({ token, as: 'report' }))!;
    expect(added).toMatchObject({ added: true, report: { editions: [{ fileName: '终稿.txt' }] } });
    expect(added.edition).toBeUndefined();
    const bundled = ok(await services.handlers.getLibrary(undefined)).reports[0];
    expect(bundled.editions.map((edition) => edition.id)).toEqual([OLD_VERSION]);
    expect(
      ok(await services.handlers.getUserData({ report: added.report.id })).annotations,
    ).toEqual([]);
  });
});

describe('accepted as the new edition', () => {
  it('becomes the current edition, kept as the app’s copy; the notes carry over by their anchoring', async () => {
    const { services, ids, offered } = await annotatedAndOffered();
    const token = offered.offer!.token;
    const added = ok(await services.handlers.answerEditionOffer({ token, as: 'edition' }))!;
    await services.flush();
    const version = added.report.edition;
    expect(version).not.toBe(OLD_VERSION);
    expect(added).toMatchObject({
      added: true,
      report: {
        id: BUNDLED_REPORT_ID,
        editions: [{ id: OLD_VERSION, bundled: true }, { id: version }],
      },
      edition: {
        previous: OLD_VERSION,
        carried: { exact: 1, fuzzy: 1, orphan: 1, bookmarks: 1, orphanBookmarks: 0 },
      },
    });
    const copy = await readFile(join(dir, 'library', BUNDLED_REPORT_ID, version, 'source.txt'));
    expect(new Uint8Array(copy)).toEqual(REVISED);

    // The current edition is the revised text; every note is there, the orphan too.
    const document = ok(await services.handlers.getDocument({ report: BUNDLED_REPORT_ID }));
    expect(document.version).toBe(version);
    const view = ok(await services.handlers.getUserData({ report: BUNDLED_REPORT_ID }));
    const status = Object.fromEntries(view.annotations.map((a) => [a.id, a.anchor.status]));
    expect(status).toEqual({ [ids.figure]: 'fuzzy', [ids.kept]: 'exact', [ids.deleted]: 'orphan' });
    expect(view.readOnly).toBe(false);
    // The bookmark and the own term carry over too: the bookmark to its paragraph in the new text.
    const newText = documentText(document.blocks).text;
    expect(view.bookmarks).toHaveLength(1);
    const mark = view.bookmarks[0].anchor;
    if (mark.status === 'orphan') throw new Error('the bookmark was lost');
    const paragraph = BUNDLED.blocks.find((block) => block.text.includes(QUOTES.kept))!.text;
    expect(paragraph.startsWith(newText.slice(mark.start, mark.end))).toBe(true);
    expect(mark.end - mark.start).toBeGreaterThan(8);
    expect(view.terms).toMatchObject([OWN_TERM]);
    const fuzzy = view.annotations.find((a) => a.id === ids.figure)!.anchor;
    if (fuzzy.status === 'orphan') throw new Error('unreachable');
    expect(newText.slice(fuzzy.start, fuzzy.end)).toBe(`地区生产总值${FIGURE.to}`);

    // Notes are made in the current edition, by its offsets.
    const at = newText.indexOf(FIGURE.to);
    const made = await services.handlers.createAnnotation({
      report: BUNDLED_REPORT_ID,
      edition: version,
      start: at,
      end: at + FIGURE.to.length,
      color: 'c2',
    });
    expect(ok(made).anchor).toMatchObject({ status: 'exact', start: at });
    // The shelf counts every note of the report, whichever edition shows it.
    const shelf = ok(await services.handlers.getLibrary(undefined)).reports[0];
    expect(shelf.counts).toEqual({ annotations: 4, bookmarks: 1 });
  });

  it('the earlier edition can still be read, searched and exported, and refuses every change', async () => {
    const { services, ids, offered } = await annotatedAndOffered();
    const token = offered.offer!.token;
    ok(await services.handlers.answerEditionOffer({ token, as: 'edition' }));
    await services.flush();
    const earlier = { report: BUNDLED_REPORT_ID, edition: OLD_VERSION };

    expect(ok(await services.handlers.getDocument(earlier)).version).toBe(OLD_VERSION);
    const view = ok(await services.handlers.getUserData(earlier));
    expect(view.readOnly).toBe(true);
    expect(view.readOnlyReason).toMatch('较早的版本');
    // In its own text every note is where it was made.
    expect(view.annotations.map((a) => a.anchor.status)).toEqual(['exact', 'exact', 'exact']);
    const found = ok(await services.handlers.search({ ...earlier, query: '表示衷心的感谢' }));
    expect(found.total).toBeGreaterThan(0);
    const now = ok(
      await services.handlers.search({ report: BUNDLED_REPORT_ID, query: '表示衷心的感谢' }),
    );
    expect(now.total).toBe(0);
    expect(
      ok(await services.handlers.exportAnnotations({ ...earlier, format: 'md' })).content,
    ).toContain('致谢删了？');

    const before = await snapshot(dir);
    const start = TEXT.indexOf(QUOTES.kept);
    const refusals: string[] = [
      await services.handlers.createAnnotation({ ...earlier, start, end: start + 4, color: 'c1' }),
      await services.handlers.updateAnnotation({ ...earlier, id: ids.kept, note: '改' }),
      await services.handlers.deleteAnnotation({ ...earlier, id: ids.kept }),
      await services.handlers.createBookmark({ ...earlier, block: BUNDLED.blocks[3].id }),
      await services.handlers.saveTerm({ ...earlier, term: '零直排', definition: '污水' }),
      await services.handlers.importAnnotations({ ...earlier, content: '[]' }),
    ].map((answer) => refused<unknown>(answer));
    // Named as the banner and 修订对照 name it: the shipped text, not a file the reader never had.
    for (const reason of refusals) expect(reason).toMatch('较早的版本（随应用提供的文本）');
    // Its reading place names its own paragraphs: not kept as the report's.
    ok(
      await services.handlers.saveReportView({ ...earlier, position: { block: 'p3', offset: 0 } }),
    );
    await services.flush();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('an edition the report does not have is refused in words', async () => {
    const services = await open(dir);
    const error = refused(
      await services.handlers.getDocument({
        report: BUNDLED_REPORT_ID,
        edition: 'ffffffffffffffff',
      }),
    );
    expect(error).toMatch('没有这个版本');
  });

  it('a restart keeps both editions, the new one current, and every note', async () => {
    const { services, ids, offered } = await annotatedAndOffered();
    const token = offered.offer!.token;
    const version = ok(await services.handlers.answerEditionOffer({ token, as: 'edition' }))!.report
      .edition;
    await services.flush();

    const again = await open(dir);
    const report = ok(await again.handlers.getLibrary(undefined)).reports[0];
    expect(report.edition).toBe(version);
    expect(report.editions.map((edition) => edition.id)).toEqual([OLD_VERSION, version]);
    expect(ok(await again.handlers.getDocument({ report: report.id })).version).toBe(version);
    const notes = ok(await again.handlers.getUserData({ report: report.id }));
    expect(notes.annotations.map((a) => a.id).sort()).toEqual(Object.values(ids).sort());

    // An app update that corrects the shipped text keeps the reader's edition current.
    const updated = await open(dir, { document: { ...BUNDLED, version: 'abcdef0123456789' } });
    const kept = ok(await updated.handlers.getLibrary(undefined)).reports[0];
    expect(kept.edition).toBe(version);
    expect(kept.editions.map((edition) => edition.id)).toEqual(['abcdef0123456789', version]);
  });

  it('adding the same revised text again opens the report: nothing added twice', async () => {
    const { services, offered } = await annotatedAndOffered();
    ok(await services.handlers.answerEditionOffer({ token: offered.offer!.token, as: 'edition' }));
    const again = ok(await services.handlers.addReport({ fileName: '终稿.txt', bytes: REVISED }));
    expect(again).toMatchObject({ added: false, report: { id: BUNDLED_REPORT_ID } });
    expect(again.offer).toBeUndefined();
    expect(again.report.editions).toHaveLength(2);
  });

  it('a write that fails leaves the folder, the shelf and the notes as they were', async () => {
    const { services, offered } = await annotatedAndOffered();
    // The edition's folder cannot be made: a file is in its place.
    const parsedVersion = parseReportBytes(REVISED).version;
    await mkdir(join(dir, 'library', BUNDLED_REPORT_ID), { recursive: true });
    await writeFile(join(dir, 'library', BUNDLED_REPORT_ID, parsedVersion), 'in the way');
    const before = await snapshot(dir);
    const error = refused(
      await services.handlers.answerEditionOffer({ token: offered.offer!.token, as: 'edition' }),
    );
    expect(error).toMatch(/报告副本/);
    await services.flush();
    expect(await snapshot(dir)).toEqual(before);
    const report = ok(await services.handlers.getLibrary(undefined)).reports[0];
    expect(report.editions).toHaveLength(1);
    expect(ok(await services.handlers.getUserData({ report: report.id })).annotations).toHaveLength(
      3,
    );
  });

  it('bad answers are refused: a token that is not one, an unknown choice', async () => {
    const { services, offered } = await annotatedAndOffered();
    const before = await snapshot(dir);
    for (const payload of [
      { token: 'not-a-token', as: 'edition' },
      { token: offered.offer!.token, as: 'both' },
      { token: offered.offer!.token },
      { token: crypto.randomUUID(), as: 'edition' },
      null,
    ]) {
      expect(refused(await services.handlers.answerEditionOffer(payload))).not.toBe('');
    }
    expect(await snapshot(dir)).toEqual(before);
    // The good token is still held after all that.
    const added = ok(
      await services.handlers.answerEditionOffer({ token: offered.offer!.token, as: 'edition' }),
    );
    expect(added?.edition).toBeDefined();
  });
});

describe('修订对照 between two editions', () => {
  it('compares the edition on screen with the one named, the touched notes first', async () => {
    const { services, ids, offered } = await annotatedAndOffered();
    const version = ok(
      await services.handlers.answerEditionOffer({ token: offered.offer!.token, as: 'edition' }),
    )!.report.edition;
    const comparison = ok(
      await services.handlers.compareEditions({ report: BUNDLED_REPORT_ID, against: OLD_VERSION }),
    );
    expect(comparison).toMatchObject({ oldVersion: OLD_VERSION, newVersion: version });
    expect(comparison.changes).toHaveLength(6);
    expect(comparison.touchedChanges).toBe(2);
    const touched = comparison.changes.slice(0, 2).flatMap((change) => change.touched);
    expect(touched.map((mark) => mark.id).sort()).toEqual([ids.deleted, ids.figure].sort());
    expect(touched.find((mark) => mark.id === ids.deleted)!.now).toEqual({ status: 'orphan' });
    expect(touched.find((mark) => mark.id === ids.figure)).toMatchObject({
      note: '核对统计公报',
      now: { status: 'fuzzy' },
    });

    // Either way round, and never an edition with itself.
    const back = ok(
      await services.handlers.compareEditions({
        report: BUNDLED_REPORT_ID,
        edition: OLD_VERSION,
        against: version,
      }),
    );
    expect(back).toMatchObject({ oldVersion: version, newVersion: OLD_VERSION });
    expect(
      refused(
        await services.handlers.compareEditions({ report: BUNDLED_REPORT_ID, against: version }),
      ),
    ).toMatch('两个不同的版本');
  }, 30_000);

  it('a stored edition’s damaged document is mended from the app’s copy, and compared all the same', async () => {
    // Another district's report and its revised text: both editions stored in the folder.
    const jiangbei = (text: string) => utf8(text.replace(/海曙/g, '江北'));
    const services = await open(dir);
    const first = await services.addFile(
      { fileName: '初稿.txt', bytes: jiangbei(RAW) },
      undefined,
      'report',
    );
    const second = await services.addFile(
      { fileName: '终稿.txt', bytes: jiangbei(revise(RAW)) },
      undefined,
      'edition',
    );
    expect(second.edition?.previous).toBe(first.report.edition);
    await services.flush();
    const file = join(dir, 'library', first.report.id, first.report.edition, 'document.json');
    await writeFile(file, '{"schemaVersion":1,"document":{"title":"不是这份"}}');
    // Read in the worker, found damaged, read again here, which mends it.
    const again = await open(dir);
    const comparison = ok(
      await again.handlers.compareEditions({
        report: first.report.id,
        against: first.report.edition,
      }),
    );
    expect(comparison.changes).toHaveLength(6);
    const mended = JSON.parse(await readFile(file, 'utf8'));
    expect(mended.document.version).toBe(first.report.edition);
  }, 30_000);
});
