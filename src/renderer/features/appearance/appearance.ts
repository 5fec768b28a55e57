/**
 * The theme and font size on the page: applied as soon as a setting changes
 * (before paint, so a dark-theme reader never sees a white flash), cached for
 * boot.js's next first paint, and the reader kept on the same sentence when
 * a new font size reflows the text.
 */
import { FONT_SIZE, type Settings } from '../../../shared/settings';
import type { SettingsStore } from '../../app/settings';
import { writeViewCache } from '../../app/view-cache';

/** Unchanged values are left alone: touching them restyles the whole report. */
export function applyAppearance({ theme, fontSize }: Pick<Settings, 'theme' | 'fontSize'>): void {
  const root = document.documentElement;
  const shown = theme === 'system' ? undefined : theme;
  if (root.dataset.theme !== shown) {
    if (shown === undefined) delete root.dataset.theme;
    else root.dataset.theme = shown;
  }
  const size = fontSize === FONT_SIZE.default ? '' : `${fontSize}px`;
  if (root.style.getPropertyValue('--reader-font-size') !== size) {
    root.style.setProperty('--reader-font-size', size || null);
  }
  writeViewCache({ theme, fontSize });
}

/** Applies the settings now and on every change; answers the stop. */
export function watchAppearance(settings: SettingsStore, keepPlace: () => void): () => void {
  let { theme, fontSize } = settings.getSnapshot();
  applyAppearance({ theme, fontSize });
  return settings.subscribe(() => {
    const now = settings.getSnapshot();
    if (now.theme === theme && now.fontSize === fontSize) return;
    const reflowed = now.fontSize !== fontSize;
    ({ theme, fontSize } = now);
    applyAppearance(now);
    // A new font size reflows the whole text: keep the reader on the same sentence.
    if (reflowed) keepPlace();
  });
}
