/**
 * A local copy of what the first paint needs (theme, font size, TOC, the
 * report read last and the reading position in it), read by head/boot.js
 * and head/early-calls.js before any module loads. Only a cache: the
 * settings file in the data folder is the source of truth and overwrites it.
 */
import { BUNDLED_REPORT_ID, shippedEdition, type LibraryReport } from '../../shared/library';
import type { ReadingPosition, Theme } from '../../shared/settings';

/** head/boot.js reads the same key (a test keeps the two in step). */
export const VIEW_CACHE_KEY = 'reader:view';

export interface CachedView {
  /** The report on screen last; its position is `position`. Absent: the bundled report. */
  report?: string;
  /**
   * The next start shows another text than the page's pre-rendered one (the
   * bundled report's shipped edition): another report, or a newer edition of
   * the bundled one. boot.js keeps the page's text hidden until it is replaced.
   */
  otherText?: boolean;
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
    // What the next start shows is the report's current edition: the page's own text, or not.
    otherText: entry.edition !== shippedEdition(entry),
  });
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
