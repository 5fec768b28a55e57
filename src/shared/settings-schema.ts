/** Validation of settings arriving from the renderer or from disk. */
import { z } from 'zod';
import {
  FONT_SIZE,
  RECENT_SEARCHES_MAX,
  THEMES,
  type Settings,
  type SettingsPatch,
} from './settings';
import { DEFAULT_COLOR_NAMES, HIGHLIGHT_COLORS, type HighlightColor } from './user-data';

const colorName = z.string().trim().min(1).max(20);

const blockId = z.string().regex(/^[a-z]\d{1,6}$/, 'not a block id');

export const ReadingPositionSchema = z.strictObject({
  block: blockId,
  offset: z.number().min(0).max(1),
});

/** Generous bounds: the pure clamp in src/main/window-bounds.ts fits it to today's screens. */
const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);

export const WindowStateSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  maximized: z.boolean(),
});

const fields = {
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  collapsed: z.array(blockId).max(500),
  position: ReadingPositionSchema.nullable(),
  recentSearches: z.array(z.string().max(200)).max(RECENT_SEARCHES_MAX),
  colorNames: z.strictObject(
    Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, colorName])) as Record<
      HighlightColor,
      typeof colorName
    >,
  ),
  window: WindowStateSchema.nullable(),
};

/** A file from before a field existed is still valid: the field takes its default. */
export const SettingsSchema = z.strictObject({
  ...fields,
  recentSearches: fields.recentSearches.default([]),
  colorNames: fields.colorNames.default(DEFAULT_COLOR_NAMES),
  window: fields.window.default(null),
}) satisfies z.ZodType<Settings, unknown>;

/**
 * A patch names only what changes. Electron's IPC keeps keys whose value is
 * `undefined`; such a key means "no change", never "erase this setting".
 */
// Built from the fields without defaults: a default would turn "not in this
// patch" into "set to the default".
export const SettingsPatchSchema = z
  .strictObject(fields)
  .partial()
  .transform(
    (patch) =>
      Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      ) as SettingsPatch,
  ) satisfies z.ZodType<SettingsPatch, unknown>;
