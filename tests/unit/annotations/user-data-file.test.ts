/**
 * The reader's annotation file on disk (a VersionedFile): what survives a
 * reopen, the `.bak`, damaged and newer files, and faults during a save.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openUserData,
  userDataPath,
  userDataSpec,
} from '../../../src/services/user-data/user-data-file';
import { ReadOnlyError, VersionedFile } from '../../../src/services/storage/versioned-file';
import { EMPTY_USER_DATA, type UserData } from '../../../src/shared/user-data';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { annotation, dataWith, faultyIo, namesIn } from './helpers';

let dir: string;
let path: string;
let folder: string;

beforeEach(async () => {
  dir = await makeTempDir('user-data-file');
  path = userDataPath(dir);
  folder = dirname(path);
});

afterEach(async () => {
  await removeTempDir(dir);
});

const envelope = (data: UserData, schemaVersion = 1) =>
  JSON.stringify({ schemaVersion, data }, null, 2) + '\n';

/** Writes a main file (and optionally a `.bak`) as a previous run would have left them. */
async function leave(main: string | Buffer, bak?: string | Buffer): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path, main);
  if (bak !== undefined) await writeFile(`${path}.bak`, bak);
}

const corruptCopies = async () =>
  (await readdir(folder)).filter((name) => name.includes('.corrupt-'));

describe('saving and reopening', () => {
  it('lives at reports/<key>.json and reopens with exactly what was saved', async () => {
    expect(path).toBe(join(dir, 'reports', 'haishu-2018-government-work-report.json'));
    const file = await openUserData(dir);
    expect(file.value).toEqual(EMPTY_USER_DATA);
    expect(file.notices).toEqual([]);
    const data = dataWith(annotation(1), annotation(2, { note: '𠀀e\u0301 <b>x</b>' }));
    await file.save(data);
    const again = await openUserData(dir);
    expect(again.value).toEqual(data);
    expect(again.notices).toEqual([]);
    expect(again.readOnly).toBe(false);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schemaVersion: 1, data });
  });

  it('opening a missing file writes nothing', async () => {
    await openUserData(dir);
    expect(await namesIn(dir)).toEqual([]);
  });

  it('keeps the previous good version as .bak', async () => {
    const file = await openUserData(dir);
    const first = dataWith(annotation(1));
    const second = dataWith(annotation(1), annotation(2));
    const third = dataWith(annotation(3));
    await file.save(first);
    await file.save(second);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(first));
    expect(await readFile(path, 'utf8')).toBe(envelope(second));
    await file.save(third);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(second));
    expect(await readFile(path, 'utf8')).toBe(envelope(third));
  });

  it('a file from the last run becomes the .bak of the first save in this one', async () => {
    const before = dataWith(annotation(7));
    await leave(envelope(before));
    const file = await openUserData(dir);
    await file.save(dataWith(annotation(8)));
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(before));
  });

  it('saves land in the order made: 200 unawaited saves leave the last one on disk', async () => {
    const file = await openUserData(dir);
    const versions = Array.from({ length: 200 }, (_, i) => dataWith(annotation(i)));
    const order: number[] = [];
    await Promise.all(versions.map((data, i) => file.save(data).then(() => order.push(i))));
    expect(order).toEqual(versions.map((_, i) => i));
    expect(await readFile(path, 'utf8')).toBe(envelope(versions[199]));
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(versions[198]));
    expect((await openUserData(dir)).value).toEqual(versions[199]);
  });
});

describe('a damaged file', () => {
  const good = dataWith(annotation(1), annotation(2));
  const damaged: Record<string, string | Buffer> = {
    corrupt: 'this is {not json',
    empty: '',
    'only whitespace': ' \n\t\n',
    truncated: envelope(good).slice(0, 150),
    'binary junk': Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x7b]),
    'wrong shape': JSON.stringify({ schemaVersion: 1, data: { annotations: 'no' } }),
    'no version': JSON.stringify({ data: good }),
  };

  for (const [kind, bytes] of Object.entries(damaged)) {
    it(`${kind}: moved aside byte for byte, .bak loaded and written back, a notice names the kept file`, async () => {
      await leave(bytes, envelope(good));
      const file = await openUserData(dir);
      expect(file.value).toEqual(good);
      expect(file.readOnly).toBe(false);
      const kept = await corruptCopies();
      expect(kept).toHaveLength(1);
      expect(await readFile(join(folder, kept[0]))).toEqual(Buffer.from(bytes));
      expect(file.notices).toHaveLength(1);
      expect(file.notices[0]).toContain('批注文件已损坏');
      expect(file.notices[0]).toContain('已从上一份完好副本（.bak）恢复（2 条批注）并已写回');
      expect(file.notices[0]).toContain(kept[0]);
      // The damaged file moved, the restore written back at once, the backup untouched.
      expect(await namesIn(folder)).toEqual(
        [
          `${kept[0]}`,
          'haishu-2018-government-work-report.json',
          'haishu-2018-government-work-report.json.bak',
        ].sort(),
      );
      expect(await readFile(path, 'utf8')).toBe(envelope(good));
      expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(good));
      // The next save writes a good file again, and the copy stays.
      await file.save(dataWith(annotation(3)));
      expect((await openUserData(dir)).value).toEqual(dataWith(annotation(3)));
      expect(await readFile(join(folder, kept[0]))).toEqual(Buffer.from(bytes));
    });
  }

  it('a BOM before good JSON is not damage', async () => {
    await leave('\uFEFF' + envelope(good));
    const file = await openUserData(dir);
    expect(file.value).toEqual(good);
    expect(file.notices).toEqual([]);
    expect(await corruptCopies()).toEqual([]);
  });

  it('damaged main and no .bak: empty data, a notice, the damaged file kept', async () => {
    await leave('{"schemaVersion":1,"data":{"annot');
    const file = await openUserData(dir);
    expect(file.value).toEqual(EMPTY_USER_DATA);
    const kept = await corruptCopies();
    expect(kept).toHaveLength(1);
    expect(await readFile(join(folder, kept[0]), 'utf8')).toBe('{"schemaVersion":1,"data":{"annot');
    expect(file.notices).toEqual([
      expect.stringMatching(new RegExp(`已改用空白批注；原文件保留为 ${kept[0]}。$`)),
    ]);
  });

  it('damaged main and damaged .bak: empty data, both kept, none overwritten by later saves', async () => {
    await leave('garbage main', 'garbage bak');
    const file = await openUserData(dir);
    expect(file.value).toEqual(EMPTY_USER_DATA);
    expect(file.notices).toHaveLength(1);
    expect(file.notices[0]).toContain('空白批注');
    const kept = await corruptCopies();
    expect(kept).toHaveLength(2);
    const contents = await Promise.all(kept.map((name) => readFile(join(folder, name), 'utf8')));
    expect(contents.sort()).toEqual(['garbage bak', 'garbage main']);
    for (const name of kept) expect(file.notices[0]).toContain(name);
    // Two saves: the second writes a .bak; neither damaged copy may be lost.
    await file.save(dataWith(annotation(1)));
    await file.save(dataWith(annotation(2)));
    const after = await Promise.all(kept.map((name) => readFile(join(folder, name), 'utf8')));
    expect(after.sort()).toEqual(['garbage bak', 'garbage main']);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(dataWith(annotation(1))));
  });
});

describe('a file from a newer version of the app', () => {
  const newer = JSON.stringify({ schemaVersion: 2, data: dataWith(annotation(1)) });

  it('opens read-only, shows what it can, and rejects saves in Chinese without writing', async () => {
    await leave(newer, 'old bak');
    const file = await openUserData(dir);
    expect(file.readOnly).toBe(true);
    expect(file.value).toEqual(dataWith(annotation(1)));
    expect(file.notices[0]).toContain('来自更新版本的报告阅读器（版本 2）');
    const save = file.save(dataWith());
    await expect(save).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(save).rejects.toThrow(/只能查看，不能修改/);
    await file.flush();
    expect(await readFile(path, 'utf8')).toBe(newer);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('old bak');
    expect(await corruptCopies()).toEqual([]);
    expect(file.value).toEqual(dataWith(annotation(1)));
  });

  it('a newer file this version cannot read is shown empty, still read-only and untouched', async () => {
    const alien = JSON.stringify({ schemaVersion: 9, data: { notes: 'something else' } });
    await leave(alien);
    const file = await openUserData(dir);
    expect(file.readOnly).toBe(true);
    expect(file.value).toEqual(EMPTY_USER_DATA);
    await expect(file.save(dataWith(annotation(1)))).rejects.toThrow(ReadOnlyError);
    expect(await readFile(path, 'utf8')).toBe(alien);
  });
});

describe('faults during a save', () => {
  for (const mode of ['short', 'enospc'] as const) {
    it(`${mode}: the save rejects, file and .bak stay as they were, the next save works`, async () => {
      const { io, fault } = faultyIo();
      const file = await VersionedFile.open(userDataSpec(dir, undefined, io));
      const first = dataWith(annotation(1));
      const second = dataWith(annotation(1), annotation(2));
      await file.save(first);
      await file.save(second);
      const mainBefore = await readFile(path);
      const bakBefore = await readFile(`${path}.bak`);

      fault.mode = mode;
      const failed = file.save(dataWith(annotation(1), annotation(2), annotation(3)));
      if (mode === 'enospc') await expect(failed).rejects.toMatchObject({ code: 'ENOSPC' });
      else await expect(failed).rejects.toMatchObject({ code: 'ESHORTWRITE' });
      // Said plainly, never as errno text.
      await expect(failed).rejects.toThrow(/^磁盘已满/);
      expect(await readFile(path)).toEqual(mainBefore);
      expect(await readFile(`${path}.bak`)).toEqual(bakBefore);
      expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      // What the reader sees is what is on disk, not the save that failed.
      expect(file.value).toEqual(second);

      fault.mode = 'none';
      const third = dataWith(annotation(4));
      await file.save(third);
      expect(await readFile(path, 'utf8')).toBe(envelope(third));
      expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(second));
      expect((await openUserData(dir)).value).toEqual(third);
    });
  }

  it('a failed save followed at once by another: the later one lands with its own value', async () => {
    const { io, fault } = faultyIo();
    const file = await VersionedFile.open(userDataSpec(dir, undefined, io));
    await file.save(dataWith(annotation(1)));
    Object.assign(fault, { mode: 'enospc', once: true });
    const failing = file.save(dataWith(annotation(2)));
    const next = dataWith(annotation(3));
    const later = file.save(next);
    await expect(failing).rejects.toMatchObject({ code: 'ENOSPC' });
    // The failure must not take back a value a later save is already carrying.
    expect(file.value).toEqual(next);
    await later;
    expect(file.value).toEqual(next);
    expect((await openUserData(dir)).value).toEqual(next);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(envelope(dataWith(annotation(1))));
  });
});
