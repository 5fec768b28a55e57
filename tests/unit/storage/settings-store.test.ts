import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SETTINGS_FILE,
  SETTINGS_SCHEMA_VERSION,
  SettingsStore,
} from '../../../src/services/storage/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { makeTempDir, removeTempDir, tempFilesIn } from './helpers';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await makeTempDir('settings');
  file = join(dir, SETTINGS_FILE);
});

afterEach(async () => {
  await removeTempDir(dir);
});

const CJK = /\p{Script=Han}/u;

const envelope = (settings: unknown, schemaVersion: unknown = SETTINGS_SCHEMA_VERSION) =>
  JSON.stringify({ schemaVersion, settings }, null, 2);

const VALID: Settings = {
  theme: 'sepia',
  fontSize: 22,
  collapsed: ['b6', 'b16'],
  position: { block: 'b21', offset: 0.25 },
  recentSearches: ['月湖', '5G'],
  colorNames: { c1: '要点', c2: '疑问', c3: '建议', c4: '数据', c5: '其他' },
  window: { x: 40, y: 30, width: 1200, height: 860, maximized: false },
};

async function corruptCopies(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`));
}

describe('SettingsStore.open', () => {
  it('uses the defaults when there is no file, without notices or writing anything', async () => {
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.readOnly).toBe(false);
    expect(store.notices).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('creates a missing data folder (nested)', async () => {
    const nested = join(dir, 'a', 'b', 'c');
    const store = await SettingsStore.open(nested);
    await store.update({ fontSize: 16 });
    expect(JSON.parse(await readFile(join(nested, SETTINGS_FILE), 'utf8'))).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      settings: { ...DEFAULT_SETTINGS, fontSize: 16 },
    });
  });

  it('loads a file from before recent searches existed, with none, and keeps it', async () => {
    const { recentSearches: _recent, ...older } = VALID;
    await writeFile(file, envelope(older));
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual({ ...VALID, recentSearches: [] });
    expect(store.notices).toEqual([]);
    expect(await corruptCopies()).toEqual([]);
  });

  it('loads a file from before the window was remembered, with none, and keeps it', async () => {
    const { window: _window, ...older } = VALID;
    await writeFile(file, envelope(older));
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual({ ...VALID, window: null });
    expect(store.notices).toEqual([]);
    expect(await corruptCopies()).toEqual([]);
  });

  it('loads a valid file as it is', async () => {
    await writeFile(file, envelope(VALID));
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(VALID);
    expect(store.notices).toEqual([]);
    expect(store.readOnly).toBe(false);
  });

  it('loads a BOM-prefixed valid file and does not move it aside', async () => {
    const bytes = Buffer.from('\uFEFF' + envelope(VALID), 'utf8');
    await writeFile(file, bytes);
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(VALID);
    expect(store.notices).toEqual([]);
    expect(await corruptCopies()).toEqual([]);
    expect(await readFile(file)).toEqual(bytes);
  });

  it('loads a file with CRLF line ends', async () => {
    await writeFile(file, envelope(VALID).replace(/\n/g, '\r\n'));
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(VALID);
    expect(store.notices).toEqual([]);
  });

  const damaged: [string, string | Buffer][] = [
    ['corrupt JSON', '{"schemaVersion":1,"settings":{"theme":"dark",'],
    ['an empty file', ''],
    ['only whitespace', ' \n\t\n'],
    ['a BOM and nothing else', '\uFEFF'],
    ['invalid UTF-8 bytes', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3])],
    ['fontSize 99', envelope({ ...VALID, fontSize: 99 })],
    ['fontSize 18.5', envelope({ ...VALID, fontSize: 18.5 })],
    ['theme "pink"', envelope({ ...VALID, theme: 'pink' })],
    ['an unknown setting', envelope({ ...VALID, extra: true })],
    ['a missing setting', envelope({ theme: 'dark', fontSize: 18, collapsed: [] })],
    ['a bad block id in position', envelope({ ...VALID, position: { block: '../x', offset: 0 } })],
    ['offset above 1', envelope({ ...VALID, position: { block: 'b1', offset: 1.5 } })],
    ['no schemaVersion', JSON.stringify({ settings: VALID })],
    ['schemaVersion 0', envelope(VALID, 0)],
    ['schemaVersion "1" as a string', envelope(VALID, '1')],
    ['schemaVersion "2" as a string', envelope(VALID, '2')],
    ['no settings key', JSON.stringify({ schemaVersion: 1 })],
    ['the bare settings without envelope', JSON.stringify(VALID)],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"settings"'],
    ['an array', '[1,2,3]'],
  ];

  it.each(damaged)(
    'moves aside %s, keeps its bytes, uses defaults, one notice',
    async (_, body) => {
      const original = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      await writeFile(file, original);

      const store = await SettingsStore.open(dir);

      expect(store.get()).toEqual(DEFAULT_SETTINGS);
      expect(store.readOnly).toBe(false);
      const copies = await corruptCopies();
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatch(/^settings\.json\.corrupt-[0-9TZ-]+-[0-9a-f]{8}$/);
      expect(await readFile(join(dir, copies[0]))).toEqual(original);
      // The original name is free again: nothing is written until the user changes something.
      expect(await readdir(dir)).toEqual(copies);

      expect(store.notices).toHaveLength(1);
      const [notice] = store.notices;
      expect(notice).toMatch(CJK);
      expect(notice).toContain('设置文件已损坏');
      expect(notice).toContain('默认设置');
      expect(notice).toContain(copies[0]);
    },
  );

  it('after a corrupt file, the next update writes a fresh valid file and the copy stays', async () => {
    await writeFile(file, '{oops');
    const store = await SettingsStore.open(dir);
    const [copy] = await corruptCopies();
    await store.update({ theme: 'dark' });

    const reopened = await SettingsStore.open(dir);
    expect(reopened.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(reopened.notices).toEqual([]);
    expect(await readFile(join(dir, copy), 'utf8')).toBe('{oops');
  });

  it('never overwrites an earlier moved-aside copy, even within the same millisecond', async () => {
    // Both damaged files are the user's data; moving the second aside must not
    // destroy the first. Freezing the clock makes the (otherwise timing-dependent)
    // collision of the two timestamps deterministic.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-01T08:00:00.000Z'));
    try {
      await writeFile(file, 'first damage');
      await SettingsStore.open(dir);
      await writeFile(file, 'second damage');
      const second = await SettingsStore.open(dir);
      const copies = await corruptCopies();
      const contents = await Promise.all(copies.map((name) => readFile(join(dir, name), 'utf8')));
      expect(contents.sort()).toEqual(['first damage', 'second damage']);
      // The notice must name the copy that holds the second file.
      const named = copies.find((name) => second.notices[0].includes(name));
      expect(named && (await readFile(join(dir, named), 'utf8'))).toBe('second damage');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a file from a newer version is used read-only: defaults, a notice, never rewritten', async () => {
    const newer = envelope({ theme: 'dark', fontSize: 20, futureThing: { a: 1 } }, 2);
    const bytes = Buffer.from(newer, 'utf8');
    await writeFile(file, bytes);

    const store = await SettingsStore.open(dir);
    expect(store.readOnly).toBe(true);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(CJK);
    expect(store.notices[0]).toContain('2');
    expect(store.notices[0]).toContain('只读');

    const updated = await store.update({ fontSize: 24, theme: 'light' });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, theme: 'light' });
    expect(store.get()).toEqual(updated);

    expect(await readFile(file)).toEqual(bytes);
    expect(await corruptCopies()).toEqual([]);
    expect(await tempFilesIn(dir)).toEqual([]);
  });
});

describe('SettingsStore.update', () => {
  it('persists, and a new store opened on the folder sees it', async () => {
    const store = await SettingsStore.open(dir);
    const result = await store.update({ fontSize: 26, collapsed: ['b8'] });
    expect(result).toEqual({ ...DEFAULT_SETTINGS, fontSize: 26, collapsed: ['b8'] });
    expect(store.get()).toEqual(result);

    const reopened = await SettingsStore.open(dir);
    expect(reopened.get()).toEqual(result);
    expect(reopened.notices).toEqual([]);
  });

  it('writes the schema-versioned envelope and nothing else', async () => {
    const store = await SettingsStore.open(dir);
    await store.update({ theme: 'dark' });
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(onDisk).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
    });
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });

  it('merges patches: fields not in a patch keep their value', async () => {
    const store = await SettingsStore.open(dir);
    await store.update({ theme: 'sepia' });
    await store.update({ fontSize: 14 });
    await store.update({ position: { block: 'b3', offset: 0.5 } });
    await store.update({ position: null });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 14 });
    expect((await SettingsStore.open(dir)).get()).toEqual(store.get());
  });

  it('does not mutate DEFAULT_SETTINGS', async () => {
    const before = structuredClone(DEFAULT_SETTINGS);
    const store = await SettingsStore.open(dir);
    await store.update({ theme: 'dark', collapsed: ['b1'] });
    expect(DEFAULT_SETTINGS).toEqual(before);
  });

  it('200 concurrent updates resolve in call order and the last one wins on disk', async () => {
    const store = await SettingsStore.open(dir);
    const count = 200;
    const settledOrder: number[] = [];
    const patches = Array.from({ length: count }, (_, i) => ({
      fontSize: 14 + 2 * (i % 8),
      position: { block: `b${i + 1}`, offset: i / (count - 1) },
    }));
    const results = await Promise.all(
      patches.map((patch, i) =>
        store.update(patch).then((settings) => {
          settledOrder.push(i);
          return settings;
        }),
      ),
    );

    expect(settledOrder).toEqual(Array.from({ length: count }, (_, i) => i));
    results.forEach((settings, i) =>
      expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...patches[i] }),
    );

    const last = { ...DEFAULT_SETTINGS, ...patches[count - 1] };
    expect(store.get()).toEqual(last);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      settings: last,
    });
    expect((await SettingsStore.open(dir)).get()).toEqual(last);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('a failed write rejects but does not block the writes queued after it', async () => {
    const store = await SettingsStore.open(dir);
    await store.update({ fontSize: 20 });

    // A directory in the file's place makes the rename fail.
    await rm(file);
    await mkdir(file);
    await writeFile(join(file, 'keep'), 'x');
    const failing = store.update({ fontSize: 22 });
    const queued = store.update({ theme: 'dark' });
    await expect(failing).rejects.toThrow();
    await expect(queued).rejects.toThrow();

    await rm(file, { recursive: true });
    await expect(store.update({ fontSize: 24 })).resolves.toMatchObject({ fontSize: 24 });
    const reopened = await SettingsStore.open(dir);
    expect(reopened.get()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, theme: 'dark' });
    expect(await tempFilesIn(dir)).toEqual([]);
  });
});
