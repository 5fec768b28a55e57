/** Validation of settings arriving from the renderer or from disk. */
import { z } from 'zod';
import { FONT_SIZE, THEMES, type Settings, type SettingsPatch } from './settings';

const blockId = z.string().regex(/^[a-z]\d{1,6}$/, 'not a block id');

export const ReadingPositionSchema = z.strictObject({
  block: blockId,
  offset: z.number().min(0).max(1),
});

export const SettingsSchema = z.strictObject({
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  collapsed: z.array(blockId).max(500),
  position: ReadingPositionSchema.nullable(),
}) satisfies z.ZodType<Settings>;

/**
 * A patch names only what changes. Electron's IPC keeps keys whose value is
 * `undefined`; such a key means "no change", never "erase this setting".
 */
export const SettingsPatchSchema = SettingsSchema.partial().transform(
  (patch) =>
    Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as SettingsPatch,
) satisfies z.ZodType<SettingsPatch, unknown>;
