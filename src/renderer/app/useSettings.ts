/**
 * Settings as React state, applied to the page (theme, font size) and saved
 * through the contract. The screen changes at once; a failed save is reported.
 */
import { useCallback, useLayoutEffect, useState } from 'react';
import type { ReaderApi } from '../../shared/api';
import { FONT_SIZE, type Settings, type SettingsPatch } from '../../shared/settings';
import { writeViewCache } from './view-cache';

export function useSettings(
  api: ReaderApi,
  initial: Settings,
  onError: (message: string) => void,
): [Settings, (patch: SettingsPatch) => void] {
  const [settings, setSettings] = useState(initial);

  // Before paint, so a dark-theme reader never sees a white flash. Unchanged
  // values are left alone: touching them restyles the whole report.
  useLayoutEffect(() => {
    const root = document.documentElement;
    const theme = settings.theme === 'system' ? undefined : settings.theme;
    if (root.dataset.theme !== theme) {
      if (theme === undefined) delete root.dataset.theme;
      else root.dataset.theme = theme;
    }
    const fontSize = settings.fontSize === FONT_SIZE.default ? '' : `${settings.fontSize}px`;
    if (root.style.getPropertyValue('--reader-font-size') !== fontSize) {
      root.style.setProperty('--reader-font-size', fontSize || null);
    }
    writeViewCache({ theme: settings.theme, fontSize: settings.fontSize });
  }, [settings.theme, settings.fontSize]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((current) => ({ ...current, ...patch }));
      void api.updateSettings(patch).then((result) => {
        if (!result.ok) onError(`设置未能保存：${result.error}`);
      });
    },
    [api, onError],
  );
  return [settings, update];
}
