/**
 * An existing reader's data folder, made the way the app wrote it before the
 * library (settings.json by the settings store, the bundled report's notes in
 * reports/haishu-2018-government-work-report.json by its own VersionedFile),
 * carries over untouched: opening it writes nothing; the notes, the settings,
 * the reading position and the folded 目录 entries are all there; and the
 * files the reader had are never rewritten by the library.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/services/storage/settings-store';
import { openUserData, userDataPath } from '../../../src/services/user-data/user-data-file';
import { createUserDataService } from '../../../src/services/user-data/user-data-service';
import { documentText } from '../../../src/core/report/doc-text';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { DEFAULT_COLOR_NAMES } from '../../../src/shared/user-data';
import { snapshot } from '../annotations/snapshot';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { BUNDLED, ok, openLibrary } from './helpers';

let dir: string;
let before: Record<string, string>;
const doc = documentText(BUNDLED.blocks);
const rangeOf = (phrase: string) => {
  const start = doc.text.indexOf(phrase);
  return { start, end: start + phrase.length };
};

beforeAll(async () => {
  dir = await makeTempDir('migration');
  // Today's layout, written by today's storage code.
  const settings = await SettingsStore.open(dir);
  await settings.update({
    theme: 'dark',
    fontSize: 22,
    position: { block: 'b30', offset: 0.25 },
    collapsed: ['b5', 'b17'],
  });
  const file = await openUserData(dir);
  const notes = createUserDataService({
    document: BUNDLED,
    file,
    reportKey: BUNDLED_REPORT_ID,
    colorNames: () => DEFAULT_COLOR_NAMES,
  });
  await notes.createAnnotation({ ...rangeOf('污水零直排区'), color: 'c2', note: '会上问进度' });
  await notes.createAnnotation({ ...rangeOf('民生实事'), color: 'c1' });
  await notes.createBookmark({ block: 'b12', name: '发言用' });
  await notes.saveTerm({ term: '三区块', definition: '我的注释' });
  await file.flush();
  await settings.flush();
  before = await snapshot(dir);
});

afterAll(() => removeTempDir(dir));

describe('a data folder from before the library', () => {
  it('is the layout the app wrote: settings and one notes file', () => {
    expect(Object.keys(before).sort()).toEqual(
      [
        'reports/haishu-2018-government-work-report.json',
        'reports/haishu-2018-government-work-report.json.bak',
        'settings.json',
      ].sort(),
    );
  });

  it('opens with nothing written, the bundled report first with its notes counted', async () => {
    const services = await openLibrary(dir);
    const library = ok(await services.handlers.getLibrary(undefined));
    expect(await snapshot(dir)).toEqual(before);
    expect(library.last).toBe(BUNDLED_REPORT_ID);
    expect(library.reports).toHaveLength(1);
    expect(library.reports[0]).toMatchObject({
      id: BUNDLED_REPORT_ID,
      bundled: true,
      title: '2018年海曙区政府工作报告',
      place: '海曙区',
      date: '2018-02-07',
      edition: BUNDLED.version,
      counts: { annotations: 2, bookmarks: 1 },
      // Where the reader was, and what they folded, from the settings.
      view: { position: { block: 'b30', offset: 0.25 }, collapsed: ['b5', 'b17'] },
    });
  });

  it('shows the same notes, anchored where they were, and the same settings', async () => {
    const { handlers } = await openLibrary(dir);
    const view = ok(await handlers.getUserData({ report: BUNDLED_REPORT_ID }));
    expect(view.annotations.map((a) => [a.note, a.anchor.status])).toEqual([
      ['会上问进度', 'exact'],
      ['', 'exact'],
    ]);
    expect(view.bookmarks.map((b) => b.name)).toEqual(['发言用']);
    expect(view.terms.map((t) => t.term)).toEqual(['三区块']);
    expect(ok(await handlers.getSettings(undefined))).toMatchObject({
      theme: 'dark',
      fontSize: 22,
    });
  });

  it('after reading and moving on, the reader’s own files are byte for byte what they were', async () => {
    const { handlers, flush } = await openLibrary(dir);
    ok(await handlers.openReport({ report: BUNDLED_REPORT_ID }));
    ok(
      await handlers.saveReportView({
        report: BUNDLED_REPORT_ID,
        position: { block: 'b40', offset: 0 },
      }),
    );
    await flush();
    const after = await snapshot(dir);
    for (const name of Object.keys(before)) expect(after[name], name).toBe(before[name]);
    expect(await readdir(dir)).toContain('library.json');
    // The next start reads the place from the library, not the old settings.
    const again = ok(await (await openLibrary(dir)).handlers.getLibrary(undefined));
    expect(again.reports[0].view.position).toEqual({ block: 'b40', offset: 0 });
    expect(again.reports[0].opened).toBeDefined();
    const settings = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(settings.settings.position).toEqual({ block: 'b30', offset: 0.25 });
  });

  it('keeps the notes in their old file as they change', async () => {
    const { handlers, flush } = await openLibrary(dir);
    ok(await handlers.createBookmark({ report: BUNDLED_REPORT_ID, block: 'b8' }));
    await flush();
    const stored = JSON.parse(await readFile(userDataPath(dir), 'utf8'));
    expect(stored.schemaVersion).toBe(1);
    expect(stored.data.bookmarks).toHaveLength(2);
    const library = ok(await (await openLibrary(dir)).handlers.getLibrary(undefined));
    expect(library.reports[0].counts).toEqual({ annotations: 2, bookmarks: 2 });
  });
});
