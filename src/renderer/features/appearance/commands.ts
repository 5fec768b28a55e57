/** Font size and theme: 增大/减小/默认字号, 切换主题 and one command per theme. */
import {
  FONT_SIZE,
  THEMES,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../../shared/settings';
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';

export interface AppearanceContext {
  readonly settings: Settings;
  update(patch: SettingsPatch): void;
}

export const THEME_LABELS: Record<Theme, string> = {
  system: '跟随系统',
  light: '明亮',
  sepia: '护眼',
  dark: '夜间',
};

export const themeCommandId = (theme: Theme) => `theme.${theme}`;

const clampFont = (size: number) => Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, size));
const LOOK = { section: 'view', group: 'look' } as const;

const themeCommands: Command<AppearanceContext>[] = THEMES.map((theme) => ({
  id: themeCommandId(theme),
  label: `主题：${THEME_LABELS[theme]}`,
  keys: [],
  perform: (context) => context.update({ theme }),
  menu: { ...LOOK, submenu: '主题' },
  checked: (context) => context.settings.theme === theme,
}));

export const appearanceCommands: Command<AppearanceContext>[] = [
  {
    id: 'font.increase',
    label: '增大字号',
    keys: [{ key: '+' }, { key: '=' }],
    enabled: ({ settings }) => settings.fontSize < FONT_SIZE.max,
    perform: (context) =>
      context.update({ fontSize: clampFont(context.settings.fontSize + FONT_SIZE.step) }),
    menu: { ...LOOK, submenu: '字号' },
  },
  {
    id: 'font.decrease',
    label: '减小字号',
    keys: [{ key: '-' }],
    enabled: ({ settings }) => settings.fontSize > FONT_SIZE.min,
    perform: (context) =>
      context.update({ fontSize: clampFont(context.settings.fontSize - FONT_SIZE.step) }),
    menu: { ...LOOK, submenu: '字号' },
  },
  {
    id: 'font.reset',
    label: '默认字号',
    keys: [{ key: '0' }],
    enabled: ({ settings }) => settings.fontSize !== FONT_SIZE.default,
    perform: (context) => context.update({ fontSize: FONT_SIZE.default }),
    menu: { ...LOOK, submenu: '字号' },
  },
  {
    id: 'theme.cycle',
    label: '切换主题',
    keys: [{ key: 't' }],
    perform: (context) => {
      const next = THEMES[(THEMES.indexOf(context.settings.theme) + 1) % THEMES.length];
      context.update({ theme: next });
    },
    menu: { ...LOOK, submenu: '主题' },
  },
  ...themeCommands,
];

export function appearanceBinding({ settings }: ReaderStores): CommandBinding<AppearanceContext> {
  return {
    context: {
      get settings() {
        return settings.getSnapshot();
      },
      update: settings.update,
    },
    watch: [settings],
  };
}
