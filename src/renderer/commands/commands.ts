/**
 * Every user command, defined once: id, label, keys, when it is enabled and
 * what it does, and where it sits in the application menu. The toolbar, the
 * keyboard handler, the desktop menu (via `menuCommands`) and the 快捷键 sheet
 * all read this list.
 */
import type { MenuCommand, MenuPlacement } from '../../shared/menu-commands';
import {
  FONT_SIZE,
  THEMES,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../shared/settings';

export interface CommandContext {
  settings: Settings;
  update(patch: SettingsPatch): void;
  scrollBy(direction: 1 | -1): void;
  scrollPage(direction: 1 | -1): void;
  scrollToEdge(edge: 'start' | 'end'): void;
  goToSection(step: 1 | -1): void;
  toggleToc(): void;
  /** Opens the form for a term of the reader's own, with the selected phrase filled in. */
  addUserTerm(): void;
  /** True while the TOC is open and covering the text (narrow windows). */
  tocCoversText: boolean;
  focusSearch(): void;
  stepSearch(direction: 1 | -1): void;
  /** Opens the sidebar on a panel, or closes it when that panel is already showing. */
  showPanel(panel: PanelId): void;
  /** Text is selected and the annotations can be written. */
  canAnnotate: boolean;
  highlightSelection(): void;
  toggleBookmark(): void;
  canUndo: boolean;
  undoDelete(): void;
  exportAnnotations(format: 'md' | 'json'): void;
  /** Opens the file chooser for a W3C annotation file. */
  importAnnotations(): void;
  canImport: boolean;
  /** The 快捷键 sheet. */
  openShortcuts(): void;
  /** The system print dialog (browser print, or Electron's). */
  print(): void;
  /** Save as PDF through the desktop app's save dialog. */
  savePdf(): void;
  /** False in browser mode, where the print dialog's "save as PDF" does this. */
  canSavePdf: boolean;
  tocOpen: boolean;
}

export type PanelId = 'toc' | 'glossary' | 'annotations' | 'bookmarks';

export interface KeyBinding {
  /** `KeyboardEvent.key` */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  /** When set, Shift must be (true) or must not be (false) held; otherwise it is ignored. */
  shift?: boolean;
  /**
   * Only when nothing has focus. A focused pane, link or button handles these
   * keys itself (Space presses a button, arrows scroll the TOC), and must.
   */
  unfocused?: boolean;
  /** Also while typing in a text field (Ctrl+F, F3); other keys are the field's. */
  inTextFields?: boolean;
}

export interface Command {
  id: string;
  label: string;
  keys: KeyBinding[];
  enabled?: (context: CommandContext) => boolean;
  perform: (context: CommandContext) => void;
  /** Shown in the application menu there (desktop); commands without it are keys and buttons only. */
  menu?: MenuPlacement;
  /** For a menu checkbox: whether it is ticked now. */
  checked?: (context: CommandContext) => boolean;
}

export const THEME_LABELS: Record<Theme, string> = {
  system: '跟随系统',
  light: '明亮',
  sepia: '护眼',
  dark: '夜间',
};

const clampFont = (size: number) => Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, size));

const themeCommands: Command[] = THEMES.map((theme) => ({
  id: `theme.${theme}`,
  label: `主题：${THEME_LABELS[theme]}`,
  keys: [],
  perform: (context) => context.update({ theme }),
  menu: { section: 'view', submenu: '主题', group: 'look' },
  checked: (context) => context.settings.theme === theme,
}));

export const COMMANDS: Command[] = [
  {
    id: 'print',
    label: '打印…',
    keys: [{ key: 'p', mod: true, shift: false, inTextFields: true }],
    perform: (context) => context.print(),
    menu: { section: 'file', group: 'print' },
  },
  {
    id: 'print.pdf',
    label: '导出为 PDF…',
    keys: [{ key: 'p', mod: true, shift: true, inTextFields: true }],
    enabled: (context) => context.canSavePdf,
    perform: (context) => context.savePdf(),
    menu: { section: 'file', group: 'print' },
  },
  {
    id: 'help.shortcuts',
    label: '快捷键',
    keys: [{ key: '?' }],
    perform: (context) => context.openShortcuts(),
    menu: { section: 'help' },
  },
  {
    id: 'font.increase',
    label: '增大字号',
    keys: [{ key: '+' }, { key: '=' }],
    enabled: ({ settings }) => settings.fontSize < FONT_SIZE.max,
    perform: (context) =>
      context.update({ fontSize: clampFont(context.settings.fontSize + FONT_SIZE.step) }),
    menu: { section: 'view', submenu: '字号', group: 'look' },
  },
  {
    id: 'font.decrease',
    label: '减小字号',
    keys: [{ key: '-' }],
    enabled: ({ settings }) => settings.fontSize > FONT_SIZE.min,
    perform: (context) =>
      context.update({ fontSize: clampFont(context.settings.fontSize - FONT_SIZE.step) }),
    menu: { section: 'view', submenu: '字号', group: 'look' },
  },
  {
    id: 'font.reset',
    label: '默认字号',
    keys: [{ key: '0' }],
    enabled: ({ settings }) => settings.fontSize !== FONT_SIZE.default,
    perform: (context) => context.update({ fontSize: FONT_SIZE.default }),
    menu: { section: 'view', submenu: '字号', group: 'look' },
  },
  {
    id: 'theme.cycle',
    label: '切换主题',
    keys: [{ key: 't' }],
    perform: (context) => {
      const next = THEMES[(THEMES.indexOf(context.settings.theme) + 1) % THEMES.length];
      context.update({ theme: next });
    },
    menu: { section: 'view', submenu: '主题', group: 'look' },
  },
  ...themeCommands,
  {
    id: 'toc.toggle',
    label: '显示/隐藏目录',
    keys: [{ key: 'o' }],
    perform: (context) => context.toggleToc(),
    menu: { section: 'view', group: 'panels' },
    checked: (context) => context.tocOpen,
  },
  {
    id: 'toc.close',
    label: '关闭目录',
    keys: [{ key: 'Escape' }],
    enabled: (context) => context.tocCoversText,
    perform: (context) => context.toggleToc(),
  },
  {
    id: 'panel.glossary',
    label: '名词解释',
    keys: [{ key: 'g' }],
    menu: { section: 'view', group: 'panels' },
    perform: (context) => context.showPanel('glossary'),
  },
  {
    id: 'glossary.addTerm',
    label: '为选中词语添加我的注释',
    keys: [{ key: 'd' }],
    menu: { section: 'edit', group: 'annotate' },
    perform: (context) => context.addUserTerm(),
  },
  {
    id: 'search.focus',
    label: '搜索',
    keys: [{ key: 'f', mod: true, inTextFields: true }],
    perform: (context) => context.focusSearch(),
    menu: { section: 'edit', group: 'search' },
  },
  {
    id: 'search.next',
    label: '下一处',
    keys: [{ key: 'F3', shift: false, inTextFields: true }],
    perform: (context) => context.stepSearch(1),
    menu: { section: 'edit', group: 'search' },
  },
  {
    id: 'search.previous',
    label: '上一处',
    keys: [{ key: 'F3', shift: true, inTextFields: true }],
    perform: (context) => context.stepSearch(-1),
    menu: { section: 'edit', group: 'search' },
  },
  {
    id: 'annotation.highlight',
    label: '高亮所选文字',
    // With Shift held, browsers report the capital letter.
    keys: [
      { key: 'H', mod: true, shift: true },
      { key: 'h', mod: true, shift: true },
    ],
    enabled: (context) => context.canAnnotate,
    menu: { section: 'edit', group: 'annotate' },
    perform: (context) => context.highlightSelection(),
  },
  {
    id: 'annotation.undo',
    label: '撤销删除',
    // Not in text fields: there Ctrl+Z is the field's own undo.
    keys: [{ key: 'z', mod: true, shift: false }],
    enabled: (context) => context.canUndo,
    menu: { section: 'edit', group: 'annotate' },
    perform: (context) => context.undoDelete(),
  },
  {
    id: 'bookmark.toggle',
    label: '添加/移除书签',
    keys: [{ key: 'd', mod: true }],
    menu: { section: 'edit', group: 'annotate' },
    perform: (context) => context.toggleBookmark(),
  },
  {
    id: 'panel.annotations',
    label: '批注列表',
    keys: [{ key: 'a' }],
    menu: { section: 'view', group: 'panels' },
    perform: (context) => context.showPanel('annotations'),
  },
  {
    id: 'panel.bookmarks',
    label: '书签列表',
    keys: [{ key: 'b' }],
    menu: { section: 'view', group: 'panels' },
    perform: (context) => context.showPanel('bookmarks'),
  },
  {
    id: 'annotations.exportMarkdown',
    label: '导出发言提纲…',
    keys: [],
    menu: { section: 'file', group: 'annotations' },
    perform: (context) => context.exportAnnotations('md'),
  },
  {
    id: 'annotations.import',
    label: '导入批注…',
    keys: [],
    enabled: (context) => context.canImport,
    menu: { section: 'file', group: 'annotations' },
    perform: (context) => context.importAnnotations(),
  },
  {
    id: 'annotations.exportJson',
    label: '导出批注（JSON）…',
    keys: [],
    menu: { section: 'file', group: 'annotations' },
    perform: (context) => context.exportAnnotations('json'),
  },
  {
    id: 'section.next',
    label: '下一节',
    keys: [{ key: ']' }],
    perform: (context) => context.goToSection(1),
    menu: { section: 'view', group: 'go' },
  },
  {
    id: 'section.previous',
    label: '上一节',
    keys: [{ key: '[' }],
    perform: (context) => context.goToSection(-1),
    menu: { section: 'view', group: 'go' },
  },
  {
    id: 'scroll.down',
    label: '向下滚动',
    keys: [{ key: 'j' }, { key: 'ArrowDown', unfocused: true }],
    perform: (context) => context.scrollBy(1),
  },
  {
    id: 'scroll.up',
    label: '向上滚动',
    keys: [{ key: 'k' }, { key: 'ArrowUp', unfocused: true }],
    perform: (context) => context.scrollBy(-1),
  },
  {
    id: 'scroll.pageDown',
    label: '向下翻页',
    keys: [
      { key: ' ', shift: false, unfocused: true },
      { key: 'PageDown', unfocused: true },
    ],
    perform: (context) => context.scrollPage(1),
  },
  {
    id: 'scroll.pageUp',
    label: '向上翻页',
    keys: [
      { key: ' ', shift: true, unfocused: true },
      { key: 'PageUp', unfocused: true },
    ],
    perform: (context) => context.scrollPage(-1),
  },
  {
    id: 'scroll.start',
    label: '回到开头',
    keys: [{ key: 'Home', unfocused: true }],
    perform: (context) => context.scrollToEdge('start'),
  },
  {
    id: 'scroll.end',
    label: '跳到结尾',
    keys: [{ key: 'End', unfocused: true }],
    perform: (context) => context.scrollToEdge('end'),
  },
];

export function commandById(id: string): Command {
  const command = COMMANDS.find((candidate) => candidate.id === id);
  if (!command) throw new Error(`unknown command ${id}`);
  return command;
}

export function isEnabled(command: Command, context: CommandContext): boolean {
  return command.enabled?.(context) ?? true;
}

/** The commands the desktop menu shows, with their state in this context. */
export function menuCommands(context: CommandContext, commands = COMMANDS): MenuCommand[] {
  return commands.flatMap((command) => {
    if (!command.menu) return [];
    const [binding] = command.keys;
    return [
      {
        id: command.id,
        label: command.label,
        ...command.menu,
        ...(binding
          ? { shortcut: { key: binding.key, mod: binding.mod, shift: binding.shift } }
          : {}),
        enabled: isEnabled(command, context),
        ...(command.checked ? { checked: command.checked(context) } : {}),
      },
    ];
  });
}

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

/**
 * The command a key press means, honouring Cmd on macOS and Ctrl elsewhere.
 * `somethingFocused` is false when focus is on the page itself (the body).
 */
export function commandForKey(
  event: KeyEventLike,
  isMac: boolean,
  somethingFocused = false,
  inTextField = false,
): Command | undefined {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  if (event.altKey || otherMod) return undefined;
  return COMMANDS.find((command) =>
    command.keys.some(
      (binding) =>
        binding.key === event.key &&
        Boolean(binding.mod) === mod &&
        (binding.shift === undefined || binding.shift === Boolean(event.shiftKey)) &&
        !(binding.unfocused && somethingFocused) &&
        (!inTextField || binding.inTextFields === true),
    ),
  );
}
