/**
 * Issue 17's losses, reproduced on disk and now losing nothing: a restore from
 * `.bak` that lived in memory only, a missing file beside a good `.bak`, a
 * `.bak` overwritten by older data, one bad record hiding the whole file,
 * and temp files a crash left behind.
 */
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openUserData,
  quarantinePath,
  userDataPath,
} from '../../../src/services/user-data/user-data-file';
import { ReadOnlyError } from '../../../src/services/storage/versioned-file';
import type { Annotation, UserData } from '../../../src/shared/user-data';
import { annotation, dataWith, namesIn } from '../annotations/helpers';
import { makeTempDir, removeTempDir } from './helpers';

let dir: string;
let path: string;
let folder: string;

beforeEach(async () => {
  dir = await makeTempDir('recovery');
  path = userDataPath(dir);
  folder = dirname(path);
  await mkdir(folder, { recursive: true });
});

afterEach(async () => {
  await removeTempDir(dir);
});

const envelope = (data: unknown, schemaVersion = 1) =>
  JSON.stringify({ schemaVersion, data }, null, 2) + '\n';

const ids = (data: UserData) => data.annotations.map((a) => a.id).sort();
const five = () => [1, 2, 3, 4, 5].map((n) => annotation(n));

describe('a restore from .bak is written back at once', () => {
  it('damaged main + good .bak → start, close, start, save twice: every recovered note is there', async () => {
    const recovered = dataWith(...five());
    await writeFile(path, '{"schemaVersion":1,"data":{"annotations":[{"id":"a1"');
    await writeFile(`${path}.bak`, envelope(recovered));

    const first = await openUserData(dir);
    expect(first.value).toEqual(recovered);
    expect(first.notices[0]).toMatch(/已从上一份完好副本（\.bak）恢复（5 条批注）并已写回/);
    // "Close" without editing: nothing in memory matters from here on.
    await first.flush();

    const second = await openUserData(dir);
    expect(second.value).toEqual(recovered);
    expect(second.notices).toEqual([]);
    await second.save(dataWith(...five(), annotation(6)));
    await second.save(dataWith(...five(), annotation(6), annotation(7)));

    const third = await openUserData(dir);
    expect(ids(third.value)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    // The .bak is the save before the last: the recovered notes are in it too.
    const bak = JSON.parse(await readFile(`${path}.bak`, 'utf8')) as { data: UserData };
    expect(ids(bak.data)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });

  it('main missing + .bak → the .bak is loaded, written back, and the reader is told', async () => {
    const recovered = dataWith(annotation(1), annotation(2));
    await writeFile(`${path}.bak`, envelope(recovered));
    const file = await openUserData(dir);
    expect(file.value).toEqual(recovered);
    expect(file.notices).toEqual([
      '批注文件不见了，已从上一份完好副本（.bak）恢复（2 条批注）并已写回。',
    ]);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schemaVersion: 1, data: recovered });
    // Two saves never leave the .bak with less than it had.
    await file.save(dataWith(annotation(3)));
    await file.save(dataWith(annotation(4)));
    expect((await openUserData(dir)).value).toEqual(dataWith(annotation(4)));
    const bak = JSON.parse(await readFile(`${path}.bak`, 'utf8')) as { data: UserData };
    expect(ids(bak.data)).toEqual(['a3']);
  });

  it('main missing + damaged .bak → empty, the .bak kept aside, a notice', async () => {
    await writeFile(`${path}.bak`, 'not json');
    const file = await openUserData(dir);
    expect(file.value).toEqual(dataWith());
    expect(file.notices[0]).toMatch(
      /^批注文件不见了，已改用空白批注，备份副本也无法使用，保留为 .+\.bak\.corrupt-/,
    );
    await file.save(dataWith(annotation(1)));
    await file.save(dataWith(annotation(2)));
    const kept = (await readdir(folder)).filter((name) => name.includes('.bak.corrupt-'));
    expect(await readFile(join(folder, kept[0]), 'utf8')).toBe('not json');
  });

  it('a read-only folder: recovered in memory, nothing on disk changes, saves refused plainly', async () => {
    const recovered = dataWith(annotation(1));
    await writeFile(path, 'damaged');
    await writeFile(`${path}.bak`, envelope(recovered));
    const before = await namesIn(folder);
    const reason = '数据文件夹是只读的（测试）';
    const file = await openUserData(dir, undefined, { readOnlyReason: reason });
    expect(file.value).toEqual(recovered);
    expect(file.readOnly).toBe(true);
    expect(file.notices[0]).toContain('（本次只读，未写回）');
    expect(file.notices[0]).toContain('损坏的文件未改动');
    await expect(file.save(dataWith())).rejects.toThrow(ReadOnlyError);
    await expect(file.save(dataWith())).rejects.toThrow(reason);
    expect(await namesIn(folder)).toEqual(before);
    expect(await readFile(path, 'utf8')).toBe('damaged');
  });
});

describe('the .bak is never overwritten by older data without a word', () => {
  it('a .bak newer than the file (an older copy put back) is kept aside before any save', async () => {
    const older = dataWith(annotation(1));
    const newer = dataWith(annotation(1), annotation(2), annotation(3));
    await writeFile(path, envelope(older));
    await writeFile(`${path}.bak`, envelope(newer));
    const past = new Date(Date.now() - 60_000);
    await utimes(path, past, past);

    const file = await openUserData(dir);
    expect(file.value).toEqual(older);
    expect(file.notices[0]).toMatch(/备份副本比文件本身更新.*另存为 .+\.bak\.kept-/);
    await file.save(dataWith(annotation(9)));
    await file.save(dataWith(annotation(10)));
    const kept = (await readdir(folder)).filter((name) => name.includes('.bak.kept-'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(await readFile(join(folder, kept[0]), 'utf8'))).toEqual({
      schemaVersion: 1,
      data: newer,
    });
  });

  it('a crash between writing the .bak and the file (same data, .bak newer) is not flagged', async () => {
    const same = dataWith(annotation(1));
    await writeFile(path, envelope(same));
    await writeFile(`${path}.bak`, envelope(same));
    const past = new Date(Date.now() - 60_000);
    await utimes(path, past, past);
    const file = await openUserData(dir);
    expect(file.notices).toEqual([]);
    expect((await readdir(folder)).some((name) => name.includes('.kept-'))).toBe(false);
  });
});

describe('records, not files: one bad record is set aside by itself', () => {
  const quarantine = () => quarantinePath(dir);
  const readQuarantineFile = async () =>
    JSON.parse(await readFile(quarantine(), 'utf8')) as {
      schemaVersion: number;
      entries: { list: string; reason: string; record: unknown; from: string }[];
    };

  const cases: Record<string, (good: Annotation) => unknown> = {
    'colour c9': (good) => ({ ...good, color: 'c9' }),
    'an unknown field': (good) => ({ ...good, mood: '好' }),
    'a missing quote': (good) => ({ ...good, target: { documentVersion: 'x' } }),
  };

  for (const [kind, spoil] of Object.entries(cases)) {
    it(`${kind}: 4 of 5 load, 1 quarantined, a notice; the file is rewritten without it`, async () => {
      const records = five();
      const bad = spoil(records[2]);
      const original = envelope({
        annotations: [...records.slice(0, 2), bad, ...records.slice(3)],
        bookmarks: [],
        terms: [],
      });
      await writeFile(path, original);

      const file = await openUserData(dir);
      expect(ids(file.value)).toEqual(['a1', 'a2', 'a4', 'a5']);
      expect(file.readOnly).toBe(false);
      expect(file.notices).toHaveLength(1);
      expect(file.notices[0]).toMatch(
        /^批注文件中有 1 条记录无法读取（.+），已单独保存到数据文件夹的 quarantine\/haishu-2018-government-work-report\.json，可在批注面板中导出；其余记录照常载入（4 条批注）。$/,
      );
      expect(file.quarantine).toHaveLength(1);
      const stored = await readQuarantineFile();
      expect(stored.entries).toHaveLength(1);
      expect(stored.entries[0]).toMatchObject({
        list: 'annotations',
        record: bad,
        from: 'haishu-2018-government-work-report.json',
      });
      // Nothing was set aside whole, and the original text is the .bak.
      expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toEqual([]);
      expect(JSON.parse(await readFile(`${path}.bak`, 'utf8'))).toEqual(JSON.parse(original));

      // The next start: the 4, no new notice, the quarantine still holds the one.
      const again = await openUserData(dir);
      expect(ids(again.value)).toEqual(['a1', 'a2', 'a4', 'a5']);
      expect(again.notices).toEqual([]);
      expect(again.quarantine).toHaveLength(1);
    });
  }

  it('the same bad file opened twice does not grow the quarantine; a second id-clash is kept', async () => {
    const records = five();
    const clash = { ...records[0], note: '同一编号，不同内容' };
    const bad = envelope({
      annotations: [...records, records[1], clash, { ...records[4], color: 'c9' }],
      bookmarks: [],
      terms: [],
      extra: { from: 'a newer app' },
    });
    await writeFile(path, bad);
    const first = await openUserData(dir);
    expect(ids(first.value)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    // The exact copy of a2 loses nothing and is dropped; the clash, c9 and the field are kept.
    expect(first.quarantine.map((entry) => entry.list).sort()).toEqual([
      'annotations',
      'annotations',
      'extra',
    ]);
    await writeFile(path, bad);
    const second = await openUserData(dir);
    expect(second.quarantine).toHaveLength(3);
    expect((await readQuarantineFile()).entries).toHaveLength(3);
  });

  it('the quarantine cannot be written: nothing is rewritten, the file is read-only this session', async () => {
    const records = five();
    const original = envelope({
      annotations: [...records.slice(0, 4), { ...records[4], color: 'c9' }],
      bookmarks: [],
      terms: [],
    });
    await writeFile(path, original);
    // A file where the quarantine's folder should be: its write fails.
    await writeFile(join(dir, 'quarantine'), 'in the way');
    const file = await openUserData(dir);
    expect(ids(file.value)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(file.readOnly).toBe(true);
    expect(file.notices[0]).toContain('未能单独保存');
    expect(await readFile(path, 'utf8')).toBe(original);
    await expect(file.save(dataWith())).rejects.toThrow(ReadOnlyError);
  });

  it('damaged main + .bak with a bad record: the .bak restores, the record is quarantined', async () => {
    const records = five();
    await writeFile(path, 'garbage');
    await writeFile(
      `${path}.bak`,
      envelope({
        annotations: [...records.slice(0, 4), { ...records[4], color: 'c9' }],
        bookmarks: [],
        terms: [],
      }),
    );
    const file = await openUserData(dir);
    expect(ids(file.value)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(file.quarantine).toHaveLength(1);
    expect(file.notices).toHaveLength(2);
    const again = await openUserData(dir);
    expect(ids(again.value)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(again.notices).toEqual([]);
  });
});

describe('housekeeping', () => {
  const strays = [
    '.haishu-2018-government-work-report.json.0123456789ab.tmp',
    '.haishu-2018-government-work-report.json.bak.abcdef012345.tmp',
  ];

  it('temp files a crash left beside the file are removed at start, others are not', async () => {
    await writeFile(path, envelope(dataWith(annotation(1))));
    for (const name of strays) await writeFile(join(folder, name), 'half a write');
    await writeFile(join(folder, 'notes.tmp'), 'the reader’s own file');
    const file = await openUserData(dir);
    expect(file.value).toEqual(dataWith(annotation(1)));
    expect(await namesIn(folder)).toEqual(['haishu-2018-government-work-report.json', 'notes.tmp']);
  });

  it('a process that may not write leaves them: another may be mid-write', async () => {
    for (const name of strays) await writeFile(join(folder, name), 'maybe in use');
    await openUserData(dir, undefined, { readOnlyReason: '另一个报告阅读器正在使用' });
    expect(await namesIn(folder)).toEqual([...strays].sort());
  });
});
