/**
 * What the renderer tells main about its commands so the application menu can
 * show them: plain data, built from the one command list
 * (src/renderer/lib/commands.ts) and sent with `setMenuCommands`. A menu click
 * sends the id back and the renderer runs the command, so label, shortcut,
 * enabled state and action are each defined once.
 */

export const MENU_SECTIONS = ['file', 'edit', 'view', 'help'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

/** Where a command sits in the application menu. */
export interface MenuPlacement {
  section: MenuSection;
  /** A submenu of the section, e.g. 字号 or 主题 under 视图. */
  submenu?: string;
  /** Commands of one group sit together; groups are separated by a line. */
  group?: string;
}

/** A key binding as the menu needs it (the first binding of a command). */
export interface MenuShortcut {
  key: string;
  /** Cmd on macOS, Ctrl elsewhere. */
  mod?: boolean;
  shift?: boolean;
}

export interface MenuCommand extends MenuPlacement {
  id: string;
  label: string;
  shortcut?: MenuShortcut;
  enabled: boolean;
  /** Set for on/off and one-of-several commands (a panel shown, the current theme). */
  checked?: boolean;
}
