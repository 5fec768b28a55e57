/**
 * Settings as React state, applied to the page (theme, font size) and saved
 * through the contract. The screen changes at once; a failed save is reported.
 */
import { useCallback, useLayoutEffect, useState } from 'react';
import type { ReaderApi } from '../../shared/api';
import type { Settings, SettingsPatch } from '../../shared/settings';

export function useSettings(
  api: ReaderApi,
  initial: Settings,
  onError: (message: string) => void,
): [Settings, (patch: SettingsPatch) => void] {
  const [settings, setSettings] = useState(initial);

  // Before paint, so a dark-theme reader never sees a white flash.
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (settings.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = settings.theme;
    root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
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
