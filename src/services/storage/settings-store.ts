/**
 * Settings on disk: `settings.json` in the data folder, schema-versioned,
 * written atomically through one queue so saves land in the order made.
 */
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../shared/settings';
import { SettingsSchema } from '../../shared/settings-schema';
import { VersionedFile, type FileAccess } from './versioned-file';

export const SETTINGS_FILE = 'settings.json';
export const SETTINGS_SCHEMA_VERSION = 1;

export class SettingsStore {
  private constructor(private readonly file: VersionedFile<Settings>) {}

  /** `access` says whether this process may write the data folder (folder-access.ts). */
  static async open(dataDir: string, access?: FileAccess): Promise<SettingsStore> {
    const file = await VersionedFile.open({
      path: join(dataDir, SETTINGS_FILE),
      version: SETTINGS_SCHEMA_VERSION,
      field: 'settings',
      schema: SettingsSchema,
      empty: DEFAULT_SETTINGS,
      label: '设置文件',
      fallback: '默认设置',
      // Settings are cheap to lose and rewritten on every scroll: no backup.
      keepBackup: false,
      ...(access ? { access } : {}),
    });
    return new SettingsStore(file);
  }

  get readOnly(): boolean {
    return this.file.readOnly;
  }

  get notices(): string[] {
    return this.file.notices;
  }

  get(): Settings {
    return this.session ?? this.file.value;
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  /** Applies a validated patch; resolves once it is on disk. */
  async update(patch: SettingsPatch): Promise<Settings> {
    const next: Settings = { ...this.get(), ...patch };
    // A newer app's file is never written, but the reader may still change
    // the font size for this session.
    if (this.file.readOnly) return (this.session = next);
    await this.file.save(next);
    return next;
  }

  /** Changes made this session to a read-only file's settings: kept in memory only. */
  private session: Settings | undefined;
}
