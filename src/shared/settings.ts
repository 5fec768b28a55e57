/**
 * Reader settings: what persists between sessions. Plain types and constants,
 * safe for the renderer to import; the zod schema is in settings-schema.ts so
 * the validator stays out of the renderer bundle.
 */

import { DEFAULT_COLOR_NAMES, type HighlightColor } from './user-data';

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_SIZE = { min: 14, max: 28, step: 2, default: 18 } as const;

export interface ReadingPosition {
  /** The block at the top of the view. */
  block: string;
  /** How far that block is scrolled past the top, as a fraction of its height. */
  offset: number;
}

/** The desktop window's last place on screen (main's business; the page never reads it). */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Settings {
  theme: Theme;
  fontSize: number;
  /** Outline entries (block ids) whose children are folded away in the TOC. */
  collapsed: string[];
  position: ReadingPosition | null;
  /** Latest first, at most RECENT_SEARCHES_MAX. */
  recentSearches: string[];
  /** What the reader calls each highlight colour (重点, 疑问, …), renamable. */
  colorNames: Record<HighlightColor, string>;
  /** Null until the desktop window has been closed once; unused in browser mode. */
  window: WindowState | null;
}

export const RECENT_SEARCHES_MAX = 10;

export type SettingsPatch = Partial<Settings>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: FONT_SIZE.default,
  collapsed: [],
  position: null,
  recentSearches: [],
  colorNames: DEFAULT_COLOR_NAMES,
  window: null,
};
