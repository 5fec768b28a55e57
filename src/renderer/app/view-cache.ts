/**
 * A local copy of what the first paint needs (theme, font size, TOC, the
 * report read last and the reading position in it), read by head/boot.js
 * and head/early-calls.js before any module loads. Only a cache: the
 * settings file in the data folder is the source of truth and overwrites it.
 */
import { BUNDLED_REPORT_ID, type LibraryReport } from '../../shared/library';
import type { ReadingPosition, Theme } from '../../shared/settings';

/** head/boot.js reads the same key (a test keeps the two in step). */
export const VIEW_CACHE_KEY = 'reader:view';

export interface CachedView {
  /** The report on screen last; its position is `position`. Absent: the bundled report. */
  report?: string;
  /**
   * The edition of `report` the next start shows (its current one). With
   * `report`, what boot.js and mount.tsx compare with the text the page holds
   * (src/shared/page-text.ts): the position is a place in that text only.
   */
  edition?: string;
  theme?: Theme;
  fontSize?: number;
  tocOpen?: boolean;
  position?: ReadingPosition | null;
}

export function readViewCache(): CachedView {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(VIEW_CACHE_KEY) ?? 'null');
    return typeof value === 'object' && value !== null ? (value as CachedView) : {};
  } catch {
    return {};
  }
}

export function writeViewCache(patch: CachedView): void {
  try {
    localStorage.setItem(VIEW_CACHE_KEY, JSON.stringify({ ...readViewCache(), ...patch }));
  } catch {
    // Storage full or disabled: the cache only saves a flash, nothing is lost.
  }
}

/** The report now on screen: the next start opens it, at its place. */
export function cacheShownReport(entry: LibraryReport): void {
  writeViewCache({
    report: entry.id,
    position: entry.view.position,
    // What the next start shows is the report's current edition.
    edition: entry.edition,
  });
}

/**
 * Whether the page's text (page-text.ts) is the one the cache saw last, so
 * its position is a place in that text. boot.js makes the same comparison.
 */
export function cacheSawText(cached: CachedView, text: { report: string; edition: string | null }) {
  return (
    (cached.report ?? BUNDLED_REPORT_ID) === text.report &&
    (cached.edition === undefined || cached.edition === text.edition)
  );
}

/**
 * Where the reader is in `report`, kept only while the cache names that
 * report. A switch names the next report first, then takes the old reader
 * down, and the old reader saves its last place as it goes: written with its
 * own id, that place would make the next start open the report left behind.
 */
export function cachePosition(report: string, position: ReadingPosition): void {
  if ((readViewCache().report ?? BUNDLED_REPORT_ID) !== report) return;
  writeViewCache({ position });
}
