/**
 * What the renderer tells main about its commands so the application menu can
 * show them: plain data, built from the one command registry
 * (src/renderer/commands/registry.ts, which each feature's commands.ts feeds)
 * and sent with `setMenuCommands`. A menu click
 * sends the id back and the renderer runs the command, so label, shortcut,
 * enabled state and action are each defined once.
 *
 * The schema is the definition and the types are read from it, so the two
 * cannot drift. The renderer imports only the types: zod stays out of its bundle.
 */
import { z } from 'zod';

export const MENU_SECTIONS = ['file', 'edit', 'view', 'help'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

/** A key binding as the menu needs it (the first binding of a command). */
const MenuShortcutSchema = z.strictObject({
  key: z.string().min(1).max(12),
  /** Cmd on macOS, Ctrl elsewhere. */
  mod: z.boolean().optional(),
  shift: z.boolean().optional(),
});

/** Where a command sits in the application menu. */
const MenuPlacementSchema = z.strictObject({
  section: z.enum(MENU_SECTIONS),
  /** A submenu of the section, e.g. 字号 or 主题 under 视图. */
  submenu: z.string().min(1).max(20).optional(),
  /** Commands of one group sit together; groups are separated by a line. */
  group: z.string().min(1).max(20).optional(),
});

export const MenuCommandSchema = z.strictObject({
  ...MenuPlacementSchema.shape,
  id: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)*$/, 'not a command id')
    .max(64),
  label: z.string().min(1).max(40),
  shortcut: MenuShortcutSchema.optional(),
  enabled: z.boolean(),
  /** Set for on/off and one-of-several commands (a panel shown, the current theme). */
  checked: z.boolean().optional(),
});

/** The whole menu's worth: far more than the app has, short of a flood. */
export const MenuCommandsSchema = z.array(MenuCommandSchema).max(200);

export type MenuShortcut = z.output<typeof MenuShortcutSchema>;
export type MenuPlacement = z.output<typeof MenuPlacementSchema>;
export type MenuCommand = z.output<typeof MenuCommandSchema>;
