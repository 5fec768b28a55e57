/**
 * The application menu, in Chinese, as plain data (no electron value import,
 * so it is unit-tested under Node). Fixed roles (copy, quit, about) plus the
 * renderer's commands placed by their `section`, `submenu` and `group`.
 */
import type { MenuItemConstructorOptions } from 'electron';
import {
  MENU_SECTIONS,
  type MenuCommand,
  type MenuSection,
  type MenuShortcut,
} from '../shared/menu-commands';
import { APP_NAME } from '../shared/app-name';

const SECTION_LABELS: Record<MenuSection, string> = {
  file: '文件',
  edit: '编辑',
  view: '视图',
  help: '帮助',
};

/** `KeyboardEvent.key` → Electron's accelerator key code. */
const ACCELERATOR_KEYS: Record<string, string> = {
  '+': 'Plus',
  ' ': 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Esc',
};

/**
 * The accelerator shown for a shortcut: `CmdOrCtrl` is Cmd on macOS and Ctrl
 * elsewhere. On macOS a bare key (no Cmd) is left out: a menu key equivalent
 * there would take the key from the search field.
 */
export function acceleratorFor(
  shortcut: MenuShortcut | undefined,
  platform: NodeJS.Platform,
): string | undefined {
  if (!shortcut) return undefined;
  if (platform === 'darwin' && !shortcut.mod) return undefined;
  const key =
    ACCELERATOR_KEYS[shortcut.key] ??
    (shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key);
  return [shortcut.mod && 'CmdOrCtrl', shortcut.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Puts items into groups, with a separator between groups, keeping first-seen order. */
function grouped(items: { group?: string; item: MenuItemConstructorOptions }[]) {
  const groups = new Map<string, MenuItemConstructorOptions[]>();
  for (const { group, item } of items) {
    const key = group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const out: MenuItemConstructorOptions[] = [];
  for (const entries of groups.values()) {
    if (out.length > 0) out.push({ type: 'separator' });
    out.push(...entries);
  }
  return out;
}

function commandItems(
  commands: readonly MenuCommand[],
  section: MenuSection,
  platform: NodeJS.Platform,
  run: (id: string) => void,
): MenuItemConstructorOptions[] {
  const entries: { group?: string; item: MenuItemConstructorOptions }[] = [];
  // A submenu takes the place of its first command; its commands go inside it.
  const submenus = new Map<string, { item: MenuItemConstructorOptions; commands: MenuCommand[] }>();
  for (const command of commands) {
    if (command.section !== section) continue;
    if (!command.submenu) {
      entries.push({ group: command.group, item: commandItem(command, platform, run) });
      continue;
    }
    let submenu = submenus.get(command.submenu);
    if (!submenu) {
      submenu = { item: { label: command.submenu }, commands: [] };
      submenus.set(command.submenu, submenu);
      entries.push({ group: command.group, item: submenu.item });
    }
    submenu.commands.push(command);
  }
  for (const { item, commands: inside } of submenus.values()) {
    // Inside a submenu, groups come from the commands themselves (e.g. 主题: cycle | each theme).
    item.submenu = grouped(
      inside.map((command) => ({
        group: command.group,
        item: commandItem(command, platform, run),
      })),
    );
  }
  return grouped(entries);
}

function commandItem(
  command: MenuCommand,
  platform: NodeJS.Platform,
  run: (id: string) => void,
): MenuItemConstructorOptions {
  return {
    id: command.id,
    label: command.label,
    enabled: command.enabled,
    ...(command.checked === undefined ? {} : { type: 'checkbox', checked: command.checked }),
    accelerator: acceleratorFor(command.shortcut, platform),
    // Shown, not registered: the page's own key handler runs every shortcut,
    // with its rules for focus and text fields (a bare `t` typed into the
    // search box must stay a `t`).
    registerAccelerator: false,
    click: () => run(command.id),
  };
}

/** The renderer's group of commands that 编辑 puts first (撤销). */
const UNDO_GROUP = 'undo';

/** The renderer's command 最近打开 follows (文件 → 打开报告…). */
const OPEN_REPORT_COMMAND = 'library.open';

/** Puts `recent` right after the 打开报告… item, or first when there is none. */
function withRecent(
  items: MenuItemConstructorOptions[],
  recent: MenuItemConstructorOptions | undefined,
): MenuItemConstructorOptions[] {
  if (!recent) return items;
  const at = items.findIndex((item) => item.id === OPEN_REPORT_COMMAND);
  return [...items.slice(0, at + 1), recent, ...items.slice(at + 1)];
}

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  commands: readonly MenuCommand[] = [],
  run: (id: string) => void = () => undefined,
  /** 最近打开, made by recent-menu.ts from the library. */
  recent?: MenuItemConstructorOptions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const items = (section: MenuSection) => commandItems(commands, section, platform, run);
  const withSeparator = (list: MenuItemConstructorOptions[]) =>
    list.length > 0 ? [...list, { type: 'separator' as const }] : [];
  const undoGroup = commands.filter((command) => command.group === UNDO_GROUP);
  const editRest = commandItems(
    commands.filter((command) => command.group !== UNDO_GROUP),
    'edit',
    platform,
    run,
  );

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: APP_NAME,
          submenu: [
            { role: 'about', label: `关于${APP_NAME}` },
            { type: 'separator' },
            { role: 'hide', label: `隐藏${APP_NAME}` },
            { type: 'separator' },
            { role: 'quit', label: `退出${APP_NAME}` },
          ],
        },
      ]
    : [];
  const sections: Record<MenuSection, MenuItemConstructorOptions[]> = {
    file: [
      ...withSeparator(withRecent(items('file'), recent)),
      mac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' },
    ],
    edit: [
      // The app's own 撤销 first, as in every editor; the page runs its key.
      ...withSeparator(commandItems(undoGroup, 'edit', platform, run)),
      // Cut and paste are here for text fields (notes, search, rename): on macOS
      // Cmd+X and Cmd+V reach a field only through an Edit menu holding these roles.
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
      ...(editRest.length > 0 ? [{ type: 'separator' as const }, ...editRest] : []),
    ],
    view: [
      ...withSeparator(items('view')),
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
    ],
    help: [
      ...withSeparator(items('help')),
      ...(mac ? [] : [{ role: 'about' as const, label: `关于${APP_NAME}` }]),
    ],
  };
  return [
    ...appMenu,
    ...MENU_SECTIONS.map((section) => ({
      label: SECTION_LABELS[section],
      ...(section === 'help' && mac ? { role: 'help' as const } : {}),
      submenu: sections[section],
    })),
  ];
}
