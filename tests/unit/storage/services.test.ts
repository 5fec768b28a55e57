import { forReport } from '../../support/report-handlers';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReaderServices } from '../../../src/services/reader-services';
import { requestSchema } from '../../../src/services/validate';
import { SETTINGS_FILE, SettingsStore } from '../../../src/services/storage/settings-store';
import {
  isDesktopOnly,
  METHOD_NAMES,
  type ServiceHandlers,
  type Result,
} from '../../../src/shared/api';
import { DEFAULT_SETTINGS, THEMES } from '../../../src/shared/settings';
import { SettingsSchema } from '../../../src/shared/settings-schema';
import {
  FAKE_DOCUMENT,
  fakeServiceHandlers,
  loadFakeSearchIndex,
  makeTempDir,
  removeTempDir,
} from './helpers';

let dir: string;
let handlers: ServiceHandlers;

beforeEach(async () => {
  dir = await makeTempDir('services');
  handlers = await fakeServiceHandlers(dir);
});

afterEach(async () => {
  await removeTempDir(dir);
});

/** Calls a handler and turns a synchronous throw into a test failure with a clear message. */
async function call(method: keyof ServiceHandlers, payload: unknown): Promise<Result<unknown>> {
  let pending: Promise<Result<unknown>>;
  try {
    pending = handlers[method](payload);
  } catch (error) {
    throw new Error(`${method} threw synchronously: ${String(error)}`, { cause: error });
  }
  expect(pending).toBeInstanceOf(Promise);
  return pending;
}

function deeplyNested(levels: number, key: string): unknown {
  let value: unknown = {};
  for (let i = 0; i < levels; i++) value = { [key]: value };
  return value;
}

function deeplyNestedArray(levels: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('createReaderServices', () => {
  it('has a handler for every method but the desktop shell’s, and nothing more', () => {
    const served = METHOD_NAMES.filter((method) => !isDesktopOnly(method));
    expect(Object.keys(handlers).sort()).toEqual([...served].sort());
    expect(served.length).toBe(METHOD_NAMES.length - 4);
    for (const method of served) expect(typeof handlers[method]).toBe('function');
  });

  it('has a request schema for every method', () => {
    for (const method of METHOD_NAMES) {
      expect(typeof requestSchema(method).safeParse, method).toBe('function');
    }
  });

  it('getDocument returns the document it was given', async () => {
    expect(await call('getDocument', undefined)).toEqual({ ok: true, value: FAKE_DOCUMENT });
    expect(await call('getDocument', null)).toEqual({ ok: true, value: FAKE_DOCUMENT });
  });

  it('getSettings starts at the defaults', async () => {
    expect(await call('getSettings', undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('updateSettings round-trips through getSettings and the file on disk', async () => {
    const patch = { theme: 'dark', fontSize: 20, position: { block: 'b3', offset: 0.5 } };
    const updated = await call('updateSettings', patch);
    const expected = { ...DEFAULT_SETTINGS, ...patch };
    expect(updated).toEqual({ ok: true, value: expected });
    expect(await call('getSettings', undefined)).toEqual({ ok: true, value: expected });

    const again = (
      await createReaderServices({
        dataDir: dir,
        document: FAKE_DOCUMENT,
        loadSearchIndex: loadFakeSearchIndex,
      })
    ).handlers;
    expect(await again.getSettings(undefined)).toEqual({ ok: true, value: expected });
  });

  it('an empty patch is accepted and changes nothing', async () => {
    expect(await call('updateSettings', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('methods without a request refuse a payload', async () => {
    for (const method of ['getSettings', 'getNotices', 'getLibrary'] as const) {
      for (const payload of [{}, [], 'x', 0, false, { a: 1 }]) {
        const result = await call(method, payload);
        expect(result.ok, `${method}(${JSON.stringify(payload)})`).toBe(false);
      }
    }
  });

  it('per-report methods that take nothing else refuse anything but the report', async () => {
    const raw = (
      await createReaderServices({
        dataDir: dir,
        document: FAKE_DOCUMENT,
        loadSearchIndex: loadFakeSearchIndex,
      })
    ).handlers;
    for (const method of ['getDocument', 'getUserData', 'getSearchIndex'] as const) {
      for (const payload of [undefined, null, {}, [], 'x', { a: 1 }, { report: 1 }]) {
        const result = await raw[method](payload);
        expect(result.ok, `${method}(${JSON.stringify(payload)})`).toBe(false);
      }
      const extra = await raw[method]({ report: 'haishu-2018-government-work-report', a: 1 });
      expect(extra.ok, `${method} with an extra key`).toBe(false);
      const traversal = await raw[method]({ report: '../../etc/passwd' });
      expect(traversal).toMatchObject({ ok: false });
    }
  });
});

describe('updateSettings refuses bad payloads without throwing', () => {
  const polluted = JSON.parse('{"__proto__":{"polluted":1}}') as unknown;
  const constructorPolluted = JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown;

  const bad: [string, () => unknown][] = [
    ['undefined', () => undefined],
    ['null', () => null],
    ['a string', () => '{"fontSize":20}'],
    ['a number', () => 20],
    ['an array', () => [{ fontSize: 20 }]],
    ['fontSize as a string', () => ({ fontSize: '18' })],
    ['fontSize too big', () => ({ fontSize: 99 })],
    ['fontSize not an integer', () => ({ fontSize: 17.5 })],
    ['fontSize NaN', () => ({ fontSize: Number.NaN })],
    ['fontSize Infinity', () => ({ fontSize: Number.POSITIVE_INFINITY })],
    ['theme pink', () => ({ theme: 'pink' })],
    ['an unknown key', () => ({ unknownKey: 1 })],
    ['a valid key next to an unknown key', () => ({ fontSize: 20, unknownKey: 1 })],
    ['__proto__ from JSON.parse', () => polluted],
    ['constructor.prototype', () => constructorPolluted],
    ['collapsed with a non-id', () => ({ collapsed: ['b1', '../../etc'] })],
    ['collapsed too long', () => ({ collapsed: Array.from({ length: 501 }, () => 'b1') })],
    ['position with an extra key', () => ({ position: { block: 'b1', offset: 0, x: 1 } })],
    ['position offset negative', () => ({ position: { block: 'b1', offset: -0.1 } })],
    ['a 100000-level nested object', () => deeplyNested(100_000, 'a')],
    ['a 100000-level nested position', () => ({ position: deeplyNested(100_000, 'block') })],
    ['a 100000-level nested array', () => ({ collapsed: deeplyNestedArray(100_000) })],
  ];

  it.each(bad)('%s', async (_, make) => {
    const payload = make();
    const result = await call('updateSettings', payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(typeof result.error).toBe('string');
      expect(result.error.length).toBeGreaterThan(0);
      expect(result.error.length).toBeLessThan(2000);
      expect(result.error).toContain('updateSettings');
    }
    // Nothing changed, in memory or on disk, and no prototype was touched.
    expect(await call('getSettings', undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(await readdir(dir)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a patch that sets a field to undefined must not leave invalid settings behind', async () => {
    // Electron's IPC uses structured clone, which keeps `{ theme: undefined }`
    // as an own key; JSON would drop it, IPC does not.
    const result = await call('updateSettings', { theme: undefined });
    if (result.ok) {
      expect(SettingsSchema.safeParse(result.value).success).toBe(true);
      expect(THEMES).toContain((result.value as { theme: unknown }).theme);
    }
    const current = await call('getSettings', undefined);
    expect(current.ok && SettingsSchema.safeParse(current.value).success).toBe(true);

    // Whatever was written must load again without being called corrupt.
    const reopened = await SettingsStore.open(dir);
    expect(reopened.notices).toEqual([]);
  });
});

describe('getNotices', () => {
  it('returns the same notices on every call for the whole run', async () => {
    await writeFile(join(dir, SETTINGS_FILE), '{ not json');
    const withNotice = (
      await createReaderServices({
        dataDir: dir,
        document: FAKE_DOCUMENT,
        loadSearchIndex: loadFakeSearchIndex,
      })
    ).handlers;

    const first = await withNotice.getNotices(undefined);
    expect(first.ok).toBe(true);
    if (first.ok) {
      expect(first.value).toHaveLength(1);
      expect(first.value[0]).toMatch(/\p{Script=Han}/u);
      expect(first.value[0]).toContain('settings.json.corrupt-');
    }
    // A second window or tab, or a retry after a failed start, is told too.
    expect(await withNotice.getNotices(undefined)).toEqual(first);
    expect(await withNotice.getSettings(undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('is empty when nothing happened', async () => {
    expect(await call('getNotices', undefined)).toEqual({ ok: true, value: [] });
  });

  it('tells about a newer settings file and leaves it alone on update', async () => {
    const newer = JSON.stringify({ schemaVersion: 2, settings: { theme: 'dark' } });
    await writeFile(join(dir, SETTINGS_FILE), newer);
    const services = (
      await createReaderServices({
        dataDir: dir,
        document: FAKE_DOCUMENT,
        loadSearchIndex: loadFakeSearchIndex,
      })
    ).handlers;
    const notices = await services.getNotices(undefined);
    expect(notices.ok && notices.value).toHaveLength(1);
    expect(await services.updateSettings({ fontSize: 24 })).toMatchObject({ ok: true });
    expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toBe(newer);
  });
});

describe('search', () => {
  it('a failed index load is reported, and the next search tries again', async () => {
    let loads = 0;
    const services = await createReaderServices({
      dataDir: dir,
      document: FAKE_DOCUMENT,
      loadSearchIndex: async () => {
        loads++;
        if (loads === 1) throw new Error('disk hiccup');
        return loadFakeSearchIndex();
      },
    });
    const handlers = forReport(services.handlers);
    const first = await handlers.search({ query: 'x' });
    expect(first).toEqual({ ok: false, error: 'disk hiccup' });
    const second = await handlers.search({ query: 'x' });
    expect(second.ok).toBe(true);
    expect(loads).toBe(2);
  });
});
