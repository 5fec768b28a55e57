/**
 * The reader's settings, shared by every feature: changed at once on screen,
 * saved through the contract; a failed save is reported. How they look on
 * the page (theme, font size) is the appearance feature's.
 */
import type { ReaderApi } from '../../shared/api';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { Store } from '../store';

export class SettingsStore extends Store<Settings> {
  constructor(
    private readonly api: Pick<ReaderApi, 'updateSettings'>,
    initial: Settings,
    private readonly onError: (message: string) => void,
  ) {
    super(initial);
  }

  readonly update = (patch: SettingsPatch): void => {
    this.set(patch);
    void this.api.updateSettings(patch).then((result) => {
      if (!result.ok) this.onError(`设置未能保存：${result.error}`);
    });
  };
}
