/**
 * Settings on disk: `settings.json` in the data folder, schema-versioned,
 * written atomically through one queue so saves land in the order made.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../shared/settings';
import { SettingsSchema } from '../../shared/settings-schema';
import { writeFileAtomic } from './atomic-write';
import { moveAside, readJsonFile } from './json-file';

export const SETTINGS_FILE = 'settings.json';
export const SETTINGS_SCHEMA_VERSION = 1;

export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private current: Settings,
    /** A file from a newer version of the app is never overwritten. */
    readonly readOnly: boolean,
    readonly notices: string[],
  ) {}

  static async open(dataDir: string): Promise<SettingsStore> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, SETTINGS_FILE);
    const read = await readJsonFile(path);
    if (read.status === 'missing') return new SettingsStore(path, DEFAULT_SETTINGS, false, []);

    const envelope = read.status === 'ok' ? read.value : undefined;
    const version =
      typeof envelope === 'object' && envelope !== null && 'schemaVersion' in envelope
        ? envelope.schemaVersion
        : undefined;
    if (typeof version === 'number' && version > SETTINGS_SCHEMA_VERSION) {
      return new SettingsStore(path, DEFAULT_SETTINGS, true, [
        `设置文件来自更新版本的报告阅读器（版本 ${version}），本次以只读方式使用默认设置，原文件未改动。`,
      ]);
    }
    const parsed =
      version === SETTINGS_SCHEMA_VERSION && 'settings' in (envelope as object)
        ? SettingsSchema.safeParse((envelope as { settings: unknown }).settings)
        : undefined;
    if (parsed?.success) return new SettingsStore(path, parsed.data, false, []);

    const reason =
      read.status === 'corrupt' ? read.reason : (parsed?.error.issues[0]?.message ?? '格式不对');
    const kept = await moveAside(path);
    return new SettingsStore(path, DEFAULT_SETTINGS, false, [
      `设置文件已损坏（${reason}），已改用默认设置；原文件保留为 ${basename(kept)}。`,
    ]);
  }

  get(): Settings {
    return this.current;
  }

  /** Resolves once every update made so far has been written (or has failed). */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Applies a validated patch; resolves once it is on disk. */
  update(patch: SettingsPatch): Promise<Settings> {
    const next: Settings = { ...this.current, ...patch };
    this.current = next;
    if (this.readOnly) return Promise.resolve(next);
    const body = JSON.stringify(
      { schemaVersion: SETTINGS_SCHEMA_VERSION, settings: next },
      null,
      2,
    );
    const write = this.queue.then(() => writeFileAtomic(this.path, body + '\n'));
    // A failed write must not block the ones after it; the caller still sees the error.
    this.queue = write.catch(() => undefined);
    return write.then(() => next);
  }
}
